// SSDA903 code lists, all read from the dbt seeds (sql/seeds/dfe): the DfE lists the case-management contracts
// share, and the 903's own in return_codes.csv. Codes carry the collection years they are valid in; a return is
// checked against its own year (contractForYear).
import { returnCodes, seedCodes, sourceCodes } from '../lib/seed-codes.js';
import type { CodeEntry } from '../lib/values.js';

const dfe = (name: string) => seedCodes(`dfe/${name}`, 'code', 'label');

/** SEX: 1/2 until 2023/24, M/F/U from 2024/25 (the child's reported sex). */
export const SEX_903 = returnCodes('ssda903_sex');
export const ETHNICITY = dfe('ethnicity');
export const LEGAL_STATUS = dfe('cla_legal_status');
export const REASON_NEW_EPISODE = dfe('cla_reasons_new_episode');
/** The 903's CIN is N1-N8: N0 and N9 are the CIN census's only. */
export const CATEGORY_OF_NEED = dfe('category_of_need').filter((c) => c.code !== 'N0' && c.code !== 'N9');
export const PLACEMENT_TYPE = dfe('cla_placement_types');
export const REASON_EPISODE_CEASED = dfe('cla_reasons_episode_ceased');
export const IN_TOUCH = dfe('care_leaver_in_touch');
export const ACTIVITY = dfe('care_leaver_activity');
export const ACCOM_SUITABILITY = returnCodes('accom_suitability');

/** OC3 ACCOM: the accommodation type followed by 1 (suitable) or 2 (unsuitable); 0 when died or returned home. */
export const ACCOM_903: CodeEntry[] = [
  ...dfe('care_leaver_accommodation').flatMap((a) =>
    ACCOM_SUITABILITY.map((s) => ({ code: `${a.code}${s.code}`, label: `${a.label} (${s.label.toLowerCase()})` })),
  ),
  ...sourceCodes('ssda903_accom_not_applicable'),
];

export const PLACE_PROVIDER = returnCodes('place_provider');
export const REVIEW_CODE = returnCodes('review_code');
/** AD1 SEX_ADOPTR: the adopters' sexes (single or couple). */
export const SEX_ADOPTR = returnCodes('sex_adoptr');
/** AD1 LS_ADOPTR: the adopters' legal status. */
export const LS_ADOPTR = returnCodes('ls_adoptr');
/** PlacedAdoption REASON_PLACED_CEASED: why a 'should be placed for adoption' decision stopped (Annex A List 10 too). */
export const REASON_PLACED_CEASED = returnCodes('reason_placed_ceased');
/** PrevPerm PREV_PERM: the order the child had before entering care. */
export const PREV_PERM = returnCodes('prev_perm');
/** Missing MISSING: M missing, A away from placement without authorisation. */
export const MISSING_903 = returnCodes('missing');
/** OC2 SDQ_REASON: why no strengths and difficulties score is given. */
export const SDQ_REASON = returnCodes('sdq_reason');
/** SWEpisodes SW_REASON: why the social worker episode began (the SWEpisodes table is new in 2023/24). */
export const SW_REASON = returnCodes('sw_reason');
