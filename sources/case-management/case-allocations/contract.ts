// Case allocations: which worker held a child's case, and when. Caseloads are counted from these.
import type { Contract } from '../../lib/contract.js';
import { date, notBefore, text } from '../../lib/fields.js';
import { childId, team, workerId } from '../shared-fields.js';

const start = date('start_date', 'Allocation Start Date', 'Date the case was allocated to the worker.', {
  aliases: ['Allocated From', 'Allocation Date'],
});
const end = date('end_date', 'Allocation End Date', 'Date the allocation ended; blank while current.', {
  optional: true,
  aliases: ['Allocated To', 'Deallocation Date'],
});

export const caseAllocationsContract: Contract = {
  system: 'case_management',
  entity: 'case_allocations',
  title: 'Case allocations',
  description: "One row per allocation of a child's case to a worker.",
  key: ['allocation_id'],
  fields: [
    text('allocation_id', 'Allocation ID', 'Unique reference of the allocation.', {
      aliases: ['Allocation Reference'],
    }),
    childId(),
    workerId(),
    team(),
    start,
    end,
  ],
  rowChecks: [notBefore(end, start)],
};
