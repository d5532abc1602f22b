// DfE and local code lists the case-management contracts check against (seeds in sql/seeds).
import { seedCodes, sourceCodes } from '../lib/seed-codes.js';

const dfe = (name: string) => seedCodes(`dfe/${name}`, 'code', 'label');

export const SEX = dfe('sex');
export const ETHNICITY = dfe('ethnicity');
/** N1-N9 (N0, not stated, is the CIN census's own). */
export const CATEGORY_OF_NEED = dfe('category_of_need').filter((c) => c.code !== 'N0');
export const CP_ABUSE_CATEGORY = dfe('cp_abuse_categories');
export const LEGAL_STATUS = dfe('cla_legal_status');
export const REASON_NEW_EPISODE = dfe('cla_reasons_new_episode');
export const PLACEMENT_TYPE = dfe('cla_placement_types');
export const REASON_EPISODE_CEASED = dfe('cla_reasons_episode_ceased');
export const IN_TOUCH = dfe('care_leaver_in_touch');
export const ACTIVITY = dfe('care_leaver_activity');
export const ACCOMMODATION = dfe('care_leaver_accommodation');
export const PERMANENCE_PLAN = dfe('permanence_plan_types');
export const ASSESSMENT_OUTCOME = dfe('assessment_outcomes');
export const WORKER_ROLE = dfe('worker_roles');
export const EMPLOYMENT = sourceCodes('case_management_employment');
export const MISSING_TYPE = sourceCodes('case_management_missing_type');
