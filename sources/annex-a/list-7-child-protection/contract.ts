// Ofsted ILACS Annex A List 7: child protection plans (open or ended in the 12 months before the return).
import type { Contract } from '../../lib/contract.js';
import { code, date, integer, notBefore, yesNo } from '../../lib/fields.js';
import { ABUSE_CATEGORY, YES_NO_UNKNOWN } from '../codes.js';
import { allocation, childColumns, disability } from '../shared-fields.js';

const start = date('cp_plan_start_date', 'Child Protection Plan Start Date', 'Day the plan started.', {
  aliases: ['CP Plan Start Date'],
});
const end = date('cp_plan_end_date', 'Child Protection Plan End Date', 'Day the plan ended; blank while open.', {
  optional: true,
  aliases: ['CP Plan End Date'],
});

export const annexAList7Contract: Contract = {
  system: 'annex_a',
  entity: 'list_7_child_protection',
  title: 'Annex A List 7 (child protection plans)',
  description: "One row per child protection plan in the Annex A workbook's List 7 sheet.",
  key: ['child_id', 'cp_plan_start_date'],
  fields: [
    ...childColumns(),
    disability(),
    start,
    code(
      'initial_category',
      'Initial Category of Abuse',
      ABUSE_CATEGORY,
      'a) Neglect, b) Physical, c) Sexual, d) Emotional, e) Multiple.',
      { optional: true },
    ),
    code('latest_category', 'Latest Category of Abuse', ABUSE_CATEGORY, 'As above, at the latest review.', {
      optional: true,
    }),
    date('last_visit_date', 'Date of the Last Statutory Visit', 'Day of the latest statutory visit.', {
      optional: true,
    }),
    code('seen_alone', 'Was the Child Seen Alone?', YES_NO_UNKNOWN, 'At that visit: a) Yes, b) No, c) Unknown.', {
      optional: true,
    }),
    date('latest_review_date', 'Date of latest review conference', 'Day of the latest review conference.', {
      optional: true,
    }),
    end,
    yesNo(
      'emergency_order_last_6_months',
      'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)',
      'EPO or police protection in the six months.',
      { optional: true },
    ),
    integer(
      'previous_cp_plans',
      'Number of Previous Child Protection Plans',
      'Plans the child has had before this one.',
      { optional: true },
    ),
    ...allocation(),
  ],
  rowChecks: [notBefore(end, start)],
};
