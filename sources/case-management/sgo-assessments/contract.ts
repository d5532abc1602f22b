// Special guardianship assessments of prospective special guardians (often the child's foster carers or family).
import type { Contract } from '../../lib/contract.js';
import { date, notBefore, text } from '../../lib/fields.js';
import { childId } from '../shared-fields.js';

const start = date('start_date', 'SGO Assessment Start Date', 'Date the special guardianship assessment started.', {
  aliases: ['SGO Assessment Start'],
});
const completed = date(
  'completed_date',
  'SGO Assessment Completed Date',
  'Date it was completed; blank while in progress.',
  { optional: true, aliases: ['SGO Assessment End', 'Date Completed'] },
);

export const sgoAssessmentsContract: Contract = {
  system: 'case_management',
  entity: 'sgo_assessments',
  title: 'Special guardianship assessments',
  description: 'One row per special guardianship (SGO) assessment.',
  key: ['sgo_assessment_id'],
  fields: [
    text('sgo_assessment_id', 'SGO Assessment ID', 'Unique reference of the assessment.', {
      aliases: ['Special Guardianship Assessment ID'],
    }),
    childId(),
    start,
    completed,
  ],
  rowChecks: [notBefore(completed, start)],
};
