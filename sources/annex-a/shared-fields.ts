// The columns every Annex A list but List 11 starts with, and the allocation columns most lists end with.
import type { FieldSpec } from '../lib/contract.js';
import { code, date, decimal, text } from '../lib/fields.js';
import { ETHNICITY, GENDER, YES_NO_UNKNOWN } from './codes.js';

export const childId = (): FieldSpec =>
  text(
    'child_id',
    'Child Unique ID',
    "The council's pseudonymous child identifier (the same one its other returns use).",
    { aliases: ['Child Unique Identifier', 'Unique Child ID', 'Child Unique Ref'] },
  );

/** Gender and ethnicity are optional: a contact or a plan still counts when they were not recorded. */
export const characteristics = (): FieldSpec[] => [
  code(
    'gender',
    'Gender',
    GENDER,
    'a) Male, b) Female, c) Not stated/recorded, d) Neither; landed as the DfE sex code (1, 2, 0, 9).',
    { optional: true, aliases: ['Sex'] },
  ),
  code(
    'ethnicity',
    'Ethnicity',
    ETHNICITY,
    'DfE ethnicity code, with or without its list letter and label (e.g. "a) WBRI").',
    { optional: true, aliases: ['Ethinicity', 'Ethnic Origin'] },
  ),
];

export const childColumns = (): FieldSpec[] => [
  childId(),
  ...characteristics(),
  date('date_of_birth', 'Date of Birth', 'Date of birth (for an unborn child, the expected date).', {
    optional: true,
    aliases: ['DOB', 'Birth Date'],
  }),
  decimal(
    'age_years',
    'Age of Child (Years)',
    'Age as the return states it; often fractional (15.7). Derivable from the date of birth, so kept in raw and staging only.',
    { optional: true, aliases: ['Age of Child', 'Age (Years)', 'Age of Child (Yrs)', 'Age'] },
  ),
];

export const disability = (): FieldSpec =>
  code('has_disability', 'Does the Child have a Disability', YES_NO_UNKNOWN, 'a) Yes, b) No, c) Unknown.', {
    optional: true,
    aliases: ['Does the Child have a Disability?', 'Disability'],
  });

export const allocation = (): FieldSpec[] => [
  text('allocated_team', 'Allocated Team', 'Team holding the case, as the return names it.', { optional: true }),
  text(
    'allocated_worker',
    'Allocated Worker',
    'Pseudonymous identifier or name of the allocated worker (not copied beyond staging).',
    { optional: true },
  ),
];
