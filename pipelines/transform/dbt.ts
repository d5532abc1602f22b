// The transform stage: `dbt build` (seeds, models, tests) on a given DuckDB file, with the project's pinned dbt.
import { spawn } from 'node:child_process';
import { constants, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { setPriority } from 'node:os';
import path from 'node:path';
import { ensurePseudonymKey, PSEUDONYM_KEY_ENV } from '../keys/pseudonym-key.js';
import type { Logger } from '../../core/logger.js';
import { dbtPluginDir, sqlDir, venvBinDir } from '../../core/paths.js';
import { ensureValidationSchema } from '../validate/store.js';
import { withWarehouse } from '../../core/warehouse.js';
import { dbtLocation, saveTargetParse, seedTargetParse } from './parse-cache.js';
import { failingRows, failureLine } from './failing-rows.js';
import { readSeedState, recordSeedState, seedFiles, unchangedSeeds, type SeedFile } from './seed-state.js';

export interface DbtSummary {
  ok: boolean;
  passed: number;
  warned: number;
  failed: number;
  skipped: number;
  models: number;
  tests: number;
  seeds: number;
  testsPassed: number;
  testsFailed: number;
  failures: string[];
  durationMs: number;
}

export class DbtError extends Error {}

interface RunResult {
  status: string;
  unique_id: string;
  message: string | null;
  failures: number | null;
  compiled_code?: string | null;
}

export interface DbtHooks {
  /** dbt has started (e.g. to record its pid, so a later run can stop it if this process is killed). */
  onSpawn?: (pid: number, command: string) => void;
  onExit?: (pid: number) => void;
  onLine?: (line: string) => void;
}

/**
 * What dbt needs besides its project: the pseudonymisation key reaches it as a file path, never as its value. The
 * warehouse is named relative to the folder dbt runs in (dbtLocation), so every data folder shares one saved parse.
 */
export function dbtEnv(warehouse: string, pseudonymKeyFile: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CSP_WAREHOUSE: dbtLocation(warehouse).warehouse,
    [PSEUDONYM_KEY_ENV]: pseudonymKeyFile,
    PYTHONPATH: [dbtPluginDir, process.env.PYTHONPATH].filter(Boolean).join(path.delimiter),
    DBT_SEND_ANONYMOUS_USAGE_STATS: 'false',
    DBT_USE_COLORS: 'false',
  };
}

/** Where a build that names no key file keeps its own. */
export const throwawayKeyFile = (workDir: string): string => path.join(workDir, 'pseudonym.key');

const dbtExecutable = (): string => {
  const dbt = path.join(venvBinDir, 'dbt');
  if (!existsSync(dbt))
    throw new DbtError('dbt is not installed in .venv: run `npm install` in the project folder, then run again.');
  return dbt;
};

const commonArgs = (targetPath: string, logDir: string): string[] => [
  '--project-dir',
  sqlDir,
  '--profiles-dir',
  sqlDir,
  '--target-path',
  targetPath,
  '--log-path',
  logDir,
];

/** Runs one dbt command, every output line to the debug log; resolves with the exit code and the last lines. */
async function spawnDbt(
  dbt: string,
  args: string[],
  warehouse: string,
  env: NodeJS.ProcessEnv,
  log: Logger,
  hooks?: DbtHooks,
): Promise<{ code: number; tail: string[] }> {
  const tail: string[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(dbt, args, { env, cwd: dbtLocation(warehouse).cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid !== undefined) hooks?.onSpawn?.(child.pid, dbt);
    const onLine = (line: string) => {
      if (!line.trim()) return;
      hooks?.onLine?.(line);
      tail.push(line);
      if (tail.length > 40) tail.shift();
      log.debug({ dbt: line }, 'dbt');
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buf = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buf += chunk;
        const lines = buf.split('\n');
        buf = lines.pop() ?? '';
        lines.forEach(onLine);
      });
      stream.on('end', () => onLine(buf));
    }
    child.on('error', reject);
    child.on('close', (c) => {
      if (child.pid !== undefined) hooks?.onExit?.(child.pid);
      resolve(c ?? 1);
    });
  });
  return { code, tail };
}

/** The files `dbt docs generate --static` leaves in the target folder: one self-contained page, and its data. */
export const DOCS_FILES = { page: 'static_index.html', manifest: 'manifest.json', catalog: 'catalog.json' } as const;

/** What `dbt docs generate` needs: the warehouse it describes, the build's folders, and where to log. */
interface DocsOptions {
  warehouse: string;
  workDir: string;
  logDir: string;
  log: Logger;
  pseudonymKeyFile?: string;
  hooks?: DbtHooks;
}

/**
 * Starts `dbt docs generate --static` on the built warehouse: the lineage, every description and test, and the
 * catalog (column types) in one HTML page with its data inlined, so it opens from disk or the portal with nothing
 * fetched. `--no-compile`: the build just compiled everything; compiling again would triple the time for SQL the
 * docs show anyway as each model's source.
 *
 * dbt reads a copy of the warehouse, taken before this returns, so the run goes on reading and writing the working
 * warehouse (reports, its ledger) while the docs are made beside it: DuckDB lets only one process open a file for
 * writing, and dbt-duckdb opens it so. The copy has its own folder but the same file name, so dbt sees the same
 * profile and reuses the build's parse. `done` resolves with the target folder holding DOCS_FILES (the copy removed).
 */
export function startDocsGenerate(opts: DocsOptions): { done: Promise<string> } {
  const copyDir = path.join(opts.workDir, 'docs-warehouse');
  rmSync(copyDir, { recursive: true, force: true });
  mkdirSync(copyDir, { recursive: true });
  const copy = path.join(copyDir, path.basename(opts.warehouse));
  // A clone where the file system can (no bytes copied), else a plain copy; the write-ahead log too, if any.
  copyFileSync(opts.warehouse, copy, constants.COPYFILE_FICLONE);
  if (existsSync(`${opts.warehouse}.wal`)) copyFileSync(`${opts.warehouse}.wal`, `${copy}.wal`);
  const done = docsGenerateOn({ ...opts, warehouse: copy }).finally(() =>
    rmSync(copyDir, { recursive: true, force: true }),
  );
  // The caller awaits `done` later: an early failure must not count as an unhandled rejection meanwhile.
  done.catch(() => undefined);
  return { done };
}

async function docsGenerateOn(opts: DocsOptions): Promise<string> {
  const dbt = dbtExecutable();
  // The build's target folder, so dbt reuses its parse (dbtBuild removes run_results.json before each build, so
  // the run_results.json docs writes here is never read as a build's).
  const targetPath = path.join(opts.workDir, 'dbt-target');
  rmSync(path.join(targetPath, DOCS_FILES.page), { force: true });
  const keyFile = opts.pseudonymKeyFile ?? throwawayKeyFile(opts.workDir);
  const args = ['docs', 'generate', '--static', '--no-compile', ...commonArgs(targetPath, opts.logDir)];
  // Below the reports it runs beside: on a busy machine the appendices are what the night waits for.
  const hooks: DbtHooks = {
    ...opts.hooks,
    onSpawn: (pid, command) => {
      try {
        setPriority(pid, 10);
      } catch {
        // not allowed here: the docs run at the same priority
      }
      opts.hooks?.onSpawn?.(pid, command);
    },
  };
  const { code, tail } = await spawnDbt(dbt, args, opts.warehouse, dbtEnv(opts.warehouse, keyFile), opts.log, hooks);
  if (code !== 0 || !existsSync(path.join(targetPath, DOCS_FILES.page))) {
    throw new DbtError(`dbt docs generate failed (exit ${code}):\n${tail.slice(-10).join('\n')}`);
  }
  return targetPath;
}

export async function dbtBuild(opts: {
  warehouse: string;
  workDir: string;
  logDir: string;
  log: Logger;
  /**
   * The installation's pseudonymisation key (made here when there is none yet), see keys/pseudonym-key.ts. `csp`
   * always names the configured one; a throwaway build (tests, tools) gets its own in workDir by default.
   */
  pseudonymKeyFile?: string;
  args?: string[];
  hooks?: DbtHooks;
}): Promise<DbtSummary> {
  const dbt = dbtExecutable();
  // The return-validation marts read the validation schema, which a warehouse never validated does not have yet.
  // Seeds whose table already holds their file are not reloaded (seed-state.ts).
  const seeds = seedFiles(sqlDir);
  const kept = await withWarehouse(opts.warehouse, {}, async (db) => {
    await ensureValidationSchema(db);
    const state = await readSeedState(db);
    return unchangedSeeds(seeds, state.recorded, state.tables);
  });
  const keyFile = opts.pseudonymKeyFile ?? throwawayKeyFile(opts.workDir);
  ensurePseudonymKey(keyFile, opts.log);
  const targetPath = path.join(opts.workDir, 'dbt-target');
  const resultsFile = path.join(targetPath, 'run_results.json');
  // An earlier build's results must never be read as this one's (if dbt dies before writing its own).
  rmSync(resultsFile, { force: true });
  const started = Date.now();
  // Unit tests pin the models' logic on hand-made rows; they run in `npm test` (and `npx dbt test --select
  // test_type:unit`), not every night, where nothing they check can have changed since the code was tested.
  const exclude = kept.length > 0 ? ['--exclude', ...kept.map((f) => `path:${f.selector}`)] : [];
  if (kept.length > 0)
    opts.log.debug(
      { seeds: kept.map((f) => f.name) },
      `transform: ${kept.length} of ${seeds.length} seeds unchanged since the last build that passed, not reloaded`,
    );
  const args = [
    'build',
    '--exclude-resource-type',
    'unit_test',
    ...exclude,
    ...commonArgs(targetPath, opts.logDir),
    ...(opts.args ?? []),
  ];
  seedTargetParse(targetPath, opts.warehouse);
  const { code, tail } = await spawnDbt(
    dbt,
    args,
    opts.warehouse,
    dbtEnv(opts.warehouse, keyFile),
    opts.log,
    opts.hooks,
  );
  saveTargetParse(targetPath, opts.warehouse);

  if (!existsSync(resultsFile)) {
    throw new DbtError(
      `dbt build did not run (exit ${code}):\n${tail.slice(-15).join('\n')}\nFix the problem above (full dbt log in ${opts.logDir}) and run again.`,
    );
  }
  const results = (JSON.parse(readFileSync(resultsFile, 'utf8')) as { results: RunResult[] }).results;
  const count = (pred: (r: RunResult) => boolean) => results.filter(pred).length;
  const kind = (r: RunResult) => r.unique_id.split('.')[0];
  const isTest = (r: RunResult) => kind(r) === 'test' || kind(r) === 'unit_test';
  const failed = results.filter((r) => r.status === 'fail' || r.status === 'error');
  const found = await describeFailedTests(opts.warehouse, failed);
  const failures = failed.map((r) =>
    failureLine(
      r.unique_id.split('.').slice(2).join('.'),
      r.message ?? r.status,
      r.failures,
      found.get(r.unique_id) ?? [],
    ),
  );
  const summary: DbtSummary = {
    ok: code === 0 && failures.length === 0,
    passed: count((r) => r.status === 'pass' || r.status === 'success'),
    warned: count((r) => r.status === 'warn'),
    failed: failures.length,
    skipped: count((r) => r.status === 'skipped'),
    models: count((r) => kind(r) === 'model'),
    tests: count(isTest),
    seeds: count((r) => kind(r) === 'seed'),
    testsPassed: count((r) => isTest(r) && (r.status === 'pass' || r.status === 'success')),
    testsFailed: count((r) => isTest(r) && (r.status === 'fail' || r.status === 'error')),
    failures,
    durationMs: Date.now() - started,
  };
  if (summary.ok) await withWarehouse(opts.warehouse, {}, (db) => recordSeedState(db, seedsHeld(seeds, kept, results)));
  // One readable line for the person watching; every warning in full in the run's log file.
  const warnings = results.filter((x) => x.status === 'warn');
  for (const r of warnings)
    opts.log.debug(
      { node: r.unique_id, message: r.message },
      `transform: warning from ${r.unique_id.split('.').slice(2).join('.')}: ${r.message}`,
    );
  if (warnings.length > 0) {
    const rows = warnings.reduce((n, r) => n + (r.failures ?? 0), 0);
    opts.log.warn(
      { warnings: warnings.map((r) => r.unique_id) },
      `transform: ${warnings.length} data-quality warning(s) over ${rows.toLocaleString('en-GB')} row(s), mostly records that refer to a rejected or missing row (the run log lists each; \`npx csp rejects\` shows what was rejected)`,
    );
  }
  return summary;
}

/** The first failing rows of each test that failed (not those that errored: their SQL did not run). */
async function describeFailedTests(warehouse: string, failed: readonly RunResult[]): Promise<Map<string, string[]>> {
  const tests = failed.filter((r) => r.status === 'fail' && r.unique_id.startsWith('test.'));
  if (tests.length === 0) return new Map();
  return withWarehouse(warehouse, { readOnly: true }, async (db) => {
    const found = new Map<string, string[]>();
    for (const r of tests.slice(0, 20)) found.set(r.unique_id, await failingRows(db, r));
    return found;
  });
}

/** After a build that passed: the seeds it loaded, and those it kept as they were (a --select may leave some out). */
function seedsHeld(seeds: readonly SeedFile[], kept: readonly SeedFile[], results: readonly RunResult[]): SeedFile[] {
  const loaded = new Set(
    results
      .filter((r) => r.unique_id.startsWith('seed.') && r.status === 'success')
      .map((r) => r.unique_id.split('.').at(-1)),
  );
  const keptSet = new Set(kept);
  return seeds.filter((f) => keptSet.has(f) || loaded.has(f.name));
}
