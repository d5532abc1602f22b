// The complaints system's contracts: good rows land in canonical form, each kind of bad row is rejected with a
// plain-English reason, and every export's header row is recognised as that export among all the contracts.
import { describe, expect, it } from 'vitest';
import { detectContract } from '../lib/detect.js';
import { contracts } from '../catalog.js';
import { compileContract, type Contract } from '../lib/contract.js';
import { commentsContract } from './comments/contract.js';
import { complaintIssuesContract } from './complaint-issues/contract.js';
import { complaintsContract } from './complaints/contract.js';
import { complimentsContract } from './compliments/contract.js';
import { complaintsContracts } from './index.js';
import { ombudsmanCasesContract } from './ombudsman-cases/contract.js';

/** Validate one row given by header, as a file would present it. */
function validate(c: Contract, byHeader: Record<string, string>) {
  const raw = Object.fromEntries(c.fields.map((f) => [f.name, byHeader[f.header]]));
  return compileContract(c).validate(raw);
}
const reasons = (c: Contract, byHeader: Record<string, string>) => {
  const r = validate(c, byHeader);
  return r.ok ? [] : r.problems.map((p) => `${p.header}: ${p.reason}`);
};

const complaint = (over: Record<string, string> = {}) => ({
  'Complaint Reference': 'CS-19-0001',
  'Date Received': '05/04/2019',
  'Complaint Procedure': 'Statutory',
  Stage: 'Stage 1',
  'Escalated From': '',
  Team: 'Case Management 1',
  'Service Area': 'Case Management',
  Outcome: 'Partially upheld',
  'Response Date': '17/04/2019',
  'Extension Agreed': 'N',
  'Complainant Is Young Person': 'Y',
  ...over,
});

describe('complaints contract', () => {
  it('lands a good row with codes, ISO dates and Y/N as canonical values', () => {
    const r = validate(complaintsContract, complaint());
    expect(r).toEqual({
      ok: true,
      row: {
        complaint_reference: 'CS-19-0001',
        received_date: '2019-04-05',
        procedure_code: 'STAT',
        stage_code: '1',
        escalated_from: null,
        team: 'Case Management 1',
        service_area: 'Case Management',
        outcome_code: 'PU',
        response_date: '2019-04-17',
        extension_agreed: false,
        complainant_is_young_person: true,
      },
    });
  });

  it('accepts the other ways exports write codes: bare codes, code - label, Annex A style prefixes', () => {
    for (const [procedure, stage, outcome] of [
      ['CORP', '2', 'UP'],
      ['SEND - SEND', 'a) Stage 3', 'NU - Not upheld'],
      ['corporate', '1', 'withdrawn'],
    ] as const) {
      expect(
        validate(complaintsContract, complaint({ 'Complaint Procedure': procedure, Stage: stage, Outcome: outcome }))
          .ok,
        `${procedure} ${stage} ${outcome}`,
      ).toBe(true);
    }
  });

  it('keeps an open complaint (no outcome, no response) and a complaint withdrawn before any response', () => {
    expect(validate(complaintsContract, complaint({ Outcome: '', 'Response Date': '' })).ok).toBe(true);
    expect(validate(complaintsContract, complaint({ Outcome: 'Withdrawn', 'Response Date': '' })).ok).toBe(true);
  });

  it.each([
    [
      'an impossible date',
      { 'Date Received': '31/02/2019' },
      "Date Received: Date Received '31/02/2019' is not a real date (expected dd/mm/yyyy, yyyy-mm-dd or an Excel date number)",
    ],
    [
      'a blank reference',
      { 'Complaint Reference': '' },
      'Complaint Reference: Complaint Reference is blank but every row needs one',
    ],
    ['#N/A in a required code', { Stage: '#N/A' }, 'Stage: Stage is blank but every row needs one'],
    [
      'an unknown procedure',
      { 'Complaint Procedure': 'Informal resolution' },
      "Complaint Procedure: Complaint Procedure 'Informal resolution' is not a known code (expected one of STAT, CORP, SEND)",
    ],
    [
      'an unknown outcome',
      { Outcome: 'Resolved' },
      "Outcome: Outcome 'Resolved' is not a known code (expected one of UP, PU, NU, WD)",
    ],
    [
      'a flag that is not Y/N',
      { 'Extension Agreed': 'Maybe' },
      "Extension Agreed: Extension Agreed 'Maybe' is not Y or N",
    ],
    [
      'a response before it was received',
      { 'Response Date': '01/04/2019' },
      'Response Date: Response Date 2019-04-01 is before the Date Received 2019-04-05',
    ],
    [
      'an outcome with no response date',
      { 'Response Date': '' },
      'Outcome: Outcome is given but the Response Date is blank: record when the response was sent (only a withdrawn complaint may have none)',
    ],
  ])('rejects %s', (_what, over, reason) => {
    expect(reasons(complaintsContract, complaint(over))).toEqual([reason]);
  });
});

describe('complaint issues contract', () => {
  const issue = (over: Record<string, string> = {}) => ({
    'Issue ID': 'CI000001',
    'Complaint Reference': 'CS-19-0001',
    'Issue Category': 'Delay - EHC plan',
    'Issue Outcome': 'Upheld',
    ...over,
  });

  it('lands a good row, telling apart categories whose labels share words', () => {
    expect(validate(complaintIssuesContract, issue())).toEqual({
      ok: true,
      row: { issue_id: 'CI000001', complaint_reference: 'CS-19-0001', issue_category: 'EHC', issue_outcome: 'UP' },
    });
    expect(validate(complaintIssuesContract, issue({ 'Issue Category': 'Delay' }))).toMatchObject({
      ok: true,
      row: { issue_category: 'DEL' },
    });
    expect(validate(complaintIssuesContract, issue({ 'Issue Outcome': '' }))).toMatchObject({
      ok: true,
      row: { issue_outcome: null },
    });
  });

  it.each([
    [
      'an unknown category',
      { 'Issue Category': 'Parking' },
      /^Issue Category: Issue Category 'Parking' is not a known code \(expected one of QOS, COM, /,
    ],
    [
      'a blank complaint reference',
      { 'Complaint Reference': ' ' },
      /^Complaint Reference: Complaint Reference is blank but every row needs one$/,
    ],
    ['#N/A for the issue id', { 'Issue ID': '#N/A' }, /^Issue ID: Issue ID is blank but every row needs one$/],
  ])('rejects %s', (_what, over, reason) => {
    const got = reasons(complaintIssuesContract, issue(over));
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(reason);
  });
});

describe('ombudsman cases contract', () => {
  const lgo = (over: Record<string, string> = {}) => ({
    'Ombudsman Reference': '19 012 345',
    'Complaint Reference': 'CS-19-0001',
    'Complaint Procedure': 'SEND',
    'Date Received': '02/12/2019',
    'Decision Date': '17/02/2020',
    'Ombudsman Decision': 'Upheld - maladministration and injustice',
    ...over,
  });

  it('lands decided, open and premature cases (no council complaint)', () => {
    expect(validate(ombudsmanCasesContract, lgo())).toMatchObject({
      ok: true,
      row: { decision_code: 'UMI', decision_date: '2020-02-17', procedure_code: 'SEND' },
    });
    expect(validate(ombudsmanCasesContract, lgo({ 'Decision Date': '', 'Ombudsman Decision': '' })).ok).toBe(true);
    expect(
      validate(
        ombudsmanCasesContract,
        lgo({ 'Complaint Reference': '', 'Ombudsman Decision': 'Premature - referred back for local resolution' }),
      ),
    ).toMatchObject({ ok: true, row: { complaint_reference: null, decision_code: 'PREM' } });
  });

  it.each([
    [
      'an unknown decision',
      { 'Ombudsman Decision': 'Partly upheld' },
      /^Ombudsman Decision: Ombudsman Decision 'Partly upheld' is not a known code \(expected one of UMI, UMN, NU, CIE, PREM/,
    ],
    [
      'a decision before the case arrived',
      { 'Decision Date': '01/01/2000' },
      /^Decision Date: Decision Date 2000-01-01 is before the Date Received 2019-12-02$/,
    ],
    [
      'a decision with no date',
      { 'Decision Date': '' },
      /^Ombudsman Decision: Ombudsman Decision is given but the Decision Date is blank: record when the Ombudsman decided$/,
    ],
    [
      'a blank reference',
      { 'Ombudsman Reference': '' },
      /^Ombudsman Reference: Ombudsman Reference is blank but every row needs one$/,
    ],
  ])('rejects %s', (_what, over, reason) => {
    const got = reasons(ombudsmanCasesContract, lgo(over));
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(reason);
  });
});

describe('compliments and comments contracts', () => {
  const compliment = (over: Record<string, string> = {}) => ({
    'Compliment Reference': 'CP-19-0001',
    'Date Received': '43560',
    Team: 'MASH',
    'Service Area': 'MASH',
    ...over,
  });
  const comment = (over: Record<string, string> = {}) => ({
    'Comment Reference': 'CM-19-0001',
    'Date Received': '2019-05-13',
    Team: 'Disability Service',
    'Comment Category': 'Request for information',
    'Response Date': '07/06/2019',
    ...over,
  });

  it('land good rows (an Excel serial date too)', () => {
    expect(validate(complimentsContract, compliment())).toEqual({
      ok: true,
      row: { compliment_reference: 'CP-19-0001', received_date: '2019-04-05', team: 'MASH', service_area: 'MASH' },
    });
    expect(validate(commentsContract, comment())).toMatchObject({
      ok: true,
      row: { received_date: '2019-05-13', response_date: '2019-06-07' },
    });
    expect(validate(commentsContract, comment({ 'Response Date': '' })).ok).toBe(true);
  });

  it('reject blank teams and categories, impossible dates and answers before the comment arrived', () => {
    expect(reasons(complimentsContract, compliment({ Team: '' }))).toEqual([
      'Team: Team is blank but every row needs one',
    ]);
    expect(reasons(complimentsContract, compliment({ 'Date Received': '30/02/2020' }))).toEqual([
      "Date Received: Date Received '30/02/2020' is not a real date (expected dd/mm/yyyy, yyyy-mm-dd or an Excel date number)",
    ]);
    expect(reasons(commentsContract, comment({ 'Comment Category': 'N/A' }))).toEqual([
      'Comment Category: Comment Category is blank but every row needs one',
    ]);
    expect(reasons(commentsContract, comment({ 'Response Date': '01/05/2019' }))).toEqual([
      'Response Date: Response Date 2019-05-01 is before the Date Received 2019-05-13',
    ]);
  });
});

describe('recognising complaints exports by their header row', () => {
  it.each(complaintsContracts.map((c) => [c.title, c] as const))(
    '%s export is detected as itself among every known contract',
    (_t, c) => {
      const detected = detectContract(
        'x.csv',
        c.fields.map((f) => f.header),
        contracts,
      );
      expect(detected.ok && `${detected.contract.system}.${detected.contract.entity}`).toBe(`${c.system}.${c.entity}`);
    },
  );

  it('is detected from its required columns alone, too', () => {
    for (const c of complaintsContracts) {
      const detected = detectContract(
        'x.csv',
        c.fields.filter((f) => f.required).map((f) => f.header),
        contracts,
      );
      expect(detected.ok && detected.contract.entity, c.title).toBe(c.entity);
    }
  });

  it('does not take over a case-management contacts export, whole or broken', () => {
    const contacts = [
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
    expect(detectContract('c.csv', contacts, contracts)).toMatchObject({ ok: true, contract: { entity: 'contacts' } });
    // Every complaints contract needs more columns than this broken file lacks, so none of them is named for it.
    const broken = ['Contact ID', 'Child ID', 'Contact Source'];
    const contactsOnly = [contracts.find((c) => c.entity === 'contacts')!, ...complaintsContracts];
    expect(detectContract('c.csv', broken, contactsOnly)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/looks like a Contacts export/),
    });
    const all = detectContract('c.csv', broken, contracts);
    expect(!all.ok && complaintsContracts.some((c) => all.reason.includes(`looks like a ${c.title} export`))).toBe(
      false,
    );
  });
});
