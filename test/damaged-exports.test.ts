// Damaged exports never land as if they were whole (issue 15): a cut-off file, a far smaller or older export, an
// ambiguous header row, random bytes, a second copy under another name, mixed line endings. Each case lands real
// files through extract() on both landing paths where the path matters, and checks what raw.* holds afterwards.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { acceptHeld } from '../pipelines/extract/accept.js';
import { writeRejectsWorkbook } from '../pipelines/extract/rejects-workbook.js';
import { DEFAULT_COMPLETENESS } from '../pipelines/extract/completeness.js';
import { extract } from '../pipelines/extract/extract.js';
import type { LandingPath } from '../pipelines/extract/land-file.js';
import { silentLogger } from '../core/logger.js';
import { Warehouse } from '../core/warehouse.js';
import { csp } from './helpers/cli.js';
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
/** Contact n, received on day 1 + (n mod 28) of February 2020 and decided that afternoon. */
const contact = (n: number): string[] => {
  const d = String(1 + (n % 28)).padStart(2, '0');
  return [`K${n}`, `C${n}`, `${d}/02/2020 10:15`, '2A - Schools', 'MASH', 'N', 'N', `${d}/02/2020 16:30`, 'NFA'];
};
const contacts = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => contact(from + i));

let dir: string;
let input: string;
let db: Warehouse;
let run = 0;
const land = (landing: LandingPath = 'auto', completeness = DEFAULT_COMPLETENESS) =>
  extract(db, {
    inputDir: input,
    runId: `20260101T0000${String(run++).padStart(2, '0')}Z-dmg`,
    log: silentLogger(),
    landing,
    completeness,
  });
const rawContacts = async () =>
  (await db.json<{ n: number }>('SELECT count(*)::INTEGER AS n FROM raw.case_management__contacts'))[0]!.n;
const file = (name: string) => path.join(input, name);

beforeEach(async () => {
  dir = tempDir('damaged');
  input = path.join(dir, 'in');
  mkdirSync(input, { recursive: true });
  db = await Warehouse.open(path.join(dir, 'work.duckdb'));
});
afterEach(() => db.close());

describe.each(['auto', 'js'] as const)('the completeness guard (%s landing)', (landing) => {
  it('holds back a cut-off file whole and keeps the previous export; a first export cut off fails, naming it', async () => {
    writeCsv(file('contacts.csv'), [HEADER, ...contacts(1, 100)]);
    expect((await land(landing)).files[0]).toMatchObject({ status: 'loaded', landed: 100 });
    // Tonight's export stops part-way through a record (as a copy cut at 1 MB does): the cut row is short.
    const whole = `${[HEADER, ...contacts(1, 150)].map((r) => r.join(',')).join('\r\n')}\r\n`;
    const cut = whole.slice(0, whole.indexOf('K120,') + 14);
    writeFileSync(file('contacts.csv'), cut);
    const summary = await land(landing);
    expect(summary.failed).toBe(0);
    expect(summary.files[0]).toMatchObject({
      file: 'contacts.csv',
      status: 'held',
      read: 120,
      landed: 0,
      held: { reason: 'truncated', source: 'case_management.contacts' },
    });
    expect(summary.files[0]!.error).toBe(
      'contacts.csv is cut off: its last record (line 121) stops mid-row with no line break after it, so the file is incomplete. None of it was landed; held back: analysts keep the previous export (contacts.csv, 100 rows). Export it again and run again.',
    );
    expect(summary.held).toHaveLength(1);
    expect(await rawContacts()).toBe(100); // the previous export, whole
    const loads = await db.json<{ status: string; is_current: boolean; rows_read: number }>(
      'SELECT status, is_current, rows_read::INTEGER AS rows_read FROM raw._loads ORDER BY finished_at',
    );
    expect(loads).toEqual([
      { status: 'loaded', is_current: true, rows_read: 100 },
      { status: 'held', is_current: false, rows_read: 120 },
    ]);
    const [hold] = await db.json<{ reason: string; previous_rows: number }>(
      'SELECT reason, previous_rows::INTEGER AS previous_rows FROM raw._holds',
    );
    expect(hold).toEqual({ reason: 'truncated', previous_rows: 100 });
    await expect(acceptHeld(db, 'case_management.contacts')).rejects.toThrow(
      'contacts.csv is cut off (the last record stops mid-row), so there is nothing whole to accept: export case_management.contacts again and run again.',
    );

    // A source's first export cut off has no previous data to keep: it fails, naming the file.
    writeFileSync(file('contacts.csv'), whole);
    writeFileSync(file('more-contacts.csv'), cut.replace(/K(\d+),C/g, 'M$1,C'));
    rmSync(file('contacts.csv'));
    const fresh = await Warehouse.open(path.join(dir, 'fresh.duckdb'));
    try {
      const first = await extract(fresh, {
        inputDir: input,
        runId: '20260102T000000Z-dmg',
        log: silentLogger(),
        landing,
      });
      expect(first.files[0]).toMatchObject({ file: 'more-contacts.csv', status: 'failed' });
      expect(first.files[0]!.error).toMatch(
        /^more-contacts\.csv is cut off: its last record \(line 121\) stops mid-row .* None of it was landed \(and the source has no earlier export to keep\)\. Export it again and run again\.$/,
      );
    } finally {
      fresh.close();
    }
  });

  it('takes a whole file without a final line break, and a final broken row followed by one', async () => {
    writeCsv(file('contacts.csv'), [HEADER, ...contacts(1, 100)]);
    await land(landing);
    writeFileSync(file('contacts.csv'), [HEADER, ...contacts(1, 110)].map((r) => r.join(',')).join('\r\n')); // no final CRLF
    expect((await land(landing)).files[0]).toMatchObject({ status: 'loaded', landed: 110 });
    writeFileSync(
      file('contacts.csv'),
      `${[HEADER, ...contacts(1, 110)].map((r) => r.join(',')).join('\r\n')}\r\nK999,C999\r\n`,
    );
    expect((await land(landing)).files[0]).toMatchObject({ status: 'loaded', landed: 110, rejected: 1 });
  });

  it('holds back an export with more than 20% fewer rows; `csp accept` takes it at the next extract; 20% fewer lands', async () => {
    writeCsv(file('contacts.csv'), [HEADER, ...contacts(1, 100)]);
    await land(landing);
    writeCsv(file('contacts.csv'), [HEADER, ...contacts(1, 79)]);
    const held = await land(landing);
    expect(held.files[0]).toMatchObject({
      status: 'held',
      read: 79,
      held: { reason: 'shrunk', rows: 79, previous: { file: 'contacts.csv', rows: 100, latestDate: '2020-02-28' } },
    });
    expect(held.files[0]!.error).toMatch(
      /^case_management\.contacts: contacts\.csv has 79 rows, 21% fewer than the 100 in the previous export \(the setting completeness\.maxDropPercent holds back more than 20% fewer\)\. Held back: analysts keep the previous export \(contacts\.csv, landed \d\d\/\d\d\/\d{4}\)\. If this is real, run `csp accept case_management\.contacts` and the next run takes it; otherwise export it again\.$/,
    );
    expect(await rawContacts()).toBe(100);
    // rejects.xlsx lists it with the current file, saying why it was held.
    const workbook = path.join(dir, 'rejects.xlsx');
    await writeRejectsWorkbook(db, workbook);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(workbook);
    const summaryRows = (wb.getWorksheet('Summary')!.getSheetValues() as unknown[][])
      .slice(2)
      .map((r) => [r[2], r[3], r[4], r[8]]);
    expect(summaryRows).toEqual([
      ['contacts.csv', 'loaded', 100, ''],
      ['contacts.csv', 'held', 79, held.files[0]!.error],
    ]);
    expect((await land(landing)).files[0]).toMatchObject({ status: 'held' }); // held again until accepted

    const accepted = await acceptHeld(db, 'case_management.contacts');
    expect(accepted.files).toEqual([{ file: 'contacts.csv', rows: 79, previousRows: 100, reason: 'shrunk' }]);
    expect((await land(landing)).files[0]).toMatchObject({ status: 'loaded', landed: 79 });
    expect(await rawContacts()).toBe(79);
    await expect(acceptHeld(db, 'case_management.contacts')).rejects.toThrow(
      /^no export of case_management\.contacts is held back/,
    );

    writeCsv(file('contacts.csv'), [HEADER, ...contacts(1, 64)]); // 19% fewer than 79
    expect((await land(landing)).files[0]).toMatchObject({ status: 'loaded', landed: 64 });
    writeCsv(file('contacts.csv'), [HEADER, ...contacts(1, 10)]);
    expect(
      (await land(landing, { ...DEFAULT_COMPLETENESS, accept: ['case_management.contacts'] })).files[0],
    ).toMatchObject({ status: 'loaded', landed: 10 });
    writeCsv(file('contacts.csv'), [HEADER, ...contacts(5, 10)]); // 40% fewer, same latest date
    expect(
      (await land(landing, { ...DEFAULT_COMPLETENESS, perSource: { 'case_management.contacts': 50 } })).files[0],
    ).toMatchObject({ status: 'loaded', landed: 6 });
  });

  it('holds back an export whose latest date goes backwards (an older export), counting dates up to today only', async () => {
    writeCsv(file('contacts.csv'), [
      HEADER,
      ...contacts(1, 100),
      ['K999', 'C999', '01/01/2099 10:00', '2A', 'MASH', 'N', 'N', '', ''],
    ]);
    await land(landing);
    const january = contacts(1, 101).map((r) => r.map((c) => c.replace('/02/2020', '/01/2020')));
    writeCsv(file('contacts.csv'), [HEADER, ...january]);
    const summary = await land(landing);
    expect(summary.files[0]).toMatchObject({
      status: 'held',
      held: { reason: 'older', latestDate: '2020-01-28', previous: { latestDate: '2020-02-28' } },
    });
    expect(summary.files[0]!.error).toContain(
      "contacts.csv's latest date is 28/01/2020, before the previous export's 28/02/2020: it looks like an older export.",
    );
    expect(await rawContacts()).toBe(100); // (the 2099 row is rejected as out of range when landed; the guard ignores future dates anyway)
  });
});

describe('ambiguous header rows', () => {
  it('fail the file naming both columns when a header is duplicated, and keep the previous data', async () => {
    writeCsv(file('contacts.csv'), [HEADER, ...contacts(1, 5)]);
    await land();
    const dup = HEADER.map((h) => (h === 'Decision Date' ? 'Contact Date' : h)); // "Decision Date" renamed to a second "Contact Date"
    writeCsv(file('contacts.csv'), [dup, ...contacts(1, 5)]);
    const summary = await land();
    expect(summary.files[0]).toMatchObject({ status: 'failed', source: 'case_management.contacts' });
    expect(summary.files[0]!.error).toBe(
      "contacts.csv: columns C ('Contact Date') and H ('Contact Date') both read as the Contacts field 'Contact Date', so which one holds it is ambiguous. Nothing from the file was landed: rename or remove one of them in the export (or correct the header mapping), then run again.",
    );
    expect(await rawContacts()).toBe(5);
  });

  it('fail the file when a header and another spelling of the same field are both there', async () => {
    writeCsv(file('contacts.csv'), [
      [...HEADER, 'Contact Date/Time'],
      ...contacts(1, 5).map((r) => [...r, '01/01/2020 09:00']),
    ]);
    const [f] = (await land()).files;
    expect(f).toMatchObject({ status: 'failed' });
    expect(f!.error).toMatch(
      /^contacts\.csv: columns C \('Contact Date'\) and J \('Contact Date\/Time'\) both read as the Contacts field 'Contact Date'/,
    );
  });
});

describe('files however broken', () => {
  it('random bytes named .csv fail naming the file, with a raw._loads row', async () => {
    writeFileSync(file('random.csv'), randomBytes(200_000));
    writeCsv(file('contacts.csv'), [HEADER, ...contacts(1, 3)]);
    const summary = await land();
    const bad = summary.files.find((f) => f.file === 'random.csv')!;
    expect(bad.status).toBe('failed');
    expect(bad.error).toMatch(
      /^random\.csv (could not be read as a CSV export \(.+\)\. It may be damaged or not a CSV file at all: export it again as CSV and run again\.|: its header row .* matches no known export)/,
    );
    expect(summary.files.find((f) => f.file === 'contacts.csv')).toMatchObject({ status: 'loaded', landed: 3 });
    const loads = await db.json<{ source_file: string; status: string; error: string }>(
      "SELECT source_file, status, error FROM raw._loads WHERE source_file = 'random.csv'",
    );
    expect(loads).toEqual([{ source_file: 'random.csv', status: 'failed', error: bad.error }]);
  });

  it('a quote left open near the top fails naming the file, with a raw._loads row', async () => {
    writeFileSync(file('quoted.csv'), `"${HEADER.join(',')}\r\n${contact(1).join(',')}\r\n`);
    const [f] = (await land('js')).files;
    expect(f).toMatchObject({ file: 'quoted.csv', status: 'failed' });
    expect(f!.error).toMatch(/^quoted\.csv could not be read as a CSV export/);
    expect((await db.json('SELECT 1 FROM raw._loads WHERE source_file = ?', ['quoted.csv'])).length).toBe(1);
  });

  it('the same content under a second name is skipped and named, so nothing is counted twice', async () => {
    writeCsv(file('contacts.csv'), [HEADER, ...contacts(1, 20)]);
    mkdirSync(file('copy'), { recursive: true });
    copyFileSync(file('contacts.csv'), file('copy/contacts (1).csv'));
    const summary = await land();
    expect(summary.files.map((f) => [f.file, f.status, f.landed, f.duplicateOf ?? null])).toEqual([
      ['contacts.csv', 'loaded', 20, null],
      ['copy/contacts (1).csv', 'skipped', 0, 'contacts.csv'],
    ]);
    expect(summary.files[1]!.error).toBe(
      'copy/contacts (1).csv has exactly the same content as contacts.csv, already landed: skipped, so its rows are not counted twice. Remove one of the two copies from the input folder.',
    );
    expect(await rawContacts()).toBe(20);
    expect((await land()).files.map((f) => f.status)).toEqual(['skipped', 'skipped']); // and so on, night after night
    expect(await rawContacts()).toBe(20);
  });
});

describe.each(['auto', 'js'] as const)('line endings (%s landing)', (landing) => {
  it('a bare LF or CR outside quotes ends a record in a CRLF file: no row merged, none lost', async () => {
    const rows = contacts(1, 6).map((r) => r.join(','));
    // CRLF, then a bare LF after K2, a bare CR after K4, and a quoted CRLF inside K5's team.
    const text = `${HEADER.join(',')}\r\n${rows[0]}\r\n${rows[1]}\n${rows[2]}\r\n${rows[3]}\r${rows[4]!.replace('MASH', '"MA\r\nSH"')}\r\n${rows[5]}\r\n`;
    writeFileSync(file('contacts.csv'), text);
    const [f] = (await land(landing)).files;
    expect(f).toMatchObject({ status: 'loaded', read: 6, landed: 6, rejected: 0 });
    const landed = await db.json<{ contact_id: string; child_id: string; receiving_team: string; line: number }>(
      'SELECT contact_id, child_id, receiving_team, _line_number::INTEGER AS line FROM raw.case_management__contacts ORDER BY contact_id',
    );
    expect(landed).toEqual([
      { contact_id: 'K1', child_id: 'C1', receiving_team: 'MASH', line: 2 },
      { contact_id: 'K2', child_id: 'C2', receiving_team: 'MASH', line: 3 },
      { contact_id: 'K3', child_id: 'C3', receiving_team: 'MASH', line: 4 },
      { contact_id: 'K4', child_id: 'C4', receiving_team: 'MASH', line: 5 },
      { contact_id: 'K5', child_id: 'C5', receiving_team: 'MA\r\nSH', line: 7 },
      { contact_id: 'K6', child_id: 'C6', receiving_team: 'MASH', line: 8 },
    ]);
    expect(readFileSync(file('contacts.csv'), 'utf8')).toBe(text); // (the file itself untouched)
  });
});

describe('settings that become part of a path', () => {
  it('`csp report` refuses an appendix number that would write outside reports/, saying which setting and why', async () => {
    const config = path.join(dir, 'csp.config.json');
    writeFileSync(config, JSON.stringify({ reports: { contactActivity: { appendix: '9/../../../escaped' } } }));
    const data = path.join(dir, 'data');
    const r = await csp(['report', 'contact-activity', '--config', config], { CSP_DATA_DIR: data });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('csp: configuration problem: ');
    expect(r.stderr).toContain(
      'reports.contactActivity.appendix: expected an appendix number or letter such as 1, 2a or B-3',
    );
    expect(r.stderr).toContain('Fix these settings (see README "Configuration") and run again.');
    // The stem would have been appendix-9/../../../escaped-contact-activity-…: three folders up from reports/.
    expect(readdirSync(dir).filter((f) => f.startsWith('escaped'))).toEqual([]);
    expect(existsSync(path.join(data, 'reports'))).toBe(false);
  });
});
