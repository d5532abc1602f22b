// The fast landing path (DuckDB checks each cell with the contract's SQL form) must land exactly what the JS path
// (the reference) lands: the same typed rows and the same rejects, with the same lines, values, reasons and records.
// Both land the demo exports with their built-in faults plus hand-made messy files, then every raw table and
// raw._rejects are compared row for row.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract, type ExtractSummary } from '../pipelines/extract/extract.js';
import { silentLogger } from '../core/logger.js';
import { Warehouse } from '../core/warehouse.js';
import { writeDemo } from '../sources/demo/write-demo.js';
import { tempDir } from './helpers/tmp.js';

const HEADER =
  'Contact ID,Child ID,Contact Date,Contact Source,Receiving Team,Open Case,Domestic Abuse Notification,Decision Date,Contact Outcome';
const NBSP = '\u00a0';

/** Every kind of cell and row the rules have to agree on; one file keeps its records one per line. */
const MESSY_ONE_PER_LINE = [
  'Contacts report for committee,,,,,,,,', // a title row above the header
  HEADER,
  'M1,C1,03/02/2020 10:15,2A - Schools,MASH,N,N,10/02/2020 09:30,NFA',
  'M2,C2,31/02/2020 10:00,2A,MASH,N,N,,', // impossible date
  'M3,,03/02/2020 11:00,6 - Police,EDT,Y,Y,,', // blank required
  'M4,C4,03/02/2020 12:00,12 - Voluntary sector,MASH,N,N,,', // unknown code
  'M5,C5,05/02/2020 12:00,6,MASH,#N/A,N,,', // #N/A in a required field
  'M6,C6,05/02/2020 12:00,6,MASH,N,N,04/02/2020 09:00,REF', // decided before received (row check)
  'M7,C7,05/02/2020 12:00,6,MASH,N', // short row
  'M8,C8,05/02/2020 12:00,6,MASH,N,N,,,extra,more', // long row
  'M9,C9,2020-02-06 08:00,e) 2A Schools,MASH,Yes,a) No,,', // ISO date-time, Annex A style code and yes/no
  'M10,C10,43867.5,3E,MASH,true,0,43868,ADV', // Excel serial date-times
  'M11,C11,"05/02/2020 12:00","6 - Police, Probation",MASH,N,N,,', // quoted comma
  `M12,C12,${NBSP}05/02/2020 12:00${NBSP},  2a  ,${NBSP}MASH,  y  ,n/a,,`, // spaces and non-breaking spaces
  'M13,C13,5/2/2020 9:05,2A,MASH,N,N,5.2.2020 10:00,EH', // single digits and dots
  'M14,C14,05/02/2020 24:00,2A,MASH,N,N,,', // hour 24
  'M15,C15,29/02/2019 10:00,2A,MASH,N,N,,', // no 29 February in 2019
  'M16,C16,29/02/2020 10:00:59,2A,MASH,N,N,,', // leap day with seconds
  'M17,C17,01/01/1899 10:00,2A,MASH,N,N,,', // before 1900
  'M18,C18,99999,2A,MASH,N,N,,', // serial beyond 2100
  'M19,C19,05/02/2020 12:00,Schools,MASH,maybe,N,,', // label alone; not a yes/no
  'M20,C20,05/02/2020 12:00,2A,MASH,N,N,,REF', // outcome without a decision date (row check)
  'M21,C21,05/02/2020 12:00,2A,(blank),N,-,NULL,', // blank markers
  ',,,,,,,,', // a record of nothing: skipped, as csv-parse skips it
  '   ', // spaces only: skipped too
  'M22,C22,2020-02-06T08:00:00Z,1A,MASH,N,N,2020-02-07,eh', // ISO with T and Z; lower-case outcome
  'M23,C23,2020-02-06T08:00:00.123,1A:,MASH,N,N,,', // fraction of a second; code then colon
  'M24,C24,06/02/2020 08:00,"1A - ""quoted"" family",MASH,N,N,,', // doubled quotes
  'M25,C25,06/02/2020 08:00,10,MASH,1,F,,', // a two-digit code and 1/F booleans
];

/** Records spanning lines, and blank lines: records are no longer lines. */
const MESSY_MULTILINE = [
  HEADER,
  'L1,C1,03/02/2020 10:15,2A,"MASH',
  'team",N,N,,',
  '',
  'L2,C2,31/02/2020 10:00,2A,MASH,N,N,,',
  '',
  '',
  'L3,,03/02/2020 11:00,"6 - Police,',
  'probation",EDT,Y,Y,,',
  'L4,C4,03/02/2020 11:00,6,EDT,Y',
];

/**
 * Line endings mixed in one file: CRLF, a bare LF, a bare CR, and a CRLF inside a quoted value. Outside quotes each
 * ends a record (as DuckDB and Excel read them); inside quotes each is part of the value. The SQL path hands such a
 * file to the JS path, which must keep every row apart.
 */
const MIXED_ENDINGS = `${HEADER}\r\nX1,C1,03/02/2020 10:15,2A,MASH,N,N,,\nX2,C2,03/02/2020 10:16,2A,MASH,N,N,,\r\nX3,C3,31/02/2020 10:17,2A,MASH,N,N,,\rX4,C4,03/02/2020 10:18,2A,"MA\r\nSH",N,N,,\r\nX5,C5,03/02/2020 10:19,2A\r\nX6,C6,03/02/2020 10:20,2A,MASH,N,N,,\r\n`;
/** CRLF throughout, with CRLFs inside quoted values (Excel's own CSV): the SQL path reads it, and both number lines alike. */
const CRLF_QUOTED = `${HEADER}\r\nQ1,C1,03/02/2020 10:15,2A,"MASH\r\nteam",N,N,,\r\nQ2,C2,31/02/2020 10:16,2A,MASH,N,N,,\r\n\r\nQ3,C3,03/02/2020 10:17,"6 - Police,\r\nprobation",MASH,N,N,,\r\nQ4,,03/02/2020 10:18,2A,MASH,N,N,,\r\n`;

/** A file that leaves out an optional column, as a council's export does until its system adds a field a contract gained. */
const WITHOUT_OPTIONAL = [
  'Contact ID,Child ID,Contact Date,Contact Source,Receiving Team,Open Case,Decision Date,Contact Outcome',
  'W1,C1,03/02/2020 10:15,2A,MASH,N,04/02/2020 09:00,NFA',
  'W2,C2,31/02/2020 10:00,2A,MASH,N,,',
  `W3,C3,03/02/2020 10:15,2A,${NBSP}MASH ,N,,`, // a cell to trim, so every cell (the absent one too) goes through the trim
];

/** A council's own header and values, mapped by its mapping file. */
const MAPPED = [
  'Contact ID,Child ID,Contact Date,Where From,Receiving Team,Open Case,Domestic Abuse Notification,Decision Date,Contact Outcome',
  'P1,C1,03/02/2020 10:15,Cops,MASH,open,N,,',
  'P2,C2,03/02/2020 10:15,COPS ,MASH,closed,N,,',
  'P3,C3,03/02/2020 10:15,Unknown Place,MASH,shut,N,,',
];
const MAPPING = [
  'kind,field,from,to',
  'header,source_code,Where From,',
  'code,source_code,cops,6',
  'code,open_case,open,Y',
  'code,open_case,closed,N',
];

let dir: string;
let input: string;
let mappings: Record<string, string>;
const landed: Record<'js' | 'auto', { db: Warehouse; summary: ExtractSummary } | undefined> = {
  js: undefined,
  auto: undefined,
};

beforeAll(async () => {
  dir = tempDir('landing-eq');
  input = path.join(dir, 'in');
  await writeDemo({ out: input, seed: 7, scale: 1, from: '2020-04-01', to: '2021-03-31', faultRate: 0.01 });
  mkdirSync(path.join(input, 'messy'), { recursive: true });
  writeFileSync(
    path.join(input, 'messy', 'contacts-one-per-line.csv'),
    '\ufeff' + MESSY_ONE_PER_LINE.join('\r\n') + '\r\n',
  );
  // (Ending in a line break: a last row that is short with none after it is a cut-off file, refused whole.)
  writeFileSync(path.join(input, 'messy', 'contacts-multiline.csv'), MESSY_MULTILINE.join('\n') + '\n');
  writeFileSync(path.join(input, 'messy', 'contacts-mapped.csv'), MAPPED.join('\n') + '\n');
  writeFileSync(path.join(input, 'messy', 'contacts-mixed-endings.csv'), MIXED_ENDINGS);
  writeFileSync(path.join(input, 'messy', 'contacts-crlf-quoted.csv'), CRLF_QUOTED);
  writeFileSync(path.join(input, 'messy', 'contacts-without-optional.csv'), WITHOUT_OPTIONAL.join('\n') + '\n');
  writeFileSync(path.join(dir, 'contacts-mapping.csv'), MAPPING.join('\n') + '\n');
  mappings = { 'case_management.contacts': path.join(dir, 'contacts-mapping.csv') };
  for (const way of ['js', 'auto'] as const) {
    const db = await Warehouse.open(path.join(dir, `${way}.duckdb`));
    const summary = await extract(db, {
      inputDir: input,
      runId: `20260101T000000Z-${way}`,
      log: silentLogger(),
      mappings,
      landing: way,
    });
    landed[way] = { db, summary };
  }
}, 240_000);

afterAll(() => {
  landed.js?.db.close();
  landed.auto?.db.close();
});

/** A table's rows as sorted JSON lines, without the load id (which names the run). */
async function rows(db: Warehouse, table: string): Promise<string[]> {
  const all = await db.json<Record<string, unknown>>(
    `SELECT * EXCLUDE (${table === '_rejects' ? 'load_id' : '_load_id'}) FROM raw."${table}"`,
  );
  return all.map((r) => JSON.stringify(r)).sort();
}

describe('fast SQL landing against the JS reference', () => {
  it('takes the SQL path for the UTF-8 CSVs whose contracts it covers, including the messy ones', () => {
    const auto = landed.auto!.summary.files;
    const bySql = auto.filter((f) => f.landing === 'sql').map((f) => f.file);
    expect(bySql).toEqual(
      expect.arrayContaining([
        'case-management/contacts.csv',
        'messy/contacts-one-per-line.csv',
        'messy/contacts-multiline.csv',
        'messy/contacts-mapped.csv',
        'messy/contacts-crlf-quoted.csv',
        'messy/contacts-without-optional.csv',
      ]),
    );
    expect(auto.find((f) => f.file === 'messy/contacts-mixed-endings.csv')?.landing).toBe('js');
    expect(landed.js!.summary.files.every((f) => f.landing === 'js' || f.status !== 'loaded')).toBe(true);
  });

  it('reads, lands and rejects the same number of rows from every file', () => {
    const counts = (s: ExtractSummary) => s.files.map((f) => [f.file, f.status, f.read, f.landed, f.rejected]);
    expect(counts(landed.auto!.summary)).toEqual(counts(landed.js!.summary));
    const messy = landed.js!.summary.files.find((f) => f.file === 'messy/contacts-one-per-line.csv')!;
    expect(messy.read).toBe(MESSY_ONE_PER_LINE.length - 4); // less the title, header and the two empty records
    expect(messy.rejected).toBeGreaterThan(10);
  });

  it('lands identical typed rows in every raw table', async () => {
    const tables = await landed.js!.db.json<{ t: string }>(
      `SELECT table_name AS t FROM duckdb_tables() WHERE schema_name = 'raw' AND table_name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY 1`,
    );
    expect(tables.length).toBeGreaterThan(20);
    for (const { t } of tables) {
      const [js, sql] = [await rows(landed.js!.db, t), await rows(landed.auto!.db, t)];
      expect(sql.length, t).toBe(js.length);
      expect(sql, t).toEqual(js);
    }
  });

  it('keeps identical rejects: line, column, raw value, reason and the raw record', async () => {
    const [js, sql] = [await rows(landed.js!.db, '_rejects'), await rows(landed.auto!.db, '_rejects')];
    expect(js.length).toBeGreaterThan(50);
    expect(sql).toEqual(js);
    // The hand-made rows are there with the JS path's own wording.
    const messy = js
      .map((r) => JSON.parse(r) as { source_file: string; line_number: number; reason: string })
      .filter((r) => r.source_file === 'messy/contacts-multiline.csv');
    expect(messy.map((r) => [Number(r.line_number), r.reason]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [5, "Contact Date '31/02/2020 10:00' is not a real date and time (expected dd/mm/yyyy hh:mm)"],
      [9, 'Child ID is blank but every row needs one'],
      [10, 'row has 6 values but the header has 9 columns (a stray comma or a cut-off line?)'],
    ]);
    const of = (file: string) =>
      js
        .map((r) => JSON.parse(r) as { source_file: string; line_number: number; reason: string; raw_record: string })
        .filter((r) => r.source_file === file);
    // Mixed endings: six records on lines 2-8 (X4's quoted CRLF makes it two lines), none merged into another.
    expect(
      of('messy/contacts-mixed-endings.csv').map((r) => [
        Number(r.line_number),
        r.reason,
        (JSON.parse(r.raw_record) as Record<string, string>)['Contact ID'],
      ]),
    ).toEqual([
      [4, "Contact Date '31/02/2020 10:17' is not a real date and time (expected dd/mm/yyyy hh:mm)", 'X3'],
      [7, 'row has 4 values but the header has 9 columns (a stray comma or a cut-off line?)', 'X5'],
    ]);
    expect(
      of('messy/contacts-crlf-quoted.csv').map((r) => [
        Number(r.line_number),
        (JSON.parse(r.raw_record) as Record<string, string>)['Contact ID'],
      ]),
    ).toEqual([
      [4, 'Q2'],
      [8, 'Q4'],
    ]);
  });

  it('keeps every row apart whatever the line endings', async () => {
    for (const way of ['js', 'auto'] as const) {
      const got = await landed[way]!.db.json<{ id: string; team: string; line: number }>(
        "SELECT contact_id AS id, receiving_team AS team, _line_number::INTEGER AS line FROM raw.case_management__contacts WHERE _source_file = 'messy/contacts-mixed-endings.csv' ORDER BY contact_id",
      );
      expect(got, way).toEqual([
        { id: 'X1', team: 'MASH', line: 2 },
        { id: 'X2', team: 'MASH', line: 3 },
        { id: 'X4', team: 'MA\r\nSH', line: 6 },
        { id: 'X6', team: 'MASH', line: 8 },
      ]);
      expect(
        landed[way]!.summary.files.find((f) => f.file === 'messy/contacts-mixed-endings.csv'),
        way,
      ).toMatchObject({ read: 6, landed: 4, rejected: 2 });
    }
  });
});
