// SSDA903 DoLo: periods a looked-after child's liberty was deprived (a deprivation of liberty order or
// authorisation), a table of the return since 2024/25.
import type { Contract } from '../../lib/contract.js';
import { returnTable } from '../../lib/return-fields.js';
import { date, notBefore, text } from '../../lib/fields.js';

const start = date('start_date', 'DOLO_START', 'Date the deprivation of liberty began.');
const end = date('end_date', 'DOLO_END', 'Date it ended; blank while it continues.');

export const ssda903DoloContract: Contract = returnTable({
  system: 'ssda903',
  entity: 'dolo',
  title: 'SSDA903 DoLo (deprivation of liberty)',
  description:
    'One row per period of deprivation of liberty of a looked-after child in the SSDA903 return (new in 2024/25). Headers are the DfE field names.',
  key: ['child_id', 'start_date'],
  fields: [
    text('child_id', 'CHILD', "The council's pseudonymous child identifier."),
    date('date_of_birth', 'DOB', 'Date of birth (dd/mm/yyyy).'),
    start,
    end,
  ],
  rowChecks: [notBefore(end, start)],
  exactHeaders: true,
});
