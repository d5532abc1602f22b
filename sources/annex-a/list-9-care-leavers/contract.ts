// Ofsted ILACS Annex A List 9 (current version): care leavers, with personal adviser, pathway plan and contact dates.
import type { Contract } from '../../lib/contract.js';
import { date, text, yesNo } from '../../lib/fields.js';
import { ACTIVITY, ELIGIBILITY } from '../codes.js';
import { allocation, childColumns, disability } from '../shared-fields.js';
import { accommodation, activity, eligibility, inTouch } from './fields.js';

export const annexAList9Contract: Contract = {
  system: 'annex_a',
  entity: 'list_9_care_leavers',
  title: 'Annex A List 9 (care leavers)',
  description:
    'One row per care leaver in the current Annex A List 9 (with UASC, personal adviser, pathway plan review and latest contact columns). The older List 9 lands separately (list_9_care_leavers_older); staging joins the two.',
  key: ['child_id'],
  fields: [
    ...childColumns(),
    yesNo(
      'is_uasc',
      'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)',
      'UASC now or when in care.',
      { optional: true, aliases: ['UASC'] },
    ),
    disability(),
    ...allocation(),
    text(
      'personal_adviser',
      'Allocated Personal Advisor',
      'Pseudonymous identifier or name of the personal adviser (not copied beyond staging).',
      { optional: true, aliases: ['Allocated Personal Adviser'] },
    ),
    eligibility(ELIGIBILITY),
    date('pathway_plan_review_date', 'Latest Pathway Plan Review Date', 'Day of the latest pathway plan review.', {
      optional: true,
    }),
    inTouch(),
    date('latest_contact_date', 'Latest Date of Contact', 'Day the council was last in touch with the young person.', {
      optional: true,
    }),
    ...accommodation(),
    activity(ACTIVITY),
  ],
};
