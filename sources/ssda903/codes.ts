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

/** AD1 SEX_ADOPTR: the adopters' sexes (single or couple). */
export const SEX_ADOPTR: CodeEntry[] = [
  { code: 'M1', label: 'Single male adopter' },
  { code: 'F1', label: 'Single female adopter' },
  { code: 'MM', label: 'Male couple' },
  { code: 'FF', label: 'Female couple' },
  { code: 'MF', label: 'Mixed sex couple' },
];

/** AD1 LS_ADOPTR: the adopters' legal status. */
export const LS_ADOPTR: CodeEntry[] = [
  { code: 'L0', label: 'Child adopted by a single adopter' },
  { code: 'L11', label: 'Couple: married (opposite sex)' },
  { code: 'L12', label: 'Couple: married (same sex)' },
  { code: 'L2', label: 'Couple: civil partners' },
  { code: 'L3', label: 'Couple: unmarried, living together' },
  { code: 'L4', label: 'Other' },
];

/** PlacedAdoption REASON_PLACED_CEASED: why a 'should be placed for adoption' decision stopped. */
export const REASON_PLACED_CEASED: CodeEntry[] = [
  { code: 'RD1', label: 'The child is no longer looked after (e.g. adopted)' },
  { code: 'RD2', label: "The child's needs have changed" },
  { code: 'RD3', label: 'The court did not make a placement order' },
  { code: 'RD4', label: 'Prospective adopters could not be found' },
];

/** PrevPerm PREV_PERM: the order the child had before entering care. */
export const PREV_PERM: CodeEntry[] = [
  { code: 'P1', label: 'Adoption' },
  { code: 'P2', label: 'Special guardianship order' },
  { code: 'P3', label: 'Residence order or child arrangements order' },
  { code: 'P4', label: 'Previously looked after abroad: adoption or equivalent' },
  { code: 'Z1', label: 'Child has not previously had a permanence option, or it is not known' },
];

/** Missing MISSING: M missing, A away from placement without authorisation. */
export const MISSING_903: CodeEntry[] = [
  { code: 'M', label: 'Missing from placement' },
  { code: 'A', label: 'Away from placement without authorisation' },
];

/** OC2 SDQ_REASON: why no strengths and difficulties score is given. */
export const SDQ_REASON: CodeEntry[] = [
  { code: 'SDQ1', label: 'No form returned as child was aged under 4 or over 17 at date of latest assessment' },
  { code: 'SDQ2', label: 'Carer(s) refused to complete and return questionnaire' },
  { code: 'SDQ3', label: "Not possible to complete the questionnaire due to severity of the child's disability" },
  { code: 'SDQ4', label: 'Other' },
  { code: 'SDQ5', label: 'Child or young person refuses to allow an SDQ to be completed' },
];

/** SWEpisodes SW_REASON: why the child's social worker changed. */
export const SW_REASON: CodeEntry[] = [
  { code: 'MANAGE', label: 'Management decision (e.g. reorganisation, caseload balancing)' },
  { code: 'FITLEFT', label: 'Social worker left or was unfit to practise' },
  { code: 'ORGRESTRUCT', label: 'Organisational restructure' },
  { code: 'ORGLEFT', label: 'Social worker left the organisation' },
  { code: 'CHILDLEFT', label: 'Child left care or moved to another team' },
  { code: 'OTHERS', label: 'Other' },
  { code: 'UNKNOWN', label: 'Not known' },
];
