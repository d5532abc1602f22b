// Raw tables follow their contracts: land under one contract, change it (a column added, one renamed, one
// widened), run again on the same working warehouse, and the raw table has the new columns with every row as the
// files now on disk say (a file gone keeps its rows as migrated, and the run says so).
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extract } from '../pipelines/extract/extract.js';
import { planMigration } from '../pipelines/extract/raw-migrations.js';
import { silentLogger } from '../core/logger.js';
import { Warehouse } from '../core/warehouse.js';
import type { Contract } from '../sources/lib/contract.js';
import { date, decimal, integer, text } from '../sources/lib/fields.js';
import { tempDir, writeCsv } from './helpers/tmp.js';

const base = {
  system: 'test',
  entity: 'visits',
  title: 'Test visits',
  description: 'Visits, for the schema-evolution test.',
  key: ['visit_id'],
};
const v1: Contract = {
  ...base,
  fields: [
    text('visit_id', 'Visit ID', 'Visit.'),
    text('child_id', 'Child ID', 'Child.'),
    text('worker', 'Worker', 'Worker.'),
    date('visit_date', 'Visit Date', 'Day.'),
    integer('minutes', 'Minutes', 'Length.'),
  ],
};
// worker renamed worker_name (same header), minutes widened to a decimal, Visit Type added.
const v2: Contract = {
  ...base,
  fields: [
    text('visit_id', 'Visit ID', 'Visit.'),
    text('child_id', 'Child ID', 'Child.'),
    text('worker_name', 'Worker', 'Worker.', { renamedFrom: ['worker'] }),
    date('visit_date', 'Visit Date', 'Day.'),
    decimal('minutes', 'Minutes', 'Length.'),
    text('visit_type', 'Visit Type', 'Kind of visit.', { optional: true }),
  ],
};

const HEADER = ['Visit ID', 'Child ID', 'Worker', 'Visit Date', 'Minutes', 'Visit Type'];
let dir: string;
let db: Warehouse;
const input = () => path.join(dir, 'in');
const land = (contract: Contract, runId: string) =>
  extract(db, { inputDir: input(), runId, log: silentLogger(), contracts: [contract] });

beforeEach(async () => {
  dir = tempDir('schema-evolution');
  db = await Warehouse.open(path.join(dir, 'work.duckdb'));
});
afterEach(() => db.close());

/** The rows a contract should land from a file, recounted from the file's text (not by the pipeline's code). */
function recount(file: string, contract: Contract): Record<string, unknown>[] {
  const [header, ...rows] = parse(readFileSync(file, 'utf8'), { relax_column_count: true }) as string[][];
  const has = (f: string) => contract.fields.some((x) => x.name === f);
  const wholeOnly = contract.fields.find((f) => f.name === 'minutes')!.kind === 'integer';
  return rows.flatMap((cells, i) => {
    const cell = (h: string) => cells[header!.indexOf(h)] ?? '';
    const minutes = cell('Minutes');
    if (wholeOnly && !/^\d+$/.test(minutes)) return []; // rejected under a whole-number contract
    const [d, m, y] = cell('Visit Date').split('/');
    return [
      {
        visit_id: cell('Visit ID'),
        child_id: cell('Child ID'),
        [has('worker_name') ? 'worker_name' : 'worker']: cell('Worker'),
        visit_date: `${y}-${m}-${d}`,
        minutes: Number(minutes),
        ...(has('visit_type')
          ? { visit_type: header!.includes('Visit Type') && cell('Visit Type') !== '' ? cell('Visit Type') : null }
          : {}),
        _source_file: path.basename(file),
        _line_number: i + 2,
      },
    ];
  });
}

const rawRows = (cols: string[]) =>
  db.json<Record<string, unknown>>(
    `SELECT ${cols.map((c) => (c === 'visit_date' ? `strftime(visit_date, '%Y-%m-%d') AS visit_date` : c === '_line_number' || c === 'minutes' ? `${c}::DOUBLE AS ${c}` : c)).join(', ')} FROM raw.test__visits ORDER BY _source_file, _line_number`,
  );
const byFileLine = (rows: Record<string, unknown>[]) =>
  [...rows].sort(
    (a, b) =>
      String(a._source_file).localeCompare(String(b._source_file)) || Number(a._line_number) - Number(b._line_number),
  );

describe('schema evolution', () => {
  it('plans a rename, a new type and a new column from the raw table and the contract', () => {
    const have = [
      ...['visit_id', 'child_id', 'worker'].map((name) => ({ name, type: 'VARCHAR' })),
      { name: 'visit_date', type: 'DATE' },
      { name: 'minutes', type: 'BIGINT' },
      { name: '_load_id', type: 'VARCHAR' },
    ];
    expect(planMigration(v2, have).map((c) => [c.kind, c.column, c.from ?? null, c.relands])).toEqual([
      ['renamed', 'worker_name', 'worker', false],
      ['retyped', 'minutes', 'BIGINT', true],
      ['added', 'visit_type', null, true],
    ]);
    expect(planMigration(v1, have)).toEqual([]);
  });

  it('migrates raw.* on the next run, lands again the files still on disk, and says which file is gone', async () => {
    // z-old.csv lands first; a-new.csv (a later export repeating visit V2 with a correction) in a later run.
    writeCsv(path.join(input(), 'z-old.csv'), [
      HEADER,
      ['V1', 'C1', 'Ann', '03/02/2020', '45', 'Home'],
      ['V2', 'C2', 'Bob', '04/02/2020', '30', ''],
      ['V3', 'C3', 'Cy', '05/02/2020', '22.5', 'School'],
    ]);
    writeCsv(path.join(input(), 'gone.csv'), [
      HEADER.slice(0, 5),
      ['G1', 'C9', 'Dee', '06/02/2020', '60'],
      ['G2', 'C8', 'Eve', '07/02/2020', '12.5'],
    ]);
    const first = await land(v1, '20260101T000001Z-r1');
    expect(first.files.map((f) => [f.file, f.status, f.landed, f.rejected])).toEqual([
      ['gone.csv', 'loaded', 1, 1],
      ['z-old.csv', 'loaded', 2, 1],
    ]);
    writeCsv(path.join(input(), 'a-new.csv'), [
      HEADER,
      ['V2', 'C2', 'Bob', '04/02/2020', '35', 'Office'],
      ['V4', 'C4', 'Flo', '08/02/2020', '15.25', 'Home'],
      ['V5', 'C5', 'Gus', '09/02/2020', '20', 'Home'],
    ]);
    expect((await land(v1, '20260101T000002Z-r2')).files.map((f) => [f.file, f.status, f.landed])).toEqual([
      ['a-new.csv', 'loaded', 2],
      ['gone.csv', 'skipped', 0],
      ['z-old.csv', 'skipped', 0],
    ]);
    const goneRows = recount(path.join(input(), 'gone.csv'), v1); // as landed under v1, before the file goes
    rmSync(path.join(input(), 'gone.csv'));

    const second = await land(v2, '20260101T000003Z-r3');
    expect(second.schemaChanges.map((c) => [c.kind, c.column])).toEqual([
      ['renamed', 'worker_name'],
      ['retyped', 'minutes'],
      ['added', 'visit_type'],
    ]);
    expect(second.files.map((f) => [f.file, f.status, f.landed, f.rejected, f.schemaChange !== undefined])).toEqual([
      ['a-new.csv', 'loaded', 3, 0, true],
      ['z-old.csv', 'loaded', 3, 0, true],
    ]);
    expect(second.notRelanded.map((p) => [p.file, p.rows])).toEqual([['gone.csv', 1]]);
    expect(second.notRelanded[0]!.message).toMatch(
      /gone\.csv was landed under the earlier test\.visits contract and could not be landed again .* its 1 rows are kept .* Put the file back/,
    );

    const columns = await db.json<{ c: string; t: string }>(
      `SELECT column_name AS c, data_type AS t FROM information_schema.columns WHERE table_schema = 'raw' AND table_name = 'test__visits' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => `${c.c} ${c.t}`)).toEqual([
      'visit_id VARCHAR',
      'child_id VARCHAR',
      'worker_name VARCHAR',
      'visit_date DATE',
      'minutes DOUBLE',
      'visit_type VARCHAR',
      '_load_id VARCHAR',
      '_source_file VARCHAR',
      '_file_checksum VARCHAR',
      '_line_number BIGINT',
    ]);
    // Every row: the files on disk read through v2, and the gone file's rows as v1 landed them, migrated.
    const expected = byFileLine([
      ...recount(path.join(input(), 'a-new.csv'), v2),
      ...recount(path.join(input(), 'z-old.csv'), v2),
      ...goneRows.map(({ worker, ...r }) => ({ ...r, worker_name: worker, visit_type: null })),
    ]);
    expect(expected).toHaveLength(7);
    const cols = [
      'visit_id',
      'child_id',
      'worker_name',
      'visit_date',
      'minutes',
      'visit_type',
      '_source_file',
      '_line_number',
    ];
    expect(await rawRows(cols)).toEqual(expected.map((r) => Object.fromEntries(cols.map((c) => [c, r[c]]))));
    // The row v1 rejected (22.5 minutes) is landed now, so it is no longer a reject; the gone file's reject stays.
    expect(await db.json('SELECT source_file, line_number::INTEGER AS line FROM raw._rejects ORDER BY ALL')).toEqual([
      { source_file: 'gone.csv', line: 3 },
    ]);

    // The ledger: each file landed again says why and keeps its place (the later export still wins V2 in staging).
    const loads = await db.json<{
      load_id: string;
      source_file: string;
      schema_change: string | null;
      reland_due: string | null;
    }>(`SELECT load_id, source_file, schema_change, reland_due FROM raw._loads WHERE is_current ORDER BY source_file`);
    expect(loads.map((l) => [l.source_file, l.load_id])).toEqual([
      ['a-new.csv', '20260101T000002Z-r2-001~20260101T000003Z-r3'],
      ['gone.csv', '20260101T000001Z-r1-001'],
      ['z-old.csv', '20260101T000001Z-r1-002~20260101T000003Z-r3'],
    ]);
    expect(loads[0]!.schema_change).toBe(
      'contract changed: column minutes changed from BIGINT to DOUBLE; column visit_type (Visit Type) added',
    );
    expect(loads[0]!.reland_due).toBeNull();
    expect(loads[1]!.reland_due).toBe(loads[0]!.schema_change);
    const [winner] = await db.json<{ f: string; minutes: number }>(
      `SELECT _source_file AS f, minutes FROM raw.test__visits WHERE visit_id = 'V2' ORDER BY _load_id DESC LIMIT 1`,
    );
    expect(winner).toEqual({ f: 'a-new.csv', minutes: 35 });
    expect(await db.json('SELECT change, column_name, from_value FROM raw._schema_changes ORDER BY ALL')).toEqual([
      { change: 'added', column_name: 'visit_type', from_value: null },
      { change: 'renamed', column_name: 'worker_name', from_value: 'worker' },
      { change: 'retyped', column_name: 'minutes', from_value: 'BIGINT' },
    ]);

    // The next run under the same contract has nothing to do.
    const third = await land(v2, '20260101T000004Z-r4');
    expect(third.schemaChanges).toEqual([]);
    expect(third.notRelanded).toEqual([]);
    expect(third.files.map((f) => f.status)).toEqual(['skipped', 'skipped']);
  });

  it('keeps the rows of a file the changed contract no longer recognises, without failing the run', async () => {
    writeCsv(path.join(input(), 'visits.csv'), [HEADER.slice(0, 5), ['V1', 'C1', 'Ann', '03/02/2020', '45']]);
    await land(v1, '20260101T000001Z-r1');
    // A new required column the old file does not have.
    const v3: Contract = { ...v1, fields: [...v1.fields, text('team', 'Team', 'Team.')] };
    const next = await land(v3, '20260101T000002Z-r2');
    expect(next.failed).toBe(0);
    expect(next.files.map((f) => [f.file, f.status])).toEqual([['visits.csv', 'skipped']]);
    expect(next.files[0]!.error).toMatch(
      /visits\.csv was landed under an earlier contract and cannot be landed again .*Team.*its rows are kept as landed/,
    );
    expect(next.notRelanded.map((p) => p.file)).toEqual(['visits.csv']);
    expect(await db.json('SELECT visit_id, team FROM raw.test__visits')).toEqual([{ visit_id: 'V1', team: null }]);
  });
});
