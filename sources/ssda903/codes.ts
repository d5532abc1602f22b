// SSDA903 code lists. Most are the DfE seeds the case-management contracts use too; a few exist only here.
import { seedCodes } from '../lib/seed-codes.js';
import type { CodeEntry } from '../lib/values.js';

const dfe = (name: string) => seedCodes(`dfe/${name}`, 'code', 'label');

export const SEX_903: CodeEntry[] = [
  { code: '1', label: 'Male' },
  { code: '2', label: 'Female' },
];
export const ETHNICITY = dfe('ethnicity');
export const LEGAL_STATUS = dfe('cla_legal_status');
export const REASON_NEW_EPISODE = dfe('cla_reasons_new_episode');
export const CATEGORY_OF_NEED = dfe('category_of_need').filter((c) => c.code !== 'N9');
export const PLACEMENT_TYPE = dfe('cla_placement_types');
export const REASON_EPISODE_CEASED = dfe('cla_reasons_episode_ceased');
export const IN_TOUCH = dfe('care_leaver_in_touch');
export const ACTIVITY = dfe('care_leaver_activity');

/** OC3 ACCOM: the accommodation type followed by 1 (suitable) or 2 (unsuitable); 0 when died or returned home. */
export const ACCOM_903: CodeEntry[] = [
  ...dfe('care_leaver_accommodation').flatMap((a) => [
    { code: `${a.code}1`, label: `${a.label} (suitable)` },
    { code: `${a.code}2`, label: `${a.label} (unsuitable)` },
  ]),
  { code: '0', label: 'Not applicable (young person has died or returned home)' },
];

export const PLACE_PROVIDER: CodeEntry[] = [
  { code: 'PR0', label: 'Parent(s) or other person(s) with parental responsibility' },
  { code: 'PR1', label: 'Own provision (by the council)' },
  { code: 'PR2', label: 'Other local authority provision' },
  { code: 'PR3', label: 'Other public provision (e.g. by a PCT etc.)' },
  { code: 'PR4', label: 'Private provision' },
  { code: 'PR5', label: 'Voluntary/third sector provision' },
];

export const REVIEW_CODE: CodeEntry[] = [
  { code: 'PN0', label: 'Child aged under 4 at the time of the review' },
  { code: 'PN1', label: 'Child physically attends and speaks for themselves' },
  { code: 'PN2', label: 'Child physically attends; an advocate speaks on their behalf' },
  { code: 'PN3', label: 'Child attends and conveys their view symbolically (non-verbally)' },
  { code: 'PN4', label: 'Child physically attends but does not speak for themselves' },
  { code: 'PN5', label: 'Child does not attend but briefs an advocate to speak for them' },
  { code: 'PN6', label: 'Child does not attend but conveys their feelings by a facilitative medium' },
  { code: 'PN7', label: 'Child does not attend or contribute in any way' },
];
