// Children: one row per child known to children's social care. No names: a pseudonymous ID only.
import type { Contract } from '../../lib/contract.js';
import { code, date, yesNo } from '../../lib/fields.js';
import { ETHNICITY, SEX } from '../codes.js';
import { childId } from '../shared-fields.js';

export const childrenContract: Contract = {
  system: 'case_management',
  entity: 'children',
  title: 'Children',
  description:
    'One row per child known to the service, with the characteristics the returns and appendices break figures down by.',
  key: ['child_id'],
  fields: [
    childId(),
    date('date_of_birth', 'Date of Birth', 'Date of birth (marts keep only the month).', {
      aliases: ['DOB', 'Birth Date'],
    }),
    code('sex', 'Sex', SEX, 'CIN census code: 1 male, 2 female, 0 not known, 9 not specified.', {
      aliases: ['Gender', 'SEX'],
    }),
    code('ethnicity', 'Ethnicity', ETHNICITY, 'DfE ethnicity code (WBRI ... NOBT), with or without its label.', {
      aliases: ['Ethnic Origin', 'ETHNIC'],
    }),
    yesNo('disability', 'Disability', 'Y when the child has a recorded disability.', {
      aliases: ['Disabled', 'Has Disability'],
    }),
    yesNo('uasc', 'UASC', 'Y for an unaccompanied asylum-seeking child.', {
      optional: true,
      aliases: ['Unaccompanied Asylum Seeking Child', 'UASC Status'],
    }),
  ],
};
