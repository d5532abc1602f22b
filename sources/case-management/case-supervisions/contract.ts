// Case supervisions: a manager's recorded supervision of a worker on one child's case.
import type { Contract } from '../../lib/contract.js';
import { date, text } from '../../lib/fields.js';
import { childId, workerId } from '../shared-fields.js';

export const caseSupervisionsContract: Contract = {
  system: 'case_management',
  entity: 'case_supervisions',
  title: 'Case supervisions',
  description: "One row per recorded case supervision (a manager's supervision of a child's case).",
  key: ['supervision_id'],
  fields: [
    text('supervision_id', 'Supervision ID', 'Unique reference of the supervision record.', {
      aliases: ['Case Supervision ID'],
    }),
    childId(),
    workerId(),
    text('supervisor_id', 'Supervisor ID', 'Pseudonymous identifier of the supervising manager.', {
      aliases: ['Manager ID', 'Supervised By'],
    }),
    date('supervision_date', 'Supervision Date', 'Date the supervision took place.', {
      aliases: ['Date of Supervision', 'Case Supervision Date'],
    }),
  ],
};
