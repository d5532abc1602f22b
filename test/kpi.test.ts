// Every KPI on a small hand-made council, against figures worked out by hand (see the comments). The real
// extract and the real dbt build run on it; nothing is mocked.
import { utimesSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config.js';
import { buildScorecard } from '../reports/scorecard/build.js';
import { extract } from '../pipelines/extract/extract.js';
import { silentLogger } from '../core/logger.js';
import { dbtBuild } from '../pipelines/transform/dbt.js';
import { withWarehouse } from '../core/warehouse.js';
import { EXPORTS } from '../sources/demo/exports.js';
import { tempDir, writeCsv } from './helpers/tmp.js';

let warehouse: string;
const AS_AT = new Date('2021-04-01T07:00:00Z');

function write(dir: string, file: string, header: readonly string[], rows: string[][]): void {
  const f = path.join(dir, file);
  writeCsv(f, [[...header], ...rows]);
  utimesSync(f, AS_AT, AS_AT);
}

beforeAll(async () => {
  const root = tempDir('kpi');
  const dir = path.join(root, 'in');
  warehouse = path.join(root, 'work', 'warehouse.duckdb');
  write(
    dir,
    'contacts.csv',
    [
      'Contact ID',
      'Child ID',
      'Contact Date',
      'Contact Source',
      'Receiving Team',
      'Open Case',
      'Decision Date',
      'Contact Outcome',
    ],
    [
      ['c1', 'K1', '07/05/2020 10:00', '6', 'MASH', 'N', '11/05/2020 09:00', 'NFA'], // Thu -> Mon over VE day (Fri 8 May): 1 working day, within
      ['c2', 'K1', '07/05/2020 11:00', '6', 'MASH', 'N', '12/05/2020 09:00', 'NFA'], // Thu -> Tue: 2, not within
      ['c3', 'K2', '09/05/2020 22:00', '6', 'EDT', 'N', '11/05/2020 09:00', 'NFA'], // Sat -> Mon: clock starts Mon, 0, within
      ['c4', 'K2', '09/05/2020 23:00', '6', 'EDT', 'N', '13/05/2020 09:00', 'NFA'], // Sat -> Wed: 2, not within
      ['c5', 'K3', '29/05/2020 16:00', '2A', 'MASH', 'N', '', ''], // undecided: not within
    ],
  );
  write(dir, 'referrals.csv', EXPORTS.referrals.header, [
    ['ref1', 'K1', '01/06/2019', '6', '', 'N1', 'N'],
    ['ref2', 'K1', '15/05/2020', '6', '', 'N1', 'N'], // within 12 months of 1 June 2019: a re-referral
    ['ref3', 'K2', '01/05/2019', '2A', '', 'N4', 'N'],
    ['ref4', 'K2', '20/05/2020', '2A', '', 'N4', 'N'], // more than 12 months after 1 May 2019: not
    // Issue 14's edge cases. Two referrals of K11 on one day: one episode, neither a re-referral.
    ['ref5', 'K11', '10/06/2020', '6', '', 'N1', 'N'],
    ['ref6', 'K11', '10/06/2020', '2A', '', 'N1', 'N'],
    // K12 referred again exactly 12 months later: within 12 months (DfE), a re-referral.
    ['ref7', 'K12', '15/07/2019', '6', '', 'N1', 'N'],
    ['ref8', 'K12', '15/07/2020', '6', '', 'N1', 'N'],
  ]);
  write(dir, 'assessments.csv', EXPORTS.assessments.header, [
    // Working day 45 after Mon 6 April 2020 (Easter 10 and 13 April, VE day 8 May, spring holiday 25 May) is
    // Fri 12 June; working day 46 is Mon 15 June.
    ['a1', 'K1', '', '06/04/2020', '12/06/2020', 'CIN', 'Assessment Team 1', ''],
    ['a2', 'K2', '', '06/04/2020', '15/06/2020', 'NFA', 'Assessment Team 1', ''],
    // Started on leap day (Saturday 29 February 2020): clock starts Monday 2 March; authorised that day = 0.
    ['a3', 'K3', '', '29/02/2020', '02/03/2020', 'NFA', 'Assessment Team 2', ''],
  ]);
  write(dir, 'cp-plans.csv', EXPORTS.cpPlans.header, [
    ['P0', 'K6', '01/06/2019', '31/12/2019', 'NEG', ''],
    ['P1', 'K1', '07/05/2020', '', 'EMO', ''],
    ['P2', 'K2', '01/09/2019', '', 'NEG', ''],
    ['P3', 'K3', '15/01/2020', '31/10/2020', 'PHY', ''],
    ['P4', 'K6', '20/05/2020', '', 'NEG', ''], // K6's second plan: a repeat
    ['P5', 'K4', '01/09/2020', '', 'NEG', ''],
  ]);
  write(dir, 'cp-core-groups.csv', EXPORTS.coreGroups.header, [
    ['g1', 'P1', '21/05/2020'], // 9 working days after Thu 7 May (VE day excluded): within 10
    ['g2', 'P1', '18/06/2020'], // 28 days after the last: within
    ['g3', 'P1', '17/07/2020'], // 29 days: late
  ]);
  write(dir, 'workers.csv', EXPORTS.workers.header, [
    ['W1', 'Case Management 1', 'SW', '1', 'PERM', '01/01/2019', ''],
    ['W2', 'Case Management 1', 'SW', '0.5', 'AGENCY', '01/01/2019', ''],
    ['W3', 'Case Management 1', 'TM', '1', 'PERM', '01/01/2019', ''],
    ['W4', 'Case Management 1', 'SSW', '1', 'PERM', '01/01/2019', ''],
    ['W5', 'Case Management 1', 'SW', '1', 'PERM', '01/12/2020', '31/12/2020'], // December only; leaves on 31 December: in post that day
  ]);
  write(dir, 'case-allocations.csv', EXPORTS.allocations.header, [
    ['al0', 'K0', 'W1', 'Case Management 1', '01/04/2019', '01/05/2019'],
    // K7-K9 have no CP plan (one month applies); K4 has one (28 days).
    ['al1', 'K7', 'W1', 'Case Management 1', '01/06/2020', ''],
    ['al2', 'K8', 'W1', 'Case Management 1', '01/06/2020', ''],
    ['al3', 'K9', 'W1', 'Case Management 1', '01/06/2020', ''],
    ['al4', 'K4', 'W2', 'Case Management 1', '01/06/2020', ''],
    ['al5', 'K5', 'W2', 'Case Management 1', '20/11/2020', ''], // allocated 10 days before the month end: not yet due
    // K10 allocated since 1 December, a co-worker added on 20 January: at 31 January it has been allocated two months.
    ['al6', 'K10', 'W1', 'Case Management 1', '01/12/2020', ''],
    ['al7', 'K10', 'W2', 'Case Management 1', '20/01/2021', ''],
  ]);
  write(dir, 'case-supervisions.csv', EXPORTS.supervisions.header, [
    ['s1', 'K7', 'W1', 'W3', '15/11/2020'], // within a month of 30 November
    ['s2', 'K8', 'W1', 'W3', '30/10/2020'], // exactly one month before: within
    ['s3', 'K9', 'W1', 'W3', '29/10/2020'], // one month and a day: not within
    ['s4', 'K4', 'W2', 'W3', '01/11/2020'], // K4 has a CP plan: 28 days, so due by 2 November: not within
    ['s5', 'K10', 'W1', 'W3', '15/01/2021'], // within a month of 31 January
  ]);
  write(dir, 'children.csv', EXPORTS.children.header, [
    ['Y1', '15/03/2001', '1', 'WBRI', 'N', 'N'], // 19 on 15 March 2020
    ['Y2', '01/06/2000', '2', 'WBRI', 'N', 'N'],
    ['Y3', '10/04/2001', '1', 'WBRI', 'N', 'N'], // still 18 at 31 March 2020
    ['Y4', '20/01/2000', '2', 'WBRI', 'N', 'N'],
    ['L1', '01/01/2012', '1', 'WBRI', 'N', 'N'],
    ['L2', '01/01/2012', '2', 'WBRI', 'N', 'N'],
    ['L3', '01/01/2012', '2', 'WBRI', 'Y', 'N'],
    ['Y5', '01/09/2002', '2', 'WBRI', 'N', 'N'], // 17 in May 2020
    ['Y6', '01/03/2003', '1', 'WBRI', 'N', 'N'], // 17 in May 2020
    ['Y7', '01/01/1998', '1', 'WBRI', 'N', 'N'], // 22 in 2020
  ]);
  write(dir, 'cla-episodes.csv', EXPORTS.episodes.header, [
    ['e1', 'Y1', '01/01/2015', 'S', 'C2', 'N1', 'U4', '15/03/2019', 'E17'],
    ['e2', 'Y2', '01/01/2014', 'S', 'C2', 'N1', 'U4', '01/06/2018', 'E5'],
    ['e3', 'Y3', '01/06/2016', 'S', 'C2', 'N1', 'U4', '10/04/2019', 'E17'],
    ['e4', 'Y4', '01/01/2015', 'S', 'C2', 'N1', 'U4', '20/01/2018', 'E17'],
    ['e5', 'L1', '01/06/2020', 'S', 'C1', 'N1', 'U6', '', ''],
    ['e6', 'L2', '15/06/2020', 'S', 'C1', 'N1', 'U6', '', ''],
    ['e7', 'L3', '01/06/2020', 'S', 'V3', 'N2', 'U6', '', ''], // short breaks: not counted
    ['e8', 'Y5', '01/01/2017', 'S', 'C2', 'N1', 'U4', '01/05/2020', 'E17'],
    ['e9', 'Y6', '01/01/2018', 'S', 'C2', 'N1', 'U4', '01/05/2020', 'E17'],
    ['e10', 'Y7', '01/01/2013', 'S', 'C2', 'N1', 'U4', '01/01/2016', 'E17'],
    ['e11', 'L4', '14/12/2020', 'S', 'C1', 'N1', 'U6', '', ''],
    ['e12', 'L5', '14/12/2020', 'S', 'C1', 'N1', 'U6', '', ''],
  ]);
  write(dir, 'cla-reviews.csv', EXPORTS.claReviews.header, [
    ['r1', 'L1', '19/06/2020'],
    ['r2', 'L1', '10/09/2020'],
    ['r3', 'L2', '10/07/2020'],
    ['r4', 'L2', '25/09/2020'],
    ['r5', 'L3', '19/06/2020'],
    ['r6', 'L3', '10/09/2020'],
    // Third reviews: L1's a day past 6 months (10 March), L2's on the day 6 months after its second.
    ['r7', 'L1', '11/03/2021'],
    ['r8', 'L2', '25/03/2021'],
    // From Monday 14 December 2020, working day 20 is Thursday 14 January 2021 (25 and 28 December and 1 January
    // are bank holidays): L4 on time, L5 a working day late.
    ['r9', 'L4', '14/01/2021'],
    ['r10', 'L5', '15/01/2021'],
  ]);
  write(dir, 's47-enquiries.csv', EXPORTS.s47.header, [
    // From Thursday 30 April 2020 (VE day 8 May, spring holiday 25 May): working day 15 is Friday 22 May, 16 is Tuesday 26 May.
    ['s1', 'K1', '', '30/04/2020', 'Y', '22/05/2020'],
    ['s2', 'K2', '', '30/04/2020', 'Y', '26/05/2020'],
    ['s3', 'K3', '', '30/04/2020', 'N', ''], // no conference: not counted
  ]);
  write(dir, 'missing-episodes.csv', EXPORTS.missing.header, [
    ['m1', 'K1', 'MISSING', '02/11/2020 20:00', '03/11/2020 10:00', 'Y', '06/11/2020 10:00', 'Y'], // offered 72 hours after the return: within
    ['m2', 'K1', 'MISSING', '20/11/2020 22:00', '21/11/2020 08:00', 'Y', '24/11/2020 08:01', 'N'], // 72 hours and a minute: not
    ['m3', 'K2', 'AWAY', '10/11/2020 18:00', '10/11/2020 23:00', 'Y', '11/11/2020 09:00', 'Y'], // away, not missing: not counted
    ['m4', 'K3', 'MISSING', '28/11/2020 23:00', '01/12/2020 02:00', 'Y', '02/12/2020 09:00', 'Y'], // went in November, back in December
    ['m5', 'K4', 'MISSING', '05/11/2020 16:00', '05/11/2020 23:00', 'N', '', ''], // not offered
    ['m6', 'L1', 'MISSING', '15/11/2020 19:00', '16/11/2020 01:00', 'Y', '', 'Y'], // offered, no date: not shown to be within 72 hours
    ['m7', 'K1', 'MISSING', '10/12/2020 21:00', '', 'N', '', ''], // still missing
  ]);
  write(dir, 'permanence-plans.csv', EXPORTS.permPlans.header, [
    ['pp1', 'L1', 'LTFC', '10/09/2020'], // on the day of the second review: in time
    ['pp2', 'L2', 'RTF', '01/10/2020'], // after it
  ]);
  write(dir, 'adoption-milestones.csv', EXPORTS.adoptions.header, [
    ['L2', '01/09/2020', '01/11/2020', '20/11/2020', ''],
  ]);
  write(dir, 'sgo-assessments.csv', EXPORTS.sgoAssessments.header, [
    ['sg1', 'L1', '01/07/2020', '15/10/2020'],
    ['sg2', 'L2', '15/09/2020', ''],
  ]);
  write(dir, 'care-leaver-contacts.csv', EXPORTS.clContacts.header, [
    ['cl1', 'Y1', '10/01/2020', 'YES', 'F2', 'D', 'Y'],
    ['cl2', 'Y2', '01/02/2020', 'YES', 'G5', 'U', 'Y'],
    ['cl3', 'Y3', '01/03/2020', 'YES', 'G4', 'B', 'Y'],
    ['cl4', 'Y4', '05/03/2020', 'DIED', '0', '', ''],
    ['cl5', 'Y5', '20/05/2020', 'RHOM', '0', '', ''], // returned home: not a care leaver of 16-18 for the DfE
    ['cl6', 'Y6', '20/05/2020', 'YES', 'G4', 'B', 'Y'], // NEET
    ['cl7', 'Y7', '01/06/2019', 'YES', 'F2', 'D', 'Y'], // EET; 22, so supported only to 31 May 2020 (12 months)
  ]);
  await withWarehouse(warehouse, {}, async (db) => {
    const summary = await extract(db, { inputDir: dir, runId: '20210401T070000Z-kpi', log: silentLogger() });
    expect(summary.rejected).toBe(0);
    expect(summary.failed).toBe(0);
  });
  const built = await dbtBuild({
    warehouse,
    workDir: path.join(root, 'work'),
    logDir: path.join(root, 'logs'),
    log: silentLogger(),
  });
  expect(built.failures).toEqual([]);
  // The scorecard appendix as printed, read back: its definitions are what the edge-case tests check the words in.
  const out = path.join(root, 'appendices');
  const made = await withWarehouse(warehouse, { readOnly: true }, (db) =>
    buildScorecard(db, { config: parseConfig({}), outDir: out, runId: 'kpi-test', variant: 'restricted' }),
  );
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path.join(out, made.find((m) => m.format === 'xlsx')!.file));
});

let book: ExcelJS.Workbook;
const TABLE_HEADER = 4; // reports/lib/xlsx.ts

/** A sheet's table as rows of header -> text, from the row under the header to the first blank first cell. */
function printed(sheet: string): Record<string, string>[] {
  const ws = book.getWorksheet(sheet)!;
  const headers: string[] = [];
  ws.getRow(TABLE_HEADER).eachCell((c, i) => (headers[i] = String(c.value)));
  const rows: Record<string, string>[] = [];
  for (let r = TABLE_HEADER + 1; ws.getRow(r).getCell(1).value; r++)
    rows.push(
      Object.fromEntries(headers.flatMap((h, i) => (h ? [[h, String(ws.getRow(r).getCell(i).value ?? '')]] : []))),
    );
  return rows;
}

async function kpi(
  measure: string,
  period: string,
  type = 'month',
): Promise<{ numerator: number | null; denominator: number | null; value: number | null }> {
  const rows = await withWarehouse(warehouse, { readOnly: true }, (db) =>
    db.json<{ numerator: number | null; denominator: number | null; value: number | null }>(
      'SELECT numerator, denominator, value FROM marts.kpi_monthly WHERE measure_id = ? AND period_label = ? AND period_type = ?',
      [measure, period, type],
    ),
  );
  expect(rows, `${measure} ${period}`).toHaveLength(1);
  return rows[0]!;
}

describe('KPIs on hand-made data', () => {
  it('contacts decided within 1 working day, across a weekend and VE day', async () => {
    expect(await kpi('contacts_decided_within_1_wd', 'May 2020')).toEqual({ numerator: 2, denominator: 5, value: 40 });
  });

  it('re-referrals within 12 months of a previous referral', async () => {
    expect(await kpi('re_referrals_12_months', 'May 2020')).toEqual({ numerator: 1, denominator: 2, value: 50 });
    expect(await kpi('re_referrals_12_months', 'June 2019')).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });

  it('assessments authorised within 45 working days: day 45 in, day 46 out; a leap-day start', async () => {
    expect(await kpi('assessments_within_45_wd', 'June 2020')).toEqual({ numerator: 1, denominator: 2, value: 50 });
    expect(await kpi('assessments_within_45_wd', 'March 2020')).toEqual({ numerator: 1, denominator: 1, value: 100 });
    expect(await kpi('assessments_within_45_wd', '2020/21 Q1', 'quarter')).toEqual({
      numerator: 1,
      denominator: 2,
      value: 50,
    });
    expect(await kpi('assessments_within_45_wd', '2019/20', 'financial_year')).toEqual({
      numerator: 1,
      denominator: 1,
      value: 100,
    });
  });

  it('core groups in timescale, plans open 9 months or more, repeat plans', async () => {
    expect(await kpi('core_groups_in_timescale', 'May 2020')).toEqual({ numerator: 1, denominator: 1, value: 100 });
    expect(await kpi('core_groups_in_timescale', 'July 2020')).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(await kpi('core_groups_in_timescale', '2020/21 Q1', 'quarter')).toEqual({
      numerator: 2,
      denominator: 2,
      value: 100,
    });
    // Open at 30 June 2020: P1, P2, P3, P4; only P2 (from September 2019) has been open 9 months.
    expect(await kpi('cp_plans_9_months_plus', 'June 2020')).toEqual({ numerator: 1, denominator: 4, value: 25 });
    // A snapshot measure's quarter is its last month.
    expect(await kpi('cp_plans_9_months_plus', '2020/21 Q1', 'quarter')).toEqual({
      numerator: 1,
      denominator: 4,
      value: 25,
    });
    expect(await kpi('cp_repeat_plans', 'May 2020')).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('supervision within one month (28 days for child protection), caseload per FTE, permanent workforce', async () => {
    expect(await kpi('supervision_within_interval', 'November 2020')).toEqual({
      numerator: 2,
      denominator: 4,
      value: 50,
    });
    // W1 holds 3 cases at FTE 1, W2 holds 2 at FTE 0.5; W4 holds none and does not count: 5 / 1.5.
    const caseload = await kpi('average_caseload', 'November 2020');
    expect([caseload.numerator, caseload.denominator]).toEqual([5, 1.5]);
    expect(caseload.value).toBeCloseTo(10 / 3, 12);
    // Case-holding workers in post: W1 and W4 permanent, W2 agency (the team manager is not case-holding).
    const permanent = await kpi('permanent_workforce', 'November 2020');
    expect([permanent.numerator, permanent.denominator]).toEqual([2, 3]);
    expect(permanent.value).toBeCloseTo(200 / 3, 12);
  });

  it('permanence plan by the second review; short breaks excluded', async () => {
    expect(await kpi('permanence_plan_by_2nd_review', 'September 2020')).toEqual({
      numerator: 1,
      denominator: 2,
      value: 50,
    });
  });

  it('counts SGO assessments under way at each month end and children moving in with adopters', async () => {
    expect(await kpi('sgo_assessments_in_progress', 'September 2020')).toMatchObject({ numerator: 2, value: 2 });
    expect(await kpi('sgo_assessments_in_progress', 'October 2020')).toMatchObject({ numerator: 1, value: 1 });
    expect(await kpi('children_placed_for_adoption', 'November 2020')).toMatchObject({ numerator: 1, value: 1 });
    expect(await kpi('children_placed_for_adoption', '2020/21', 'financial_year')).toMatchObject({
      numerator: 1,
      value: 1,
    });
  });

  it('care leavers in EET and NEET, with a 19th birthday inside the month and a leap-day month end', async () => {
    // 31 March 2020: Y1 has turned 19 (EET), Y2 is 19 (NEET), Y3 is 18 (NEET); Y4 died and is excluded.
    expect(await kpi('care_leavers_19_21_eet', 'March 2020')).toEqual({ numerator: 1, denominator: 2, value: 50 });
    expect(await kpi('care_leavers_16_18_neet', 'March 2020')).toEqual({ numerator: 1, denominator: 1, value: 100 });
    // 29 February 2020: Y1 is still 18 (EET) and Y3 has no contact yet (not known): no one NEET of two. Aged
    // 19-21: Y2 (NEET) and Y4, whose death is only recorded in March, so still counted (activity not known).
    expect(await kpi('care_leavers_19_21_eet', 'February 2020')).toEqual({ numerator: 0, denominator: 2, value: 0 });
    expect(await kpi('care_leavers_16_18_neet', 'February 2020')).toEqual({ numerator: 0, denominator: 2, value: 0 });
  });

  it('children missing (each child once, over a quarter too), missing episodes, return interviews within 72 hours of the return and accepted', async () => {
    // November: K1 twice, K3, K4 and L1 went missing (K2 was away): 4 children, 5 episodes. December: K1 again.
    expect(await kpi('children_missing', 'November 2020')).toMatchObject({ numerator: 4, value: 4 });
    expect(await kpi('missing_episodes', 'November 2020')).toMatchObject({ numerator: 5, value: 5 });
    expect(await kpi('children_missing', 'December 2020')).toMatchObject({ numerator: 1, value: 1 });
    // The quarter counts K1 once: 4 children, not 4 + 1; episodes add up.
    expect(await kpi('children_missing', '2020/21 Q3', 'quarter')).toMatchObject({ numerator: 4, value: 4 });
    expect(await kpi('missing_episodes', '2020/21 Q3', 'quarter')).toMatchObject({ numerator: 6, value: 6 });
    // A month after the first recorded episode with none is 0; before it, not known (no row), not 0.
    expect(await kpi('children_missing', 'January 2021')).toMatchObject({ numerator: 0, value: 0 });
    const october = await withWarehouse(warehouse, { readOnly: true }, (db) =>
      db.json(
        "SELECT 1 FROM marts.kpi_monthly WHERE measure_id = 'children_missing' AND period_type = 'month' AND period_label = 'October 2020'",
      ),
    );
    expect(october).toHaveLength(0);
    // Back in November: m1 (within), m2 (a minute late), m5 (not offered), m6 (no offer date): 1 of 4. Accepted:
    // m1 and m6 of the three offered. m4 came back in December: offered within 72 hours and accepted.
    expect(await kpi('return_interviews_within_72_hours', 'November 2020')).toEqual({
      numerator: 1,
      denominator: 4,
      value: 25,
    });
    const accepted = await kpi('return_interviews_accepted', 'November 2020');
    expect([accepted.numerator, accepted.denominator]).toEqual([2, 3]);
    expect(await kpi('return_interviews_within_72_hours', 'December 2020')).toEqual({
      numerator: 1,
      denominator: 1,
      value: 100,
    });
    const fct = await withWarehouse(warehouse, { readOnly: true }, (db) =>
      db.json<{ n: number }>('SELECT count(*)::INTEGER AS n FROM marts.fct_missing_episodes WHERE is_looked_after'),
    );
    expect(fct[0]!.n).toBe(1); // only L1 was in care when it went missing
  });

  it('CLA reviews on time: the first in 20 working days over Christmas, the second in 3 months, later ones in 6', async () => {
    expect(await kpi('cla_first_reviews_on_time', 'January 2021')).toEqual({ numerator: 1, denominator: 2, value: 50 });
    expect(await kpi('cla_first_reviews_on_time', 'June 2020')).toEqual({ numerator: 1, denominator: 1, value: 100 }); // L3's short breaks are not counted
    expect(await kpi('cla_second_reviews_on_time', 'September 2020')).toEqual({
      numerator: 2,
      denominator: 2,
      value: 100,
    });
    expect(await kpi('cla_later_reviews_on_time', 'March 2021')).toEqual({ numerator: 1, denominator: 2, value: 50 });
    expect(await kpi('cla_reviews_on_time', 'January 2021')).toEqual({ numerator: 1, denominator: 2, value: 50 });
    expect(await kpi('cla_reviews_on_time', '2020/21', 'financial_year')).toEqual({
      numerator: 6,
      denominator: 8,
      value: 75,
    });
  });

  it('initial conferences within 15 working days of the strategy discussion, across VE day and the spring holiday', async () => {
    expect(await kpi('icpc_within_15_wd', 'May 2020')).toEqual({ numerator: 1, denominator: 2, value: 50 });
  });

  it('children looked after at the month end and starting care (short breaks excluded)', async () => {
    expect(await kpi('children_looked_after', 'November 2020')).toMatchObject({ numerator: 2, value: 2 });
    expect(await kpi('children_looked_after', 'December 2020')).toMatchObject({ numerator: 4, value: 4 });
    expect(await kpi('children_starting_care', 'December 2020')).toMatchObject({ numerator: 2, value: 2 });
    expect(await kpi('children_starting_care', 'June 2020')).toMatchObject({ numerator: 2, value: 2 });
    expect(await kpi('children_starting_care', '2020/21', 'financial_year')).toMatchObject({ numerator: 4, value: 4 });
  });

  // Issue 14: each edge case pinned in the figure and in the words the appendix prints: the scorecard workbook's
  // "KPI definitions" sheet, read back (its fields are the seed's columns, checked below).
  const nameOf = async (measure: string) =>
    (
      await withWarehouse(warehouse, { readOnly: true }, (db) =>
        db.json<{ measure_name: string }>('SELECT measure_name FROM reference.kpi_definitions WHERE measure_id = ?', [
          measure,
        ]),
      )
    )[0]!.measure_name;
  const definition = async (measure: string): Promise<Record<string, string>> => {
    const name = await nameOf(measure);
    const row = printed('KPI definitions').find((r) => r.Measure === name);
    expect(row, `${name} on the KPI definitions sheet`).toBeDefined();
    return row!;
  };

  it('prints every KPI definition as the seed holds it, field by field, on the definitions sheet and on each scorecard row', async () => {
    const seed = await withWarehouse(warehouse, { readOnly: true }, (db) =>
      db.json<Record<string, string | null>>(
        'SELECT measure_name, numerator_definition, denominator_definition, inclusions, exclusions, period_rule, source_rule FROM reference.kpi_definitions',
      ),
    );
    const sheet = printed('KPI definitions');
    const rows = printed('Scorecard');
    const heads = [
      ['Counts', 'numerator_definition'],
      ['Out of', 'denominator_definition'],
      ['Includes', 'inclusions'],
      ['Excludes', 'exclusions'],
      ['Period', 'period_rule'],
      ['Sources', 'source_rule'],
    ] as const;
    for (const r of sheet) {
      const s = seed.find((x) => x.measure_name === r.Measure)!;
      for (const [h, c] of heads) expect(r[h], `${r.Measure} ${h}`).toBe(s[c] ?? '');
      // The scorecard row's Definition is the same fields, each on its own line under its heading.
      const filled = heads.filter(([, c]) => s[c]).map(([h, c]) => `${h}: ${s[c]}`);
      expect(rows.find((x) => x.Measure === r.Measure)!.Definition, r.Measure).toBe(filled.join('\n'));
    }
    expect(sheet.length).toBeGreaterThan(20);
  });

  it('re-referrals: a second referral the same day is not one; one exactly 12 months later is (DfE "within 12 months")', async () => {
    expect(await kpi('re_referrals_12_months', 'June 2020')).toEqual({ numerator: 0, denominator: 2, value: 0 });
    expect(await kpi('re_referrals_12_months', 'July 2020')).toEqual({ numerator: 1, denominator: 1, value: 100 });
    expect(await kpi('re_referrals_12_months', 'July 2019')).toEqual({ numerator: 0, denominator: 1, value: 0 });
    const words = await definition('re_referrals_12_months');
    expect(words.Excludes).toBe('A second referral on the same day is not a re-referral');
    expect(words.Includes).toContain('one exactly 12 months after the last is within 12 months');
  });

  it('care leavers 16-18 NEET leave out those who returned home (RHOM), and the words say so', async () => {
    // 31 May 2020, aged 16-18: Y6 (NEET) counts; Y5 returned home and is excluded: 1 of 1, not 1 of 2.
    expect(await kpi('care_leavers_16_18_neet', 'May 2020')).toEqual({ numerator: 1, denominator: 1, value: 100 });
    const words = await definition('care_leavers_16_18_neet');
    expect(words.Excludes).toContain('returned home to live with their parents for 6 months or more');
    expect(words['Out of']).toBe('All care leavers aged 16 to 18');
  });

  it('care leavers 19-25 "still supported": all aged 19-21, and 22-25 with a contact in the last 12 months', async () => {
    // 31 May 2020: Y1 (EET), Y2 (NEET), Y3 (NEET, 19 since April) and Y7 (22, EET, contact 1 June 2019: within 12 months).
    expect(await kpi('care_leavers_19_25_eet', 'May 2020')).toEqual({ numerator: 2, denominator: 4, value: 50 });
    // 30 June 2020: Y7's last contact is more than 12 months old: no longer supported.
    const june = await kpi('care_leavers_19_25_eet', 'June 2020');
    expect([june.numerator, june.denominator]).toEqual([1, 3]);
    const words = await definition('care_leavers_19_25_eet');
    expect(words.Includes).toContain(
      'Still supported: everyone aged 19 to 21, and those aged 22 to 25 with a recorded contact in the 12 months to the end of the period',
    );
    expect(words['Out of']).toBe('All care leavers aged 19 to 25 still supported');
  });

  it('supervision: a case with several open allocations is due from the earliest, and the words say so', async () => {
    // 31 January 2021: K7, K8, K9, K4 and K5 are due and not supervised within their interval; K10 (allocated since
    // 1 December, co-worker since 20 January) is due and was supervised on 15 January: 1 of 6.
    const jan = await kpi('supervision_within_interval', 'January 2021');
    expect([jan.numerator, jan.denominator]).toEqual([1, 6]);
    expect((await definition('supervision_within_interval')).Includes).toContain(
      'A case with several open allocations counts once: allocated since the earliest of them',
    );
  });

  it('a worker is in post on their leave date, and the words say so', async () => {
    // 31 December 2020: W1, W2, W4 and W5 (leaving that day) are case-holding and in post; W2 is agency: 3 of 4.
    const dec = await kpi('permanent_workforce', 'December 2020');
    expect([dec.numerator, dec.denominator]).toEqual([3, 4]);
    const jan = await kpi('permanent_workforce', 'January 2021');
    expect([jan.numerator, jan.denominator]).toEqual([2, 3]);
    expect((await definition('permanent_workforce')).Includes).toContain(
      'to their leave date, both included (the leave date is their last day)',
    );
  });

  it('gives each period a target, direction and RAG from the targets seed', async () => {
    const rows = await withWarehouse(warehouse, { readOnly: true }, (db) =>
      db.json<{ period_label: string; target: number | null; rag: string | null; period_rule: string }>(
        "SELECT period_label, target, rag, period_rule FROM marts.kpi_monthly WHERE measure_id = 'supervision_within_interval' AND period_type = 'month' AND period_label IN ('January 2021', 'February 2021', 'March 2021', 'April 2021') ORDER BY period_start",
      ),
    );
    // Trajectory 70% February, 85% March (no April row: the data ends in March); nothing before February.
    expect(rows.map((r) => [r.period_label, r.target])).toEqual([
      ['January 2021', null],
      ['February 2021', 70],
      ['March 2021', 85],
    ]);
    expect(rows[0]!.period_rule).toBe('Open cases at the end of the period');
  });
});
