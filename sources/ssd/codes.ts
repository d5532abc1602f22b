// Code lists the SSD contracts check against: the DfE lists the SSD reuses (seeds shared with the other sources)
// and the SSD's own few (seeds in sql/seeds/ssd).
import { seedCodes } from '../lib/seed-codes.js';

export {
  CATEGORY_OF_NEED,
  ETHNICITY,
  REASON_EPISODE_CEASED,
  REASON_NEW_EPISODE,
  PLACEMENT_TYPE,
  IN_TOUCH,
  ACTIVITY,
  ACCOMMODATION,
  MISSING_TYPE,
} from '../case-management/codes.js';
export { REASON_FOR_CLOSURE } from '../cin-census/codes.js';

export const CONTACT_SOURCE = seedCodes('contact_sources', 'source_code', 'source_label');
/** pers_sex: F, M, U (the SSD's code set, not the CIN census's 1/2). */
export const SSD_SEX = seedCodes('ssd/ssd_sex', 'code', 'label');
/** clea_care_leaver_accom_suitable: 1 suitable, 2 unsuitable. */
export const SSD_ACCOM_SUITABLE = seedCodes('ssd/ssd_accommodation_suitable', 'code', 'label');
