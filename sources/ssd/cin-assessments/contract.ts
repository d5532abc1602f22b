// ssd_cin_assessments: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { datetime, text, yesNo } from '../../lib/fields.js';
import { ssdTable } from '../version.js';

export const ssdCinAssessmentsContract: Contract = ssdTable({
  entity: 'cin_assessments',
  title: 'Assessments (ssd_cin_assessments)',
  description: 'One row per single (child and family) assessment: start, authorisation, outcome, team and worker.',
  key: ['cina_assessment_id'],
  fields: [
    text('cina_assessment_id', 'cina_assessment_id', 'CINA001A: Assessment ID. SSD type nvarchar.'),
    text('cina_person_id', 'cina_person_id', 'CINA002A: Person Unique ID. SSD type nvarchar.'),
    text('cina_referral_id', 'cina_referral_id', 'CINA010A: Referral ID. SSD type nvarchar.', { optional: true }),
    datetime(
      'cina_assessment_start_date',
      'cina_assessment_start_date',
      'CINA003A: Assessment Start Date. Required here: the warehouse cannot count a row without it. SSD type datetime.',
    ),
    yesNo(
      'cina_assessment_child_seen',
      'cina_assessment_child_seen',
      'CINA004A: Child Seen During Assessment. SSD type nchar.',
      { optional: true },
    ),
    datetime(
      'cina_assessment_auth_date',
      'cina_assessment_auth_date',
      'CINA005A: Assessment Authorised Date. SSD type datetime.',
      { optional: true },
    ),
    text(
      'cina_assessment_outcome_json',
      'cina_assessment_outcome_json',
      'CINA006A: Assessment Outcome. SSD type nvarchar.',
      { optional: true },
    ),
    yesNo('cina_assessment_outcome_nfa', 'cina_assessment_outcome_nfa', 'CINA009A: Assessment NFA. SSD type NCHAR.', {
      optional: true,
    }),
    text('cina_assessment_team', 'cina_assessment_team', 'CINA007A: Assessment Completed by Team. SSD type nvarchar.', {
      optional: true,
    }),
    text(
      'cina_assessment_worker_id',
      'cina_assessment_worker_id',
      'CINA008A: Assessment Completed by Worker name. SSD type nvarchar.',
      { optional: true },
    ),
  ],
});
