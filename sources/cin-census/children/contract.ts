// CIN census children: each <Child>'s ChildIdentifiers and ChildCharacteristics, so a warehouse built from the
// census alone still knows its children (int_children's fallback after the case-management export and the 903).
import type { Contract } from '../../lib/contract.js';
import { code, date, text } from '../../lib/fields.js';
import { ETHNICITY, GENDER } from '../codes.js';
import { laChildId } from '../shared-fields.js';

export const cinChildrenContract: Contract = {
  system: 'cin_census',
  entity: 'children',
  title: 'CIN census children (ChildIdentifiers, ChildCharacteristics)',
  description: 'One record per <Child> element of the CIN census XML (stream `file.xml#children`): the child\'s identifiers and characteristics. Disabilities are the <Disability> codes joined with commas.',
  key: 'child_id',
  fields: [
    laChildId(),
    date('date_of_birth', 'PersonBirthDate', 'Date of birth; blank for an unborn child.', { optional: true }),
    date('expected_date_of_birth', 'ExpectedPersonBirthDate', 'Expected date of birth of an unborn child.', { optional: true }),
    code('sex', 'GenderCurrent', GENDER, 'DfE sex code: 1 male, 2 female, 0 not stated/recorded, 9 neither.', { optional: true }),
    date('date_of_death', 'PersonDeathDate', 'Date of death, if the child has died.', { optional: true }),
    code('ethnicity', 'Ethnicity', ETHNICITY, 'DfE ethnicity code.', { optional: true }),
    text('disabilities', 'Disabilities', 'The child\'s <Disability> codes, comma-separated (NONE when the child has none).', { optional: true }),
  ],
};
