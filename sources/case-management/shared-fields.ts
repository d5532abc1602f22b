// Columns several case-management exports share, spelled once.
import { text } from '../lib/fields.js';

export const childId = () =>
  text('child_id', 'Child ID', 'Pseudonymous identifier of the child (no names).', {
    aliases: ['Person ID', 'Child Unique ID', 'Client ID', 'CHILD'],
  });
export const workerId = (optional = false) =>
  text('worker_id', 'Worker ID', 'Pseudonymous identifier of the worker.', {
    optional,
    aliases: ['Staff ID', 'Allocated Worker ID', 'Worker'],
  });
export const team = (optional = false) =>
  text(
    'team',
    'Team',
    'Team name exactly as the system exports it (mapped to a service area by sql/seeds/teams.csv).',
    { optional, aliases: ['Team Name', 'Allocated Team'] },
  );
