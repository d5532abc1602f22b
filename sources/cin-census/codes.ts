// CIN census code lists: the DfE seeds the case-management contracts use, plus the census's own few.
import { seedCodes } from '../lib/seed-codes.js';
import type { CodeEntry } from '../lib/values.js';

const dfe = (name: string) => seedCodes(`dfe/${name}`, 'code', 'label');

export const REFERRAL_SOURCE = seedCodes('contact_sources', 'source_code', 'source_label');
export const PRIMARY_NEED = dfe('category_of_need').filter((c) => c.code !== 'N9');
export const CATEGORY_OF_ABUSE = dfe('cp_abuse_categories');
export const ETHNICITY = dfe('ethnicity');
/** GenderCurrent, as the other returns code sex. */
export const GENDER: CodeEntry[] = [
  { code: '1', label: 'Male' },
  { code: '2', label: 'Female' },
  { code: '0', label: 'Not stated/recorded' },
  { code: '9', label: 'Neither' },
];

/** ReasonForClosure RC1-RC9 (CIN census guide); Annex A's List 6 uses the same codes. */
export const REASON_FOR_CLOSURE: CodeEntry[] = [
  { code: 'RC1', label: 'Adopted' },
  { code: 'RC2', label: 'Died' },
  { code: 'RC3', label: 'Child arrangements order' },
  { code: 'RC4', label: 'Special guardianship order' },
  { code: 'RC5', label: 'Transferred to services of another local authority' },
  { code: 'RC6', label: 'Transferred to adult social care services' },
  { code: 'RC7', label: 'Services ceased for any other reason, including child no longer in need' },
  { code: 'RC8', label: 'Case closed after assessment, no further action' },
  { code: 'RC9', label: 'Case closed after assessment, referred to early help' },
];
