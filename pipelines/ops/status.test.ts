// The status screen from real files in a data folder (run records, the lock, the current link); no database.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../core/config.js';
import { dataPaths, type DataPaths } from '../../core/paths.js';
import type { RunRecord } from '../run.js';
import { buildStatus, formatStatus } from './status.js';

const config = parseConfig({ ops: { freshness: { maxAgeDays: 2 } } });
const now = new Date('2026-03-10T07:00:00Z');

function dataFolder(): DataPaths {
  const paths = dataPaths(mkdtempSync(path.join(tmpdir(), 'csp-status-')));
  mkdirSync(paths.runs, { recursive: true });
  return paths;
}
const record = (paths: DataPaths, r: Partial<RunRecord> & Pick<RunRecord, 'runId' | 'status'>) =>
  writeFileSync(
    path.join(paths.runs, `${r.runId}.json`),
    JSON.stringify({
      startedAt: `${r.runId.slice(0, 4)}-${r.runId.slice(4, 6)}-${r.runId.slice(6, 8)}T03:15:00.000Z`,
      inputDir: '/exports',
      stages: {},
      trigger: 'schedule',
      ...r,
    }),
  );
function publish(paths: DataPaths, runId: string, publishedAt: string) {
  mkdirSync(path.join(paths.published, runId, 'appendices'), { recursive: true });
  writeFileSync(path.join(paths.published, runId, 'published.json'), JSON.stringify({ runId, publishedAt }));
  writeFileSync(
    path.join(paths.published, runId, 'appendices', 'manifest.json'),
    JSON.stringify({ files: [{ file: 'appendix-1.xlsx' }, { file: 'appendix-1.pdf' }] }),
  );
  symlinkSync(`published/${runId}`, paths.current);
}
const fresh = [
  {
    source: 'case_management.contacts',
    newestFile: 'contacts.csv',
    newestFileAt: '2026-03-10T02:00:00Z',
    ageDays: 0.2,
    maxAgeDays: 2,
    stale: false,
  },
];

describe('csp status', () => {
  it('says OK when last night published and every source is fresh', async () => {
    const paths = dataFolder();
    record(paths, {
      runId: '20260310T031500Z-good',
      status: 'succeeded',
      published: true,
      publishedAt: '2026-03-10T03:40:00Z',
      freshness: fresh,
      stages: {
        extract: { status: 'succeeded', startedAt: '', attempts: 1, read: 1200, rejected: 3 },
        transform: { status: 'succeeded', startedAt: '', attempts: 1, testsPassed: 339 },
      },
    });
    publish(paths, '20260310T031500Z-good', '2026-03-10T03:40:00Z');
    const v = await buildStatus(paths, config, now);
    expect(v).toMatchObject({
      ok: true,
      refreshed: true,
      problems: [],
      running: null,
      published: { runId: '20260310T031500Z-good', files: ['appendix-1.xlsx', 'appendix-1.pdf'] },
    });
    expect(v.sources).toEqual([{ ...fresh[0], ageDays: 0.2 }]);
    expect(v.headline).toBe(
      'OK: the last run (20260310T031500Z-good) succeeded and published at Tue, 10 Mar 2026, 03:40; every source is within its freshness limit.',
    );
    const screen = formatStatus(v);
    expect(screen).toContain('Refreshed    yes, by the last run');
    expect(screen).toMatch(/case_management\.contacts\s+Tue, 10 Mar 2026, 02:00\s+0\.2\s+2\s+ok/);
    expect(screen).toMatch(
      /20260310T031500Z-good\s+Tue, 10 Mar 2026, 03:15\s+schedule\s+published: 1,200 rows read, 3 rejected, 339 tests passed/,
    );
  });

  it("calls out a workbook that landed fewer lists than its source's previous workbook", async () => {
    const paths = dataFolder();
    const shortfall = {
      system: 'annex_a',
      workbook: 'annex-a-2026.xlsx',
      lists: ['annex_a.list_1_contacts'],
      previousWorkbook: 'annex-a-2025.xlsx',
      previousLists: ['annex_a.list_1_contacts', 'annex_a.list_9_care_leavers'],
      missing: ['annex_a.list_9_care_leavers'],
    };
    record(paths, {
      runId: '20260310T031500Z-good',
      status: 'succeeded',
      published: true,
      freshness: fresh,
      workbookShortfalls: [shortfall],
    });
    publish(paths, '20260310T031500Z-good', '2026-03-10T03:40:00Z');
    const v = await buildStatus(paths, config, now);
    expect(v.ok).toBe(false);
    expect(v.headline).toBe(
      'FEWER LISTS: annex-a-2026.xlsx landed 1 annex_a list(s) where the previous annex_a workbook (annex-a-2025.xlsx) landed 2; missing: annex_a.list_9_care_leavers. Check those sheets are in the workbook with their header rows (the run log says why each other sheet was passed over).',
    );
    expect(formatStatus(v)).toContain('FEWER LISTS: annex-a-2026.xlsx landed 1 annex_a list(s)');
  });

  it('says NOT REFRESHED, why, and what analysts still see, when the last run failed', async () => {
    const paths = dataFolder();
    record(paths, { runId: '20260309T031500Z-good', status: 'succeeded', published: true, freshness: fresh });
    publish(paths, '20260309T031500Z-good', '2026-03-09T03:41:00Z');
    record(paths, {
      runId: '20260310T031500Z-bad1',
      status: 'failed',
      failedStage: 'transform',
      error: 'dbt build failed (1 of 80 nodes): not_null_fct_contacts_contact_id: Got 2 results',
    });
    const v = await buildStatus(paths, config, now);
    expect(v.ok).toBe(false);
    expect(v.refreshed).toBe(false);
    expect(v.headline).toBe(
      'NOT REFRESHED: the last run (20260310T031500Z-bad1, started Tue, 10 Mar 2026, 03:15) failed at transform: dbt build failed (1 of 80 nodes): not_null_fct_contacts_contact_id: Got 2 results. Analysts still see run 20260309T031500Z-good, published Mon, 9 Mar 2026, 03:41.',
    );
    expect(formatStatus(v)).toContain('Refreshed    NO: the data is not from the last run');
  });

  it('tells an interrupted run (record left running, no live lock) from one running now', async () => {
    const paths = dataFolder();
    record(paths, {
      runId: '20260310T031500Z-kill',
      status: 'running',
      stages: {
        extract: { status: 'succeeded', startedAt: '', attempts: 1 },
        transform: { status: 'running', startedAt: '', attempts: 1 },
      },
    });
    let v = await buildStatus(paths, config, now);
    expect(v.headline).toMatch(
      /^NOT REFRESHED: the last run \(20260310T031500Z-kill, .*\) was interrupted during transform \(its process is no longer running; the next run recovers by itself\)\. Nothing has been published yet\.$/,
    );
    expect(v.running).toBeNull();

    // The same record while its run holds the lock: running now, not a problem.
    writeFileSync(
      paths.lock,
      JSON.stringify({
        runId: '20260310T031500Z-kill',
        pid: process.pid,
        hostname: hostname(),
        startedAt: now.toISOString(),
        bootId: null,
        argv: process.argv.slice(0, 2),
        children: [],
      }),
    );
    v = await buildStatus(paths, config, now);
    expect(v.running).toMatchObject({ runId: '20260310T031500Z-kill', stage: 'transform', pid: process.pid });
    expect(formatStatus(v)).toMatch(
      /Running now {2}run 20260310T031500Z-kill \(pid \d+ on .*\), started Tue, 10 Mar 2026, 03:15, in transform/,
    );
  });

  it('flags stale sources and an overdue schedule', async () => {
    const paths = dataFolder();
    const old = [
      {
        source: 'case_management.contacts',
        newestFile: 'contacts.csv',
        newestFileAt: '2026-03-05T02:00:00Z',
        ageDays: 0,
        maxAgeDays: 2,
        stale: false,
      },
    ];
    record(paths, { runId: '20260307T031500Z-good', status: 'succeeded', published: true, freshness: old });
    publish(paths, '20260307T031500Z-good', '2026-03-07T03:40:00Z');
    const v = await buildStatus(paths, config, now);
    expect(v.refreshed).toBe(true);
    expect(v.problems).toEqual([
      'OVERDUE: no run has started since Sat, 7 Mar 2026, 03:15; is `csp schedule` (or the cron job / systemd timer) running?',
      'STALE: case_management.contacts: newest export contacts.csv is 5.2 days old (limit 2).',
    ]);
  });
});
