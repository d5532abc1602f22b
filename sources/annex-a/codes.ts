// Annex A code lists. Annex A writes each value as a list letter, often the code, then the label
// ("b) Female", "e) 2A: Schools", "c) E2: Died"); the list letter is dropped when parsing, so each list is keyed
// by the DfE code where there is one and by a short code of our own where Annex A has only labels (those lists
// are in sql/seeds/source_codes.csv).
import { seedCodes, sourceCodes } from '../lib/seed-codes.js';
import type { CodeEntry } from '../lib/values.js';
import { GENDER as CIN_GENDER, REASON_FOR_CLOSURE } from '../cin-census/codes.js';
import { ACCOM_SUITABILITY, PLACE_PROVIDER, REASON_PLACED_CEASED } from '../ssda903/codes.js';

const dfe = (name: string) => seedCodes(`dfe/${name}`, 'code', 'label');

/** Annex A gender, keyed by the DfE sex codes the rest of the warehouse uses (the CIN census's GenderCurrent, 0/1/2/9). */
export const GENDER: CodeEntry[] = CIN_GENDER.filter((c) => !c.validFrom).map(({ code, label }) => ({ code, label }));
export const ETHNICITY = dfe('ethnicity');
export const CONTACT_SOURCE = seedCodes('contact_sources', 'source_code', 'source_label');
export const YES_NO_UNKNOWN = sourceCodes('annex_a_yes_no_unknown');
/** N1-N9 (N0, not stated, is the CIN census's own). */
export const CATEGORY_OF_NEED = dfe('category_of_need').filter((c) => c.code !== 'N0');
export const CIN_CLOSURE_REASON = REASON_FOR_CLOSURE;
export const CIN_CASE_STATUS = sourceCodes('annex_a_case_status');
/** Annex A categories of abuse, keyed by the codes of seeds/dfe/cp_abuse_categories ("e) Multiple/not recommended" is MUL). */
export const ABUSE_CATEGORY: CodeEntry[] = [...dfe('cp_abuse_categories'), ...sourceCodes('annex_a_abuse_multiple')];
export const LEGAL_STATUS = dfe('cla_legal_status');
export const REASON_CEASED = dfe('cla_reasons_episode_ceased');
export const PLACEMENT_TYPE = dfe('cla_placement_types');
export { PLACE_PROVIDER };
/** List 8's permanence plan options, keyed like seeds/dfe/permanence_plan_types where Annex A has the same option. */
export const PERMANENCE_PLAN = sourceCodes('annex_a_permanence_plan');
export const PLACEMENT_LOCATION = sourceCodes('annex_a_placement_location');
export const ELIGIBILITY = sourceCodes('annex_a_eligibility');
/** The older List 9 had no "Eligible child" option. */
export const ELIGIBILITY_OLDER = ELIGIBILITY.filter((c) => c.code !== 'ELIG');
export const IN_TOUCH = dfe('care_leaver_in_touch');
export const ACCOMMODATION = dfe('care_leaver_accommodation');
export const SUITABILITY = ACCOM_SUITABILITY;
export const ACTIVITY = dfe('care_leaver_activity').filter((c) => c.code !== '0');
/** The older List 9 predates the apprenticeship and F5/P5 codes (F3/P3 were training or employment). */
export const ACTIVITY_OLDER = ACTIVITY.filter((c) => !/^[FP][45]$/.test(c.code));
/** List 10's reasons are the 903's REASON_PLACED_CEASED. */
export const ADOPTION_STOPPED_REASON = REASON_PLACED_CEASED;
export const ADOPTER_LEFT_REASON = sourceCodes('annex_a_adopter_left_reason');
