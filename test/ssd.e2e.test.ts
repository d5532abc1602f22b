// The same simulated council twice: as the case-management exports (the run test/pipeline.e2e.test.ts makes, shared)
// and as Standard Safeguarding Dataset tables (`csp demo --ssd`). Every mart and appendix figure the SSD carries the
// facts for must be identical; every one it does not must be a stated gap ("not known"), never a wrong number.
import { readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../core/warehouse.js';
import { SSD_VERSION } from '../sources/ssd/version.js';
import { logLines } from './helpers/cli.js';
import { demoRun, type DemoRun } from './helpers/demo-runs.js';

let cm: DemoRun;
let ssd: DemoRun;
let cmDb: Warehouse;
let ssdDb: Warehouse;

beforeAll(async () => {
  [cm, ssd] = await Promise.all([demoRun('case-management'), demoRun('ssd')]);
  expect(ssd.demo.code, ssd.demo.stderr).toBe(0);
  expect(cm.run.code, cm.run.stderr).toBe(0);
  expect(ssd.run.code, ssd.run.stderr).toBe(0);
  // The runs' first published warehouses (pipeline.e2e publishes again later; these files never change).
  cmDb = await Warehouse.open(realpathSync(path.join(cm.data, 'warehouse.duckdb')), { readOnly: true });
  ssdDb = await Warehouse.open(realpathSync(path.join(ssd.data, 'warehouse.duckdb')), { readOnly: true });
}, 1_800_000); // two full runs, side by side when this file is run alone
afterAll(() => {
  cmDb?.close();
  ssdDb?.close();
});

type Row = Record<string, unknown>;
const both = async (sql: string): Promise<[Row[], Row[]]> => [await cmDb.json(sql), await ssdDb.json(sql)];
const keyed = (rows: Row[]) => new Set(rows.map((r) => JSON.stringify(r)));

/** The same query on both warehouses gives the same rows (and real volumes, so the comparison means something). */
async function expectSame(what: string, sql: string, atLeast: number): Promise<void> {
  const [a, b] = await both(sql);
  expect(a.length, `${what}: rows in the case-management run`).toBeGreaterThanOrEqual(atLeast);
  const inB = keyed(b);
  const missing = a.filter((r) => !inB.has(JSON.stringify(r)));
  expect(missing.slice(0, 3), `${what}: rows of the case-management run the SSD run does not have`).toEqual([]);
  expect(b.length, what).toBe(a.length);
}

describe('csp run on the SSD demo (the same council as the case-management demo)', () => {
  it('lands every SSD table, rejects nothing and records the SSD version on each load', async () => {
    expect(readdirSync(ssd.input).sort()).toEqual(['complaints', 'ssd']); // no custom case-management exports at all
    expect(
      logLines(ssd.run.stdout).some((l) =>
        /^extract: \d+ file\(s\), [\d,]+ rows read, [\d,]+ landed, 0 rejected/.test(String(l.msg)),
      ),
    ).toBe(true);
    const loads = await ssdDb.json<{
      source: string;
      spec_version: string | null;
      rows_read: number;
      rows_landed: number;
    }>(
      `SELECT source, spec_version, rows_read::INTEGER AS rows_read, rows_landed::INTEGER AS rows_landed FROM raw._loads WHERE is_current AND source LIKE 'ssd.%' ORDER BY source`,
    );
    expect(loads.map((l) => l.source)).toEqual(
      readdirSync(path.join(ssd.input, 'ssd'))
        .map((f) => `ssd.${f.replace(/^ssd_|\.csv$/g, '')}`)
        .sort(),
    );
    for (const l of loads)
      expect([l.source, l.spec_version, l.rows_landed], l.source).toEqual([l.source, SSD_VERSION, l.rows_read]);
  });

  it('holds the same contacts, referrals (and re-referrals), assessments (45 working days), S47s and ICPCs', async () => {
    await expectSame(
      'contacts',
      'SELECT contact_key, contact_at, week_start, source_code, source_group FROM marts.fct_contacts ORDER BY contact_key',
      5000,
    );
    await expectSame(
      'referrals',
      'SELECT * EXCLUDE (record_source) FROM marts.fct_referrals ORDER BY referral_key',
      1000,
    );
    await expectSame(
      'assessments',
      'SELECT * EXCLUDE (outcome_code, outcome) FROM marts.fct_assessments ORDER BY assessment_key',
      1000,
    );
    await expectSame(
      'S47 enquiries and their ICPCs',
      'SELECT s47_id, child_id, referral_id, start_date, is_icpc_required, icpc_date FROM intermediate.int_s47_enquiries ORDER BY s47_id',
      200,
    );
    // Outcomes: identical, except early help, which the SSD's assessment outcome JSON has no flag for: not known.
    const [a, b] = await both('SELECT assessment_key, outcome_code FROM marts.fct_assessments ORDER BY 1');
    const ssdOutcome = new Map(b.map((r) => [r.assessment_key, r.outcome_code]));
    expect(a.filter((r) => r.outcome_code === 'EH').length).toBeGreaterThan(10);
    expect(
      a
        .filter((r) => ssdOutcome.get(r.assessment_key) !== (r.outcome_code === 'EH' ? null : r.outcome_code))
        .slice(0, 3),
    ).toEqual([]);
  });

  it('holds the same CP plans with their reviews, CLA episodes, periods of care, reviews and adoption milestones', async () => {
    await expectSame(
      'CP plans',
      'SELECT * EXCLUDE (record_source, core_groups_held, core_groups_within_timescale, first_core_group_date, is_first_core_group_within_10_working_days) FROM marts.fct_cp_plans ORDER BY cp_plan_key',
      500,
    );
    await expectSame(
      'CP plans to their S47',
      'SELECT cp_plan_id, s47_id FROM intermediate.int_cp_plans ORDER BY 1',
      500,
    );
    await expectSame(
      'CLA episodes',
      'SELECT * EXCLUDE (record_source) FROM intermediate.int_cla_episodes ORDER BY episode_id',
      4000,
    );
    await expectSame(
      'CLA reviews',
      'SELECT cla_review_id, child_id, review_date FROM intermediate.int_cla_reviews ORDER BY 1',
      5000,
    );
    await expectSame(
      'periods of care, review timeliness, adoption',
      'SELECT * EXCLUDE (record_source, permanence_plan_date, first_permanence_plan, latest_permanence_plan, has_plan_by_second_review) FROM marts.fct_permanency ORDER BY period_of_care_key',
      1000,
    );
    await expectSame(
      'children',
      'SELECT child_id, date_of_birth, sex_code, ethnicity_code FROM intermediate.int_children ORDER BY 1',
      5000,
    );
  });

  it('holds the same caseloads for every worker holding cases (from ssd_involvements)', async () => {
    await expectSame(
      'caseloads',
      'SELECT * EXCLUDE (fte) , round(fte, 9) AS fte FROM marts.fct_caseloads WHERE open_cases > 0 ORDER BY worker_month_key',
      1000,
    );
  });

  it('gives care leavers the circumstances of their latest contact, as the case-management run does whenever that contact is the latest', async () => {
    const cols =
      'care_leaver_month_key, last_contact_date, in_touch, activity_status, activity, is_accommodation_suitable, is_dfe_excluded';
    const [a, b] = await both(`SELECT ${cols} FROM marts.fct_care_leaver_eet ORDER BY 1`);
    expect(b.length).toBe(a.length);
    const known = b.filter((r) => r.last_contact_date !== null);
    expect(known.length).toBeGreaterThan(100);
    const inA = keyed(a);
    expect(known.filter((r) => !inA.has(JSON.stringify(r))).slice(0, 3)).toEqual([]);
  });

  it('says "not known" for what the SSD does not record, never 0 or false', async () => {
    const [contacts] = await ssdDb.json<{ n: number; sources: string; teams: number; decided: number }>(
      `SELECT count(*)::INTEGER AS n, string_agg(DISTINCT source_system, ',') AS sources, count(receiving_team)::INTEGER AS teams, count(is_decided_within_1_working_day)::INTEGER AS decided FROM marts.fct_contacts`,
    );
    expect(contacts).toEqual({ n: expect.any(Number), sources: 'ssd', teams: 0, decided: 0 });
    const [plans] = await ssdDb.json<{ core_groups: number; reviews: number }>(
      'SELECT count(core_groups_held)::INTEGER AS core_groups, count(reviews_held)::INTEGER AS reviews FROM marts.fct_cp_plans',
    );
    expect(plans!.core_groups).toBe(0);
    expect(plans!.reviews).toBeGreaterThan(500);
    const [perm] = await ssdDb.json<{ n: number }>(
      'SELECT count(has_plan_by_second_review)::INTEGER AS n FROM marts.fct_permanency',
    );
    expect(perm!.n).toBe(0);
  });

  // KPI by KPI: the same figure where the SSD has the facts, no figure where it has not, and the two stated
  // differences (care leavers' history, workers not holding cases) named.
  const SAME = [
    'assessments_within_45_wd',
    're_referrals_12_months',
    'cp_plans_9_months_plus',
    'cp_repeat_plans',
    'children_placed_for_adoption',
    'average_caseload',
    'complaints_responded_in_time',
    'complaints_upheld',
  ];
  const NOT_KNOWN = [
    'contacts_decided_within_1_wd',
    'core_groups_in_timescale',
    'permanence_plan_by_2nd_review',
    'sgo_assessments_in_progress',
    'supervision_within_interval',
  ];
  const STATED_DIFFERENT = [
    'care_leavers_16_18_neet',
    'care_leavers_19_21_eet',
    'care_leavers_19_25_eet',
    'permanent_workforce',
  ];

  it('computes every scorecard KPI the same where the SSD has the facts, and none where it has not', async () => {
    const sql =
      "SELECT measure_id, period_type, strftime(period_start, '%Y-%m-%d') AS period_start, numerator, denominator, value FROM marts.kpi_monthly ORDER BY 1, 2, 3";
    const [a, b] = await both(sql);
    // KPIs added since (missing episodes, CLA review timeliness, ICPC in 15 working days, ...) are not classified here yet.
    expect([...new Set(a.map((r) => r.measure_id as string))]).toEqual(
      expect.arrayContaining([...SAME, ...NOT_KNOWN, ...STATED_DIFFERENT]),
    );
    const ssdBy = new Map(b.map((r) => [`${r.measure_id} ${r.period_type} ${r.period_start}`, r]));
    for (const r of a) {
      const s = ssdBy.get(`${r.measure_id} ${r.period_type} ${r.period_start}`);
      const id = `${r.measure_id} ${r.period_type} ${r.period_start}`;
      if (SAME.includes(r.measure_id as string)) {
        expect([s?.numerator, s?.denominator], id).toEqual([
          r.numerator,
          r.denominator === null ? null : expect.closeTo(r.denominator as number, 9),
        ]);
        if (r.value === null) expect(s?.value, id).toBeNull();
        else expect(s?.value as number, id).toBeCloseTo(r.value as number, 9);
      } else if (NOT_KNOWN.includes(r.measure_id as string)) {
        expect(s?.value ?? null, id).toBeNull();
      }
    }
    expect(a.filter((r) => SAME.includes(r.measure_id as string) && r.value !== null).length).toBeGreaterThan(300);
  });

  it('names, in the scorecard, each KPI the SSD cannot give a figure for and the export that would give one', async () => {
    const file = readdirSync(path.join(ssd.data, 'appendices')).find((f) =>
      /^appendix-2-scorecard-.*-restricted\.xlsx$/.test(f),
    )!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(ssd.data, 'appendices', file));
    const words = wb.worksheets.map((ws) => ws.getSheetValues().flat().join(' ')).join(' ');
    expect(words).toContain('The Standard Safeguarding Dataset (SSD) and complaints system exports');
    const names = await ssdDb.json<{ measure_name: string }>(
      `SELECT measure_name FROM reference.kpi_definitions WHERE measure_id IN (${NOT_KNOWN.map((m) => `'${m}'`).join(', ')})`,
    );
    expect(names).toHaveLength(NOT_KNOWN.length);
    const term = /No figure from the data supplied[^]*?They are left out/.exec(words)?.[0] ?? '';
    for (const n of names)
      expect(term, n.measure_name).toMatch(
        new RegExp(`${n.measure_name.replace(/[()]/g, '\\$&')} \\(needs the case-management`),
      );
  });

  it('writes the contact-activity appendix from ssd_contacts: every contact per week, and says which tables the SSD cannot give', async () => {
    const file = readdirSync(path.join(ssd.data, 'appendices')).find((f) =>
      /^appendix-1-contact-activity-.*-restricted\.xlsx$/.test(f),
    )!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(ssd.data, 'appendices', file));
    const weekly = wb.getWorksheet('Weekly contacts')!;
    expect(weekly.getRow(4).values).toEqual([undefined, 'Week', 'Week beginning', 'Total contacts']); // no EDT / MASH columns
    const shown: { week: string; n: number }[] = [];
    for (let r = 5; /^[a-z]\. /.test(String(weekly.getRow(r).getCell(1).value)); r++)
      shown.push({
        week: new Date(weekly.getRow(r).getCell(2).value as Date).toISOString().slice(0, 10),
        n: weekly.getRow(r).getCell(3).value as number,
      });
    expect(shown).toHaveLength(19);
    // Every contact of the week (the SSD has no receiving team), recounted from the case-management run's contacts.
    const perWeek = await cmDb.json<{ week: string; n: number }>(
      `SELECT strftime(week_start, '%Y-%m-%d') AS week, count(*)::INTEGER AS n FROM marts.fct_contacts WHERE week_start BETWEEN ?::DATE AND ?::DATE GROUP BY 1 ORDER BY 1`,
      [shown[0]!.week, shown.at(-1)!.week],
    );
    expect(shown).toEqual(perWeek);
    const words = wb.worksheets.map((ws) => ws.getSheetValues().flat().join(' ')).join(' ');
    expect(words).toContain('Standard Safeguarding Dataset (SSD) table ssd_contacts');
    expect(words).toMatch(
      /does not give the split between EDT and MASH \(the SSD does not record the receiving team\)/,
    );
    expect(words).toContain('supply the case-management contacts export to include them');
  });

  it('writes the complaints annual report identically (complaints come from the complaints system either way)', async () => {
    const files = (d: DemoRun) =>
      readdirSync(path.join(d.data, 'appendices')).filter(
        (f) => f.startsWith('appendix-3-') && f.endsWith('-restricted.xlsx'),
      );
    expect(files(ssd)).toEqual(files(cm));
    const cells = async (d: DemoRun) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(d.data, 'appendices', files(d)[0]!));
      return wb.worksheets.filter((ws) => ws.name !== 'About').map((ws) => [ws.name, ws.getSheetValues()]);
    };
    expect(JSON.stringify(await cells(ssd))).toBe(JSON.stringify(await cells(cm)));
  });
});
