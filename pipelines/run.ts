// One pipeline run: extract -> transform -> report into the working area, then publish only if all passed.
// Every stage is recorded as it starts and ends (runs/<run>.json, and the ops ledger in the working database),
// so a run that is killed part-way still says how far it got.
import { hostname } from 'node:os';
import path from 'node:path';
import { buildReports, writeManifest, type ReportRequest } from '../reports/catalog.js';
import type { ManifestEntry } from '../reports/lib/appendix.js';
import type { Config } from '../core/config.js';
import type { CompletenessRules, HeldExport } from './extract/completeness.js';
import { extract, type ExtractSummary } from './extract/extract.js';
import type { WorkbookShortfall } from './extract/workbook-shortfall.js';
import { ensurePseudonymKey, pseudonymKeyId } from './keys/pseudonym-key.js';
import type { Logger } from '../core/logger.js';
import { writeJsonAtomic } from '../core/atomic.js';
import { faultPause, markFault } from './ops/fault.js';
import { describeStale, evaluateFreshness, readSourceTimes, type SourceFreshness } from './ops/freshness.js';
import { syncLedger } from './ops/ledger.js';
import { runFingerprint } from './ops/unchanged.js';
import { withRetry, isTransientError } from './ops/retry.js';
import { openWorkingDatabase } from './ops/working-db.js';
import type { DataPaths } from '../core/paths.js';
import {
  ensurePublicLinks,
  markPublished,
  publishedRunId,
  runFolder,
  snapshotWarehouse,
  switchCurrent,
} from './publish.js';
import { PSEUDONYMISED_FILE, writePseudonymisedWarehouse } from './pseudonymise.js';
import { readFileSync } from 'node:fs';
import { dbtBuild, startDocsGenerate, type DbtHooks, type DbtSummary } from './transform/dbt.js';
import { publishDocs, writeMartsParquet } from './analyst-files.js';
import { withWarehouse } from '../core/warehouse.js';
import { validateReturns, type ValidationSummary } from './validate/validate.js';

export type Stage = 'extract' | 'transform' | 'report' | 'publish';

export class StageError extends Error {
  constructor(
    readonly stage: Stage,
    message: string,
    /** Counts worth keeping even though the stage failed (e.g. dbt tests passed and failed). */
    readonly details: Partial<StageRecord> = {},
  ) {
    super(message);
  }
}

export interface StageRecord {
  /** `skipped`: a run that found nothing changed did not need this stage. */
  status: 'running' | 'succeeded' | 'failed' | 'skipped';
  startedAt: string;
  finishedAt?: string;
  ms?: number;
  /** Tries taken (more than 1 when a transient failure was retried). */
  attempts: number;
  error?: string;
  files?: number;
  read?: number;
  landed?: number;
  rejected?: number;
  skipped?: number;
  /** Exports the completeness guard held back. */
  held?: number;
  seeds?: number;
  models?: number;
  tests?: number;
  testsPassed?: number;
  testsFailed?: number;
  warned?: number;
}

export interface RunRecord {
  runId: string;
  /** `running` until the run ends; a record left `running` by a killed run is set to `failed` by the next run. */
  status: 'running' | 'succeeded' | 'failed';
  trigger?: string;
  pid?: number;
  hostname?: string;
  startedAt: string;
  finishedAt?: string;
  inputDir: string;
  stages: Partial<Record<Stage, StageRecord>>;
  failedStage?: Stage;
  error?: string;
  /** True once the run's warehouse and appendices are the ones analysts see. */
  published?: boolean;
  publishedAt?: string;
  warehouse?: string;
  appendices?: string;
  files?: ManifestEntry[];
  /** Exports held back by the completeness guard: each source kept its previous data (`csp accept SOURCE` takes it). */
  held?: HeldExport[];
  /** Source freshness seen by this run after extract. */
  freshness?: SourceFreshness[];
  /** Hash of the exports, dbt project, settings and code the run was built from (ops/unchanged.ts). */
  fingerprint?: string;
  /** The DfE's rules on the returns landed (pipelines/validate); "not run" never stops the run publishing. */
  validation?: ValidationSummary;
  /** Set when nothing had changed since the published run: this run kept that run's warehouse and appendices. */
  unchanged?: { keptRunId: string };
  /** Workbook sheets that hold no known export, each with the reason (extract). */
  sheetsPassedOver?: ExtractSummary['passedOver'];
  /** Workbooks landing fewer lists than their source's previous workbook (extract/workbook-shortfall.ts). */
  workbookShortfalls?: WorkbookShortfall[];
  /** Changes the contracts made to raw tables this run, and files that could not be landed again under them (extract/raw-migrations.ts). */
  schemaChanges?: ExtractSummary['schemaChanges'];
  notRelanded?: ExtractSummary['notRelanded'];
  /** The analysts' extras published with the warehouse: the dbt docs site and the marts as Parquet. */
  analyst?: AnalystFilesRecord;
}

export interface AnalystFilesRecord {
  docs: boolean;
  parquetFiles: number;
  /** Why docs or Parquet are missing from this run (they never stop the appendices publishing). */
  warnings: string[];
}

export const newRunId = (now = new Date()): string =>
  `${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}-${Math.random().toString(16).slice(2, 6)}`;

export const runRecordFile = (paths: DataPaths, runId: string): string => path.join(paths.runs, `${runId}.json`);

export async function extractStage(
  paths: DataPaths,
  inputDir: string,
  runId: string,
  log: Logger,
  mappings?: Readonly<Record<string, string>>,
  ssda903Year?: string,
  completeness?: CompletenessRules,
): Promise<ExtractSummary> {
  const summary = await withWarehouse(paths.workWarehouse, {}, async (db) => {
    const s = await extract(db, { inputDir, runId, log, mappings, ssda903Year, completeness });
    await faultPause(paths.root, 'extract'); // test-only: killed here, with the working database open and unflushed
    return s;
  });
  const msg = `extract: ${summary.files.length} file(s), ${summary.read.toLocaleString('en-GB')} rows read, ${summary.landed.toLocaleString('en-GB')} landed, ${summary.rejected.toLocaleString('en-GB')} rejected`;
  if (summary.failed > 0) {
    throw new StageError(
      'extract',
      `${summary.failed} file(s) could not be loaded: ${summary.files
        .filter((f) => f.status === 'failed')
        .map((f) => f.error)
        .join(' | ')}`,
      { files: summary.files.length, read: summary.read, landed: summary.landed, rejected: summary.rejected },
    );
  }
  log.info(
    {
      stage: 'extract',
      ...summary,
      files: undefined,
      passedOver: undefined,
      shortfalls: undefined,
      schemaChanges: summary.schemaChanges.length,
      notRelanded: summary.notRelanded.length,
      held: summary.held.length,
    },
    msg,
  );
  for (const h of summary.held)
    log.warn({ stage: 'extract', source: h.source, file: h.file, reason: h.reason }, `extract: HELD ${h.message}`);
  return summary;
}

export async function transformStage(
  paths: DataPaths,
  log: Logger,
  pseudonymKeyFile: string,
  hooks: DbtHooks = {},
): Promise<DbtSummary> {
  const summary = await dbtBuild({
    warehouse: paths.workWarehouse,
    workDir: paths.workDir,
    logDir: paths.logs,
    log,
    pseudonymKeyFile,
    hooks: {
      ...hooks,
      onLine: (line) => {
        hooks.onLine?.(line);
        if (/\bSTART\b/.test(line)) markFault(paths.root, 'transform'); // test-only: dbt is now building
      },
    },
  });
  await faultPause(paths.root, 'transform');
  if (!summary.ok) {
    throw new StageError(
      'transform',
      `dbt build failed (${summary.failed} of ${summary.models + summary.tests + summary.seeds} nodes): ${summary.failures.slice(0, 5).join('; ')}`,
      {
        models: summary.models,
        tests: summary.tests,
        seeds: summary.seeds,
        testsPassed: summary.testsPassed,
        testsFailed: summary.testsFailed,
        warned: summary.warned,
      },
    );
  }
  log.info(
    { stage: 'transform', ...summary, failures: undefined },
    `transform: dbt build passed: ${summary.seeds} seeds, ${summary.models} models, ${summary.tests} tests (${summary.warned} warnings) in ${(summary.durationMs / 1000).toFixed(1)} s`,
  );
  return summary;
}

/**
 * Starts `dbt docs generate` on (a copy of) the built warehouse, to run beside the reports; resolves with its target
 * folder, or null when it failed: a failure is a warning, docs never hold the appendices back. Never rejects.
 */
function startDocs(
  paths: DataPaths,
  log: Logger,
  hooks: DbtHooks,
  analyst: AnalystFilesRecord,
  pseudonymKeyFile?: string,
): Promise<string | null> {
  const started = Date.now();
  const failed = (e: unknown): null => {
    analyst.warnings.push(`dbt docs not generated: ${errorMessage(e).split('\n')[0]}`);
    log.warn(
      { stage: 'transform', err: errorMessage(e) },
      `transform: dbt docs not generated (${errorMessage(e).split('\n')[0]}); the run publishes without them`,
    );
    return null;
  };
  try {
    const { done } = startDocsGenerate({
      warehouse: paths.workWarehouse,
      workDir: paths.workDir,
      logDir: paths.logs,
      log,
      hooks,
      pseudonymKeyFile,
    });
    return done.then((target) => {
      // stage 'transform' and `ms`: tools/bench.mjs reads this line for the docs' own time.
      log.info(
        { stage: 'transform', ms: Date.now() - started },
        `transform: dbt docs generated (${((Date.now() - started) / 1000).toFixed(1)} s, beside the reports)`,
      );
      return target;
    }, failed);
  } catch (e) {
    return Promise.resolve(failed(e));
  }
}

/** Docs and Parquet into the run's folder before the switch; a failure is recorded and logged, never fatal. */
async function publishAnalystFiles(
  martsFrom: string,
  folder: string,
  docsTarget: string | null,
  log: Logger,
  analyst: AnalystFilesRecord,
): Promise<void> {
  if (docsTarget) {
    try {
      publishDocs(docsTarget, folder);
      analyst.docs = true;
    } catch (e) {
      analyst.warnings.push(`dbt docs not published: ${errorMessage(e)}`);
      log.warn({ stage: 'publish', err: errorMessage(e) }, `publish: dbt docs not published (${errorMessage(e)})`);
    }
  }
  try {
    const started = Date.now();
    const files = await writeMartsParquet(martsFrom, folder);
    analyst.parquetFiles = files.length;
    log.info(
      { stage: 'publish', tables: files.length, rows: files.reduce((n, f) => n + f.rows, 0), ms: Date.now() - started },
      `publish: ${files.length} marts written as Parquet (${Date.now() - started} ms)`,
    );
  } catch (e) {
    analyst.warnings.push(`marts not written as Parquet: ${errorMessage(e)}`);
    log.warn(
      { stage: 'publish', err: errorMessage(e) },
      `publish: marts not written as Parquet (${errorMessage(e)}); the run publishes without them`,
    );
  }
}

const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export interface RunOptions {
  config: Config;
  paths: DataPaths;
  inputDir: string;
  runId: string;
  log: Logger;
  reports: ReportRequest[];
  /** The council's mapping CSV per source (absolute paths), see config `mappings`. */
  mappings?: Readonly<Record<string, string>>;
  /** The installation's pseudonymisation key (keys/pseudonym-key.ts); made at the first run. */
  pseudonymKeyFile: string;
  trigger?: string;
  /** Told about child processes (dbt) so they can be stopped if this run is killed. */
  children?: { add(pid: number, command: string): void; remove(pid: number): void };
  /** Records of earlier runs corrected by recovery, written to the ledger with this run's first entry. */
  recovered?: RunRecord[];
  /** Rebuild and publish even when nothing changed since the published run. */
  force?: boolean;
}

function readRecord(file: string): RunRecord | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunRecord;
  } catch {
    return null;
  }
}

/** The published run, when this run's fingerprint is the one it was built from and every export was skipped. */
function unchangedSince(paths: DataPaths, extracted: ExtractSummary, fingerprint: string): RunRecord | null {
  if (extracted.files.length === 0 || extracted.files.some((f) => f.status !== 'skipped')) return null;
  const pubId = publishedRunId(paths);
  const published = pubId ? readRecord(runRecordFile(paths, pubId)) : null;
  return published?.status === 'succeeded' && published.published && published.fingerprint === fingerprint
    ? published
    : null;
}

/** One run's record and the helpers every step uses to run a stage, retry, and write the record and ledger. */
interface RunContext {
  opts: RunOptions;
  record: RunRecord;
  /** Writes runs/<id>.json (atomically), so a crash leaves the last step's state on disk. */
  save: () => void;
  retry: <T>(what: string, work: () => Promise<T>) => Promise<T>;
  ledger: (extra?: Parameters<typeof syncLedger>[2]) => Promise<void>;
  /** Runs one stage (retried when a failure looks temporary), recording its start, outcome and figures. */
  stage: <T>(name: Stage, work: () => Promise<T>, describe: (r: T) => Partial<StageRecord>) => Promise<T>;
  started: number;
}

export async function runPipeline(opts: RunOptions): Promise<RunRecord> {
  const { paths, log, runId } = opts;
  const c = startRun(opts);
  // dbt docs, running beside the reports once the build passed (never rejects); awaited before the run returns.
  let docs: Promise<string | null> = Promise.resolve(null);
  log.info({ runId, input: opts.inputDir, data: paths.root }, `run ${runId}: starting (exports from ${opts.inputDir})`);
  try {
    const { summary, workingDbRestored } = await extractStep(c);
    const pseudonymKey = ensurePseudonymKey(opts.pseudonymKeyFile, log);
    c.record.fingerprint = runFingerprint({
      config: opts.config,
      reports: opts.reports,
      mappings: opts.mappings,
      files: summary.files,
      pseudonymKeyId: pseudonymKeyId(pseudonymKey),
    });
    const kept = opts.force || workingDbRestored ? null : unchangedSince(paths, summary, c.record.fingerprint);
    if (kept) return await keepPublished(c, kept);
    // Validation is not a stage that can fail: it always returns, saying "not run" and why when it could not.
    c.record.validation = await validateReturns({
      config: opts.config,
      workWarehouse: paths.workWarehouse,
      workDir: paths.workDir,
      inputDir: opts.inputDir,
      runId,
      log,
      children: opts.children,
    });
    c.save();
    const analyst: AnalystFilesRecord = { docs: false, parquetFiles: 0, warnings: [] };
    ({ docs } = await transformStep(c, analyst));
    const files = await reportStep(c);
    await publishStep(c, await docs, analyst);
    c.record.warehouse = paths.warehouse;
    c.record.appendices = paths.appendices;
    c.record.files = files;
    log.info(
      { runId, ms: Date.now() - c.started },
      `run ${runId}: succeeded in ${((Date.now() - c.started) / 1000).toFixed(1)} s`,
    );
    return c.record;
  } catch (e) {
    return await recordFailure(c, e);
  } finally {
    await docs; // a failed report must not leave dbt docs running after the run
    c.record.finishedAt ??= new Date().toISOString();
    c.save();
  }
}

/** The run's record, written at once so `csp status` sees the run from its first moment, and its stage runner. */
function startRun(opts: RunOptions): RunContext {
  const { paths, log, runId, config } = opts;
  const record: RunRecord = {
    runId,
    status: 'running',
    trigger: opts.trigger ?? 'manual',
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    inputDir: opts.inputDir,
    stages: {},
    published: false,
  };
  const save = () => writeJsonAtomic(runRecordFile(paths, runId), record);
  save();
  const retry = <T>(what: string, work: () => Promise<T>) =>
    withRetry(work, {
      ...config.ops.retry,
      isTransient: isTransientError,
      onRetry: (e, attempt, delayMs) =>
        log.warn(
          { stage: what, attempt, delayMs, err: errorMessage(e) },
          `${what}: ${errorMessage(e).split('\n')[0]}: looks temporary, retrying in ${delayMs} ms (try ${attempt + 1} of ${config.ops.retry.attempts})`,
        ),
    });
  const ledger = (extra: Parameters<typeof syncLedger>[2] = {}) =>
    retry('ledger', () => syncLedger(paths.workWarehouse, [record], extra));

  const stage = async <T>(
    name: Stage,
    work: () => Promise<T>,
    describe: (r: T) => Partial<StageRecord>,
  ): Promise<T> => {
    const rec: StageRecord = { status: 'running', startedAt: new Date().toISOString(), attempts: 0 };
    record.stages[name] = rec;
    save();
    const t0 = Date.now();
    try {
      const result = await retry(name, () => {
        rec.attempts++;
        return work();
      });
      Object.assign(rec, describe(result), {
        status: 'succeeded',
        finishedAt: new Date().toISOString(),
        ms: Date.now() - t0,
      });
      if (name !== 'publish') await ledger(); // publish writes its own entry before the snapshot is taken
      save();
      return result;
    } catch (e) {
      const err = e instanceof StageError ? e : new StageError(name, errorMessage(e));
      Object.assign(rec, err.details, {
        status: 'failed',
        finishedAt: new Date().toISOString(),
        ms: Date.now() - t0,
        error: err.message,
      });
      throw err;
    }
  };
  return { opts, record, save, retry, ledger, stage, started: Date.now() };
}

/** Extract: repair the working database if need be, land the exports, and judge each source's freshness. */
async function extractStep(c: RunContext): Promise<{ summary: ExtractSummary; workingDbRestored: boolean }> {
  const { opts, record } = c;
  const { paths, log, runId, config } = opts;
  // A working database started again after damage is rebuilt from in full, even if nothing else changed.
  let workingDbRestored = false;
  const summary = await c.stage(
    'extract',
    async () => {
      // First touch of the working database: repair it if a crash damaged it, then record this run.
      // (No retries in here: the stage as a whole is retried when a failure looks temporary.)
      workingDbRestored = await openWorkingDatabase(paths, log);
      await syncLedger(paths.workWarehouse, [...(opts.recovered ?? []), record], {
        sweep: { thisRunId: runId, publishedRunId: publishedRunId(paths) },
      });
      const summary = await extractStage(
        paths,
        opts.inputDir,
        runId,
        log,
        opts.mappings,
        config.returns.ssda903.collectionYear,
        config.completeness,
      );
      record.held = summary.held;
      record.sheetsPassedOver = summary.passedOver;
      record.workbookShortfalls = summary.shortfalls;
      if (summary.schemaChanges.length) record.schemaChanges = summary.schemaChanges;
      if (summary.notRelanded.length) record.notRelanded = summary.notRelanded;
      await withWarehouse(paths.workWarehouse, { readOnly: true }, async (db) => {
        record.freshness = evaluateFreshness(await readSourceTimes(db), config.ops.freshness);
      });
      for (const f of record.freshness ?? [])
        if (f.stale)
          log.warn(
            { stage: 'extract', source: f.source, ageDays: f.ageDays, maxAgeDays: f.maxAgeDays },
            `freshness: ${describeStale(f)}: check the export job`,
          );
      return summary;
    },
    (s) => ({
      files: s.files.length,
      read: s.read,
      landed: s.landed,
      rejected: s.rejected,
      skipped: s.files.filter((f) => f.status === 'skipped').length,
      held: s.held.length,
    }),
  );
  return { summary, workingDbRestored };
}

/** Nothing to rebuild: the published warehouse and appendices already are what this run would make. */
async function keepPublished(c: RunContext, kept: RunRecord): Promise<RunRecord> {
  const { record, opts } = c;
  const { paths, log, runId } = opts;
  const extracted = record.stages.extract!;
  const now = new Date().toISOString();
  for (const name of ['transform', 'report', 'publish'] as const)
    record.stages[name] = { status: 'skipped', startedAt: now, finishedAt: now, ms: 0, attempts: 0 };
  Object.assign(record, {
    status: 'succeeded',
    unchanged: { keptRunId: kept.runId },
    files: kept.files,
    warehouse: paths.warehouse,
    appendices: paths.appendices,
    finishedAt: now,
  });
  log.info(
    { runId, keptRunId: kept.runId, skipped: extracted.skipped, ms: Date.now() - c.started },
    `run ${runId}: nothing changed since run ${kept.runId} (all ${extracted.files} export(s) unchanged, same dbt project, settings and code): kept its warehouse and appendices, skipped transform and report. \`csp run --force\` rebuilds anyway.`,
  );
  await c.ledger();
  return record;
}

/**
 * Transform: dbt build in the working database; then starts its docs site on a copy of the built warehouse, to be
 * made while the reports run. Returns the docs' promise (see startDocs), wrapped so that it is not awaited here.
 */
async function transformStep(c: RunContext, analyst: AnalystFilesRecord): Promise<{ docs: Promise<string | null> }> {
  const { paths, log, children, pseudonymKeyFile } = c.opts;
  let docs: Promise<string | null> = Promise.resolve(null);
  await c.stage(
    'transform',
    async () => {
      const hooks: DbtHooks = {
        onSpawn: (pid, command) => children?.add(pid, command),
        onExit: (pid) => children?.remove(pid),
      };
      const summary = await transformStage(paths, log, pseudonymKeyFile, hooks);
      docs = startDocs(paths, log, hooks, analyst, pseudonymKeyFile);
      return summary;
    },
    (s) => ({
      models: s.models,
      tests: s.tests,
      seeds: s.seeds,
      testsPassed: s.testsPassed,
      testsFailed: s.testsFailed,
      warned: s.warned,
    }),
  );
  return { docs };
}

/** Report: every requested appendix from the working database into the run's own folder, then its manifest. */
async function reportStep(c: RunContext): Promise<ManifestEntry[]> {
  const { paths, log, runId, config, reports } = c.opts;
  const outDir = path.join(paths.published, runId, 'appendices');
  return c.stage(
    'report',
    async () => {
      const entries = await withWarehouse(paths.workWarehouse, { readOnly: true }, (db) =>
        buildReports(db, { config, dataRoot: paths.root, outDir, runId, log, requests: reports }),
      );
      await faultPause(paths.root, 'report'); // test-only: appendices written, manifest not yet
      writeManifest(outDir, entries, runId);
      return entries;
    },
    (e) => ({ files: e.length }),
  );
}

/** Publish: snapshot, pseudonymised copy and analyst files, then the one switch that makes the run current. */
async function publishStep(c: RunContext, docsTarget: string | null, analyst: AnalystFilesRecord): Promise<void> {
  const { record } = c;
  const { paths, log, runId } = c.opts;
  await c.stage(
    'publish',
    async () => {
      // The snapshot carries its own ledger, so it says "published" before the switch that makes it so; if the
      // switch does not happen the snapshot is never seen and the working ledger is corrected below.
      const publishedAt = new Date().toISOString();
      Object.assign(record, { status: 'succeeded', published: true, publishedAt, finishedAt: publishedAt });
      Object.assign(record.stages.publish!, { status: 'succeeded', finishedAt: publishedAt });
      try {
        const started = Date.now();
        await syncLedger(paths.workWarehouse, [record], { checkpoint: true });
        const snapshot = await snapshotWarehouse(paths, runId);
        log.info(
          { stage: 'publish', ms: Date.now() - started },
          `publish: warehouse snapshot written (${Date.now() - started} ms)`,
        );
        const pseudonymised = path.join(runFolder(paths, runId), PSEUDONYMISED_FILE);
        await writePseudonymisedWarehouse(snapshot, pseudonymised, log);
        // BI tools reach beyond the performance team: their Parquet comes from the pseudonymised copy.
        await publishAnalystFiles(pseudonymised, runFolder(paths, runId), docsTarget, log, analyst);
        record.analyst = analyst;
        await faultPause(paths.root, 'publish'); // test-only: snapshot complete, not yet switched
        switchCurrent(paths, runId);
      } catch (e) {
        Object.assign(record, { status: 'running', published: false, publishedAt: undefined, finishedAt: undefined });
        throw e;
      }
      // Published. What follows tidies up and cannot undo it.
      try {
        ensurePublicLinks(paths);
        markPublished(paths, runId, publishedAt);
      } catch (e) {
        log.warn(
          { err: errorMessage(e) },
          `publish: published, but tidying the links failed (${errorMessage(e)}); the next run repairs them`,
        );
      }
    },
    () => ({}),
  );
}

/** A failed run: recorded as such (stage and reason) in its record and the ledger; the published run is untouched. */
async function recordFailure(c: RunContext, e: unknown): Promise<RunRecord> {
  const { record } = c;
  const { paths, log, runId } = c.opts;
  const err = e instanceof StageError ? e : new StageError('extract', errorMessage(e));
  Object.assign(record, {
    status: 'failed',
    published: false,
    publishedAt: undefined,
    failedStage: err.stage,
    error: err.message,
  });
  log.error(
    { runId, stage: err.stage, err: err.message },
    `run ${runId}: FAILED at ${err.stage}: ${err.message}. The published warehouse and appendices were left as they were.`,
  );
  record.finishedAt = new Date().toISOString();
  try {
    await syncLedger(paths.workWarehouse, [record]);
  } catch (le) {
    log.warn(
      { err: errorMessage(le) },
      `ledger: could not record the failure in ops.runs (${errorMessage(le)}); runs/${runId}.json has it`,
    );
  }
  return record;
}
