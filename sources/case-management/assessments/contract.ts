// Assessments (single/continuous assessments): start and authorisation, for the 45-working-day measure.
import type { Contract } from '../../lib/contract.js';
import { code, date, notBefore, text } from '../../lib/fields.js';
import { ASSESSMENT_OUTCOME } from '../codes.js';
import { childId, team, workerId } from '../shared-fields.js';

const start = date('start_date', 'Assessment Start Date', 'Date the assessment started.', {
  aliases: ['Continuous Assessment Start Date', 'Assessment Start'],
});
const authorised = date(
  'authorised_date',
  'Assessment Authorised Date',
  'Date a manager authorised (completed) the assessment; blank while open.',
  {
    optional: true,
    aliases: ['Continuous Assessment Date of Authorisation', 'Date Authorised', 'Assessment Completed Date'],
  },
);

export const assessmentsContract: Contract = {
  system: 'case_management',
  entity: 'assessments',
  title: 'Assessments',
  description: 'One row per assessment, with when it started and when it was authorised.',
  key: ['assessment_id'],
  fields: [
    text('assessment_id', 'Assessment ID', 'Unique reference of the assessment.', {
      aliases: ['Assessment Reference'],
    }),
    childId(),
    text('referral_id', 'Referral ID', 'The referral that led to the assessment.', {
      optional: true,
      aliases: ['Referral Reference'],
    }),
    start,
    authorised,
    code('outcome', 'Assessment Outcome', ASSESSMENT_OUTCOME, 'What followed: NFA, EH, CIN, S47 or CLA.', {
      optional: true,
      aliases: ['Outcome of Assessment'],
    }),
    team(true),
    workerId(true),
  ],
  rowChecks: [notBefore(authorised, start)],
};
