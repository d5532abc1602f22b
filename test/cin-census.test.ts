// The CIN census XML lands by content into one raw table per record type, with rejects naming the file, line
// and element; from a CIN-only warehouse the assessment facts fill and agree with an independent recount.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../core/calendar/working-days.js';
import { extract } from '../pipelines/extract/extract.js';
import { silentLogger } from '../core/logger.js';
import { dbtBuild } from '../pipelines/transform/dbt.js';
import { withWarehouse } from '../core/warehouse.js';
import { tempDir } from './helpers/tmp.js';

// Assessments as the census records them: [child, start, authorised or '' while open]. Two more below are faulty.
const ASSESSMENTS: [string, string, string][] = [
  ['C100', '2020-04-07', '2020-05-20'],
  ['C200', '2020-06-02', '2020-09-28'],
  ['C200', '2020-11-03', ''],
  ['C300', '2020-12-02', '2020-12-24'],
];
const assessment = ([, start, auth]: [string, string, string], factors = '') =>
  `<Assessments>
          <AssessmentActualStartDate>${start}</AssessmentActualStartDate>
          <AssessmentInternalReviewDate/>
          ${auth ? `<AssessmentAuthorisationDate>${auth}</AssessmentAuthorisationDate>` : ''}
          ${factors}
        </Assessments>`;

// Hand-made like a real COLLECT export: a namespace, comments, empty elements, 0/1 and true/false flags.
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<Message xmlns="http://www.dcsf.gov.uk/schemas/CIN">
  <Header>
    <CollectionDetails><Collection>CIN</Collection><Year>2021</Year><ReferenceDate>2021-03-31</ReferenceDate></CollectionDetails>
    <Source><SourceLevel>L</SourceLevel><LEA>999</LEA><SoftwareCode>Local Authority</SoftwareCode><Release>ver 3.1.21</Release><SerialNo>001</SerialNo><DateTime>2021-04-20T11:21:35</DateTime></Source>
  </Header>
  <Children>
    <Child>
      <ChildIdentifiers><LAchildID>C100</LAchildID><UPN/><PersonBirthDate>2012-03-04</PersonBirthDate><GenderCurrent>1</GenderCurrent></ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2020-04-06</CINreferralDate>
        <ReferralSource>2A</ReferralSource>
        <PrimaryNeedCode>N1</PrimaryNeedCode>
        <CINclosureDate/>
        <ReferralNFA>false</ReferralNFA>
        ${assessment(ASSESSMENTS[0]!, '<FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors><AssessmentFactors>3A</AssessmentFactors></FactorsIdentifiedAtAssessment>')}
        <Section47>
          <S47ActualStartDate>2020-04-08</S47ActualStartDate>
          <InitialCPCtarget>2020-04-29</InitialCPCtarget>
          <DateOfInitialCPC>2020-04-28</DateOfInitialCPC>
          <ICPCnotRequired>false</ICPCnotRequired>
        </Section47>
        <ChildProtectionPlans>
          <CPPstartDate>2020-04-28</CPPstartDate>
          <CPPendDate></CPPendDate>
          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
          <LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
          <Reviews><CPPreviewDate>2020-07-20</CPPreviewDate><CPPreviewDate>2021-01-10</CPPreviewDate></Reviews>
        </ChildProtectionPlans>
      </CINdetails>
    </Child>
    <!-- a child with two episodes of need -->
    <Child>
      <ChildIdentifiers><LAchildID>C200</LAchildID><PersonBirthDate>2008-11-30</PersonBirthDate></ChildIdentifiers>
      <CINdetails>
        <CINreferralDate>2020-06-01</CINreferralDate>
        <ReferralSource>6</ReferralSource>
        <PrimaryNeedCode>N4</PrimaryNeedCode>
        <CINclosureDate>2020-09-30</CINclosureDate>
        <ReasonForClosure>RC8</ReasonForClosure>
        <ReferralNFA>0</ReferralNFA>
        ${assessment(ASSESSMENTS[1]!)}
        <Assessments>
          <AssessmentActualStartDate>2020-06-10</AssessmentActualStartDate>
          <AssessmentAuthorisationDate>2020-02-30</AssessmentAuthorisationDate>
        </Assessments>
      </CINdetails>
      <CINdetails>
        <CINreferralDate>2020-11-02</CINreferralDate>
        <ReferralSource>9Z</ReferralSource>
        <PrimaryNeedCode>N4</PrimaryNeedCode>
        <ReferralNFA>0</ReferralNFA>
        ${assessment(ASSESSMENTS[2]!)}
      </CINdetails>
    </Child>
    <Child>
      <ChildIdentifiers><LAchildID>C300</LAchildID></ChildIdentifiers>
      <CINdetails>
        <CINreferralDate>2020-12-01</CINreferralDate>
        <ReferralSource>3A</ReferralSource>
        <ReferralNFA>1</ReferralNFA>
        <Assessments>
          <AssessmentAuthorisationDate>2020-12-20</AssessmentAuthorisationDate>
        </Assessments>
        ${assessment(ASSESSMENTS[3]!)}
        <ChildProtectionPlans>
          <CPPstartDate>2021-01-05</CPPstartDate>
          <NumberOfPreviousCPP>1</NumberOfPreviousCPP>
        </ChildProtectionPlans>
      </CINdetails>
    </Child>
  </Children>
</Message>
`;

/** 1-based line of the last `open` tag before the first occurrence of `marker`: the record a value sits in. */
function recordLine(marker: string, open: string): number {
  const at = XML.indexOf(marker);
  const start = XML.lastIndexOf(open, at);
  return XML.slice(0, start).split('\n').length;
}

describe('CIN census XML', () => {
  it('lands each record type by content, rejects naming file, line and element, and fills the assessment facts', async () => {
    const dir = tempDir('cin');
    const input = path.join(dir, 'in');
    mkdirSync(input, { recursive: true });
    const file = path.join(input, 'census-export.xml');
    writeFileSync(file, XML);
    writeFileSync(
      path.join(input, 'settings.xml'),
      '<?xml version="1.0"?>\n<configuration><add key="x" value="y"/></configuration>\n',
    );
    const asAt = new Date('2021-04-20T07:00:00Z');
    utimesSync(file, asAt, asAt);

    await withWarehouse(path.join(dir, 'w.duckdb'), {}, async (db) => {
      const summary = await extract(db, { inputDir: input, runId: '20210420T000000Z-cin', log: silentLogger() });
      expect(summary.files.map((f) => [f.file, f.source, f.status, f.read, f.landed, f.rejected])).toEqual([
        ['census-export.xml#children', 'cin_census.children', 'loaded', 3, 3, 0],
        ['census-export.xml#referrals', 'cin_census.referrals', 'loaded', 4, 3, 1],
        ['census-export.xml#assessments', 'cin_census.assessments', 'loaded', 6, 4, 2],
        ['census-export.xml#s47_enquiries', 'cin_census.s47_enquiries', 'loaded', 1, 1, 0],
        ['census-export.xml#cp_plans', 'cin_census.cp_plans', 'loaded', 2, 1, 1],
        ['census-export.xml#cp_reviews', 'cin_census.cp_reviews', 'loaded', 2, 2, 0],
        ['settings.xml', null, 'failed', 0, 0, 0],
      ]);
      expect(summary.files.at(-1)!.error).toMatch(/settings\.xml is XML but not a return .*root <configuration>/);
      for (const f of summary.files) expect(f.read).toBe(f.landed + f.rejected);

      const rejects = await db.json<{
        source_file: string;
        line_number: number;
        column_name: string;
        raw_value: string | null;
        reason: string;
      }>(
        'SELECT source_file, line_number::INTEGER AS line_number, column_name, raw_value, reason FROM raw._rejects ORDER BY source_file, line_number',
      );
      expect(rejects).toEqual([
        {
          source_file: 'census-export.xml#assessments',
          line_number: recordLine('2020-02-30', '<Assessments>'),
          column_name: 'AssessmentAuthorisationDate',
          raw_value: '2020-02-30',
          reason:
            "AssessmentAuthorisationDate '2020-02-30' is not a real date (expected dd/mm/yyyy, yyyy-mm-dd or an Excel date number)",
        },
        {
          source_file: 'census-export.xml#assessments',
          line_number: recordLine('2020-12-20', '<Assessments>'),
          column_name: 'AssessmentActualStartDate',
          raw_value: '',
          reason: 'AssessmentActualStartDate is blank but every row needs one',
        },
        {
          source_file: 'census-export.xml#cp_plans',
          line_number: recordLine('2021-01-05', '<ChildProtectionPlans>'),
          column_name: 'InitialCategoryOfAbuse',
          raw_value: '',
          reason: 'InitialCategoryOfAbuse is blank but every row needs one',
        },
        {
          source_file: 'census-export.xml#referrals',
          line_number: recordLine('9Z', '<CINdetails>'),
          column_name: 'ReferralSource',
          raw_value: '9Z',
          reason: expect.stringMatching(/^ReferralSource '9Z' is not a known code/),
        },
      ]);
      const factors = await db.json<{ factors: string }>(
        "SELECT factors FROM raw.cin_census__assessments WHERE child_id = 'C100'",
      );
      expect(factors).toEqual([{ factors: '2A,3A' }]);
    });

    const built = await dbtBuild({
      warehouse: path.join(dir, 'w.duckdb'),
      workDir: dir,
      logDir: path.join(dir, 'logs'),
      log: silentLogger(),
    });
    expect(built.failures).toEqual([]);
    await withWarehouse(path.join(dir, 'w.duckdb'), { readOnly: true }, async (db) => {
      // Independent recount from the fixture: working days start to authorisation on the England & Wales calendar.
      const calendar = WorkingCalendar.englandAndWales();
      const expected = ASSESSMENTS.map(([, start, auth]) => ({
        start_date: start,
        working_days: auth ? calendar.workingDaysBetween(start, auth) : null,
        within_45: auth ? calendar.workingDaysBetween(start, auth) <= 45 : false,
      }));
      const facts = await db.json<{ start_date: string; working_days: number | null; within_45: boolean }>(
        `SELECT strftime(start_date, '%Y-%m-%d') AS start_date, working_days_to_authorisation::INTEGER AS working_days, is_authorised_within_45_working_days AS within_45
         FROM marts.fct_assessments ORDER BY start_date`,
      );
      expect(facts).toEqual(expected);
      expect(facts.filter((f) => f.within_45).length).toBe(2); // C100 (30 days) and C300; C200's took over 80

      const sources = await db.json<{ record_source: string }>(
        'SELECT DISTINCT record_source FROM intermediate.int_assessments',
      );
      expect(sources).toEqual([{ record_source: 'stg_cin_census__assessments' }]);
      const referrals = await db.json<{ referral_date: string; source_group: string; is_nfa: boolean }>(
        "SELECT strftime(referral_date, '%Y-%m-%d') AS referral_date, source_group, is_nfa FROM marts.fct_referrals ORDER BY referral_date",
      );
      expect(referrals).toEqual([
        { referral_date: '2020-04-06', source_group: 'Schools', is_nfa: false },
        { referral_date: '2020-06-01', source_group: 'Police', is_nfa: false },
        { referral_date: '2020-12-01', source_group: 'Health', is_nfa: true },
      ]);
      const plans = await db.json<Record<string, unknown>>(
        "SELECT strftime(start_date, '%Y-%m-%d') AS start_date, is_open, category_of_abuse, reviews_held::INTEGER AS reviews_held, reviews_on_time::INTEGER AS reviews_on_time FROM marts.fct_cp_plans",
      );
      // First review within 3 months of the plan (20 July is before 28 July), the second within 6 months of it.
      expect(plans).toEqual([
        { start_date: '2020-04-28', is_open: true, category_of_abuse: 'NEG', reviews_held: 2, reviews_on_time: 2 },
      ]);

      // No 903 Header and no children export: the census's ChildIdentifiers / ChildCharacteristics are the children.
      const kids = await db.json<Record<string, unknown>>(
        "SELECT child_id, strftime(date_of_birth, '%Y-%m-%d') AS dob, sex_code, ethnicity_code, is_disabled, record_source FROM intermediate.int_children ORDER BY child_id",
      );
      expect(kids).toEqual([
        {
          child_id: 'C100',
          dob: '2012-03-04',
          sex_code: '1',
          ethnicity_code: 'WBRI',
          is_disabled: false,
          record_source: 'stg_cin_census__children',
        },
        {
          child_id: 'C200',
          dob: '2008-11-30',
          sex_code: null,
          ethnicity_code: null,
          is_disabled: null,
          record_source: 'stg_cin_census__children',
        },
        {
          child_id: 'C300',
          dob: null,
          sex_code: null,
          ethnicity_code: null,
          is_disabled: null,
          record_source: 'stg_cin_census__children',
        },
      ]);
    });
  }, 600_000);
});
