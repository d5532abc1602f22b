// SSDA903 Header: one row per child looked after in the year (the children-looked-after return to DfE).
import type { Contract } from '../../lib/contract.js';
import { returnTable } from '../../lib/return-fields.js';
import { code, date, text, yesNo } from '../../lib/fields.js';
import { ETHNICITY, SEX_903 } from '../codes.js';

export const ssda903HeaderContract: Contract = returnTable({
  system: 'ssda903',
  entity: 'header',
  title: 'SSDA903 Header',
  description: "One row per child in the SSDA903 return: the child's characteristics. Headers are the DfE field names.",
  key: ['child_id'],
  fields: [
    text('child_id', 'CHILD', "The council's pseudonymous child identifier."),
    code('sex', 'SEX', SEX_903, '1 male, 2 female.'),
    date('date_of_birth', 'DOB', 'Date of birth (dd/mm/yyyy).'),
    code('ethnicity', 'ETHNIC', ETHNICITY, 'DfE ethnicity code.'),
    text('upn', 'UPN', 'Unique pupil number (not copied beyond raw).'),
    yesNo('is_mother', 'MOTHER', '1 when the child is a mother.'),
    date('mother_child_dob', 'MC_DOB', "Date of birth of the mother's child."),
  ],
  exactHeaders: true,
});
