// The complaints marts and their KPI feed on a handful of hand-made complaints, each chosen for an edge of the
// timeliness rules: statutory answered on working day 10 vs 11, with an extension on day 20 vs 21, corporate on
// day 20 vs 21, a clock running across VE day (Fri 8 May 2020) and one starting on a weekend before a bank
// holiday, withdrawn with and without a response, a stage 2 record, open complaints. Every expected figure
// below was worked out by hand from a calendar, not by the code under test.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract, type ExtractSummary } from '../pipelines/extract/extract.js';
import { silentLogger } from '../core/logger.js';
import { pseudonym, readPseudonymKey } from '../pipelines/keys/pseudonym-key.js';
import { dbtBuild, throwawayKeyFile, type DbtSummary } from '../pipelines/transform/dbt.js';
import { Warehouse } from '../core/warehouse.js';
import { complaintIssuesContract } from '../sources/complaints/complaint-issues/contract.js';
import { complaintsContract } from '../sources/complaints/complaints/contract.js';
import { complimentsContract } from '../sources/complaints/compliments/contract.js';
import { ombudsmanCasesContract } from '../sources/complaints/ombudsman-cases/contract.js';
import type { Contract } from '../sources/lib/contract.js';
import { stampDataAsAt } from '../sources/demo/file-times.js';
import { writeDemo } from '../sources/demo/write-demo.js';
import { keyedSql } from './helpers/keys.js';
import { tempDir, writeCsv } from './helpers/tmp.js';

/** A CSV with the contract's own headers, rows given by field name (blank when not given). */
function writeExport(file: string, contract: Contract, rows: Record<string, string>[]): void {
  writeCsv(file, [
    contract.fields.map((f) => f.header),
    ...rows.map((r) => contract.fields.map((f) => r[f.name] ?? '')),
  ]);
  stampDataAsAt(file, '2020-07-02'); // the exports were "taken" at 07:00 on Friday 3 July 2020
}

// The complaints, as a Respond-style report exports them (labels, dd/mm/yyyy, Y/N). June 2020 has no bank
// holiday: Mon 1 Jun is working day 0, Mon 15 Jun day 10, Tue 16 Jun 11, Mon 29 Jun 20, Tue 30 Jun 21, Wed 1 Jul 22.
const c = (
  ref: string,
  received: string,
  procedure: string,
  team: string,
  outcome: string,
  response: string,
  more: Record<string, string> = {},
) => ({
  complaint_reference: ref,
  received_date: received,
  procedure_code: procedure,
  stage_code: 'Stage 1',
  team,
  outcome_code: outcome,
  response_date: response,
  ...more,
});
const COMPLAINTS = [
  c('T-STAT-10', '01/06/2020', 'Statutory', 'Assessment Team 1', 'Upheld', '15/06/2020'),
  c('T-STAT-11', '01/06/2020', 'Statutory', 'Case Management 2', 'Not upheld', '16/06/2020', {
    complainant_is_young_person: 'Y',
  }),
  c('T-STAT-EXT-20', '01/06/2020', 'Statutory', 'Children in Care 1', 'Partially upheld', '29/06/2020', {
    extension_agreed: 'Y',
  }),
  c('T-STAT-EXT-21', '01/06/2020', 'Statutory', 'Children in Care 1', 'Not upheld', '30/06/2020', {
    extension_agreed: 'Y',
  }),
  c('T-CORP-20', '01/06/2020', 'Corporate', 'Fostering Team', 'Not upheld', '29/06/2020'), // a team the seed does not know
  c('T-CORP-21', '01/06/2020', 'Corporate', 'MASH', 'Upheld', '30/06/2020', { extension_agreed: 'Y' }), // no extended corporate timescale
  // Thu 7 May is day 0; Fri 8 May (VE day) and the weekend do not count; Mon 11 May is day 1 ... Fri 22 May day 10.
  c('T-VE-DAY', '07/05/2020', 'Statutory', 'Leaving Care', 'Partially upheld', '22/05/2020'),
  // Received Sat 23 May; Mon 25 May is a bank holiday, so the clock starts Tue 26 May (day 0); Tue 9 Jun is day 10.
  c('T-WEEKEND', '23/05/2020', 'Statutory', 'EDT', 'Upheld', '09/06/2020'),
  c('T-WD-SILENT', '01/06/2020', 'Statutory', 'Assessment Team 2', 'Withdrawn', ''), // withdrawn before any response
  c('T-WD-ANSWERED', '01/06/2020', 'Corporate', 'Assessment Team 2', 'Withdrawn', '05/06/2020'), // day 4
  c('T-NO-OUTCOME', '01/06/2020', 'Corporate', 'Case Management 1', '', '02/06/2020'), // answered, outcome not recorded: day 1
  c('T-SEND-LATE', '01/06/2020', 'SEND', 'Disability Service', 'Upheld', '01/07/2020'), // day 22, answered in July
  c('T-OPEN-OLD', '01/06/2020', 'SEND', 'Disability Service', '', ''), // open: day 24 on Fri 3 Jul, past its 20
  c('T-OPEN-NEW', '29/06/2020', 'Statutory', 'Case Management 3', '', ''), // open: day 4 on Fri 3 Jul
  // Stage 2 of T-STAT-11: Wed 17 Jun is day 0, Tue 30 Jun day 9. No stage 1 timescale; not in the KPIs.
  {
    ...c('T-STAT-11-S2', '17/06/2020', 'Statutory', 'Case Management 2', 'Partially upheld', '30/06/2020'),
    stage_code: 'Stage 2',
    escalated_from: 'T-STAT-11',
  },
];

const ISSUES = [
  // Listed communication first: the mart orders categories as the seed does (quality of service first).
  { issue_id: 'TI-1', complaint_reference: 'T-STAT-10', issue_category: 'Communication', issue_outcome: 'Upheld' },
  {
    issue_id: 'TI-2',
    complaint_reference: 'T-STAT-10',
    issue_category: 'Quality of service',
    issue_outcome: 'Not upheld',
  },
  {
    issue_id: 'TI-3',
    complaint_reference: 'T-STAT-11',
    issue_category: 'Staff behaviour',
    issue_outcome: 'Not upheld',
  },
  {
    issue_id: 'TI-4',
    complaint_reference: 'T-STAT-11-S2',
    issue_category: 'Staff behaviour',
    issue_outcome: 'Partially upheld',
  },
];

const COMPLIMENTS = [
  { compliment_reference: 'TC-1', received_date: '31/03/2020', team: 'MASH' },
  { compliment_reference: 'TC-2', received_date: '01/04/2020', team: 'Fostering Team' },
];

const OMBUDSMAN = [
  {
    ombudsman_reference: '20 000 001',
    complaint_reference: 'T-STAT-11-S2',
    procedure_code: 'Statutory',
    received_date: '01/07/2020',
    decision_date: '02/07/2020',
    decision_code: 'Upheld - maladministration and injustice',
  },
  {
    ombudsman_reference: '19 000 002',
    complaint_reference: '',
    procedure_code: 'Corporate',
    received_date: '30/03/2020',
    decision_date: '',
    decision_code: '',
  },
];

let dir: string;
let db: Warehouse;
let landed: ExtractSummary;
let dbt: DbtSummary;

beforeAll(async () => {
  dir = tempDir('complaints-marts');
  const input = path.join(dir, 'in');
  // dim_team (which gives the service areas) also reads the case-management exports: land a small demo of them,
  // without its complaints, which are replaced by the hand-made ones.
  await writeDemo({ out: input, seed: 5, scale: 0.05, from: '2020-05-01', to: '2020-07-02', faultRate: 0 });
  rmSync(path.join(input, 'complaints'), { recursive: true, force: true });
  writeExport(path.join(input, 'complaints', 'complaints.csv'), complaintsContract, COMPLAINTS);
  writeExport(path.join(input, 'complaints', 'complaint-issues.csv'), complaintIssuesContract, ISSUES);
  writeExport(path.join(input, 'complaints', 'compliments.csv'), complimentsContract, COMPLIMENTS);
  writeExport(path.join(input, 'complaints', 'ombudsman-cases.csv'), ombudsmanCasesContract, OMBUDSMAN);

  db = await Warehouse.open(path.join(dir, 'work.duckdb'));
  landed = await extract(db, { inputDir: input, runId: '20260101T000000Z-complaints-marts', log: silentLogger() });
  db.close(); // dbt needs the file to itself
  dbt = await dbtBuild({
    warehouse: path.join(dir, 'work.duckdb'),
    workDir: dir,
    logDir: path.join(dir, 'logs'),
    log: silentLogger(),
    // The complaints marts, the KPI feed and everything they are built from, with the tests whose every parent is
    // built (kpi_definitions for the feed's relationships test); not kpi_monthly, which needs every area's feed.
    args: [
      '--select',
      '+fct_complaints',
      '+fct_compliments',
      '+fct_ombudsman_cases',
      '+int_kpi__complaints',
      'kpi_definitions',
      '--exclude',
      'kpi_monthly+',
      '--indirect-selection',
      'cautious',
    ],
  });
  db = await Warehouse.open(path.join(dir, 'work.duckdb'), { readOnly: true });
  keyed = await keyedSql(db, throwawayKeyFile(dir));
});
afterAll(() => db?.close());

/** The mart's key of a message such as 'complaint:T-STAT-11', worked out in Node with the build's key. */
const keyOf = async (s: string): Promise<string> => pseudonym(readPseudonymKey(throwawayKeyFile(dir)), s);
let keyed: (message: string) => string;

describe('complaints marts on hand-made complaints', () => {
  it('lands every hand-made row and builds the marts with all their tests passing', () => {
    const complaintFiles = landed.files.filter((f) => f.source?.startsWith('complaints.'));
    expect(complaintFiles.map((f) => [f.source, f.landed, f.rejected]).sort()).toEqual([
      ['complaints.complaint_issues', 4, 0],
      ['complaints.complaints', 15, 0],
      ['complaints.compliments', 2, 0],
      ['complaints.ombudsman_cases', 2, 0],
    ]);
    expect(dbt.failures).toEqual([]);
    expect(dbt.ok).toBe(true);
    expect(dbt.tests).toBeGreaterThan(60);
  });

  it('counts working days, timescales and flags per complaint as worked out by hand', async () => {
    const rows = await db.json<Record<string, unknown>>(`
      SELECT s.complaint_reference AS ref, f.procedure_code, f.stage, f.working_days_to_response AS wd, f.timescale_working_days AS ts,
             f.is_within_10_working_days AS w10, f.is_within_20_working_days AS w20, f.is_within_timescale AS in_time,
             f.is_responded AS responded, f.is_open AS open, f.is_overdue_as_at AS overdue,
             f.outcome_code AS outcome, f.is_upheld_or_partly AS upheld, f.is_withdrawn AS withdrawn
      FROM marts.fct_complaints f
      JOIN staging.stg_complaints__complaints s ON f.complaint_key = ${keyed("'complaint:' || s.complaint_reference")}
      ORDER BY ref`);
    const byRef = Object.fromEntries(rows.map(({ ref, ...rest }) => [ref as string, rest]));
    const row = (
      procedure_code: string,
      stage: number,
      wd: number | null,
      ts: number | null,
      w10: boolean,
      w20: boolean,
      in_time: boolean | null,
      responded: boolean,
      open: boolean,
      overdue: boolean | null,
      outcome: string | null,
      upheld: boolean,
      withdrawn: boolean,
    ) => ({ procedure_code, stage, wd, ts, w10, w20, in_time, responded, open, overdue, outcome, upheld, withdrawn });
    expect(byRef).toEqual({
      'T-STAT-10': row('STAT', 1, 10, 10, true, true, true, true, false, false, 'UP', true, false),
      'T-STAT-11': row('STAT', 1, 11, 10, false, true, false, true, false, false, 'NU', false, false),
      'T-STAT-EXT-20': row('STAT', 1, 20, 20, false, true, true, true, false, false, 'PU', true, false),
      'T-STAT-EXT-21': row('STAT', 1, 21, 20, false, false, false, true, false, false, 'NU', false, false),
      'T-CORP-20': row('CORP', 1, 20, 20, false, true, true, true, false, false, 'NU', false, false),
      'T-CORP-21': row('CORP', 1, 21, 20, false, false, false, true, false, false, 'UP', true, false),
      'T-VE-DAY': row('STAT', 1, 10, 10, true, true, true, true, false, false, 'PU', true, false),
      'T-WEEKEND': row('STAT', 1, 10, 10, true, true, true, true, false, false, 'UP', true, false),
      'T-WD-SILENT': row('STAT', 1, null, 10, false, false, false, false, false, false, 'WD', false, true),
      'T-WD-ANSWERED': row('CORP', 1, 4, 20, true, true, true, true, false, false, 'WD', false, true),
      'T-NO-OUTCOME': row('CORP', 1, 1, 20, true, true, true, true, false, false, null, false, false),
      'T-SEND-LATE': row('SEND', 1, 22, 20, false, false, false, true, false, false, 'UP', true, false),
      'T-OPEN-OLD': row('SEND', 1, null, 20, false, false, false, false, true, true, null, false, false),
      'T-OPEN-NEW': row('STAT', 1, null, 10, false, false, false, false, true, false, null, false, false),
      'T-STAT-11-S2': row('STAT', 2, 9, null, true, true, null, true, false, null, 'PU', true, false),
    });
  });

  it('gives periods, labels, service areas, issues and escalation links, and no system references', async () => {
    const rows = await db.json<Record<string, unknown>>(`
      SELECT s.complaint_reference AS ref, f.received_month, f.received_financial_year, f.response_month, f.response_financial_year,
             f.procedure_label, f.stage_label, f.outcome_label, f.team, f.service_area, f.issue_count, f.issue_category_codes,
             f.issue_categories, f.is_from_young_person, f.escalated_from_key
      FROM marts.fct_complaints f
      JOIN staging.stg_complaints__complaints s ON f.complaint_key = ${keyed("'complaint:' || s.complaint_reference")}
      WHERE s.complaint_reference IN ('T-STAT-10', 'T-STAT-11', 'T-STAT-11-S2', 'T-CORP-20', 'T-VE-DAY', 'T-OPEN-OLD')
      ORDER BY ref`);
    expect(rows).toEqual([
      {
        ref: 'T-CORP-20',
        received_month: '2020-06-01',
        received_financial_year: '2020/21',
        response_month: '2020-06-01',
        response_financial_year: '2020/21',
        procedure_label: 'Corporate',
        stage_label: 'Stage 1',
        outcome_label: 'Not upheld',
        team: 'Fostering Team',
        service_area: 'Unmapped',
        issue_count: 0,
        issue_category_codes: null,
        issue_categories: null,
        is_from_young_person: false,
        escalated_from_key: null,
      },
      {
        ref: 'T-OPEN-OLD',
        received_month: '2020-06-01',
        received_financial_year: '2020/21',
        response_month: null,
        response_financial_year: null,
        procedure_label: 'SEND',
        stage_label: 'Stage 1',
        outcome_label: null,
        team: 'Disability Service',
        service_area: 'Disability',
        issue_count: 0,
        issue_category_codes: null,
        issue_categories: null,
        is_from_young_person: false,
        escalated_from_key: null,
      },
      {
        ref: 'T-STAT-10',
        received_month: '2020-06-01',
        received_financial_year: '2020/21',
        response_month: '2020-06-01',
        response_financial_year: '2020/21',
        procedure_label: 'Statutory',
        stage_label: 'Stage 1',
        outcome_label: 'Upheld',
        team: 'Assessment Team 1',
        service_area: 'Assessment',
        issue_count: 2,
        issue_category_codes: 'QOS, COM',
        issue_categories: 'Quality of service, Communication',
        is_from_young_person: false,
        escalated_from_key: null,
      },
      {
        ref: 'T-STAT-11',
        received_month: '2020-06-01',
        received_financial_year: '2020/21',
        response_month: '2020-06-01',
        response_financial_year: '2020/21',
        procedure_label: 'Statutory',
        stage_label: 'Stage 1',
        outcome_label: 'Not upheld',
        team: 'Case Management 2',
        service_area: 'Case Management',
        issue_count: 1,
        issue_category_codes: 'SBH',
        issue_categories: 'Staff behaviour',
        is_from_young_person: true,
        escalated_from_key: null,
      },
      {
        ref: 'T-STAT-11-S2',
        received_month: '2020-06-01',
        received_financial_year: '2020/21',
        response_month: '2020-06-01',
        response_financial_year: '2020/21',
        procedure_label: 'Statutory',
        stage_label: 'Stage 2',
        outcome_label: 'Partially upheld',
        team: 'Case Management 2',
        service_area: 'Case Management',
        issue_count: 1,
        issue_category_codes: 'SBH',
        issue_categories: 'Staff behaviour',
        is_from_young_person: false,
        escalated_from_key: await keyOf('complaint:T-STAT-11'),
      },
      {
        ref: 'T-VE-DAY',
        received_month: '2020-05-01',
        received_financial_year: '2020/21',
        response_month: '2020-05-01',
        response_financial_year: '2020/21',
        procedure_label: 'Statutory',
        stage_label: 'Stage 1',
        outcome_label: 'Partially upheld',
        team: 'Leaving Care',
        service_area: 'Leaving Care',
        issue_count: 0,
        issue_category_codes: null,
        issue_categories: null,
        is_from_young_person: false,
        escalated_from_key: null,
      },
    ]);
    // Keys are keyed hashes (HMAC-SHA256) of 'complaint:' || reference; no column holds a raw reference.
    const cols = await db.json<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_schema = 'marts' AND table_name = 'fct_complaints'",
    );
    expect(cols.map((x) => x.column_name)).not.toContain('complaint_reference');
    const leaks = await db.json<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM marts.fct_complaints f
      WHERE list_contains([f.complaint_key, f.escalated_from_key, f.team], 'T-STAT-11') OR f.complaint_key LIKE 'T-%'`);
    expect(leaks).toEqual([{ n: 0 }]);
    const [{ n }] = (await db.json<{ n: number }>('SELECT count(*)::INTEGER AS n FROM marts.fct_complaints')) as [
      { n: number },
    ];
    expect(n).toBe(15);
  });

  it('feeds the two complaints KPIs by the month the response was sent, as worked out by hand', async () => {
    const kpis = await db.json<{ measure_id: string; month_start: string; numerator: number; denominator: number }>(
      'SELECT measure_id, month_start, numerator, denominator FROM intermediate.int_kpi__complaints ORDER BY measure_id, month_start',
    );
    expect(kpis).toEqual([
      // May: T-VE-DAY only (day 10 of 10).
      { measure_id: 'complaints_responded_in_time', month_start: '2020-05-01', numerator: 1, denominator: 1 },
      // June: answered stage 1 = STAT-10, STAT-11, STAT-EXT-20, STAT-EXT-21, CORP-20, CORP-21, WEEKEND, WD-ANSWERED,
      // NO-OUTCOME (9; not the silent withdrawal, the open ones or the stage 2); in time = STAT-10, STAT-EXT-20,
      // CORP-20, WEEKEND, WD-ANSWERED, NO-OUTCOME (6).
      { measure_id: 'complaints_responded_in_time', month_start: '2020-06-01', numerator: 6, denominator: 9 },
      // July: T-SEND-LATE, day 22 of 20.
      { measure_id: 'complaints_responded_in_time', month_start: '2020-07-01', numerator: 0, denominator: 1 },
      { measure_id: 'complaints_upheld', month_start: '2020-05-01', numerator: 1, denominator: 1 },
      // June: the 9 answered less WD-ANSWERED (withdrawn) and NO-OUTCOME (no outcome) = 7; upheld or partly =
      // STAT-10 (UP), STAT-EXT-20 (PU), CORP-21 (UP), WEEKEND (UP) = 4.
      { measure_id: 'complaints_upheld', month_start: '2020-06-01', numerator: 4, denominator: 7 },
      { measure_id: 'complaints_upheld', month_start: '2020-07-01', numerator: 1, denominator: 1 },
    ]);
    const types = await db.json<{ column_name: string; data_type: string }>(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'intermediate' AND table_name = 'int_kpi__complaints' ORDER BY ordinal_position",
    );
    expect(types).toEqual([
      { column_name: 'measure_id', data_type: 'VARCHAR' },
      { column_name: 'month_start', data_type: 'DATE' },
      { column_name: 'numerator', data_type: 'DOUBLE' },
      { column_name: 'denominator', data_type: 'DOUBLE' },
    ]);
  });

  it('gives compliments their financial year and service area', async () => {
    const rows = await db.json<Record<string, unknown>>(`
      SELECT c.compliment_key = ${keyed("'compliment:TC-1'")} AS is_first, c.received_date, c.received_month, c.received_financial_year, c.team, c.service_area
      FROM marts.fct_compliments c ORDER BY c.received_date`);
    expect(rows).toEqual([
      {
        is_first: true,
        received_date: '2020-03-31',
        received_month: '2020-03-01',
        received_financial_year: '2019/20',
        team: 'MASH',
        service_area: 'MASH',
      },
      {
        is_first: false,
        received_date: '2020-04-01',
        received_month: '2020-04-01',
        received_financial_year: '2020/21',
        team: 'Fostering Team',
        service_area: 'Unmapped',
      },
    ]);
  });

  it('links Ombudsman cases to the complaint they followed and flags fault', async () => {
    const rows = await db.json<Record<string, unknown>>(`
      SELECT o.ombudsman_case_key = ${keyed("'ombudsman:' || '20 000 001'")} AS is_first, o.complaint_key, o.complaint_stage, o.procedure_code, o.service_area,
             o.received_financial_year, o.decision_financial_year, o.decision_code, o.is_decided, o.is_fault_found
      FROM marts.fct_ombudsman_cases o ORDER BY o.received_date`);
    expect(rows).toEqual([
      {
        is_first: false,
        complaint_key: null,
        complaint_stage: null,
        procedure_code: 'CORP',
        service_area: null,
        received_financial_year: '2019/20',
        decision_financial_year: null,
        decision_code: null,
        is_decided: false,
        is_fault_found: false,
      },
      {
        is_first: true,
        complaint_key: await keyOf('complaint:T-STAT-11-S2'),
        complaint_stage: 2,
        procedure_code: 'STAT',
        service_area: 'Case Management',
        received_financial_year: '2020/21',
        decision_financial_year: '2020/21',
        decision_code: 'UMI',
        is_decided: true,
        is_fault_found: true,
      },
    ]);
  });
});
