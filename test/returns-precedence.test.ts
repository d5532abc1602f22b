// Source precedence (issue #4): for each entity the first source with any rows wins, never a mix - the custom
// case-management export, then the CIN census, then Ofsted Annex A. One warehouse is grown source by source and
// the assessment and child protection facts are recounted from what the test wrote each time.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../core/calendar/working-days.js';
import { extract } from '../pipelines/extract/extract.js';
import { silentLogger } from '../core/logger.js';
import { dbtBuild, throwawayKeyFile } from '../pipelines/transform/dbt.js';
import { withWarehouse } from '../core/warehouse.js';
import { keyedSql } from './helpers/keys.js';
import { tempDir, writeCsv } from './helpers/tmp.js';

const ymd = (s: string) => new Date(`${s}T00:00:00Z`);
const calendar = WorkingCalendar.englandAndWales();

// Each source's assessments [child, start, authorised or ''] and plans [child, start, end or '', previous plans].
// Children and dates differ between sources, so a row shows which source it came from.
const ANNEX_A_ASSESSMENTS: [string, string, string][] = [
  ['A1', '2020-05-04', '2020-06-10'],
  ['A2', '2020-06-01', '2020-09-30'],
  ['A2', '2020-06-01', ''], // a second assessment the same day: two rows, not one
  ['A3', '2020-10-12', '2020-11-02'],
  ['A4', '2021-01-18', ''],
];
const ANNEX_A_PLANS: [string, string, string, number][] = [
  ['A1', '2020-06-15', '', 0],
  ['A3', '2020-11-09', '2021-02-01', 2],
  ['A5', '2020-04-20', '', 1],
];
// Annex A List 3 [child, date, referrals in the 12 months before, NFA]: the count, not the rows, says re-referral.
const ANNEX_A_REFERRALS: [string, string, number | '', string][] = [
  ['A1', '2020-04-27', 0, 'b) No'],
  ['A2', '2020-05-26', 2, 'b) No'],
  ['A2', '2020-11-02', 3, 'a) Yes'],
  ['A3', '2020-10-05', '', ''], // count and NFA left blank: not known, so not a re-referral by the count
];
const CIN_ASSESSMENTS: [string, string, string][] = [
  ['C1', '2020-07-06', '2020-08-14'],
  ['C2', '2020-09-01', '2020-12-15'],
];
const CIN_PLANS: [string, string, string][] = [['C1', '2020-08-20', '']];
const CM_ASSESSMENTS: [string, string, string, string][] = [
  ['AS-1', 'K1', '2020-04-14', '2020-05-01'],
  ['AS-2', 'K2', '2020-08-03', ''],
  ['AS-3', 'K3', '2020-12-01', '2021-01-05'],
];
const CM_PLANS: [string, string, string, string][] = [['CP-1', 'K1', '2020-05-20', '2020-12-01']];

const CHILD_HEADERS = [
  'Child Unique ID',
  'Gender',
  'Ethnicity',
  'Date of Birth',
  'Age of Child (Years)',
  'Does the Child have a Disability',
];

async function writeAnnexA(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const l4 = wb.addWorksheet('List 4');
  l4.addRow([
    ...CHILD_HEADERS,
    'Continuous Assessment Start Date',
    'Child Seen During Continuous Assessment',
    'Continuous Assessment Date of Authorisation',
    'Allocated Team',
  ]);
  for (const [child, start, auth] of ANNEX_A_ASSESSMENTS)
    l4.addRow([
      child,
      'a) Male',
      'a) WBRI',
      ymd('2012-02-02'),
      8.5,
      'b) No',
      ymd(start),
      'a) Yes',
      auth ? ymd(auth) : '',
      'Assessment Team 1',
    ]);
  const l3 = wb.addWorksheet('List 3');
  l3.addRow([
    ...CHILD_HEADERS.slice(0, 5),
    'Date of referral',
    'Referral Source',
    'Referral NFA?',
    'Number of Referrals in Last 12 Months',
    'Allocated Team',
  ]);
  for (const [child, date, previous, nfa] of ANNEX_A_REFERRALS)
    l3.addRow([
      child,
      'a) Male',
      'a) WBRI',
      ymd('2012-02-02'),
      8.5,
      ymd(date),
      'e) 2A: Schools',
      nfa,
      previous,
      'Assessment Team 1',
    ]);
  const l7 = wb.addWorksheet('List 7');
  l7.addRow([
    ...CHILD_HEADERS,
    'Child Protection Plan Start Date',
    'Initial Category of Abuse',
    'Latest Category of Abuse',
    'Date of latest review conference',
    'Child Protection Plan End Date',
    'Number of Previous Child Protection Plans',
    'Allocated Team',
  ]);
  for (const [child, start, end, previous] of ANNEX_A_PLANS)
    l7.addRow([
      child,
      'b) Female',
      'a) WBRI',
      ymd('2014-07-07'),
      6.2,
      'b) No',
      ymd(start),
      'NEG',
      'EMO',
      ymd(start),
      end ? ymd(end) : '',
      previous,
      'Safeguarding 1',
    ]);
  await wb.xlsx.writeFile(file);
}

function writeCinCensus(file: string): void {
  const byChild = new Map<string, string[]>();
  const add = (child: string, xml: string) => byChild.set(child, [...(byChild.get(child) ?? []), xml]);
  for (const [child, start, auth] of CIN_ASSESSMENTS) {
    add(
      child,
      `<Assessments><AssessmentActualStartDate>${start}</AssessmentActualStartDate>${auth ? `<AssessmentAuthorisationDate>${auth}</AssessmentAuthorisationDate>` : ''}</Assessments>`,
    );
  }
  for (const [child, start, end] of CIN_PLANS) {
    add(
      child,
      `<ChildProtectionPlans><CPPstartDate>${start}</CPPstartDate>${end ? `<CPPendDate>${end}</CPPendDate>` : ''}<InitialCategoryOfAbuse>PHY</InitialCategoryOfAbuse></ChildProtectionPlans>`,
    );
  }
  const children = [...byChild].map(
    ([
      child,
      inner,
    ]) => `<Child><ChildIdentifiers><LAchildID>${child}</LAchildID><PersonBirthDate>2011-01-01</PersonBirthDate><GenderCurrent>2</GenderCurrent></ChildIdentifiers>
      <CINdetails><CINreferralDate>2020-06-30</CINreferralDate><ReferralSource>2A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>false</ReferralNFA>${inner.join('')}</CINdetails></Child>`,
  );
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>
<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2021</Year><ReferenceDate>2021-03-31</ReferenceDate></CollectionDetails></Header>
<Children>${children.join('\n')}</Children></Message>\n`,
  );
}

interface Built {
  assessments: { child_id: string; start: string; working_days: number | null; record_source: string }[];
  plans: {
    child_id: string;
    start: string;
    is_repeat_plan: boolean;
    reviews_held: number | null;
    core_groups_held: number | null;
    record_source: string;
  }[];
  within45: Record<string, number>;
  referrals: {
    child_id: string;
    date: string;
    is_re_referral: boolean;
    is_nfa: boolean | null;
    record_source: string;
  }[];
}

/** Extract whatever is in the input folder, build, and read the facts back with the source each row came from. */
async function extractAndBuild(dir: string, input: string, runId: string): Promise<Built> {
  const warehouse = path.join(dir, 'w.duckdb');
  await withWarehouse(warehouse, {}, async (db) => {
    const summary = await extract(db, { inputDir: input, runId, log: silentLogger() });
    for (const f of summary.files) expect(f.rejected, `${f.file} rejected rows`).toBe(0);
  });
  const built = await dbtBuild({ warehouse, workDir: dir, logDir: path.join(dir, 'logs'), log: silentLogger() });
  expect(built.failures).toEqual([]);
  return withWarehouse(warehouse, { readOnly: true }, async (db) => {
    const keyed = await keyedSql(db, throwawayKeyFile(dir));
    const assessments = await db.json<Built['assessments'][number]>(
      `SELECT i.child_id, strftime(i.start_date, '%Y-%m-%d') AS start, f.working_days_to_authorisation::INTEGER AS working_days, i.record_source
       FROM intermediate.int_assessments i JOIN marts.fct_assessments f ON f.assessment_key = ${keyed("'assessment:' || i.assessment_id")}
       ORDER BY 1, 2, 3 NULLS LAST`,
    );
    const plans = await db.json<Built['plans'][number]>(
      `SELECT i.child_id, strftime(i.start_date, '%Y-%m-%d') AS start, f.is_repeat_plan, f.reviews_held::INTEGER AS reviews_held,
              f.core_groups_held::INTEGER AS core_groups_held, f.record_source
       FROM intermediate.int_cp_plans i JOIN marts.fct_cp_plans f ON f.cp_plan_key = ${keyed("'cp_plan:' || i.cp_plan_id")}
       ORDER BY 1, 2`,
    );
    const kpi = await db.json<{ month: string; n: number }>(
      "SELECT strftime(period_start, '%Y-%m') AS month, numerator::INTEGER AS n FROM marts.kpi_monthly WHERE measure_id = 'assessments_within_45_wd' AND period_type = 'month' AND denominator > 0",
    );
    const referrals = await db.json<Built['referrals'][number]>(
      `SELECT i.child_id, strftime(i.referral_date, '%Y-%m-%d') AS date, f.is_re_referral_within_12_months AS is_re_referral, f.is_nfa, f.record_source
       FROM intermediate.int_referrals i JOIN marts.fct_referrals f ON f.referral_key = ${keyed("'referral:' || i.referral_id")} ORDER BY 1, 2`,
    );
    return { assessments, plans, within45: Object.fromEntries(kpi.map((k) => [k.month, k.n])), referrals };
  });
}

/** The assessments a source wrote, as the warehouse should show them: working days recounted on the calendar. */
const expectedAssessments = (rows: [string, string, string][], source: string) =>
  rows
    .map(([child, start, auth]) => ({
      child_id: child,
      start,
      working_days: auth ? calendar.workingDaysBetween(start, auth) : null,
      record_source: source,
    }))
    .sort(
      (a, b) =>
        a.child_id.localeCompare(b.child_id) ||
        a.start.localeCompare(b.start) ||
        (a.working_days ?? 1e9) - (b.working_days ?? 1e9),
    );

/** Authorised within 45 working days, by month of authorisation. */
function expectedWithin45(rows: [string, string, string][]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [, start, auth] of rows)
    if (auth)
      out[auth.slice(0, 7)] = (out[auth.slice(0, 7)] ?? 0) + (calendar.workingDaysBetween(start, auth) <= 45 ? 1 : 0);
  return out;
}

describe('source precedence across the statutory returns', () => {
  it('uses Annex A alone, then the CIN census over it, then the case-management export over both - never a mix', async () => {
    const dir = tempDir('precedence');
    const input = path.join(dir, 'in');
    mkdirSync(input, { recursive: true });
    const asAt = new Date('2021-04-06T07:00:00Z');

    // (a) Annex A only: every List 4 and List 7 row the test wrote, and nothing else.
    await writeAnnexA(path.join(input, 'annex-a.xlsx'));
    utimesSync(path.join(input, 'annex-a.xlsx'), asAt, asAt);
    const a = await extractAndBuild(dir, input, '20210406T000000Z-a');
    expect(a.assessments).toEqual(expectedAssessments(ANNEX_A_ASSESSMENTS, 'stg_annex_a__assessments'));
    expect(a.within45).toEqual(expectedWithin45(ANNEX_A_ASSESSMENTS));
    // Re-referrals from the list's count of earlier referrals (A2's first one too, though the list has no earlier row).
    expect(a.referrals).toEqual(
      ANNEX_A_REFERRALS.map(([child, date, previous, nfa]) => ({
        child_id: child,
        date,
        is_re_referral: previous !== '' && previous > 0,
        is_nfa: nfa === '' ? null : nfa === 'a) Yes',
        record_source: 'stg_annex_a__referrals',
      })),
    );
    // Repeat plans from the list's own count of previous plans; reviews and core groups are not known, not 0.
    expect(a.plans).toEqual(
      ANNEX_A_PLANS.map(([child, start, , previous]) => ({
        child_id: child,
        start,
        is_repeat_plan: previous > 0,
        reviews_held: null,
        core_groups_held: null,
        record_source: 'stg_annex_a__cp_plans',
      })),
    );

    // (b) CIN census + Annex A: the census rows win; none of Annex A's are used.
    writeCinCensus(path.join(input, 'cin-census.xml'));
    utimesSync(path.join(input, 'cin-census.xml'), asAt, asAt);
    const b = await extractAndBuild(dir, input, '20210406T000000Z-b');
    expect(b.assessments).toEqual(expectedAssessments(CIN_ASSESSMENTS, 'stg_cin_census__assessments'));
    expect(b.within45).toEqual(expectedWithin45(CIN_ASSESSMENTS));
    expect(new Set(b.referrals.map((r) => r.record_source))).toEqual(new Set(['stg_cin_census__referrals']));
    expect(b.plans).toEqual(
      CIN_PLANS.map(([child, start]) => ({
        child_id: child,
        start,
        is_repeat_plan: false,
        reviews_held: 0,
        core_groups_held: null,
        record_source: 'stg_cin_census__cp_plans',
      })),
    );

    // (c) Case management + CIN census + Annex A: the custom export wins over both returns.
    writeCsv(path.join(input, 'assessments.csv'), [
      ['Assessment ID', 'Child ID', 'Assessment Start Date', 'Assessment Authorised Date', 'Team', 'Worker ID'],
      ...CM_ASSESSMENTS.map(([id, child, start, auth]) => [id, child, start, auth, 'Assessment Team 1', 'W1']),
    ]);
    writeCsv(path.join(input, 'cp_plans.csv'), [
      ['CP Plan ID', 'Child ID', 'CP Plan Start Date', 'CP Plan End Date', 'Category of Abuse'],
      ...CM_PLANS.map(([id, child, start, end]) => [id, child, start, end, 'NEG']),
    ]);
    for (const f of ['assessments.csv', 'cp_plans.csv']) utimesSync(path.join(input, f), asAt, asAt);
    const c = await extractAndBuild(dir, input, '20210406T000000Z-c');
    const cmRows = CM_ASSESSMENTS.map(([, child, start, auth]) => [child, start, auth] as [string, string, string]);
    expect(c.assessments).toEqual(expectedAssessments(cmRows, 'stg_case_management__assessments'));
    expect(c.within45).toEqual(expectedWithin45(cmRows));
    expect(c.plans).toEqual(
      CM_PLANS.map(([, child, start]) => ({
        child_id: child,
        start,
        is_repeat_plan: false,
        reviews_held: 0,
        core_groups_held: 0,
        record_source: 'stg_case_management__cp_plans',
      })),
    );
  }, 600_000);
});
