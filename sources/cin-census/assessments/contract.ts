// CIN census assessments (<Assessments> inside <CINdetails>).
import type { Contract } from '../../lib/contract.js';
import { returnTable } from '../../lib/return-fields.js';
import { date, notBefore, text } from '../../lib/fields.js';
import { laChildId, referralDate } from '../shared-fields.js';

const start = date('start_date', 'AssessmentActualStartDate', 'Date the assessment started.');
const authorised = date(
  'authorised_date',
  'AssessmentAuthorisationDate',
  'Date the assessment was completed and authorised; blank while open.',
);

export const cinAssessmentsContract: Contract = returnTable({
  system: 'cin_census',
  entity: 'assessments',
  title: 'CIN census assessments',
  description:
    'One record per <Assessments> element of the CIN census XML (stream `file.xml#assessments`), with its referral date.',
  key: ['child_id', 'start_date'],
  keyNote:
    'The census has no record ID: with the occurrence (the nth such record of the child that day in the file), numbered in staging.',
  fields: [
    laChildId(),
    referralDate(),
    start,
    date(
      'internal_review_date',
      'AssessmentInternalReviewDate',
      'Date of the internal review of the assessment, when held.',
    ),
    authorised,
    text(
      'factors',
      'AssessmentFactors',
      'Factors identified at assessment (FactorsIdentifiedAtAssessment/AssessmentFactors), comma-separated.',
    ),
  ],
  rowChecks: [notBefore(authorised, start)],
});
