// SSDA903 Missing: episodes of a looked-after child missing or away from placement without authorisation.
import type { Contract } from '../../lib/contract.js';
import { returnTable } from '../../lib/return-fields.js';
import { code, date, notBefore, text } from '../../lib/fields.js';
import { MISSING_903 } from '../codes.js';

const start = date('start_date', 'MIS_START', 'Date the episode started.');
const end = date('end_date', 'MIS_END', 'Date the child returned; blank while still missing.');

export const ssda903MissingContract: Contract = returnTable({
  system: 'ssda903',
  entity: 'missing',
  title: 'SSDA903 Missing',
  description:
    'One row per missing or away-without-authorisation episode in the SSDA903 return. Headers are the DfE field names.',
  key: ['child_id', 'start_date'],
  fields: [
    text('child_id', 'CHILD', "The council's pseudonymous child identifier."),
    date('date_of_birth', 'DOB', 'Date of birth (dd/mm/yyyy).'),
    code('missing_type', 'MISSING', MISSING_903, 'M missing, A away without authorisation.'),
    start,
    end,
  ],
  rowChecks: [notBefore(end, start)],
  exactHeaders: true,
});
