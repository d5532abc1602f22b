// SSDA903 UASC: children who were unaccompanied asylum-seeking children, and when that status ended.
import type { Contract } from '../../lib/contract.js';
import { returnTable } from '../../lib/return-fields.js';
import { code, date, text } from '../../lib/fields.js';
import { SEX_903 } from '../codes.js';

export const ssda903UascContract: Contract = returnTable({
  system: 'ssda903',
  entity: 'uasc',
  title: 'SSDA903 UASC',
  description: 'One row per child who has been an unaccompanied asylum-seeking child. Headers are the DfE field names.',
  key: ['child_id'],
  fields: [
    text('child_id', 'CHILD', "The council's pseudonymous child identifier."),
    code('sex', 'SEX', SEX_903, '1 male, 2 female.'),
    date('date_of_birth', 'DOB', 'Date of birth (dd/mm/yyyy).'),
    date(
      'uasc_ceased_date',
      'DUC',
      'Date the child ceased to be an unaccompanied asylum-seeking child (usually the 18th birthday).',
    ),
  ],
  exactHeaders: true,
});
