// CIN census children: each <Child>'s ChildIdentifiers and ChildCharacteristics, so a warehouse built from the
// census alone still knows its children (int_children's fallback after the case-management export and the 903).
import type { Contract } from '../../lib/contract.js';
import { returnTable } from '../../lib/return-fields.js';
import { code, date, text } from '../../lib/fields.js';
import { ETHNICITY, GENDER } from '../codes.js';
import { laChildId } from '../shared-fields.js';

export const cinChildrenContract: Contract = returnTable({
  system: 'cin_census',
  entity: 'children',
  title: 'CIN census children (ChildIdentifiers, ChildCharacteristics)',
  description:
    "One record per <Child> element of the CIN census XML (stream `file.xml#children`): the child's identifiers and characteristics. Disabilities are the <Disability> codes joined with commas.",
  key: ['child_id'],
  fields: [
    laChildId(),
    date('date_of_birth', 'PersonBirthDate', 'Date of birth; blank for an unborn child.'),
    date('expected_date_of_birth', 'ExpectedPersonBirthDate', 'Expected date of birth of an unborn child.'),
    code(
      'sex',
      'GenderCurrent',
      GENDER,
      'GenderCurrent until 2023/24 (1 male, 2 female, 0 not stated/recorded, 9 neither); from 2024/25 the element is Sex (M, F, U). Landed as the sex code the warehouse uses.',
      { aliases: ['Sex'] },
    ),
    date('date_of_death', 'PersonDeathDate', 'Date of death, if the child has died.'),
    code('ethnicity', 'Ethnicity', ETHNICITY, 'DfE ethnicity code.'),
    text(
      'disabilities',
      'Disabilities',
      "The child's <Disability> codes, comma-separated (NONE when the child has none).",
    ),
  ],
});
