// Ofsted Annex A workbooks land by content (whatever the sheets are called), with the messiness real ones have, and
// fill the contacts facts on their own when there is no case-management contacts export.
import { utimesSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config.js';
import { extract } from '../pipelines/extract/extract.js';
import { buildContactActivity } from '../reports/contact-activity/build.js';
import { dbtBuild } from '../pipelines/transform/dbt.js';
import { silentLogger } from '../core/logger.js';
import { withWarehouse } from '../core/warehouse.js';
import { writeDemoAnnexA } from './helpers/annex-a-demo.js';
import { tempDir, writeCsv } from './helpers/tmp.js';

const NBSP = '\u00a0';
const ymd = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const iso = (d: Date) => d.toISOString().slice(0, 10);
const excelSerial = (d: Date) => Math.round((d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
const mondayOf = (d: Date) => iso(new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000));

/** A contact row as the test writes it, and what the test knows about it (for the recount). */
interface WrittenContact {
  child: string;
  day: Date;
  /** The CIN source code the cell means, or null when the row must be rejected. */
  code: string | null;
  cells: ExcelJS.CellValue[];
}

// Source cells as councils write them, with the code each means.
const SOURCE_CELLS: ReadonlyArray<readonly [string, string]> = [
  ['e) 2A: Schools', '2A'],
  ['q) 6: Police', '6'],
  ['a) 1A: Individual', '1A'],
  ['k) 3E: Health services', '3E'],
  ['Schools', '2A'],
  ['u) 10: Unknown', '10'],
  ['n) 5A: LA services', '5A'],
];
const GROUP: Record<string, string> = {
  '2A': 'Schools',
  '6': 'Police',
  '1A': 'Family Member',
  '3E': 'Health',
  '10': 'Other',
  '5A': 'LA - Other Dept',
};

/** n contacts between two dates, each date written one of three ways (Date cell, Excel serial number, dd/mm/yyyy text). */
function contacts(n: number, first: Date, days: number, seed: number): WrittenContact[] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2_147_483_648) / 2_147_483_648;
  const out: WrittenContact[] = [];
  for (let i = 0; i < n; i++) {
    const day = new Date(first.getTime() + Math.floor(next() * days) * 86_400_000);
    const [cell, code] = SOURCE_CELLS[Math.floor(next() * SOURCE_CELLS.length)]!;
    const child = `A${1000 + Math.floor(next() * 40)}`;
    const dateCell =
      i % 3 === 0
        ? day
        : i % 3 === 1
          ? excelSerial(day)
          : `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
    out.push({
      child,
      day,
      code,
      cells: [
        child,
        i % 2 ? 'b) Female' : 'a) Male',
        'a) WBRI',
        ymd(2010, 5, 1 + (i % 28)),
        10 + (i % 7) + 0.7,
        dateCell,
        cell,
      ],
    });
  }
  return out;
}

function list1Sheet(wb: ExcelJS.Workbook, name: string, rows: WrittenContact[]): void {
  const ws = wb.addWorksheet(name);
  ws.addRow(['Annex A List 1: Contacts in the 12 months before inspection']);
  ws.addRow([]);
  // nbsp and trailing spaces in headers, and a typo ("Ethinicity") councils really send.
  ws.addRow([
    `Child Unique ID${NBSP}`,
    'Gender ',
    'Ethinicity',
    'Date of Birth',
    `Age of Child (Years)${NBSP}`,
    'Date of Contact',
    'Contact Source  ',
  ]);
  for (const r of rows) ws.addRow(r.cells);
}

async function writeWorkbooks(input: string) {
  // ---- Workbook 1 (March): cover sheet, List 1, List 8 (curly quotes), current List 9 ----
  const march = new ExcelJS.Workbook();
  march.addWorksheet('Cover').addRow(['Ofsted ILACS Annex A', 'Prepared by the performance team']);
  const marchContacts = contacts(60, ymd(2021, 1, 4), 56, 7); // 4 Jan - 28 Feb 2021 (8 weeks)
  // The same child, day and source twice: two contacts, not one.
  marchContacts.push({ ...marchContacts[0]!, cells: [...marchContacts[0]!.cells] });
  // #N/A in a required field, and a source that is not a CIN code: both rejected, with reasons.
  const bad1: WrittenContact = {
    child: 'A9001',
    day: ymd(2021, 1, 5),
    code: null,
    cells: ['A9001', 'a) Male', 'a) WBRI', ymd(2012, 1, 1), 8.9, '#N/A', 'q) 6: Police'],
  };
  const bad2: WrittenContact = {
    child: 'A9002',
    day: ymd(2021, 1, 6),
    code: null,
    cells: ['A9002', 'b) Female', 'a) WBRI', ymd(2012, 1, 1), 8.9, ymd(2021, 1, 6), 'p1) 5X: LA services'],
  };
  const marchRows = [
    ...marchContacts.slice(0, 10),
    bad1,
    ...marchContacts.slice(10, 30),
    bad2,
    ...marchContacts.slice(30),
  ];
  list1Sheet(march, 'List 1 - Contacts', marchRows);

  const l8 = march.addWorksheet('L8 CLA');
  l8.addRow([
    'Child Unique ID',
    'Gender',
    'Ethnicity',
    'Date of Birth',
    'Age of Child (Years)',
    'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)',
    'Does the Child have a Disability',
    'Date Started to be Looked After',
    'Child\u2019s Category of Need',
    'Child\u2019s Legal Status',
    'What is the permanence plan for this child?',
    'Number of Episodes the Child has been \u2018Missing\u2019 from their Placement in the last 12 months',
    'Placement Type',
    'Allocated Team',
  ]);
  l8.addRow([
    'A2001',
    'a) Male',
    'f) MWBC',
    ymd(2008, 3, 2),
    12.99,
    'b) No',
    'b) No',
    ymd(2019, 6, 3),
    'N1 - Abuse or neglect',
    'C2: FCO',
    'f) Long-term fostering',
    0,
    'd) U4: Foster placement - long term',
    'CLA Team 1',
  ]);
  l8.addRow([
    'A2002',
    'b) Female',
    'a) WBRI',
    excelSerial(ymd(2015, 9, 9)),
    5.5,
    'b) No',
    'c) Unknown',
    excelSerial(ymd(2020, 11, 20)),
    'N4',
    'V2: Single period under S20',
    'a) Return to family',
    2,
    'p) K2: Children\u2019s Homes',
    'CLA Team 2',
  ]);

  const l9 = march.addWorksheet('List 9 Care Leavers');
  l9.addRow([
    'Child Unique ID',
    'Gender',
    'Ethnicity',
    'Date of Birth',
    'Age of Child (Years)',
    'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)',
    'Does the Child have a Disability',
    'Allocated Team',
    'Allocated Worker',
    'Allocated Personal Advisor',
    'Eligibility Category',
    'Latest Pathway Plan Review Date',
    'LA in Touch',
    'Latest Date of Contact',
    'Type of Accommodation',
    'Suitability of Accommodation',
    'Activity Status',
  ]);
  l9.addRow([
    'A3001',
    'a) Male',
    'a) WBRI',
    ymd(2002, 4, 4),
    18.9,
    'b) No',
    'b) No',
    'Leaving Care',
    'W12',
    'PA7',
    'd) Eligible child',
    ymd(2021, 2, 1),
    'a) Yes',
    ymd(2021, 3, 1),
    'U: Independent living',
    'a) Suitable',
    'F4: Young person engaged full time in an apprenticeship',
  ]);
  l9.addRow([
    'A3002',
    'b) Female',
    'a) WBRI',
    ymd(2001, 4, 4),
    19.9,
    'b) No',
    'b) No',
    'Leaving Care',
    'W12',
    'PA7',
    'b) Former relevant child',
    '',
    'c) Died',
    '',
    '',
    '',
    '',
  ]);
  await march.xlsx.writeFile(path.join(input, 'annex-a-2021-03.xlsx'));

  // ---- Workbook 2 (April): List 1 again for a later, overlapping window, and the older List 9 ----
  const april = new ExcelJS.Workbook();
  const aprilContacts = contacts(30, ymd(2021, 2, 15), 35, 99); // 15 Feb - 21 Mar 2021: replaces March's last two weeks
  list1Sheet(april, 'L1 Contacts', aprilContacts);
  const old9 = april.addWorksheet('List 9');
  old9.addRow([
    'Child Unique ID',
    'Gender',
    'Ethnicity',
    'Date of Birth',
    'Age of Child (Years)',
    'Does the Child have a Disability',
    'Allocated Team',
    'Allocated Worker',
    'Eligibility Category',
    'LA in Touch',
    'Type of Accommodation',
    'Suitability of Accommodation',
    'Activity Status',
  ]);
  old9.addRow([
    'A3001',
    'a) Male',
    'a) WBRI',
    ymd(2002, 4, 4),
    18.9,
    'b) No',
    'Leaving Care',
    'W12',
    'c) Qualifying care leaver',
    'a) Yes',
    'D: Semi-independent',
    'b) Unsuitable',
    'G5: Not in education, employment or training - other',
  ]);
  old9.addRow([
    'A3003',
    'b) Female',
    'a) WBRI',
    ymd(2003, 4, 4),
    17.9,
    'b) No',
    'Leaving Care',
    'W12',
    'a) Relevant child',
    'a) Yes',
    'B: Parents/relatives',
    'a) Suitable',
    'F2: Full time in education other than higher',
  ]);
  // The older list has no "Eligible child": rejected, naming the column.
  old9.addRow([
    'A3004',
    'b) Female',
    'a) WBRI',
    ymd(2003, 4, 4),
    17.9,
    'b) No',
    'Leaving Care',
    'W12',
    'd) Eligible child',
    'a) Yes',
    '',
    '',
    '',
  ]);
  await april.xlsx.writeFile(path.join(input, 'annex-a-2021-04.xlsx'));

  return { marchContacts, aprilContacts };
}

describe('Ofsted Annex A workbooks', () => {
  it('land sheet by sheet by their headers, with messy cells cleaned or rejected with a reason, and fill fct_contacts alone', async () => {
    const dir = tempDir('annexa');
    const input = path.join(dir, 'in');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(input, { recursive: true });
    const { marchContacts, aprilContacts } = await writeWorkbooks(input);
    const asAt = new Date('2021-04-06T07:00:00Z');
    for (const f of ['annex-a-2021-03.xlsx', 'annex-a-2021-04.xlsx']) utimesSync(path.join(input, f), asAt, asAt);

    await withWarehouse(path.join(dir, 'w.duckdb'), {}, async (db) => {
      const summary = await extract(db, { inputDir: input, runId: '20210406T000000Z-annexa', log: silentLogger() });
      expect(summary.files.map((f) => [f.file, f.source, f.read, f.landed, f.rejected])).toEqual([
        ['annex-a-2021-03.xlsx#List 1 - Contacts', 'annex_a.list_1_contacts', 63, 61, 2],
        ['annex-a-2021-03.xlsx#L8 CLA', 'annex_a.list_8_children_in_care', 2, 2, 0],
        ['annex-a-2021-03.xlsx#List 9 Care Leavers', 'annex_a.list_9_care_leavers', 2, 2, 0],
        ['annex-a-2021-04.xlsx#L1 Contacts', 'annex_a.list_1_contacts', 30, 30, 0],
        ['annex-a-2021-04.xlsx#List 9', 'annex_a.list_9_care_leavers_older', 3, 2, 1],
      ]);
      for (const f of summary.files) expect(f.checksum).toMatch(/^[0-9a-f]{64}$/);
      const rejects = await db.json<{
        source_file: string;
        line_number: number;
        column_name: string;
        value: string;
        reason: string;
      }>(
        'SELECT source_file, line_number::INTEGER AS line_number, column_name, raw_value AS value, reason FROM raw._rejects ORDER BY source_file, line_number',
      );
      // Title row 1, blank row 2, header row 3: the 11th data row is line 14, the 32nd line 35.
      expect(rejects).toEqual([
        {
          source_file: 'annex-a-2021-03.xlsx#List 1 - Contacts',
          line_number: 14,
          column_name: 'Date of Contact',
          value: '#N/A',
          reason: 'Date of Contact is blank but every row needs one',
        },
        {
          source_file: 'annex-a-2021-03.xlsx#List 1 - Contacts',
          line_number: 35,
          column_name: 'Contact Source',
          value: 'p1) 5X: LA services',
          reason: expect.stringContaining("Contact Source 'p1) 5X: LA services' is not a known code"),
        },
        {
          source_file: 'annex-a-2021-04.xlsx#List 9',
          line_number: 4,
          column_name: 'Eligibility Category',
          value: 'd) Eligible child',
          reason: "Eligibility Category 'd) Eligible child' is not a known code (expected one of REL, FREL, QUAL)",
        },
      ]);
      // Cells cleaned: code prefixes, Excel serial dates, fractional ages, curly-quoted headers.
      const cla = await db.json<Record<string, unknown>>(
        `SELECT child_id, gender, ethnicity, strftime(date_of_birth, '%Y-%m-%d') AS dob, age_years, strftime(started_looked_after_date, '%Y-%m-%d') AS started,
                category_of_need, legal_status, permanence_plan, missing_episodes_last_12_months::INTEGER AS missing, placement_type, has_disability
         FROM raw.annex_a__list_8_children_in_care ORDER BY child_id`,
      );
      expect(cla).toEqual([
        {
          child_id: 'A2001',
          gender: '1',
          ethnicity: 'MWBC',
          dob: '2008-03-02',
          age_years: 12.99,
          started: '2019-06-03',
          category_of_need: 'N1',
          legal_status: 'C2',
          permanence_plan: 'LTFC',
          missing: 0,
          placement_type: 'U4',
          has_disability: 'N',
        },
        {
          child_id: 'A2002',
          gender: '2',
          ethnicity: 'WBRI',
          dob: '2015-09-09',
          age_years: 5.5,
          started: '2020-11-20',
          category_of_need: 'N4',
          legal_status: 'V2',
          permanence_plan: 'RTF',
          missing: 2,
          placement_type: 'K2',
          has_disability: 'U',
        },
      ]);
    });

    const built = await dbtBuild({
      warehouse: path.join(dir, 'w.duckdb'),
      workDir: dir,
      logDir: path.join(dir, 'logs'),
      log: silentLogger(),
    });
    expect(built.failures).toEqual([]);

    // Independent recount from the rows this test wrote: April's workbook (loaded later) replaces March's for the
    // days April's contacts span; March's rejected rows never count.
    const aprilFirst = iso(new Date(Math.min(...aprilContacts.map((c) => c.day.getTime()))));
    const aprilLast = iso(new Date(Math.max(...aprilContacts.map((c) => c.day.getTime()))));
    const kept = [...marchContacts.filter((c) => iso(c.day) < aprilFirst || iso(c.day) > aprilLast), ...aprilContacts];
    const weekly = new Map<string, number>();
    const byGroup = new Map<string, number>();
    for (const c of kept) {
      weekly.set(mondayOf(c.day), (weekly.get(mondayOf(c.day)) ?? 0) + 1);
      byGroup.set(GROUP[c.code!]!, (byGroup.get(GROUP[c.code!]!) ?? 0) + 1);
    }
    // The overlap matters: some of March's rows are replaced, some kept.
    expect(kept.length).toBeGreaterThan(aprilContacts.length);
    expect(kept.length).toBeLessThan(marchContacts.length + aprilContacts.length);

    await withWarehouse(path.join(dir, 'w.duckdb'), { readOnly: true }, async (db) => {
      const weeks = await db.json<{ week_start: string; n: number }>(
        "SELECT strftime(week_start, '%Y-%m-%d') AS week_start, count(*)::INTEGER AS n FROM marts.fct_contacts GROUP BY week_start ORDER BY week_start",
      );
      expect(weeks).toEqual(
        [...weekly.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week_start, n]) => ({ week_start, n })),
      );
      const groups = await db.json<{ source_group: string; n: number }>(
        'SELECT source_group, count(*)::INTEGER AS n FROM marts.fct_contacts GROUP BY source_group ORDER BY source_group',
      );
      expect(groups).toEqual(
        [...byGroup.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([source_group, n]) => ({ source_group, n })),
      );

      // What Annex A does not record is unknown (null), never false or zero.
      const unknowns = await db.json<Record<string, number>>(
        `SELECT count(*)::INTEGER AS n, count(DISTINCT contact_key)::INTEGER AS keys, count(receiving_team)::INTEGER AS teams, count(is_front_door)::INTEGER AS front_door,
                count(is_open_case)::INTEGER AS open_case, count(is_decided_within_1_working_day)::INTEGER AS timed, count(*) FILTER (WHERE source_system = 'annex_a')::INTEGER AS annex_a
         FROM marts.fct_contacts`,
      );
      expect(unknowns).toEqual([
        { n: kept.length, keys: kept.length, teams: 0, front_door: 0, open_case: 0, timed: 0, annex_a: kept.length },
      ]);
      const kpi = await db.json<{ n: number }>('SELECT count(*)::INTEGER AS n FROM intermediate.int_kpi__front_door');
      expect(kpi).toEqual([{ n: 0 }]);

      // Both List 9 versions landed; staging uses the newest workbook's (April's older-version) rows.
      const leavers = await db.json<Record<string, unknown>>(
        'SELECT child_id, eligibility, in_touch, accommodation, is_accommodation_suitable, activity, list_version FROM staging.stg_annex_a__care_leavers ORDER BY child_id',
      );
      expect(leavers).toEqual([
        {
          child_id: 'A3001',
          eligibility: 'QUAL',
          in_touch: 'YES',
          accommodation: 'D',
          is_accommodation_suitable: false,
          activity: 'G5',
          list_version: 'older',
        },
        {
          child_id: 'A3003',
          eligibility: 'REL',
          in_touch: 'YES',
          accommodation: 'B',
          is_accommodation_suitable: true,
          activity: 'F2',
          list_version: 'older',
        },
      ]);
      const current = await db.json<Record<string, unknown>>(
        'SELECT child_id, eligibility, personal_adviser, activity FROM raw.annex_a__list_9_care_leavers ORDER BY child_id',
      );
      expect(current).toEqual([
        { child_id: 'A3001', eligibility: 'ELIG', personal_adviser: 'PA7', activity: 'F4' },
        { child_id: 'A3002', eligibility: 'FREL', personal_adviser: 'PA7', activity: null },
      ]);

      // The Contact Activity appendix from Annex A alone: weekly totals and sources, and plain words (not zeros)
      // for the EDT/MASH split, open-case contacts and decision timeliness.
      const config = parseConfig({
        council: { name: 'Testshire County Council' },
        reports: { contactActivity: { periodEnd: '2021-03-21', weeks: 11, compareFrom: '2021-02-15' } },
      });
      const outDir = path.join(dir, 'out');
      const files = await buildContactActivity(db, { config, outDir, runId: 'annexa-test', variant: 'restricted' });
      // A period the workbook's contacts do not reach says so, rather than showing weeks of 0.
      const before = parseConfig({
        council: { name: 'Testshire County Council' },
        reports: { contactActivity: { periodEnd: '2018-06-24', weeks: 11 } },
      });
      await expect(
        buildContactActivity(db, { config: before, outDir, runId: 'annexa-test', variant: 'restricted' }),
      ).rejects.toThrow(
        /^no data for this period \(the 11 weeks to 24\/06\/2018\): the contacts landed cover \d\d\/\d\d\/\d{4} to \d\d\/\d\d\/\d{4}\. Choose a --period-end inside that range\.$/,
      );
      const xlsx = files.find((f) => f.format === 'xlsx')!;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(outDir, xlsx.file));
      expect(wb.worksheets.map((w) => w.name)).not.toContain('Open case contacts');
      expect(wb.worksheets.map((w) => w.name)).not.toContain('Decided in 1 working day');
      const ws = wb.getWorksheet('Weekly contacts')!;
      const header = (ws.getRow(4).values as unknown[]).slice(1);
      expect(header).toEqual(['Week', 'Week beginning', 'Total contacts']);
      const shownWeeks: Array<[string, number]> = [];
      ws.eachRow((row, n) => {
        const week = row.getCell(2).value;
        if (n > 4 && week instanceof Date) shownWeeks.push([iso(week), Number(row.getCell(3).value)]);
      });
      expect(shownWeeks).toEqual([...weekly.entries()].sort(([a], [b]) => a.localeCompare(b)));
      const sheetText = (name: string) => {
        const out: string[] = [];
        wb.getWorksheet(name)!.eachRow((row) => row.eachCell((c) => out.push(String(c.value))));
        return out.join(' ');
      };
      expect(sheetText('Weekly contacts')).toContain('does not record the receiving team');
      const about = wb.worksheets.find((w) => /about/i.test(w.name))!;
      expect(sheetText(about.name)).toContain('Ofsted Annex A List 1');
      expect(sheetText(about.name)).toContain('decided within 1 working day (Annex A does not record decisions)');
      // By source: the average weekly contacts since 15 February, recounted from the rows the test wrote.
      const sinceWeeks = [...weekly.keys()].filter((w) => w >= '2021-02-15').length;
      const schoolsSince = kept.filter((c) => mondayOf(c.day) >= '2021-02-15' && GROUP[c.code!] === 'Schools').length;
      let schoolsShown: unknown = null;
      wb.getWorksheet('By source')!.eachRow((row) => {
        if (row.getCell(1).value === 'Schools') schoolsShown = row.getCell(3).value;
      });
      expect(schoolsShown).toBeCloseTo(schoolsSince / sinceWeeks, 6);
    });

    // Precedence: once a case-management contacts export arrives, it alone fills fct_contacts (custom export wins).
    writeCsv(path.join(input, 'contacts.csv'), [
      [
        'Contact ID',
        'Child ID',
        'Contact Date',
        'Contact Source',
        'Receiving Team',
        'Open Case',
        'Domestic Abuse Notification',
        'Decision Date',
        'Contact Outcome',
      ],
      ['K1', 'A1001', '01/03/2021 09:00', '2A', 'MASH', 'N', 'N', '01/03/2021 15:00', 'NFA'],
      ['K2', 'A1002', '02/03/2021 22:00', '6', 'EDT', 'N', 'Y', '', ''],
      ['K3', 'A1003', '03/03/2021 10:00', '1A', 'MASH', 'Y', 'N', '05/03/2021 10:00', 'REF'],
    ]);
    await withWarehouse(path.join(dir, 'w.duckdb'), {}, async (db) => {
      await extract(db, { inputDir: input, runId: '20210407T000000Z-annexa', log: silentLogger() });
    });
    const rebuilt = await dbtBuild({
      warehouse: path.join(dir, 'w.duckdb'),
      workDir: dir,
      logDir: path.join(dir, 'logs'),
      log: silentLogger(),
    });
    expect(rebuilt.failures).toEqual([]);
    await withWarehouse(path.join(dir, 'w.duckdb'), { readOnly: true }, async (db) => {
      const rows = await db.json<Record<string, unknown>>(
        'SELECT source_system, front_door_team, is_decided_within_1_working_day AS within FROM marts.fct_contacts ORDER BY contact_at',
      );
      expect(rows).toEqual([
        { source_system: 'case_management', front_door_team: 'MASH', within: true },
        { source_system: 'case_management', front_door_team: 'EDT', within: false },
        { source_system: 'case_management', front_door_team: 'MASH', within: false },
      ]);
    });
  }, 300_000);
});

describe('demo Annex A workbook', () => {
  it('is made from the demo simulation and every list lands in full, detected by its headers', async () => {
    const dir = tempDir('annexa-demo');
    const input = path.join(dir, 'in');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(input, { recursive: true });
    const { contacts: demoContacts, sheets } = await writeDemoAnnexA(path.join(input, 'annex-a.xlsx'));
    expect(sheets.map((s) => s.sheet)).toEqual([
      'List 1 - Contacts',
      'L2 Early Help',
      'List 3 Referrals',
      'L4 Assessments',
      'List 5 - S47',
      'List 6 CIN',
      'L7 CP',
      'List 8 - CLA',
      'List 9 Care Leavers',
      'L10 Adoption',
      'List 11 Adopters',
    ]);

    await withWarehouse(path.join(dir, 'w.duckdb'), {}, async (db) => {
      const summary = await extract(db, { inputDir: input, runId: '20210401T000000Z-demo', log: silentLogger() });
      const rejects = await db.json<Record<string, unknown>>(
        'SELECT source_file, line_number, column_name, raw_value, reason FROM raw._rejects LIMIT 5',
      );
      expect(rejects).toEqual([]);
      expect(
        summary.files.map((f) => [
          f.file.replace('annex-a.xlsx#', ''),
          f.source?.replace(/^annex_a\.list_\d+_/, ''),
          f.read,
          f.landed,
        ]),
      ).toEqual(
        sheets.map((s, i) => [
          s.sheet,
          [
            'contacts',
            'early_help',
            'referrals',
            'assessments',
            's47_enquiries',
            'children_in_need',
            'child_protection',
            'children_in_care',
            'care_leavers',
            'adoption',
            'adopters',
          ][i],
          s.rows,
          s.rows,
        ]),
      );
      // List 1 holds exactly the simulation's contacts in the 12 months, week by week (counted from the simulation).
      const expected = new Map<string, number>();
      for (const c of demoContacts) {
        const day = c.contactAt.slice(0, 10);
        if (day < '2020-04-01' || day > '2021-03-31') continue;
        const monday = mondayOf(new Date(`${day}T00:00:00Z`));
        expected.set(monday, (expected.get(monday) ?? 0) + 1);
      }
      const landed = await db.json<{ week: string; n: number }>(
        "SELECT strftime(date_trunc('week', contact_date), '%Y-%m-%d') AS week, count(*)::INTEGER AS n FROM raw.annex_a__list_1_contacts GROUP BY 1 ORDER BY 1",
      );
      expect(landed).toEqual(
        [...expected.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, n]) => ({ week, n })),
      );
    });
  }, 240_000);
});
