// Ofsted ILACS Annex A List 4: social-work (continuous) assessments in the 12 months before the return.
import type { Contract } from '../../lib/contract.js';
import { code, date, notBefore } from '../../lib/fields.js';
import { YES_NO_UNKNOWN } from '../codes.js';
import { allocation, childColumns, disability } from '../shared-fields.js';

const start = date('assessment_start_date', 'Continuous Assessment Start Date', 'Day the assessment started.', {
  aliases: ['Continous Assessment Start Date', 'Assessment Start Date'],
});
const authorised = date(
  'assessment_authorised_date',
  'Continuous Assessment Date of Authorisation',
  'Day the assessment was authorised; blank while open.',
  {
    optional: true,
    aliases: ['Continous Assessment Date of Authorisation', 'Assessment Date of Authorisation'],
  },
);

export const annexAList4Contract: Contract = {
  system: 'annex_a',
  entity: 'list_4_assessments',
  title: 'Annex A List 4 (assessments)',
  description: "One row per social-work assessment in the Annex A workbook's List 4 sheet.",
  key: ['child_id', 'assessment_start_date'],
  fields: [
    ...childColumns(),
    disability(),
    start,
    code('child_seen', 'Child Seen During Continuous Assessment', YES_NO_UNKNOWN, 'a) Yes, b) No, c) Unknown.', {
      optional: true,
      aliases: ['Child Seen During Assessment'],
    }),
    authorised,
    code(
      'needs_support',
      "Was the child assessed as requiring LA children's social care support?",
      YES_NO_UNKNOWN,
      'The assessment outcome: a) Yes, b) No, c) Unknown.',
      { optional: true },
    ),
    ...allocation(),
  ],
  rowChecks: [notBefore(authorised, start)],
};
