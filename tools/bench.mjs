#!/usr/bin/env node
// `npm run bench`: the pipeline's costs at council scale 1, 10, 50 and 150 (three financial years each; 150 is about
// the size of all of England), measured in one run and written to docs/benchmarks.md. Never part of `npm test`.
//   node tools/bench.mjs [--scales 1,10,50,150] [--night-scales 1,10] [--work DIR] [--out docs/benchmarks.md]
//   node tools/bench.mjs --report-only DIR/results.json   (rewrite the doc from saved figures, e.g. with new notes)
// Per scale: generate the demo exports (timed, with its peak memory, but not a pipeline cost); land the contacts export with
// `csp extract` against DuckDB's own read_csv of the same file; a full `csp run` (stage times from its run
// record, dbt's own time per node from the run's log, wall time, peak memory of the whole process tree including
// dbt); then a second `csp run` with no new files.
import { spawn, execFileSync } from 'node:child_process';
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const scales = opt('scales', '1,10,50,150').split(',').map(Number);
// The night (a rebuild on the kept working warehouse) is the Dudley-night target; at England scale it would cost a
// second full run for a figure no target asks for, so by default it is measured at scales up to 10 only.
const nightScales = new Set(
  opt('night-scales', scales.filter((x) => x <= 10).join(','))
    .split(',')
    .filter(Boolean)
    .map(Number),
);
const work = path.resolve(opt('work', path.join(os.tmpdir(), 'csp-bench')));
const outFile = path.resolve(root, opt('out', 'docs/benchmarks.md'));
const FROM = '2018-04-01';
const TO = '2021-03-31';
const csp = path.join(root, 'tools', 'bin', 'csp.mjs');

/** Resident memory (bytes) of a process and all its descendants, read from /proc. */
function treeRss(pid) {
  const children = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      /* gone */
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Run a command; wall time, peak tree RSS (sampled every 100 ms), exit code and output. */
function measure(cmd, argv, env = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 100);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, ms: Number(process.hrtime.bigint() - started) / 1e6, peakRss: peak, stdout, stderr });
    });
  });
}

const must = (r, what) => {
  if (r.code !== 0)
    throw new Error(`${what} failed (exit ${r.code}):\n${r.stderr.slice(-3000)}\n${r.stdout.slice(-2000)}`);
  return r;
};

async function bareReadCsv(file, dbFile) {
  rmSync(dbFile, { force: true });
  const inst = await DuckDBInstance.create(dbFile);
  const con = await inst.connect();
  const t0 = process.hrtime.bigint();
  await con.run(`CREATE TABLE contacts AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}')`);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rows = Number((await con.runAndReadAll('SELECT count(*) AS n FROM contacts')).getRowObjectsJson()[0].n);
  con.closeSync();
  inst.closeSync();
  rmSync(dbFile, { force: true });
  return { ms, rows };
}

function countRows(dir) {
  let files = 0;
  let bytes = 0;
  let lines = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(csv|xlsx)$/i.test(e.name)) {
        files++;
        bytes += statSync(p).size;
        if (/\.csv$/i.test(e.name)) {
          const buf = readFileSync(p);
          for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) lines++;
        }
      }
    }
  };
  walk(dir);
  return { files, bytes, rows: lines - files };
}

/** Bytes under a folder (files only; links not followed, so a published run is counted once). */
function folderBytes(dir) {
  let total = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) total += statSync(p).size;
    }
  };
  if (existsSync(dir)) walk(dir);
  return total;
}

const runRecord = (data, stdout) => {
  const id = /runs\/([^/\s]+)\.json/.exec(stdout)?.[1];
  const dir = path.join(data, 'runs');
  const file = id
    ? path.join(dir, `${id}.json`)
    : path.join(
        dir,
        readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .at(-1),
      );
  return JSON.parse(readFileSync(file, 'utf8'));
};

/**
 * Where a run's time went, from its log (logs/<run>.log, JSON lines): dbt build and dbt docs as csp timed them,
 * and dbt's own time for each node (its "[OK in 0.52s]" lines), summed by kind, with the slowest models. dbt runs
 * two nodes at once (threads: 2), so node times add up to more than the build's wall time.
 */
function runBreakdown(data, runId) {
  const file = path.join(data, 'logs', `${runId}.log`);
  const out = {
    buildMs: null,
    docsMs: null,
    validationMs: null,
    nodes: { seed: { n: 0, s: 0 }, model: { n: 0, s: 0 }, test: { n: 0, s: 0 } },
    topModels: [],
  };
  if (!existsSync(file)) return out;
  const models = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    let e;
    try {
      e = JSON.parse(line);
    } catch {
      continue;
    }
    if (e.stage === 'transform' && typeof e.durationMs === 'number') out.buildMs = e.durationMs;
    if (e.stage === 'transform' && typeof e.ms === 'number' && /dbt docs generated/.test(e.msg ?? ''))
      out.docsMs = e.ms;
    const m =
      typeof e.dbt === 'string'
        ? /\d+ of \d+ (?:OK|PASS|WARN|ERROR|FAIL)\b (.*?) \.+ \[.*? in ([\d.]+)s\]/.exec(e.dbt)
        : null;
    if (!m) continue;
    const kind = /seed file/.test(m[1]) ? 'seed' : /\bmodel\b/.test(m[1]) ? 'model' : 'test';
    out.nodes[kind].n++;
    out.nodes[kind].s += Number(m[2]);
    if (kind === 'model') models.push({ name: m[1].split(' ').at(-1), s: Number(m[2]) });
  }
  out.topModels = models.sort((a, b) => b.s - a.s).slice(0, 5);
  return out;
}

const best = (xs) => xs.reduce((a, b) => (b.ms < a.ms ? b : a));
const log = (msg) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);

async function benchScale(scale) {
  const base = path.join(work, `scale-${scale}`);
  rmSync(base, { recursive: true, force: true });
  const input = path.join(base, 'input');
  mkdirSync(base, { recursive: true });

  log(`scale ${scale}: generating the demo council (${FROM} to ${TO})`);
  const gen = must(
    await measure(process.execPath, [
      csp,
      'demo',
      '--out',
      input,
      '--scale',
      String(scale),
      '--from',
      FROM,
      '--to',
      TO,
    ]),
    'csp demo',
  );
  log(`scale ${scale}: generated in ${s(gen.ms)} s, peak ${gb(gen.peakRss)} GB`);
  const size = countRows(input);

  // Landing: the contacts export alone, by `csp extract` (fast path, and the JS reference at scales up to 10) and by
  // DuckDB's own read_csv into a table; best of two tries each.
  const contactsFile = path.join(input, 'case-management', 'contacts.csv');
  const contactsBytes = statSync(contactsFile).size;
  const only = path.join(base, 'contacts-only');
  mkdirSync(path.join(only, 'case-management'), { recursive: true });
  symlinkSync(contactsFile, path.join(only, 'case-management', 'contacts.csv'));
  const extractOnce = async (landing, n) => {
    const data = path.join(base, `extract-${landing}-${n}`);
    const r = must(
      await measure(process.execPath, [csp, 'extract', '--input', only, '--json'], {
        CSP_DATA_DIR: data,
        CSP_LANDING: landing,
      }),
      'csp extract',
    );
    rmSync(data, { recursive: true, force: true });
    const f = JSON.parse(r.stdout.split('\n').find((l) => l.startsWith('{')));
    return { ms: f.durationMs, rows: f.read, path: f.landing, wallMs: r.ms, peakRss: r.peakRss };
  };
  log(`scale ${scale}: landing the contacts export (${(statSync(contactsFile).size / 1e6).toFixed(1)} MB)`);
  const fast = best([await extractOnce('auto', 1), await extractOnce('auto', 2)]);
  const js = scale <= 10 ? await extractOnce('js', 1) : null;
  const bare = best([
    await bareReadCsv(contactsFile, path.join(base, 'bare.duckdb')),
    await bareReadCsv(contactsFile, path.join(base, 'bare.duckdb')),
  ]);

  log(`scale ${scale}: full csp run`);
  const data = path.join(base, 'data');
  const full = must(await measure(process.execPath, [csp, 'run', '--input', input], { CSP_DATA_DIR: data }), 'csp run');
  const fullRec = runRecord(data, full.stdout);
  const breakdown = runBreakdown(data, fullRec.runId);
  // Disk: the working database (raw landings and every model) and the whole data folder after one published run.
  const disk = {
    workWarehouse: existsSync(path.join(data, 'work', 'warehouse.duckdb'))
      ? statSync(path.join(data, 'work', 'warehouse.duckdb')).size
      : null,
    dataFolder: folderBytes(data),
  };
  log(`scale ${scale}: second csp run, no new files`);
  const again = must(
    await measure(process.execPath, [csp, 'run', '--input', input], { CSP_DATA_DIR: data }),
    'second csp run',
  );
  const againRec = runRecord(data, again.stdout);
  // A night: the same folder rebuilt from its kept working warehouse (dbt's saved parse and unchanged seeds kept),
  // as every night after the first is; --force, since the exports are the same files.
  let night = null;
  let nightRec = null;
  if (nightScales.has(scale)) {
    log(`scale ${scale}: a night on the kept working warehouse (csp run --force)`);
    night = must(
      await measure(process.execPath, [csp, 'run', '--input', input, '--force'], { CSP_DATA_DIR: data }),
      'csp run --force',
    );
    nightRec = runRecord(data, night.stdout);
  }

  // The DfE's validation rules on the statutory returns (SSDA903 and CIN census), at Dudley size only: the same
  // council written as its returns, one csp run, and the validation step's own time from the run record.
  let validation = null;
  if (scale === 1) {
    log(`scale ${scale}: csp run on the returns (SSDA903, CIN census), timing the DfE validation step`);
    const returnsInput = path.join(base, 'returns');
    must(
      await measure(process.execPath, [
        csp,
        'demo',
        '--returns',
        '--out',
        returnsInput,
        '--scale',
        String(scale),
        '--to',
        TO,
      ]),
      'csp demo --returns',
    );
    const returnsData = path.join(base, 'returns-data');
    const rr = must(
      await measure(process.execPath, [csp, 'run', '--input', returnsInput], { CSP_DATA_DIR: returnsData }),
      'csp run (returns)',
    );
    const v = runRecord(returnsData, rr.stdout).validation;
    validation = v
      ? {
          ms: v.ms,
          status: v.status,
          returns: v.returns.map((x) => ({ return: x.return, ms: x.ms, open: x.open ?? null, status: x.status })),
        }
      : null;
  }
  rmSync(base, { recursive: true, force: true });

  return {
    scale,
    generateMs: gen.ms,
    generatePeakRss: gen.peakRss,
    ...size,
    contacts: { bytes: contactsBytes, rows: fast.rows },
    landing: { fastMs: fast.ms, fastPath: fast.path, jsMs: js?.ms ?? null, bareMs: bare.ms, bareRows: bare.rows },
    run: {
      wallMs: full.ms,
      peakRss: full.peakRss,
      extractMs: fullRec.stages.extract?.ms,
      transformMs: fullRec.stages.transform?.ms,
      reportMs: fullRec.stages.report?.ms,
      reportFiles: fullRec.stages.report?.files,
      publishMs: fullRec.stages.publish?.ms,
      validationMs: fullRec.validation?.ms ?? null,
      disk,
      breakdown,
      read: fullRec.stages.extract?.read,
      rejected: fullRec.stages.extract?.rejected,
    },
    night: night && {
      wallMs: night.ms,
      peakRss: night.peakRss,
      extractMs: nightRec.stages.extract?.ms,
      transformMs: nightRec.stages.transform?.ms,
      reportMs: nightRec.stages.report?.ms,
      publishMs: nightRec.stages.publish?.ms,
    },
    again: {
      wallMs: again.ms,
      peakRss: again.peakRss,
      unchanged: Boolean(againRec.unchanged),
      extractMs: againRec.stages.extract?.ms,
    },
    validation,
  };
}

function machine() {
  const sh = (cmd, argv) => {
    try {
      return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'unknown';
    }
  };
  const dbtLines = sh(path.join(root, '.venv', 'bin', 'dbt'), ['--version']).split('\n');
  const dbt = ['core', 'duckdb']
    .map(
      (p) =>
        `${p === 'core' ? 'dbt-core' : 'dbt-duckdb'} ${/\d+\.\d+\.\d+/.exec(dbtLines[dbtLines.findIndex((l) => l.toLowerCase().includes(p === 'core' ? 'core' : 'duckdb')) + (p === 'core' ? 1 : 0)] ?? '')?.[0] ?? '?'}`,
    )
    .join(', ');
  const duck = JSON.parse(
    readFileSync(path.join(root, 'node_modules', '@duckdb', 'node-api', 'package.json'), 'utf8'),
  ).version;
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    duckdb: `@duckdb/node-api ${duck}`,
    dbt: dbt.replace(/\s+/g, ' ').trim(),
  };
}

const s = (ms) => (ms === null || ms === undefined ? '-' : (ms / 1000).toFixed(ms < 10_000 ? 2 : 1));
const mb = (b) => (b === null || b === undefined ? '-' : (b / 1e6).toFixed(1));
const gb = (b) => (b === null || b === undefined ? '-' : (b / 1024 ** 3).toFixed(2));
const int = (n) => Math.round(n).toLocaleString('en-GB');
const growth = (rows, pick) => {
  const first = pick(rows[0]);
  // A figure a scale lacks (an older results.json, a row not measured there) shows '-', not NaNx.
  return rows.map((r) => (first && typeof pick(r) === 'number' ? `${(pick(r) / first).toFixed(1)}x` : '-')).join(' / ');
};

function report(results, meta) {
  const scaleCols = results.map((r) => `scale ${r.scale}`);
  const head = (first) =>
    `| ${first} | ${scaleCols.join(' | ')} | growth ${results.map((r) => r.scale).join('->')} |\n|---|${scaleCols.map(() => '---:').join('|')}|---|`;
  const row = (label, pick, fmt) =>
    `| ${label} | ${results.map((r) => fmt(pick(r))).join(' | ')} | ${growth(results, pick)} |`;
  const rowNoGrowth = (label, f) => `| ${label} | ${results.map(f).join(' | ')} | |`;
  const first = results[0];
  const ratio = (r) => r.landing.bareMs / r.landing.fastMs;
  const at = (scale) => results.find((r) => r.scale === scale);
  /** A target measured at one scale: "not measured" when the bench did not run that scale. */
  const atScale = (label, scale, measure, ok) => {
    const r = at(scale);
    return [label, r ? measure(r) : `not measured (scale ${scale} not run)`, !!r && ok(r)];
  };
  const biggest = results.at(-1);
  const targets = [
    [
      'Landing at least 0.8 of bare read_csv throughput (contacts)',
      results.map((r) => `${ratio(r).toFixed(2)} at scale ${r.scale}`).join(', '),
      results.every((r) => ratio(r) >= 0.8),
    ],
    atScale(
      'End-to-end at scale 1 within 60 s',
      1,
      (r) => `${s(r.run.wallMs)} s`,
      (r) => r.run.wallMs <= 60_000,
    ),
    atScale(
      'End-to-end at scale 50 within 15 minutes',
      50,
      (r) => `${s(r.run.wallMs)} s`,
      (r) => r.run.wallMs <= 900_000,
    ),
    atScale(
      'End-to-end at scale 150 (England) within 10 minutes',
      150,
      (r) => `${s(r.run.wallMs)} s`,
      (r) => r.run.wallMs <= 600_000,
    ),
    atScale(
      'A Dudley night in 20 s or less (scale 1, csp run --force on the kept working warehouse)',
      1,
      (r) =>
        r.night ? `${s(r.night.wallMs)} s (transform: dbt build and docs ${s(r.night.transformMs)} s)` : 'not measured',
      (r) => !!r.night && r.night.wallMs <= 20_000,
    ),
    [
      'No-change run within a quarter of a full run',
      results.map((r) => `${((100 * r.again.wallMs) / r.run.wallMs).toFixed(0)}% at scale ${r.scale}`).join(', '),
      results.every((r) => r.again.wallMs <= r.run.wallMs / 4 && r.again.unchanged),
    ],
    atScale(
      'Peak memory under 2 GB at scale 50',
      50,
      (r) => `${gb(r.run.peakRss)} GB`,
      (r) => r.run.peakRss < 2 * 1024 ** 3,
    ),
    atScale(
      'Peak memory under 4 GB at scale 150 (England)',
      150,
      (r) => `${gb(r.run.peakRss)} GB`,
      (r) => r.run.peakRss < 4 * 1024 ** 3,
    ),
    atScale(
      'DfE validation of the returns adds at most 30 s at scale 1 (Dudley size)',
      1,
      (r) => (r.validation ? `${s(r.validation.ms)} s (${r.validation.status})` : 'not measured'),
      (r) => !!r.validation && r.validation.status === 'validated' && r.validation.ms <= 30_000,
    ),
    [
      `Cost growing no faster than linearly (wall time, scale ${first.scale} -> ${biggest.scale})`,
      `${(biggest.run.wallMs / first.run.wallMs).toFixed(1)}x for ${biggest.scale / first.scale}x the data`,
      biggest.run.wallMs / first.run.wallMs <= biggest.scale / first.scale,
    ],
    atScale(
      'Demo generator at scale 50 faster than before it streamed (198 s)',
      50,
      (r) => `${s(r.generateMs)} s`,
      (r) => r.generateMs < 198_000,
    ),
    [
      "Demo generator's memory bounded whatever the scale (peak under 1 GB)",
      results
        .map((r) =>
          r.generatePeakRss ? `${gb(r.generatePeakRss)} GB at scale ${r.scale}` : `not measured at scale ${r.scale}`,
        )
        .join(', '),
      results.every((r) => r.generatePeakRss && r.generatePeakRss < 1024 ** 3),
    ],
  ];
  // Where a full run's wall time goes: each stage from the run record, dbt split into build and docs from the log,
  // and what is left (start-up, the validators, the run's own bookkeeping).
  const parts = (r) => {
    const b = r.run.breakdown ?? {};
    const build = b.buildMs ?? r.run.transformMs;
    const docs = b.docsMs ?? 0;
    const known =
      (r.run.extractMs ?? 0) +
      (r.run.transformMs ?? 0) +
      (r.run.reportMs ?? 0) +
      (r.run.publishMs ?? 0) +
      (r.run.validationMs ?? 0);
    return {
      build,
      docs,
      other: Math.max(0, r.run.wallMs - known),
      transformRest: Math.max(0, (r.run.transformMs ?? 0) - build - docs),
    };
  };
  const share = (ms, r) => `${((100 * (ms ?? 0)) / r.run.wallMs).toFixed(0)}%`;
  const nodes = (r, kind) =>
    r.run.breakdown ? `${int(r.run.breakdown.nodes[kind].n)} / ${s(r.run.breakdown.nodes[kind].s * 1000)}` : '-';
  return `# Benchmarks

All figures below come from one run of \`npm run bench\` (${meta.command}), on ${meta.date}.
Generated by tools/bench.mjs; do not edit the tables by hand (rerun the command).

## Machine

| | |
|---|---|
| CPU | ${meta.machine.cpu} |
| Cores | ${meta.machine.cores} |
| Memory | ${meta.machine.memoryGb.toFixed(1)} GB |
| OS | ${meta.machine.os} |
| Node | ${meta.machine.node} |
| DuckDB | ${meta.machine.duckdb} |
| dbt | ${meta.machine.dbt} |
| Load average (1, 5, 15 min) before / after | ${meta.loadBefore} / ${meta.loadAfter} |
| Bench wall time | ${s(meta.totalMs)} s |

The load average says how busy the machine was with other work: on a 2-core machine anything above 2 means the
bench shared the CPUs, and its times are longer than on a quiet machine.

## Data

Synthetic councils from \`csp demo --scale N --from ${FROM} --to ${TO}\` (three financial years, default fault rate).

${head('')}
${row('Export files', (r) => r.files, int)}
${row('Rows (all exports)', (r) => r.rows, int)}
${row('Size (MB)', (r) => r.bytes, mb)}
${row('Generating the exports (s, not a pipeline cost)', (r) => r.generateMs, s)}
${row('Generating the exports: peak memory (GB)', (r) => r.generatePeakRss ?? 0, gb)}

\`csp demo\` simulates a council larger than scale 1 as independent Dudley-sized shards, each written and dropped
before the next (on both cores), so its memory stays that of a few shards whatever the scale.

## Landing: \`csp extract\` against DuckDB's own \`read_csv\` (contacts export)

\`csp extract\` time is the file's landing time (durationMs: find the header, check every cell and row rule,
insert the typed rows, keep the rejects, swap into raw.*). Bare \`read_csv\` is \`CREATE TABLE t AS SELECT * FROM
read_csv(file)\` (DuckDB's own type detection, no checks) in a fresh database. Best of two tries each.

${head('')}
${row('Contacts rows', (r) => r.contacts.rows, int)}
${row('Contacts size (MB)', (r) => r.contacts.bytes, mb)}
${row('csp extract, fast SQL path (s)', (r) => r.landing.fastMs, s)}
${rowNoGrowth('  path taken', (r) => r.landing.fastPath)}
${rowNoGrowth('csp extract, JS reference path (s; not run at scale 50)', (r) => (r.landing.jsMs ? s(r.landing.jsMs) : 'not run'))}
${row('bare read_csv (s)', (r) => r.landing.bareMs, s)}
${row('csp extract rows/s', (r) => r.contacts.rows / (r.landing.fastMs / 1000), int)}
${row(
  'csp extract MB/s',
  (r) => r.contacts.bytes / 1e6 / (r.landing.fastMs / 1000),
  (v) => v.toFixed(1),
)}
${row('bare read_csv rows/s', (r) => r.landing.bareRows / (r.landing.bareMs / 1000), int)}
${row(
  'bare read_csv MB/s',
  (r) => r.contacts.bytes / 1e6 / (r.landing.bareMs / 1000),
  (v) => v.toFixed(1),
)}
${rowNoGrowth('**Ratio: csp extract / read_csv throughput**', (r) => `**${ratio(r).toFixed(2)}**`)}

## Full run: \`csp run\`

Stage times from the run record (runs/<run>.json); wall time and peak memory measured from outside. Peak memory is
the largest total resident memory of the whole process tree (node and dbt's Python), sampled every 100 ms from /proc.

${head('')}
${row('Rows read', (r) => r.run.read, int)}
${row('Rows rejected', (r) => r.run.rejected, int)}
${row('Extract (s)', (r) => r.run.extractMs, s)}
${row('Transform: dbt build (s)', (r) => r.run.transformMs, s)}
${row(`Report: ${first.run.reportFiles ?? 'all'} appendix files (s)`, (r) => r.run.reportMs, s)}
${row('Publish (s)', (r) => r.run.publishMs, s)}
${row('**End to end, wall (s)**', (r) => r.run.wallMs, s)}
${row('Peak memory, process tree (GB)', (r) => r.run.peakRss, gb)}
${row('Working database on disk (GB)', (r) => r.run.disk?.workWarehouse ?? 0, gb)}
${row('Data folder after the run: working and published warehouses, Parquet, appendices (GB)', (r) => r.run.disk?.dataFolder ?? 0, gb)}

## Where the time goes (full run)

Seconds, and share of the end-to-end wall time. dbt build and dbt docs are as csp timed them (the run's log);
"start-up and the rest" is the wall time no stage accounts for (node and dbt start-up, the run's own bookkeeping).
dbt nodes are its own per-node times summed (count / seconds): it runs two at once, so they add up to more than
the build.

${head('')}
${row(
  'Extract: land every export (s)',
  (r) => r.run.extractMs,
  (v) => s(v),
)}
${rowNoGrowth('  share of the run', (r) => share(r.run.extractMs, r))}
${row('DfE validation of returns (s; none in this set)', (r) => r.run.validationMs ?? 0, s)}
${row('dbt build (s)', (r) => parts(r).build, s)}
${rowNoGrowth('  share of the run', (r) => share(parts(r).build, r))}
${rowNoGrowth('  seeds: count / summed s', (r) => nodes(r, 'seed'))}
${rowNoGrowth('  models: count / summed s', (r) => nodes(r, 'model'))}
${rowNoGrowth('  tests: count / summed s', (r) => nodes(r, 'test'))}
${row('dbt docs generate (s)', (r) => parts(r).docs, s)}
${row('Report: appendices (s)', (r) => r.run.reportMs, s)}
${rowNoGrowth('  share of the run', (r) => share(r.run.reportMs, r))}
${row('Publish (s)', (r) => r.run.publishMs, s)}
${row('Start-up and the rest (s)', (r) => parts(r).other, s)}

Slowest dbt models at scale ${biggest.scale}: ${(biggest.run.breakdown?.topModels ?? []).map((m) => `\`${m.name}\` ${m.s.toFixed(1)} s`).join(', ') || 'not recorded'}.

## DfE validation of the returns (scale 1)

The same council written as its statutory returns (\`csp demo --returns\`), one \`csp run\` on them: the validation
step runs Data to Insight's csc-validator-be-903 and csc-validator-be-cin, one process per return side by side, and
stores the findings. Times from the run record (validation.ms).

| | scale 1 |
|---|---:|
| Validation step, wall (s) | ${first.validation ? s(first.validation.ms) : 'not measured'} |
${(first.validation?.returns ?? []).map((x) => `| ${x.return === 'ssda903' ? 'SSDA903' : 'CIN census'}: validator (s), open findings | ${s(x.ms)}, ${x.open === null ? x.status : int(x.open)} |`).join('\n')}

## A night on the kept working warehouse (\`csp run --force\`)

Every night after the first rebuilds from the working warehouse it kept: dbt's saved parse and the seeds whose files
did not change are reused. Same exports as the full run, rebuilt with \`--force\`. Measured at scales
${
  results
    .filter((r) => r.night)
    .map((r) => r.scale)
    .join(', ') || 'none'
} (\`--night-scales\`; '-' where not run).

${head('')}
${row('Wall (s)', (r) => r.night?.wallMs, s)}
${row('Extract (s)', (r) => r.night?.extractMs, s)}
${row('Transform: dbt build and docs (s)', (r) => r.night?.transformMs, s)}
${row('Report (s)', (r) => r.night?.reportMs, s)}
${row('Publish (s)', (r) => r.night?.publishMs, s)}
${row('Peak memory (GB)', (r) => r.night?.peakRss, gb)}

## Second run with no new files

${head('')}
${row('Wall (s)', (r) => r.again.wallMs, s)}
${row('Extract: every file skipped by checksum (s)', (r) => r.again.extractMs, s)}
${rowNoGrowth('Kept the published run (nothing changed)', (r) => (r.again.unchanged ? 'yes' : '**no**'))}
${rowNoGrowth('Share of the full run', (r) => `${((100 * r.again.wallMs) / r.run.wallMs).toFixed(0)}%`)}
${row('Peak memory (GB)', (r) => r.again.peakRss, gb)}

Growth columns divide each figure by its scale-1 value: linear growth would be ${results.map((r) => `${r.scale / first.scale}x`).join(' / ')}.

## Targets (2-core, 24 GB machine)

| Target | Measured | Met |
|---|---|---|
${targets.map(([t, m, ok]) => `| ${t} | ${m} | ${ok ? 'yes' : '**no**'} |`).join('\n')}

${meta.notes}
`;
}

if (opt('report-only')) {
  // Rewrite docs/benchmarks.md from a saved results.json (e.g. after editing docs/benchmarks-notes.md).
  const saved = JSON.parse(readFileSync(path.resolve(opt('report-only')), 'utf8'));
  const notesFile = path.join(root, 'docs', 'benchmarks-notes.md');
  saved.meta.notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8').trim() : '';
  writeFileSync(outFile, report(saved.results, saved.meta));
  console.log(`wrote ${outFile}`);
  process.exit(0);
}

const t0 = Date.now();
const loadBefore = os
  .loadavg()
  .map((x) => x.toFixed(2))
  .join(', ');
mkdirSync(work, { recursive: true });
log(`scales ${scales.join(', ')}; work folder ${work}; load average ${loadBefore}`);
const results = [];
for (const scale of scales) {
  const r = await benchScale(scale);
  results.push(r);
  log(
    `scale ${scale}: landing ${s(r.landing.fastMs)} s vs read_csv ${s(r.landing.bareMs)} s (ratio ${(r.landing.bareMs / r.landing.fastMs).toFixed(2)}); run ${s(r.run.wallMs)} s (dbt ${s(r.run.transformMs)} s), peak ${gb(r.run.peakRss)} GB; no-change run ${s(r.again.wallMs)} s`,
  );
}
const notesFile = path.join(root, 'docs', 'benchmarks-notes.md');
const meta = {
  command: `npm run bench -- --scales ${scales.join(',')}`,
  date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
  machine: machine(),
  loadBefore,
  loadAfter: os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', '),
  totalMs: Date.now() - t0,
  notes: existsSync(notesFile) ? readFileSync(notesFile, 'utf8').trim() : '',
};
const text = report(results, meta);
mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, text);
writeFileSync(path.join(work, 'results.json'), JSON.stringify({ meta, results }, null, 2));
console.log(`\n${text}`);
log(
  `wrote ${path.relative(process.cwd(), outFile)} (raw figures in ${path.join(work, 'results.json')}) in ${s(meta.totalMs)} s`,
);
