// Ofsted ILACS Annex A List 9 (older version): care leavers without the personal adviser, pathway plan and contact
// date columns, with the older eligibility and activity code lists. Councils still send it; both versions land.
import type { Contract } from '../../lib/contract.js';
import { ACTIVITY_OLDER, ELIGIBILITY_OLDER } from '../codes.js';
import { accommodation, activity, eligibility, inTouch } from '../list-9-care-leavers/fields.js';
import { allocation, childColumns, disability } from '../shared-fields.js';

export const annexAList9OlderContract: Contract = {
  system: 'annex_a',
  entity: 'list_9_care_leavers_older',
  title: 'Annex A List 9, older version (care leavers)',
  description:
    'One row per care leaver in the older Annex A List 9 (no UASC, personal adviser, pathway plan or latest contact columns; no "Eligible child" or F4/F5 apprenticeship codes). A sheet with the newer columns lands as the current List 9 instead, because it matches more of that contract\'s columns.',
  key: ['child_id'],
  fields: [
    ...childColumns(),
    disability(),
    ...allocation(),
    eligibility(ELIGIBILITY_OLDER),
    inTouch(),
    ...accommodation(),
    activity(ACTIVITY_OLDER),
  ],
};
