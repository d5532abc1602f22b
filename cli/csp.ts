// `csp`: the command line. Each command is a thin shell over a pipeline function; errors end in one line
// that says what to do next, and a non-zero exit.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { buildReports, mergeManifest } from '../reports/catalog.js';
import { isReportId, REPORTS, variantsOf, type ReportId } from '../reports/registry.js';
import { writeReturnsDemo } from '../sources/demo/returns.js';
import { writeSsdDemo } from '../sources/demo/ssd.js';
import { DEMO_DEFAULTS, writeDemo } from '../sources/demo/write-demo.js';
import { ConfigError, demoConfig, loadConfig, type Config } from '../core/config.js';
import { extract } from '../pipelines/extract/extract.js';
import { pseudonymKeyFile, PseudonymKeyError } from '../pipelines/keys/pseudonym-key.js';
import { writeRejectsWorkbook } from '../pipelines/extract/rejects-workbook.js';
import { createLogger, type Logger } from '../core/logger.js';
import { EXIT_LOCKED, guardedRun } from '../pipelines/ops/guarded-run.js';
import { acquireRunLock, LockHeldError } from '../pipelines/ops/lock.js';
import { AcceptError, acceptHeld } from '../pipelines/extract/accept.js';
import { spawnCspRun, startScheduler } from '../pipelines/ops/schedule.js';
import { buildStatus, formatStatus } from '../pipelines/ops/status.js';
import { dataPaths, type DataPaths } from '../core/paths.js';
import { promptNewPassword, readStdin } from '../portal/prompt.js';
import { createPortal, portalFiles } from '../portal/server.js';
import { addUser, readUsers, removeUser, ROLES, UsersFileError, type Role } from '../portal/users.js';
import { extractStage, newRunId, transformStage } from '../pipelines/run.js';
import { withWarehouse } from '../core/warehouse.js';
import { periodEndOf } from '../core/calendar/dates.js';

const isoDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  return v;
};
const periodEnd = (v: string) => {
  const end = periodEndOf(v);
  if (!end)
    throw new InvalidArgumentError('expected a day (YYYY-MM-DD), a month (YYYY-MM) or a financial year (YYYY-YY)');
  return end;
};
const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
};
const rate = (v: string) => {
  const n = Number(v);
  if (!(n >= 0 && n <= 0.5)) throw new InvalidArgumentError('expected a share between 0 and 0.5');
  return n;
};

interface Context {
  config: Config;
  configBase: string;
  paths: DataPaths;
  log: Logger;
  runId: string;
}

/** A data folder last run on the synthetic demo keeps the demo's settings for every command (status, report). */
const demoMarker = (paths: DataPaths) => path.join(paths.root, '.demo');

function context(opts: { config?: string; demo?: boolean }): Context {
  const paths = dataPaths();
  const demo = opts.demo ?? existsSync(demoMarker(paths));
  const { config, baseDir } = loadConfig(opts.config, demo ? demoConfig : undefined);
  const runId = newRunId();
  const log = createLogger({ logFile: path.join(paths.logs, `${runId}.log`) });
  return { config, configBase: baseDir, paths, log, runId };
}

/**
 * Commands that write the working warehouse take the run lock, as `csp run` does: while a run is going they stop
 * at once with its message and exit 75 (try again later), instead of failing on DuckDB's file lock part-way.
 */
async function withRunLock(ctx: Context, command: string, work: () => Promise<void>): Promise<void> {
  let lock: Awaited<ReturnType<typeof acquireRunLock>>;
  try {
    lock = await acquireRunLock(ctx.paths.lock, ctx.runId);
  } catch (e) {
    if (!(e instanceof LockHeldError)) throw e;
    console.error(`csp ${command}: ${e.message}`);
    process.exitCode = EXIT_LOCKED;
    return;
  }
  try {
    await work();
  } finally {
    lock.release();
  }
}

/** The council's mapping files, by source, as absolute paths (relative ones are relative to the config file). */
const mappingFiles = (ctx: Context): Record<string, string> =>
  Object.fromEntries(
    Object.entries(ctx.config.mappings).map(([source, file]) => [source, path.resolve(ctx.configBase, file)]),
  );

function inputDirFor(ctx: Context, input?: string): string {
  if (input) return path.resolve(input);
  if (ctx.config.inputDir) return path.resolve(ctx.configBase, ctx.config.inputDir);
  return path.join(ctx.paths.root, 'input');
}

async function writeDemoInput(ctx: Context): Promise<string> {
  const out = ctx.paths.demoInput;
  mkdirSync(ctx.paths.root, { recursive: true });
  writeFileSync(
    demoMarker(ctx.paths),
    'This data folder holds the synthetic demo: csp applies the demo settings here.\n',
  );
  const files = await writeDemo({ out, ...DEMO_DEFAULTS });
  for (const f of files)
    ctx.log.info(
      { file: f.file, rows: f.rows, faults: f.faults },
      `demo: wrote ${f.rows.toLocaleString('en-GB')} ${f.entity} (${f.faults} with deliberate data-quality faults) to ${path.relative(process.cwd(), f.file) || f.file}`,
    );
  return out;
}

const program = new Command()
  .name('csp')
  .description(
    "Children's services performance pipeline: council exports -> DuckDB warehouse -> committee appendices (Excel and PDF).\nEvery command keeps its warehouse, appendices, logs and run records under $CSP_DATA_DIR (default: the project's data/ folder).",
  )
  .showHelpAfterError('(run with --help for usage)')
  .configureHelp({ sortSubcommands: false });

const configOption = () =>
  new Option(
    '-c, --config <file>',
    'council settings file (default: $CSP_CONFIG or ./csp.config.json; built-in defaults otherwise)',
  );

program
  .command('run')
  .description(
    'Run the whole pipeline: extract the exports, build the warehouse with dbt, write the appendices, then publish them.',
  )
  .option(
    '-i, --input <dir>',
    'folder holding the council exports (default: config inputDir, else $CSP_DATA_DIR/input)',
  )
  .option(
    '--demo',
    'generate the bundled synthetic demo exports and run on them (reproduces the 29 June 2020 committee appendix)',
  )
  .option('--force', 'rebuild and publish even when no export, setting or code changed since the published run')
  .addOption(configOption())
  .action(async (opts: { input?: string; demo?: boolean; force?: boolean; config?: string }) => {
    // A run is a demo only when asked; a real run in a former demo folder drops the demo marker.
    const ctx = context({ ...opts, demo: Boolean(opts.demo) });
    if (!opts.demo) rmSync(demoMarker(ctx.paths), { force: true });
    let result: Awaited<ReturnType<typeof guardedRun>>;
    try {
      // The lock, recovery, retention, status.json and notify wrap the pipeline itself (pipelines/ops/).
      result = await guardedRun({
        config: ctx.config,
        paths: ctx.paths,
        runId: ctx.runId,
        log: ctx.log,
        reports: REPORTS.flatMap((report) =>
          variantsOf(report).map((variant) => ({ report, variant, skipWithoutData: true })),
        ),
        mappings: mappingFiles(ctx),
        pseudonymKeyFile: pseudonymKeyFile(ctx.config, ctx.configBase, ctx.paths),
        trigger: process.env.CSP_TRIGGER === 'schedule' ? 'schedule' : 'manual',
        force: opts.force,
        prepareInput: async () => (opts.demo && !opts.input ? await writeDemoInput(ctx) : inputDirFor(ctx, opts.input)),
      });
    } catch (e) {
      if (!(e instanceof LockHeldError)) throw e;
      console.error(`csp run: ${e.message}`);
      process.exitCode = EXIT_LOCKED;
      return;
    }
    const { record } = result;
    if (record.status !== 'succeeded') {
      const more = (record.error ?? '').split('\n').slice(1).join('\n').trim();
      console.error(
        [
          result.summary,
          ...(more ? [more] : []),
          `Run record: ${path.join(ctx.paths.runs, `${record.runId}.json`)}; full log: ${path.join(ctx.paths.logs, `${record.runId}.log`)}; \`csp status\` shows what analysts see now.`,
        ].join('\n'),
      );
      process.exitCode = 1;
      return;
    }
    const rel = (p: string) => path.relative(process.cwd(), p) || p;
    console.log(
      [
        '',
        `Appendices:  ${rel(ctx.paths.appendices)}/`,
        ...(record.files ?? []).map((f) => `  ${f.file}`),
        `Warehouse:   ${rel(ctx.paths.warehouse)}  (query it: npx duckdb -readonly ${rel(ctx.paths.warehouse)})`,
        `             ${rel(ctx.paths.pseudonymisedWarehouse)}  (pseudonymised: for analysts and BI beyond the performance team)`,
        `Run record:  ${rel(path.join(ctx.paths.runs, `${record.runId}.json`))}`,
        result.summary,
      ].join('\n'),
    );
  });

program
  .command('schedule')
  .description(
    'Stay running and start `csp run` at the scheduled time (schedule.cron in schedule.timezone; default 03:15 every day, Europe/London). Runs never overlap; the next run time is logged.',
  )
  .option('--cron <expression>', 'when to run, overriding schedule.cron (five fields, e.g. "15 3 * * *")')
  .option('--timezone <zone>', 'IANA timezone, overriding schedule.timezone (e.g. Europe/London)')
  .option(
    '-i, --input <dir>',
    'folder holding the council exports (default: config inputDir, else $CSP_DATA_DIR/input)',
  )
  .addOption(configOption())
  .action(async (opts: { cron?: string; timezone?: string; input?: string; config?: string }) => {
    const { config } = loadConfig(opts.config);
    const paths = dataPaths();
    const log = createLogger({ logFile: path.join(paths.logs, 'schedule.log') });
    const runArgs = [
      'run',
      ...(opts.input ? ['--input', path.resolve(opts.input)] : []),
      ...(opts.config ? ['--config', path.resolve(opts.config)] : []),
    ];
    let current: ReturnType<typeof spawnCspRun> | null = null;
    const scheduler = startScheduler({
      cron: opts.cron ?? config.schedule.cron,
      timezone: opts.timezone ?? config.schedule.timezone,
      log,
      run: async () => {
        current = spawnCspRun(runArgs);
        try {
          return await current.exit;
        } finally {
          current = null;
        }
      },
    });
    await new Promise<void>((resolve) => {
      const stop = (signal: NodeJS.Signals) => {
        log.info(
          `schedule: ${signal} received, stopping${current ? ' (and the run in progress, which records that it was stopped)' : ''}`,
        );
        current?.child.kill('SIGTERM');
        void scheduler.stop().then(resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  });

program
  .command('status')
  .description(
    'Say, in one screen, whether the last run worked, which run the warehouse and appendices are from, whether a run is going now, and how old each source is against its freshness limit.',
  )
  .option('--json', 'print the status as JSON (the same shape as $CSP_DATA_DIR/status.json, but as of now)')
  .option('--check', 'exit 1 unless the last run published and no source is stale or overdue (for monitoring)')
  .addOption(configOption())
  .action(async (opts: { json?: boolean; check?: boolean; config?: string }) => {
    const paths = dataPaths();
    const { config } = loadConfig(opts.config, existsSync(demoMarker(paths)) ? demoConfig : undefined);
    const view = await buildStatus(paths, config);
    console.log(opts.json ? JSON.stringify(view, null, 2) : formatStatus(view));
    if (opts.check && !view.ok) process.exitCode = 1;
  });

program
  .command('serve')
  .description(
    "Start the officers' portal: sign in, list and download the appendices (public variants for officers; restricted ones and run status for the performance team). Every download is audited.",
  )
  .option('--host <address>', 'interface to listen on (default: portal.host, 127.0.0.1)')
  .option('--port <n>', 'port to listen on; 0 picks a free one (default: portal.port, 8080)', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 65535)
      throw new InvalidArgumentError('expected a port number from 0 to 65535');
    return n;
  })
  .addOption(configOption())
  .action(async (opts: { host?: string; port?: number; config?: string }) => {
    const paths = dataPaths();
    const { config, baseDir } = loadConfig(opts.config, existsSync(demoMarker(paths)) ? demoConfig : undefined);
    const files = portalFiles(config, baseDir, paths);
    const log = createLogger({ logFile: path.join(paths.logs, 'portal.log') });
    const users = readUsers(files.usersFile);
    if (!users.length && !config.portal.trustedProxy.header)
      log.warn(`portal: no users in ${files.usersFile} yet: add one with \`csp user add NAME --role officer\``);
    const app = await createPortal({ config, paths, log, ...files });
    await app.listen({ host: opts.host ?? config.portal.host, port: opts.port ?? config.portal.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : opts.port;
    const host = opts.host ?? config.portal.host;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
    log.info(
      { url, usersFile: files.usersFile, auditLog: files.auditFile, users: users.length },
      `portal: listening on ${url} (${users.length} user(s) in ${files.usersFile}; audit log ${files.auditFile})`,
    );
    await new Promise<void>((resolve) => {
      const stop = (signal: NodeJS.Signals) => {
        log.info(`portal: ${signal} received, stopping`);
        void app.close().then(() => resolve());
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  });

const user = program
  .command('user')
  .description("Manage the portal's users (the users file: portal.usersFile, default $CSP_DATA_DIR/users.json).");
const roleOption = () =>
  new Option('--role <role>', 'officer (public appendices) or performance (also restricted appendices and run status)')
    .choices([...ROLES])
    .makeOptionMandatory();
const usersFileFor = (configFile?: string) => {
  const paths = dataPaths();
  const { config, baseDir } = loadConfig(configFile);
  return portalFiles(config, baseDir, paths).usersFile;
};

user
  .command('add')
  .description(
    "Add a user, or change an existing user's role and password. The password is read from stdin when piped (or with --password-stdin), else asked for twice.",
  )
  .argument('<username>', 'sign-in name, e.g. j.smith')
  .addOption(roleOption())
  .option('--password-stdin', 'read the password from stdin (one line)')
  .option('--proxy-only', 'no password: the user signs in only through the trusted reverse proxy (portal.trustedProxy)')
  .addOption(configOption())
  .action(
    async (username: string, opts: { role: Role; passwordStdin?: boolean; proxyOnly?: boolean; config?: string }) => {
      const file = usersFileFor(opts.config);
      const password = opts.proxyOnly
        ? null
        : opts.passwordStdin || !process.stdin.isTTY
          ? await readStdin()
          : await promptNewPassword();
      const { created, user: u } = await addUser(file, { username, role: opts.role, password });
      console.log(
        `${created ? 'added' : 'updated'} ${u.username} (${u.role}${password === null ? ', proxy sign-in only' : ''}) in ${file}`,
      );
    },
  );

user
  .command('list')
  .description('List the users and their roles.')
  .addOption(configOption())
  .action((opts: { config?: string }) => {
    const file = usersFileFor(opts.config);
    const users = readUsers(file);
    if (!users.length) console.log(`no users in ${file}: add one with \`csp user add NAME --role officer\``);
    for (const u of users)
      console.log(
        `${u.username.padEnd(32)} ${u.role.padEnd(12)} ${u.passwordHash ? 'password' : 'proxy only'}  added ${u.createdAt.slice(0, 10)}`,
      );
  });

user
  .command('remove')
  .description('Remove a user (they are signed out at their next request).')
  .argument('<username>')
  .addOption(configOption())
  .action((username: string, opts: { config?: string }) => {
    const file = usersFileFor(opts.config);
    if (!removeUser(file, username))
      throw new Error(`no user '${username}' in ${file}: \`csp user list\` shows who there is.`);
    console.log(`removed ${username} from ${file}`);
  });

program
  .command('extract')
  .description(
    'Validate every export in the input folder against its contract and land it in the working warehouse (schema raw). Rejected rows go to raw._rejects with a reason.',
  )
  .option('-i, --input <dir>', 'folder holding the council exports')
  .option('--json', 'print one JSON object per file (file, source, status, read, landed, rejected, durationMs, error)')
  .addOption(configOption())
  .action(async (opts: { input?: string; json?: boolean; config?: string }) => {
    const ctx = context(opts);
    const inputDir = inputDirFor(ctx, opts.input);
    const completeness = ctx.config.completeness;
    await withRunLock(ctx, 'extract', async () => {
      if (opts.json) {
        const quiet = createLogger({ logFile: path.join(ctx.paths.logs, `${ctx.runId}.log`), level: 'silent' });
        const summary = await withWarehouse(ctx.paths.workWarehouse, {}, (db) =>
          extract(db, {
            inputDir,
            runId: ctx.runId,
            log: quiet,
            mappings: mappingFiles(ctx),
            ssda903Year: ctx.config.returns.ssda903.collectionYear,
            completeness,
          }),
        );
        for (const f of summary.files) {
          console.log(
            JSON.stringify({
              file: f.file,
              source: f.source,
              status: f.status,
              read: f.read,
              landed: f.landed,
              rejected: f.rejected,
              durationMs: f.durationMs,
              ...(f.landing ? { landing: f.landing } : {}),
              ...(f.held ? { held: f.held.reason } : {}),
              ...(f.duplicateOf ? { duplicateOf: f.duplicateOf } : {}),
              ...(f.error ? { error: f.error } : {}),
            }),
          );
        }
        if (summary.failed) process.exitCode = 1;
        return;
      }
      await extractStage(
        ctx.paths,
        inputDir,
        ctx.runId,
        ctx.log,
        mappingFiles(ctx),
        ctx.config.returns.ssda903.collectionYear,
        completeness,
      );
    });
  });

program
  .command('accept')
  .description(
    'Take an export the completeness guard held back (far fewer rows than the previous one, or older dates) when the change is real: the next run lands it. A cut-off file cannot be accepted, only exported again.',
  )
  .argument('<source>', 'the held source as `csp status` names it, e.g. case_management.contacts')
  .addOption(configOption())
  .action(async (source: string, opts: { config?: string }) => {
    const ctx = context(opts);
    await withRunLock(ctx, 'accept', async () => {
      if (!existsSync(ctx.paths.workWarehouse))
        throw new AcceptError(
          `no working warehouse at ${ctx.paths.workWarehouse}, so nothing is held: run \`csp run\` first.`,
        );
      const { files } = await withWarehouse(ctx.paths.workWarehouse, {}, (db) => acceptHeld(db, source));
      for (const f of files) {
        console.log(
          `accepted ${f.file} for ${source}: ${f.rows.toLocaleString('en-GB')} rows${f.previousRows === null ? '' : ` (the previous export had ${f.previousRows.toLocaleString('en-GB')})`}, held because ${f.reason === 'shrunk' ? 'it was much smaller' : 'its dates were older'}. The next \`csp run\` lands it.`,
        );
      }
    });
  });

program
  .command('rejects')
  .description(
    'Write the rejected-rows workbook (one sheet per source: file, line, field, value, reason) so the performance team can fix data at source.',
  )
  .option('-o, --out <file>', 'where to write it', '')
  .option('--warehouse <file>', 'read this warehouse instead of the working one')
  .action(async (opts: { out: string; warehouse?: string }) => {
    const paths = dataPaths();
    const warehouse = path.resolve(opts.warehouse ?? paths.workWarehouse);
    if (!existsSync(warehouse))
      throw new Error(`no warehouse at ${warehouse}: run \`csp extract\` or \`csp run\` first.`);
    const out = path.resolve(opts.out || path.join(paths.root, 'rejects.xlsx'));
    const { sources, rejects } = await withWarehouse(warehouse, { readOnly: true }, (db) =>
      writeRejectsWorkbook(db, out),
    );
    console.log(`${out}: ${rejects.toLocaleString('en-GB')} rejected value(s) from ${sources} source(s)`);
  });

program
  .command('transform')
  .description(
    'Build the working warehouse with dbt (seeds, staging, intermediate, marts) and run every dbt test. `csp run` publishes the result.',
  )
  .addOption(configOption())
  .action(async (opts: { config?: string }) => {
    const ctx = context(opts);
    await withRunLock(ctx, 'transform', async () => {
      await transformStage(ctx.paths, ctx.log, pseudonymKeyFile(ctx.config, ctx.configBase, ctx.paths));
    });
  });

program
  .command('report')
  .description(
    'Write an appendix (Excel and PDF) from the published warehouse into $CSP_DATA_DIR/reports (or --out), for a chosen period and meeting. Published appendices are never overwritten.',
  )
  .addArgument(new Command().createArgument('[name]', `report to build: ${REPORTS.join(', ')} (default: all)`))
  .option(
    '--period <period>',
    'the period to report: a day (2020-06-14), a month (2020-05) or a financial year (2019-20); same as --period-end with its last day',
    periodEnd,
  )
  .option(
    '--period-end <date>',
    'last day of the period (YYYY-MM-DD): contact activity ends with the last full week on or before it, the scorecard with the month, the complaints annual report with the financial year',
    isoDate,
  )
  .option('--weeks <n>', 'number of weeks in the weekly table', positiveInt)
  .option('--compare-from <date>', 'date the "before vs since" comparison splits at (YYYY-MM-DD)', isoDate)
  .option('--meeting-date <date>', 'committee meeting date printed on the appendix (YYYY-MM-DD)', isoDate)
  .addOption(
    new Option('--variant <variant>', 'public or restricted').choices(['public', 'restricted']).default('public'),
  )
  .option('--warehouse <file>', 'read this warehouse instead of the published one')
  .option('-o, --out <dir>', 'write here instead of the published appendices folder')
  .addOption(configOption())
  .action(
    async (
      name: string | undefined,
      opts: {
        period?: string;
        periodEnd?: string;
        weeks?: number;
        compareFrom?: string;
        meetingDate?: string;
        variant: 'public' | 'restricted';
        warehouse?: string;
        out?: string;
        config?: string;
      },
    ) => {
      const ctx = context(opts);
      if (name && !isReportId(name))
        throw new InvalidArgumentError(`unknown report '${name}': choose one of ${REPORTS.join(', ')}`);
      if (opts.period && opts.periodEnd && opts.period !== opts.periodEnd)
        throw new InvalidArgumentError('give --period or --period-end, not both');
      opts.periodEnd ??= opts.period;
      const warehouse = path.resolve(opts.warehouse ?? ctx.paths.warehouse);
      if (!existsSync(warehouse))
        throw new Error(`no warehouse at ${warehouse}: run \`csp run\` first (or pass --warehouse FILE).`);
      // On-demand appendices never go into a published run's folder (nothing writes to a published file).
      const outDir = path.resolve(opts.out ?? path.join(ctx.paths.root, 'reports'));
      mkdirSync(outDir, { recursive: true });
      const config: Config = ctx.config;
      // A report that names children is only ever restricted: asked for by name it is made so; "all" leaves it out of a public set.
      const chosen = name ? [name as ReportId] : REPORTS.filter((r) => variantsOf(r).includes(opts.variant));
      const requests = chosen.map((report) => ({
        report,
        variant: variantsOf(report).includes(opts.variant) ? opts.variant : variantsOf(report)[0]!,
        periodEnd: opts.periodEnd,
        weeks: opts.weeks,
        compareFrom: opts.compareFrom,
        meetingDate: opts.meetingDate,
      }));
      const entries = await withWarehouse(warehouse, { readOnly: true }, (db) =>
        buildReports(db, { config, dataRoot: ctx.paths.root, outDir, runId: ctx.runId, log: ctx.log, requests }),
      );
      mergeManifest(outDir, entries, ctx.runId);
      for (const e of entries) console.log(path.join(outDir, e.file));
    },
  );

program
  .command('demo')
  .description(
    "Write a synthetic council's exports (no real data) into a folder: contacts for a Dudley-sized council by default.",
  )
  .requiredOption('-o, --out <dir>', 'folder to write the exports into')
  .option('--seed <n>', 'random seed: the same seed always writes the same files', positiveInt, DEMO_DEFAULTS.seed)
  .option('--scale <n>', 'make the council N times larger (for benchmarks)', positiveInt, DEMO_DEFAULTS.scale)
  .option('--from <date>', 'first day of the exports', isoDate, DEMO_DEFAULTS.from)
  .option('--to <date>', 'last day of the exports (and their data-as-at)', isoDate, DEMO_DEFAULTS.to)
  .option('--fault-rate <share>', 'share of rows given a realistic data-quality fault', rate, DEMO_DEFAULTS.faultRate)
  .option('--no-faults', 'write clean data (no data-quality faults)')
  .option(
    '--returns',
    'write the statutory returns instead (SSDA903 CSVs, the CIN census XML and an Ofsted Annex A workbook for the last collection year), no case-management export',
  )
  .option(
    '--ssd',
    'write the Standard Safeguarding Dataset tables instead (one ssd_*.csv per table, as SSMS saves them) and the complaints exports, no case-management export; no deliberate faults',
  )
  .action(
    async (opts: {
      out: string;
      seed: number;
      scale: number;
      from: string;
      to: string;
      faultRate: number;
      faults: boolean;
      returns?: boolean;
      ssd?: boolean;
    }) => {
      const log = createLogger();
      if (opts.from > opts.to) throw new InvalidArgumentError('--from must be on or before --to');
      const demoOpts = {
        out: path.resolve(opts.out),
        seed: opts.seed,
        scale: opts.scale,
        from: opts.from,
        to: opts.to,
        faultRate: opts.faults ? opts.faultRate : 0,
      };
      if (opts.returns && opts.ssd)
        throw new InvalidArgumentError('--returns and --ssd each write a different council set: choose one');
      const files = opts.returns
        ? await writeReturnsDemo(demoOpts)
        : opts.ssd
          ? await writeSsdDemo(demoOpts)
          : await writeDemo(demoOpts);
      for (const f of files)
        log.info(
          { file: f.file, rows: f.rows, faults: f.faults },
          `demo: wrote ${f.rows.toLocaleString('en-GB')} ${f.entity} rows (${f.faults} with deliberate faults) to ${f.file}`,
        );
    },
  );

try {
  await program.parseAsync(process.argv);
} catch (e) {
  const err = e as Error;
  const prefix =
    err instanceof ConfigError
      ? 'csp: configuration problem'
      : err instanceof UsersFileError
        ? 'csp: users file problem'
        : err instanceof PseudonymKeyError
          ? 'csp: pseudonymisation key problem'
          : 'csp';
  console.error(`${prefix}: ${err.message}`);
  process.exitCode = process.exitCode || 1;
}
