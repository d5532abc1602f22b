// SSDA903 PrevPerm: the permanence order a child had before entering care.
import type { Contract } from '../../lib/contract.js';
import { returnTable } from '../../lib/return-fields.js';
import { code, date, text } from '../../lib/fields.js';
import { PREV_PERM } from '../codes.js';

export const ssda903PrevPermContract: Contract = returnTable({
  system: 'ssda903',
  entity: 'prev_perm',
  title: 'SSDA903 PrevPerm (previous permanence)',
  description:
    'One row per child entering care in the year, saying whether they had an adoption, SGO or CAO before. Headers are the DfE field names.',
  key: ['child_id'],
  fields: [
    text('child_id', 'CHILD', "The council's pseudonymous child identifier."),
    date('date_of_birth', 'DOB', 'Date of birth (dd/mm/yyyy).'),
    code('previous_permanence', 'PREV_PERM', PREV_PERM, 'Previous permanence option (P1-P4, Z1 none or not known).'),
    text('previous_la', 'LA_PERM', 'Code of the council that made the order, when known.'),
    text(
      'previous_permanence_date',
      'DATE_PERM',
      'Date of the order; the DfE allows zz for an unknown day or month (zz/06/2015), so kept as text.',
    ),
  ],
  exactHeaders: true,
});
