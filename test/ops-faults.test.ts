// Fault injection on the real pipeline: a run is SIGKILLed during extract, dbt, report and publish. Each time
// the analysts' warehouse and appendices must be the previous good ones, intact, and the next run must
// succeed and publish the new data. Then an analyst keeps a read-only session open across a publish, and a
// damaged working database is recovered. The steps run in order on one data folder, as nights would.
import { readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { isProcessAlive, type LockInfo } from '../pipelines/ops/lock.js';
import type { StatusView } from '../pipelines/ops/status.js';
import type { RunRecord } from '../pipelines/run.js';
import { csp, logLines } from './helpers/cli.js';
import {
  contactRows,
  isDir,
  pausedPid,
  published,
  query,
  startCsp,
  touchExports,
  waitFor,
  type Published,
} from './helpers/ops.js';
import { tempDir } from './helpers/tmp.js';

let dir: string;
let data: string;
let input: string;
let config: string;
const env = () => ({ CSP_DATA_DIR: data });
let demoWeek = 0;

/** Tonight's exports: the same synthetic council, one more week of data each night (so each run publishes something new). */
async function newExports(): Promise<number> {
  const to = new Date(Date.UTC(2020, 5, 28 + 7 * demoWeek++)).toISOString().slice(0, 10);
  const demo = await csp(
    ['demo', '--out', input, '--seed', '21', '--from', '2020-05-04', '--to', to, '--no-faults'],
    env(),
  );
  expect(demo.code, demo.stderr).toBe(0);
  touchExports(input);
  return contactRows(input);
}

async function runOk(): Promise<{ runId: string; stdout: string }> {
  const r = await csp(['run', '--input', input, '--config', config], env());
  expect(r.code, `${r.stdout.slice(-2000)}\n${r.stderr}`).toBe(0);
  const runId = /Run record: .*?([^/\\]+)\.json/.exec(r.stdout)?.[1] ?? '';
  return { runId, stdout: r.stdout };
}

const status = async (): Promise<StatusView> => {
  const s = await csp(['status', '--json', '--config', config], env());
  expect(s.code, s.stderr).toBe(0);
  return JSON.parse(s.stdout) as StatusView;
};
const runRecord = (runId: string) =>
  JSON.parse(readFileSync(path.join(data, 'runs', `${runId}.json`), 'utf8')) as RunRecord;

/**
 * Starts a run that stops at `point`, SIGKILLs it there, and checks that analysts still see exactly `before`.
 * Returns the killed run's lock (its id, and the dbt it had started).
 */
async function killDuring(point: 'extract' | 'transform' | 'report' | 'publish', before: Published): Promise<LockInfo> {
  const run = startCsp(['run', '--input', input, '--config', config], { ...env(), CSP_FAULT_PAUSE: point });
  // This run's own pause marker: an earlier step's run may have left one at the same point.
  await waitFor(
    `the run to reach ${point}`,
    () => isDir(data) && readdirSync(data).includes(`.paused-${point}`) && pausedPid(data, point) === run.child.pid,
    run,
  );
  const lock = JSON.parse(readFileSync(path.join(data, 'run.lock'), 'utf8')) as LockInfo;
  expect(pausedPid(data, point)).toBe(run.child.pid);
  run.child.kill('SIGKILL');
  expect((await run.exit).signal).toBe('SIGKILL');

  expect(await published(data)).toEqual(before); // same files, same bytes, same answers
  const s = await status();
  expect(s.refreshed).toBe(false);
  expect(s.lastRun).toMatchObject({ runId: lock.runId, state: 'interrupted', stage: point });
  expect(s.published?.runId).toBe(before.runId);
  expect(s.headline).toContain(`NOT REFRESHED: the last run (${lock.runId}`);
  return lock;
}

/** The run after a kill: recovers the killed run, succeeds, and publishes tonight's data. */
async function nextRunSucceeds(killed: LockInfo, expectedContacts: number): Promise<Published> {
  const next = await runOk();
  const msgs = logLines(next.stdout).map((l) => String(l.msg));
  expect(msgs).toContain(
    `recovery: cleared the lock of run ${killed.runId}: process ${killed.pid} is no longer running (killed or crashed)`,
  );
  expect(runRecord(killed.runId)).toMatchObject({ status: 'failed', published: false });
  const now = await published(data);
  expect(now.runId).toBe(next.runId);
  expect(now.contacts).toBe(expectedContacts);
  // The working ledger, published with the warehouse, says the same.
  const ledger = await query<{ run_id: string; status: string; published: boolean }>(
    path.join(data, 'warehouse.duckdb'),
    `SELECT run_id, status, published FROM ops.runs WHERE run_id IN ('${killed.runId}', '${next.runId}') ORDER BY run_id`,
  );
  expect(ledger).toEqual([
    { run_id: killed.runId, status: 'failed', published: false },
    { run_id: next.runId, status: 'succeeded', published: true },
  ]);
  return now;
}

let good: Published;
let goodContacts: number;

beforeAll(async () => {
  dir = tempDir('ops-faults');
  data = path.join(dir, 'data');
  input = path.join(dir, 'exports');
  config = path.join(dir, 'csp.config.json');
  writeFileSync(config, JSON.stringify({ ops: { retention: { keep: 2 }, freshness: { maxAgeDays: 2 } } }));
  goodContacts = await newExports();
  await runOk();
  good = await published(data);
});

describe('nightly operations under faults', () => {
  it('records the first run in the ledger and status, and says all is well', async () => {
    expect(good.contacts).toBe(goodContacts);
    const s = await status();
    expect(s).toMatchObject({
      ok: true,
      refreshed: true,
      published: { runId: good.runId },
      lastRun: { runId: good.runId, state: 'succeeded' },
      running: null,
    });
    expect(s.sources.length).toBeGreaterThan(0);
    expect(s.sources.every((f) => !f.stale && f.ageDays !== null && f.ageDays < 1)).toBe(true);
    expect(JSON.parse(readFileSync(path.join(data, 'status.json'), 'utf8'))).toMatchObject({
      ok: true,
      refreshed: true,
      published: { runId: good.runId },
    });
    const stages = await query<{
      stage: string;
      status: string;
      rows_read: number | null;
      tests_passed: number | null;
      tests_failed: number | null;
    }>(
      path.join(data, 'warehouse.duckdb'),
      `SELECT stage, status, rows_read::INTEGER AS rows_read, tests_passed, tests_failed FROM ops.run_stages WHERE run_id = '${good.runId}' ORDER BY started_at`,
    );
    const record = runRecord(good.runId);
    expect(stages.map((x) => [x.stage, x.status])).toEqual([
      ['extract', 'succeeded'],
      ['transform', 'succeeded'],
      ['report', 'succeeded'],
      ['publish', 'succeeded'],
    ]);
    expect(stages[0]!.rows_read).toBe(record.stages.extract!.read);
    expect(stages[0]!.rows_read).toBeGreaterThan(goodContacts); // every export, contacts among them
    expect(stages[1]!.tests_passed).toBe(record.stages.transform!.tests);
    expect(stages[1]!.tests_failed).toBe(0);
    expect(readlinkSync(path.join(data, 'current'))).toBe(`published/${good.runId}`);
  });

  it('commands that write the working warehouse wait their turn: extract, transform and accept exit 75 while a run is going', async () => {
    const run = startCsp(['run', '--input', input, '--config', config], { ...env(), CSP_FAULT_PAUSE: 'extract' });
    await waitFor('the run to reach extract', () => readdirSync(data).includes('.paused-extract'), run);
    const lock = JSON.parse(readFileSync(path.join(data, 'run.lock'), 'utf8')) as LockInfo;
    try {
      for (const args of [['extract', '--input', input], ['transform'], ['accept', 'case_management.contacts']]) {
        const r = await csp([...args, '--config', config], env());
        expect(r.code, `${args[0]}: ${r.stderr}`).toBe(75);
        expect(r.stderr).toContain(
          `csp ${args[0]}: another run is in progress: run ${lock.runId} (pid ${lock.pid} on `,
        );
        expect(r.stderr).toContain('Wait for it to finish (`csp status` shows it)');
      }
    } finally {
      run.child.kill('SIGKILL');
      await run.exit;
    }
  });

  it('holds back a cut-off and a shrunk export while the other sources publish; says so everywhere; `csp accept` takes the shrink', async () => {
    // Second night, straight after the first (so its exports are always the demo's 5 July ones).
    const before = good;
    const beforeCounts = await marts(path.join(data, 'warehouse.duckdb'));
    const notified = path.join(dir, 'notified.txt');
    const usual = readFileSync(config, 'utf8');
    writeFileSync(
      config,
      JSON.stringify({
        ...JSON.parse(usual),
        ops: {
          ...JSON.parse(usual).ops,
          notify: { command: `cat > '${notified}'; echo "$CSP_HELD" >> '${notified}'` },
        },
      }),
    );
    await newExports(); // tonight's exports: one more week for every source...
    const contactsCsv = path.join(input, 'case-management', 'contacts.csv');
    const bytes = readFileSync(contactsCsv);
    let cut = Math.floor(bytes.length / 2);
    while (bytes[cut - 1] === 0x0a || bytes[cut - 1] === 0x0d || bytes[cut - 1] === 0x2c) cut++; // mid-value, as a copy cut short is
    writeFileSync(contactsCsv, bytes.subarray(0, cut)); // ...but contacts cut short,
    const referralsCsv = path.join(input, 'case-management', 'referrals.csv');
    const [head, ...rows] = readFileSync(referralsCsv, 'utf8').trimEnd().split('\r\n');
    const kept = rows.filter((_, i) => i % 2 === 0);
    writeFileSync(referralsCsv, [head, ...kept].join('\r\n') + '\r\n'); // and half the referrals missing
    touchExports(input);

    const night = await runOk();
    const now = await published(data);
    expect(now.runId).toBe(night.runId); // it published...
    const after = await marts(path.join(data, 'warehouse.duckdb'));
    expect(after.contacts).toBe(before.contacts); // ...with last night's contacts and referrals, whole,
    expect(after.referrals).toBe(beforeCounts.referrals);
    expect(after.assessments).toBeGreaterThan(beforeCounts.assessments); // and tonight's data for the rest
    const record = runRecord(night.runId);
    // The demo's own SGO export for 5 July ends two days before its 28 June one (each night's demo is simulated afresh,
    // not as a continuation): the guard holds that back as older, as it would a council's.
    expect(record.held?.map((h) => [h.source, h.file, h.reason])).toEqual([
      ['case_management.contacts', 'case-management/contacts.csv', 'truncated'],
      ['case_management.referrals', 'case-management/referrals.csv', 'shrunk'],
      ['case_management.sgo_assessments', 'case-management/sgo-assessments.csv', 'older'],
    ]);
    expect(record.stages.extract).toMatchObject({ status: 'succeeded', held: 3 });
    const shrunk = record.held![1]!;
    expect(shrunk).toMatchObject({
      rows: kept.length,
      previous: { file: 'case-management/referrals.csv', rows: beforeCounts.rawReferrals },
    });
    expect(record.held![0]!.message).toMatch(
      /^case-management\/contacts\.csv is cut off: its last record \(line \d+\) stops mid-row with no line break after it/,
    );

    const summary = night.stdout
      .split('\n')
      .filter((l) => l.startsWith('csp run '))
      .at(-1)!;
    expect(summary).toContain(
      `; HELD (the previous data kept): case_management.contacts (case-management/contacts.csv: cut off), case_management.referrals (case-management/referrals.csv: ${kept.length.toLocaleString('en-GB')} rows against ${beforeCounts.rawReferrals.toLocaleString('en-GB')}), case_management.sgo_assessments (case-management/sgo-assessments.csv: latest date 2020-06-26 before 2020-06-28)`,
    );
    expect(readFileSync(notified, 'utf8')).toBe(
      `${summary}\ncase_management.contacts,case_management.referrals,case_management.sgo_assessments\n`,
    );

    const s = await status();
    expect(s.ok).toBe(false);
    expect(s.refreshed).toBe(true);
    expect(s.headline).toBe(`HELD: ${record.held![0]!.message}`);
    expect(s.problems).toEqual(record.held!.map((h) => `HELD: ${h.message}`));
    expect(s.held.map((h) => h.source)).toEqual([
      'case_management.contacts',
      'case_management.referrals',
      'case_management.sgo_assessments',
    ]);
    const screen = await csp(['status', '--config', config], env());
    expect(screen.stdout).toMatch(/case_management\.contacts .* HELD\n/);
    expect(screen.stdout).toMatch(/case_management\.referrals .* HELD\n/);
    // (More sources than fit on a screen: the held and stale ones are listed, the rest counted.)
    expect(screen.stdout).toMatch(
      new RegExp(`\\n {13}${s.sources.length - 3} source\\(s\\) within their freshness limits`),
    );
    expect(screen.stdout).toContain(
      `HELD: case_management.contacts, case_management.referrals, case_management.sgo_assessments`,
    );
    expect((await csp(['status', '--check', '--config', config], env())).code).toBe(1);

    // The shrink is real: accept it. The cut-off file cannot be accepted, only sent again.
    const refuse = await csp(['accept', 'case_management.contacts', '--config', config], env());
    expect(refuse.code).toBe(1);
    expect(refuse.stderr).toContain(
      'case-management/contacts.csv is cut off (the last record stops mid-row), so there is nothing whole to accept',
    );
    const accept = await csp(['accept', 'case_management.referrals', '--config', config], env());
    expect(accept.code, accept.stderr).toBe(0);
    expect(accept.stdout).toContain(
      `accepted case-management/referrals.csv for case_management.referrals: ${kept.length.toLocaleString('en-GB')} rows (the previous export had ${beforeCounts.rawReferrals.toLocaleString('en-GB')})`,
    );
    const extracted = await csp(['extract', '--json', '--input', input, '--config', config], env());
    const byFile = Object.fromEntries(
      extracted.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { file: string; status: string; landed: number; held?: string })
        .map((f) => [f.file, f]),
    );
    expect(byFile['case-management/referrals.csv']).toMatchObject({ status: 'loaded', landed: kept.length });
    expect(byFile['case-management/contacts.csv']).toMatchObject({ status: 'held', held: 'truncated' });
    expect(extracted.code).toBe(0);
    writeFileSync(config, usual);
    good = now; // what analysts see: tonight's run, with the previous contacts
    expect(good.contacts).toBe(before.contacts);
  });
  it('SIGKILL during extract: the last good data stays; the next run succeeds', async () => {
    const contacts = await newExports();
    const killed = await killDuring('extract', good);
    good = await nextRunSucceeds(killed, contacts);
  });

  it('SIGKILL during dbt: the last good data stays; dbt left running is stopped; the next run succeeds', async () => {
    const contacts = await newExports();
    const killed = await killDuring('transform', good);
    expect(killed.children).toHaveLength(1);
    const dbt = killed.children[0]!;
    expect(dbt.command).toMatch(/dbt$/);
    good = await nextRunSucceeds(killed, contacts);
    expect(isProcessAlive(dbt.pid)).toBe(false);
  });

  it('SIGKILL during report: half-written appendices are never published; the next run succeeds', async () => {
    const contacts = await newExports();
    const killed = await killDuring('report', good);
    const partial = path.join(data, 'published', killed.runId, 'appendices');
    expect(readdirSync(partial).filter((f) => /\.(xlsx|pdf)$/.test(f)).length).toBeGreaterThan(0);
    expect(readdirSync(partial)).not.toContain('manifest.json');
    good = await nextRunSucceeds(killed, contacts);
    expect(isDir(path.join(data, 'published', killed.runId))).toBe(false); // pruned: it never published
  });

  it('SIGKILL during publish: a complete but unswitched snapshot is never seen; the next run succeeds', async () => {
    const contacts = await newExports();
    const killed = await killDuring('publish', good);
    const snapshot = path.join(data, 'published', killed.runId, 'warehouse.duckdb');
    const [row] = await query<{ n: number }>(snapshot, 'SELECT count(*)::INTEGER AS n FROM marts.fct_contacts');
    expect(row!.n).toBe(contacts); // it was ready to publish...
    expect(good.contacts).not.toBe(contacts); // ...and analysts were not shown it
    good = await nextRunSucceeds(killed, contacts);
  });

  it('an analyst read-only session stays open across a publish, and keeps answering', async () => {
    const before = good;
    const analyst = await DuckDBInstance.create(path.join(data, 'warehouse.duckdb'), { access_mode: 'READ_ONLY' });
    const conn = await analyst.connect();
    const count = async () =>
      (
        (await conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM marts.fct_contacts')).getRowObjectsJson()[0] as {
          n: number;
        }
      ).n;
    try {
      expect(await count()).toBe(before.contacts);
      const contacts = await newExports();
      const next = await runOk();
      good = await published(data);
      expect(good).toMatchObject({ runId: next.runId, contacts });
      // The analyst's session is untouched: same data, still answering, even though retention (keep 2) has
      // now removed the folder two publishes back.
      expect(await count()).toBe(before.contacts);
      expect((await conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM ops.runs')).getRowObjectsJson()[0]).toEqual({
        n: expect.any(Number),
      });
    } finally {
      conn.closeSync();
      analyst.closeSync();
    }
  });

  it('a damaged working database is set aside and rebuilt from the last published warehouse', async () => {
    const work = path.join(data, 'work', 'warehouse.duckdb');
    writeFileSync(work, Buffer.alloc(64 * 1024, 0x5a)); // a disk fault: the file is no longer a database
    const next = await runOk();
    const msgs = logLines(next.stdout).map((l) => String(l.msg));
    expect(
      msgs.some(
        (m) =>
          m.startsWith('recovery: the working database could not be opened') &&
          m.includes(`restarted from the warehouse published by run ${good.runId}`),
      ),
    ).toBe(true);
    expect(readdirSync(path.join(data, 'work')).some((f) => f.startsWith('warehouse.duckdb.damaged-'))).toBe(true);
    const now = await published(data);
    expect(now).toMatchObject({ runId: next.runId, contacts: good.contacts });
    good = now;
  });

  it('keeps only the last published runs (ops.retention.keep = 2)', () => {
    const folders = readdirSync(path.join(data, 'published')).sort();
    expect(folders).toHaveLength(2);
    expect(folders[1]).toBe(good.runId);
    expect(readlinkSync(path.join(data, 'current'))).toBe(`published/${good.runId}`);
  });
});

/** Rows analysts see in a warehouse: the marts, and the referrals landed. */
async function marts(
  warehouse: string,
): Promise<{ contacts: number; referrals: number; assessments: number; rawReferrals: number }> {
  const [row] = await query<{ contacts: number; referrals: number; assessments: number; rawReferrals: number }>(
    warehouse,
    `SELECT (SELECT count(*) FROM marts.fct_contacts)::INTEGER AS contacts, (SELECT count(*) FROM marts.fct_referrals)::INTEGER AS referrals,
            (SELECT count(*) FROM marts.fct_assessments)::INTEGER AS assessments, (SELECT count(*) FROM raw.case_management__referrals)::INTEGER AS "rawReferrals"`,
  );
  return row!;
}
