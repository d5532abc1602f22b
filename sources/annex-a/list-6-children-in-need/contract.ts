// Ofsted ILACS Annex A List 6: children in need (open or closed in the 12 months before the return).
import type { Contract } from '../../lib/contract.js';
import { code, date, notBefore } from '../../lib/fields.js';
import { CATEGORY_OF_NEED, CIN_CASE_STATUS, CIN_CLOSURE_REASON } from '../codes.js';
import { allocation, childColumns, disability } from '../shared-fields.js';

const start = date('cin_start_date', 'CIN Start Date', 'Day the child-in-need episode started.', {
  aliases: ['Child in Need Start Date'],
});
const closed = date('cin_closure_date', 'CIN Closure Date', 'Day it closed; blank while open.', {
  optional: true,
  aliases: ['Child in Need Closure Date'],
});

export const annexAList6Contract: Contract = {
  system: 'annex_a',
  entity: 'list_6_children_in_need',
  title: 'Annex A List 6 (children in need)',
  description: "One row per child-in-need episode in the Annex A workbook's List 6 sheet.",
  key: ['child_id', 'cin_start_date'],
  fields: [
    ...childColumns(),
    disability(),
    start,
    code('primary_need', 'Primary Need Code', CATEGORY_OF_NEED, 'N1 ... N9, with or without its label.', {
      optional: true,
      aliases: ['Primary Need'],
    }),
    date('last_seen_date', 'Date Child Was Last Seen', 'Day the child was last seen by a social worker.', {
      optional: true,
    }),
    closed,
    code('closure_reason', 'Reason for Closure', CIN_CLOSURE_REASON, 'RC1 ... RC9.', { optional: true }),
    code(
      'case_status',
      'Case Status',
      CIN_CASE_STATUS,
      'a) Looked after child, b) Child Protection plan, c) Child in need plan, d) Open assessment, e) Closed episode.',
      { optional: true },
    ),
    ...allocation(),
  ],
  rowChecks: [notBefore(closed, start)],
};
