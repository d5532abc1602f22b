// Workers: the social-care workforce, for caseloads and the permanent/agency mix.
import type { Contract } from '../../lib/contract.js';
import { code, date, decimal, notBefore } from '../../lib/fields.js';
import { EMPLOYMENT, WORKER_ROLE } from '../codes.js';
import { team, workerId } from '../shared-fields.js';

const start = date('start_date', 'Start Date', 'Date the worker started in the service.', {
  aliases: ['Employment Start Date'],
});
const leave = date('leave_date', 'Leave Date', 'Date the worker left; blank while in post.', {
  optional: true,
  aliases: ['Leaving Date', 'End Date'],
});

export const workersContract: Contract = {
  system: 'case_management',
  entity: 'workers',
  title: 'Workers',
  description: 'One row per worker (social workers, managers, personal advisers), no names.',
  key: ['worker_id'],
  fields: [
    workerId(),
    team(),
    code('role', 'Role', WORKER_ROLE, 'ASYE, SW, SSW, PP, TM, PA or IRO (or its label).', {
      aliases: ['Job Role', 'Post'],
    }),
    decimal('fte', 'FTE', 'Full-time equivalent (0 to 1).', { aliases: ['Full Time Equivalent', 'Hours FTE'] }),
    code('employment_type', 'Employment Type', EMPLOYMENT, 'PERM permanent or AGENCY.', {
      aliases: ['Contract Type', 'Permanent or Agency'],
    }),
    start,
    leave,
  ],
  rowChecks: [
    notBefore(leave, start),
    {
      field: 'fte',
      rule: 'FTE is more than 0 and at most 1.',
      test: (r) => Number(r.fte) > 0 && Number(r.fte) <= 1,
      message: (r) => `FTE ${r.fte} is not between 0 and 1`,
      sql: (c) => `(coalesce(${c('fte')}, 0) > 0 AND coalesce(${c('fte')}, 0) <= 1)`,
    },
  ],
};
