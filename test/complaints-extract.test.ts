// The complaints system's demo exports through the real extract and dbt: every file is recognised as its own
// export, every row read is landed or rejected (with the generator's spoiled rows exactly the rejected ones),
// and the complaints staging models and their dbt tests pass on what landed.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract, type ExtractSummary } from '../pipelines/extract/extract.js';
import { silentLogger } from '../core/logger.js';
import { dbtBuild, type DbtSummary } from '../pipelines/transform/dbt.js';
import { Warehouse } from '../core/warehouse.js';
import { writeComplaintsDemo } from '../sources/demo/complaints.js';
import type { DemoFile } from '../sources/demo/write-demo.js';
import { tempDir } from './helpers/tmp.js';

let dir: string;
let db: Warehouse;
let written: DemoFile[];
let summary: ExtractSummary;

beforeAll(async () => {
  dir = tempDir('complaints-extract');
  written = await writeComplaintsDemo({
    out: path.join(dir, 'in'),
    seed: 31,
    scale: 1,
    from: '2019-04-01',
    to: '2021-03-31',
    faultRate: 0.01,
  });
  db = await Warehouse.open(path.join(dir, 'work.duckdb'));
  summary = await extract(db, {
    inputDir: path.join(dir, 'in'),
    runId: '20260101T000000Z-complaints',
    log: silentLogger(),
  });
});
afterAll(() => db?.close());

describe('complaints exports through the extract', () => {
  it('recognises each file as its own export and lands it', () => {
    const bySource = Object.fromEntries(summary.files.map((f) => [f.file, [f.source, f.status]]));
    expect(bySource).toEqual({
      'complaints/complaints.csv': ['complaints.complaints', 'loaded'],
      'complaints/complaint-issues.csv': ['complaints.complaint_issues', 'loaded'],
      'complaints/ombudsman-cases.csv': ['complaints.ombudsman_cases', 'loaded'],
      'complaints/compliments.csv': ['complaints.compliments', 'loaded'],
      'complaints/comments.csv': ['complaints.comments', 'loaded'],
    });
  });

  it('accounts for every row: read = landed + rejected, and the rejected rows are the ones the generator spoiled', async () => {
    expect(written.reduce((s, f) => s + f.faults, 0)).toBeGreaterThan(0);
    for (const w of written) {
      const f = summary.files.find((x) => path.join(dir, 'in', x.file) === w.file)!;
      expect(f.read, w.entity).toBe(w.rows);
      expect(f.read, w.entity).toBe(f.landed + f.rejected);
      expect(f.rejected, w.entity).toBe(w.faults);
      const [{ n }] = (await db.json<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM raw.complaints__${w.entity}`,
      )) as [{ n: number }];
      expect(n, w.entity).toBe(f.landed);
    }
    const loads = await db.json<{ ok: boolean }>(
      'SELECT bool_and(rows_read = rows_landed + rows_rejected) AS ok FROM raw._loads',
    );
    expect(loads).toEqual([{ ok: true }]);
  });

  it('keeps each rejected row with its column and a plain-English reason', async () => {
    const rejects = await db.json<{ source: string; column_name: string | null; reason: string; raw_record: string }>(
      'SELECT source, column_name, reason, raw_record FROM raw._rejects',
    );
    expect(rejects.length).toBeGreaterThanOrEqual(summary.rejected);
    for (const r of rejects) {
      expect(r.source).toMatch(/^complaints\./);
      expect(r.column_name).not.toBeNull();
      expect(r.reason).toMatch(/is blank but every row needs one|is not a real date|is not a known code|is before the/);
      expect(Object.keys(JSON.parse(r.raw_record) as object).length).toBeGreaterThan(2); // the whole row is kept
    }
  });
});

describe('complaints staging in dbt', () => {
  let dbt: DbtSummary;
  beforeAll(async () => {
    db.close(); // dbt needs the file to itself
    dbt = await dbtBuild({
      warehouse: path.join(dir, 'work.duckdb'),
      workDir: dir,
      logDir: path.join(dir, 'logs'),
      log: silentLogger(),
      // Only this source's seeds, models and tests (plus the teams seed they check against).
      args: ['--select', 'staging.complaints', 'path:seeds/complaints', 'teams', '--indirect-selection', 'cautious'],
    });
    db = await Warehouse.open(path.join(dir, 'work.duckdb'));
  });

  it('builds the staging models and passes their tests', () => {
    expect(dbt.failures).toEqual([]);
    expect(dbt.ok).toBe(true);
    expect(dbt.seeds).toBe(6);
    expect(dbt.models).toBe(5);
    expect(dbt.tests).toBeGreaterThan(40);
  });

  it('has one staging row per landed record, typed', async () => {
    const [row] = await db.json<Record<string, number>>(`SELECT
      (SELECT count(*) FROM staging.stg_complaints__complaints)::INTEGER AS complaints,
      (SELECT count(*) FROM raw.complaints__complaints)::INTEGER AS raw_complaints,
      (SELECT count(*) FROM staging.stg_complaints__complaint_issues)::INTEGER AS issues,
      (SELECT count(*) FROM raw.complaints__complaint_issues)::INTEGER AS raw_issues,
      (SELECT count(*) FROM staging.stg_complaints__complaints WHERE stage = 1 AND procedure_code = 'STAT' AND received_date BETWEEN DATE '2019-04-01' AND DATE '2020-03-31')::INTEGER AS statutory_2019`);
    expect(row!.complaints).toBe(row!.raw_complaints);
    expect(row!.issues).toBe(row!.raw_issues);
    expect(row!.statutory_2019).toBeGreaterThanOrEqual(20); // 28 a year, less the odd spoiled row
  });
});
