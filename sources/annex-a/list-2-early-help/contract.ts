// Ofsted ILACS Annex A List 2: early help assessments in the 12 months before the return.
import type { Contract } from '../../lib/contract.js';
import { date, notBefore, text } from '../../lib/fields.js';
import { childColumns } from '../shared-fields.js';

const start = date('assessment_start_date', 'Assessment start date', 'Day the early help assessment started.', {
  aliases: ['Early Help Assessment Start Date'],
});
const completed = date(
  'assessment_completion_date',
  'Assessment completion date',
  'Day it was completed; blank while open.',
  { optional: true, aliases: ['Early Help Assessment Completion Date'] },
);

export const annexAList2Contract: Contract = {
  system: 'annex_a',
  entity: 'list_2_early_help',
  title: 'Annex A List 2 (early help)',
  description: "One row per early help assessment in the Annex A workbook's List 2 sheet.",
  key: ['child_id', 'assessment_start_date'],
  fields: [
    ...childColumns(),
    start,
    completed,
    text('organisation', 'Organisation completing assessment', 'Organisation or team that completed the assessment.', {
      optional: true,
      aliases: ['Organisation Completing the Assessment'],
    }),
  ],
  rowChecks: [notBefore(completed, start)],
};
