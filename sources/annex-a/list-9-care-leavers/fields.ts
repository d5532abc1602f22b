// Columns both versions of List 9 share, so the two contracts cannot drift apart.
import type { CodeEntry } from '../../lib/values.js';
import type { FieldSpec } from '../../lib/contract.js';
import { code } from '../../lib/fields.js';
import { ACCOMMODATION, IN_TOUCH, SUITABILITY } from '../codes.js';

export const eligibility = (codes: readonly CodeEntry[]): FieldSpec =>
  code(
    'eligibility',
    'Eligibility Category',
    codes,
    'a) Relevant, b) Former relevant, c) Qualifying care leaver (d) Eligible child in the current version).',
  );
export const inTouch = (): FieldSpec =>
  code(
    'in_touch',
    'LA in Touch',
    IN_TOUCH,
    'a) Yes, b) No, c) Died, d) Refused, e) No longer requires services, f) Returned home.',
    { aliases: ['LA in Touch?', 'Local Authority in Touch'] },
  );
export const accommodation = (): FieldSpec[] => [
  code(
    'accommodation',
    'Type of Accommodation',
    ACCOMMODATION,
    'B ... Z (the OC3 accommodation letters), with or without the label.',
    { optional: true, aliases: ['Accommodation Type'] },
  ),
  code(
    'accommodation_suitability',
    'Suitability of Accommodation',
    SUITABILITY,
    'a) Suitable or b) Unsuitable; landed as 1 or 2 as in the OC3 ACCOM suffix.',
    { optional: true },
  ),
];
export const activity = (codes: readonly CodeEntry[]): FieldSpec =>
  code(
    'activity',
    'Activity Status',
    codes,
    'Main activity: F1 ... P5 in education, employment or training, G4 ... G6 not.',
    { optional: true, aliases: ['Main Activity'] },
  );
