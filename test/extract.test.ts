// Landing: every row read is landed or rejected with a reason, whatever the file looks like.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extract } from '../pipelines/extract/extract.js';
import { silentLogger } from '../core/logger.js';
import { Warehouse } from '../core/warehouse.js';
import { tempDir, writeCsv } from './helpers/tmp.js';

const HEADER = [
  'Contact ID',
  'Child ID',
  'Contact Date',
  'Contact Source',
  'Receiving Team',
  'Open Case',
  'Domestic Abuse Notification',
  'Decision Date',
  'Contact Outcome',
];
const good = (
  id: string,
  date = '03/02/2020 10:15',
  source = '2A - Schools',
  decision = '10/02/2020 09:30',
): string[] => [id, `C${id}`, date, source, 'MASH', 'N', 'N', decision, decision ? 'NFA' : ''];

let dir: string;
let db: Warehouse;
let run = 0;
const land = (input = path.join(dir, 'in')) =>
  extract(db, { inputDir: input, runId: `20260101T00000${run++}Z-test`, log: silentLogger() });

beforeEach(async () => {
  dir = tempDir('extract');
  db = await Warehouse.open(path.join(dir, 'work.duckdb'));
});
afterEach(() => db.close());

describe('extract', () => {
  it('lands good rows and keeps each bad row with its line, column, value and a plain-English reason', async () => {
    writeCsv(path.join(dir, 'in', 'contacts.csv'), [
      HEADER,
      good('1'),
      good('2', '31/02/2020 10:00'), // line 3: impossible date
      ['3', '', '03/02/2020 11:00', '6 - Police', 'EDT', 'Y', 'Y', '', ''], // line 4: blank child
      good('4', '03/02/2020 12:00', '12 - Voluntary sector'), // line 5: unknown code
      ['5', 'C5', '05/02/2020 12:00', '6', 'MASH', '#N/A', 'N', '', ''], // line 6: #N/A in a required field
      ['6', 'C6', '05/02/2020 12:00', '6', 'MASH', 'N', 'N', '04/02/2020 09:00', 'REF'], // line 7: decided before received
      ['7', 'C7', '05/02/2020 12:00', '6', 'MASH', 'N'], // line 8: short row
      good('8', '2020-02-06 08:00', 'e) 2A Schools'), // ISO date and Annex A style code are fine
      good('9', '43867.5', '3E'), // Excel serial date-time is fine
    ]);
    const summary = await land();
    expect(summary.files).toHaveLength(1);
    expect(summary.files[0]).toMatchObject({
      file: 'contacts.csv',
      source: 'case_management.contacts',
      status: 'loaded',
      read: 9,
      landed: 3,
      rejected: 6,
    });

    const rejects = await db.json<{
      line_number: number;
      column_name: string | null;
      raw_value: string | null;
      reason: string;
      raw_record: string;
    }>(
      'SELECT line_number::INTEGER AS line_number, column_name, raw_value, reason, raw_record FROM raw._rejects ORDER BY line_number',
    );
    expect(rejects.map((r) => [r.line_number, r.column_name, r.raw_value])).toEqual([
      [3, 'Contact Date', '31/02/2020 10:00'],
      [4, 'Child ID', ''],
      [5, 'Contact Source', '12 - Voluntary sector'],
      [6, 'Open Case', '#N/A'],
      [7, 'Decision Date', '04/02/2020 09:00'],
      [8, null, null],
    ]);
    expect(rejects[0]!.reason).toBe(
      "Contact Date '31/02/2020 10:00' is not a real date and time (expected dd/mm/yyyy hh:mm)",
    );
    expect(rejects[1]!.reason).toBe('Child ID is blank but every row needs one');
    expect(rejects[2]!.reason).toMatch(/^Contact Source '12 - Voluntary sector' is not a known code/);
    expect(rejects[4]!.reason).toBe('Decision Date 2020-02-04 is before the Contact Date 2020-02-05');
    expect(rejects[5]!.reason).toMatch(/row has 6 values but the header has 9 columns/);
    expect(JSON.parse(rejects[2]!.raw_record)['Contact ID']).toBe('4'); // the whole row is kept: nothing lost

    const landed = await db.json<{ contact_id: string; contact_at: string; source_code: string; _line_number: number }>(
      "SELECT contact_id, strftime(contact_at, '%Y-%m-%d %H:%M') AS contact_at, source_code, _line_number::INTEGER AS _line_number FROM raw.case_management__contacts ORDER BY contact_id",
    );
    expect(landed).toEqual([
      { contact_id: '1', contact_at: '2020-02-03 10:15', source_code: '2A', _line_number: 2 },
      { contact_id: '8', contact_at: '2020-02-06 08:00', source_code: '2A', _line_number: 9 },
      { contact_id: '9', contact_at: '2020-02-06 12:00', source_code: '3E', _line_number: 10 },
    ]);
    const loads = await db.json<{ rows_read: number; rows_landed: number; rows_rejected: number; status: string }>(
      'SELECT rows_read::INTEGER rows_read, rows_landed::INTEGER rows_landed, rows_rejected::INTEGER rows_rejected, status FROM raw._loads',
    );
    expect(loads).toEqual([{ rows_read: 9, rows_landed: 3, rows_rejected: 6, status: 'loaded' }]);
  });

  it('reads Windows-1252, UTF-8 with BOM, LF endings, trailing spaces and other spellings in headers', async () => {
    const messyHeader = [
      'Contact ID ',
      'Person ID',
      'Contact Date/Time',
      ' Source',
      'Receiving  Team',
      'open case?',
      'DA Notification',
      'Decision Date',
      'Outcome',
    ];
    writeCsv(
      path.join(dir, 'in', 'a-1252.csv'),
      [messyHeader, ['A1', 'Cé', '03/02/2020 10:15', '1A', 'MASH', 'No', 'No', '', '']],
      { encoding: 'windows-1252' },
    );
    writeCsv(
      path.join(dir, 'in', 'b-bom.csv'),
      [HEADER, ['B1', 'Cö', '03/02/2020 10:15', '1A', 'MASH', 'N', 'N', '', '']],
      { encoding: 'utf-8-bom', eol: '\n' },
    );
    const summary = await land();
    expect(summary.files.map((f) => [f.file, f.status, f.landed, f.rejected])).toEqual([
      ['a-1252.csv', 'loaded', 1, 0],
      ['b-bom.csv', 'loaded', 1, 0],
    ]);
    const children = await db.json<{ child_id: string }>(
      'SELECT child_id FROM raw.case_management__contacts ORDER BY contact_id',
    );
    expect(children.map((c) => c.child_id)).toEqual(['Cé', 'Cö']);
  });

  it('skips a file it has already landed, and lets a corrected file replace its earlier version', async () => {
    const file = path.join(dir, 'in', 'contacts.csv');
    writeCsv(file, [HEADER, good('1'), good('2'), good('3', 'bad date')]);
    expect((await land()).files[0]).toMatchObject({ status: 'loaded', landed: 2, rejected: 1 });
    expect((await land()).files[0]).toMatchObject({ status: 'skipped', read: 0 });
    writeCsv(file, [HEADER, good('1'), good('2'), good('3')]);
    expect((await land()).files[0]).toMatchObject({ status: 'loaded', landed: 3, rejected: 0 });
    const [counts] = await db.json<{ rows: number; rejects: number }>(
      'SELECT (SELECT count(*)::INTEGER FROM raw.case_management__contacts) AS rows, (SELECT count(*)::INTEGER FROM raw._rejects) AS rejects',
    );
    expect(counts).toEqual({ rows: 3, rejects: 0 });
  });

  it('fails a file it cannot use, naming it and what was expected, and keeps the previous data', async () => {
    const file = path.join(dir, 'in', 'contacts.csv');
    writeCsv(file, [HEADER, good('1'), good('2')]);
    await land();
    writeCsv(file, [HEADER.filter((h) => h !== 'Contact Date'), ['1', 'C1', '2A', 'MASH', 'N', 'N', '', '']]);
    writeCsv(path.join(dir, 'in', 'mystery.csv'), [
      ['Foo', 'Bar'],
      ['1', '2'],
    ]);
    writeFileSync(path.join(dir, 'in', 'empty.csv'), '');
    writeCsv(path.join(dir, 'in', 'header-only.csv'), [HEADER]);
    writeFileSync(
      path.join(dir, 'in', 'truncated.csv'),
      `${HEADER.join(',')}\r\n${good('9').join(',')}\r\n10,C10,"03/02/2020 1`,
    );
    const summary = await land();
    const byFile = Object.fromEntries(summary.files.map((f) => [f.file, f]));
    expect(byFile['contacts.csv']).toMatchObject({ status: 'failed' });
    expect(byFile['contacts.csv']!.error).toBe(
      "contacts.csv: looks like a Contacts export but has no column for 'Contact Date'. Add the column to the export, or map the council's header to it.",
    );
    expect(byFile['mystery.csv']!.error).toMatch(/^mystery\.csv: its header row \(Foo, Bar\) matches no known export/);
    expect(byFile['empty.csv']!.error).toMatch(/^empty\.csv is empty/);
    expect(byFile['header-only.csv']!.error).toMatch(/^header-only\.csv has a header row but no data rows/);
    expect(byFile['truncated.csv']!.error).toMatch(
      /^truncated\.csv looks cut off or damaged after line \d: .*opening quote at line 3\. Nothing from it was landed; export it again and run again\.$/,
    );
    expect(summary.failed).toBe(5);
    const [{ n }] = (await db.json<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM raw.case_management__contacts',
    )) as [{ n: number }];
    expect(n).toBe(2);
  });

  it('tells the user when the input folder is missing or empty', async () => {
    await expect(land(path.join(dir, 'nowhere'))).rejects.toThrow(
      /input folder .*nowhere does not exist: put the council's exports there, or pass --input DIR/,
    );
    await expect(land(tempDir('empty-input'))).rejects.toThrow(/no export files \(\*\.csv, \*\.xlsx, \*\.xml\) in/);
  });
});

describe('extract with optional columns missing', () => {
  it('lands rows from an export that leaves out optional columns', async () => {
    const dir2 = tempDir('extract-optional');
    const header = ['Contact ID', 'Child ID', 'Contact Date', 'Contact Source', 'Receiving Team', 'Open Case'];
    writeCsv(path.join(dir2, 'in', 'contacts.csv'), [
      header,
      ['1', 'C1', '03/02/2020 10:15', '2A', 'MASH', 'N'],
      ['2', 'C2', '03/02/2020 10:16', '6', 'EDT', 'Y'],
    ]);
    const db2 = await Warehouse.open(path.join(dir2, 'w.duckdb'));
    try {
      const summary = await extract(db2, {
        inputDir: path.join(dir2, 'in'),
        runId: '20260101T000000Z-opt',
        log: silentLogger(),
      });
      expect(summary.files[0]).toMatchObject({ status: 'loaded', read: 2, landed: 2, rejected: 0 });
      const rows = await db2.json<{ decision_at: string | null; domestic_abuse_notification: boolean | null }>(
        'SELECT decision_at, domestic_abuse_notification FROM raw.case_management__contacts',
      );
      expect(rows).toEqual([
        { decision_at: null, domestic_abuse_notification: null },
        { decision_at: null, domestic_abuse_notification: null },
      ]);
    } finally {
      db2.close();
    }
  });
});

describe('extract from Excel workbooks', () => {
  it('lands matching sheets, passes over a notes sheet, and finds the header below title rows', async () => {
    const dir2 = tempDir('extract-xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Contacts Export');
    ws.addRow(['Contacts report run 15/06/2020 17:42']);
    ws.addRow([]);
    ws.addRow([
      'Contact ID',
      'Child ID ',
      'Contact Date',
      'Contact Source',
      'Receiving Team',
      'Open Case',
      'Decision Date',
    ]);
    ws.addRow(['1', 'C1', new Date(Date.UTC(2020, 1, 3, 10, 15)), 'e) 2A Schools', 'MASH', 'N']); // trailing blank dropped by Excel
    ws.addRow([2, 'C2', 43865.75, '6', 'EDT', 'Y', new Date(Date.UTC(2020, 1, 4))]);
    ws.addRow(['3', 'C3', new Date(Date.UTC(2020, 1, 5)), '6', 'EDT', { error: '#N/A' }]);
    wb.addWorksheet('Notes').addRow(['Figures exclude test records']);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(dir2, 'in'));
    await wb.xlsx.writeFile(path.join(dir2, 'in', 'contacts.xlsx'));
    const db2 = await Warehouse.open(path.join(dir2, 'w.duckdb'));
    try {
      const summary = await extract(db2, {
        inputDir: path.join(dir2, 'in'),
        runId: '20260101T000000Z-xlsx',
        log: silentLogger(),
      });
      expect(summary.files.map((f) => [f.file, f.status, f.read, f.landed, f.rejected])).toEqual([
        ['contacts.xlsx#Contacts Export', 'loaded', 3, 2, 1],
      ]);
      const rows = await db2.json<{
        contact_id: string;
        contact_at: string;
        source_code: string;
        _line_number: number;
      }>(
        "SELECT contact_id, strftime(contact_at, '%Y-%m-%d %H:%M') AS contact_at, source_code, _line_number::INTEGER AS _line_number FROM raw.case_management__contacts ORDER BY contact_id",
      );
      expect(rows).toEqual([
        { contact_id: '1', contact_at: '2020-02-03 10:15', source_code: '2A', _line_number: 4 },
        { contact_id: '2', contact_at: '2020-02-04 18:00', source_code: '6', _line_number: 5 },
      ]);
      const rejects = await db2.json<{ line_number: number; column_name: string; reason: string }>(
        'SELECT line_number::INTEGER AS line_number, column_name, reason FROM raw._rejects',
      );
      expect(rejects).toEqual([
        { line_number: 6, column_name: 'Open Case', reason: 'Open Case is blank but every row needs one' },
      ]);
      expect(
        (await extract(db2, { inputDir: path.join(dir2, 'in'), runId: '20260101T000001Z-xlsx', log: silentLogger() }))
          .files[0]!.status,
      ).toBe('skipped');
    } finally {
      db2.close();
    }
  });

  it('fails a workbook with no sheet it recognises, naming its sheets', async () => {
    const dir2 = tempDir('extract-xlsx-bad');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Summary').addRow(['Total', 12]);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(dir2, 'in'));
    await wb.xlsx.writeFile(path.join(dir2, 'in', 'report.xlsx'));
    const db2 = await Warehouse.open(path.join(dir2, 'w.duckdb'));
    try {
      const summary = await extract(db2, {
        inputDir: path.join(dir2, 'in'),
        runId: '20260101T000000Z-xlsx',
        log: silentLogger(),
      });
      expect(summary.files).toMatchObject([
        {
          file: 'report.xlsx',
          status: 'failed',
          error:
            'report.xlsx: none of its sheets (Summary) has a header row matching a known export. Check the workbook is the right report, or add a header mapping.',
        },
      ]);
    } finally {
      db2.close();
    }
  });
});

describe('rejected-rows workbook', () => {
  it('lists every rejected value on a sheet per source, and every file on the summary', async () => {
    const dir2 = tempDir('rejects-wb');
    writeCsv(path.join(dir2, 'in', 'contacts.csv'), [
      HEADER,
      good('1'),
      good('2', '31/02/2020 10:00'),
      ['3', '', '03/02/2020 11:00', '99', 'EDT', 'Y', 'Y', '', ''],
    ]);
    writeCsv(path.join(dir2, 'in', 'odd.csv'), [['Foo'], ['1']]);
    const db2 = await Warehouse.open(path.join(dir2, 'w.duckdb'));
    try {
      await extract(db2, { inputDir: path.join(dir2, 'in'), runId: '20260101T000000Z-rwb', log: silentLogger() });
      const { writeRejectsWorkbook } = await import('../pipelines/extract/rejects-workbook.js');
      const out = path.join(dir2, 'rejects.xlsx');
      expect(await writeRejectsWorkbook(db2, out)).toEqual({ sources: 1, rejects: 3 });
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'contacts']);
      const sheet = wb.getWorksheet('contacts')!;
      const rows = sheet
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[]).slice(1, 5));
      expect(rows).toEqual([
        ['contacts.csv', 3, 'Contact Date', '31/02/2020 10:00'],
        ['contacts.csv', 4, 'Child ID', ''],
        ['contacts.csv', 4, 'Contact Source', '99'],
      ]);
      const summary = wb
        .getWorksheet('Summary')!
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[]).slice(1, 7));
      expect(summary).toEqual([
        ['case_management.contacts', 'contacts.csv', 'loaded', 3, 1, 2],
        ['(not recognised)', 'odd.csv', 'failed', 0, 0, 0],
      ]);
    } finally {
      db2.close();
    }
  });

  it('keeps the rows a working warehouse already holds when a contract gains a column, and lands the new column', async () => {
    // A missing-episodes table as it was before the contract gained Return Interview Offered Date, with one row.
    await db.run('CREATE SCHEMA raw');
    await db.run(`CREATE TABLE raw.case_management__missing_episodes (missing_id VARCHAR, child_id VARCHAR, missing_type VARCHAR, start_at TIMESTAMP, end_at TIMESTAMP,
      ri_offered BOOLEAN, ri_accepted BOOLEAN, _load_id VARCHAR NOT NULL, _source_file VARCHAR NOT NULL, _file_checksum VARCHAR NOT NULL, _line_number BIGINT NOT NULL)`);
    await db.run(
      "INSERT INTO raw.case_management__missing_episodes VALUES ('OLD1', 'C1', 'MISSING', '2020-01-01 20:00', '2020-01-02 08:00', true, true, 'old-load', 'old.csv', 'x', 2)",
    );
    writeCsv(path.join(dir, 'in', 'missing.csv'), [
      [
        'Missing Episode ID',
        'Child ID',
        'Missing or Away',
        'Missing Start',
        'Missing End',
        'Return Interview Offered',
        'Return Interview Offered Date',
        'Return Interview Accepted',
      ],
      ['M1', 'C2', 'MISSING', '01/02/2020 21:00', '02/02/2020 07:00', 'Y', '03/02/2020 10:00', 'N'],
    ]);
    const summary = await land();
    expect(summary.files[0]).toMatchObject({
      source: 'case_management.missing_episodes',
      status: 'loaded',
      landed: 1,
      rejected: 0,
    });
    const rows = await db.json<{ missing_id: string; offered_at: string | null; accepted: boolean }>(
      "SELECT missing_id, strftime(ri_offered_at, '%Y-%m-%d %H:%M') AS offered_at, ri_accepted AS accepted FROM raw.case_management__missing_episodes ORDER BY missing_id",
    );
    expect(rows).toEqual([
      { missing_id: 'M1', offered_at: '2020-02-03 10:00', accepted: false },
      { missing_id: 'OLD1', offered_at: null, accepted: true },
    ]);
  });
});
