// CIN census code lists, read from the dbt seeds (sql/seeds): the DfE lists the other sources share, and the
// census's own in dfe/return_codes.csv, each code with the collection years it is valid in.
import { returnCodes, seedCodes } from '../lib/seed-codes.js';

const dfe = (name: string) => seedCodes(`dfe/${name}`, 'code', 'label');

export const REFERRAL_SOURCE = seedCodes('contact_sources', 'source_code', 'source_label');
/** PrimaryNeedCode: N0 (not stated), N1-N8 and N9 (cases other than children in need). */
export const PRIMARY_NEED = dfe('category_of_need');
export const CATEGORY_OF_ABUSE = dfe('cp_abuse_categories');
export const ETHNICITY = dfe('ethnicity');
/** GenderCurrent 0/1/2/9 until 2023/24; from 2024/25 the element is Sex, M/F/U. */
export const GENDER = returnCodes('cin_sex');

/** ReasonForClosure RC1-RC9 (CIN census guide); Annex A's List 6 uses the same codes. */
export const REASON_FOR_CLOSURE = returnCodes('reason_for_closure');
