// SSDA903 SWEpisodes: the social workers a looked-after child had, and why each one changed.
import type { Contract } from '../../lib/contract.js';
import { returnTable } from '../../lib/return-fields.js';
import { code, date, notBefore, text } from '../../lib/fields.js';
import { SW_REASON } from '../codes.js';

const start = date('start_date', 'SW_DECOM', 'Date the social worker episode started.');
const end = date('end_date', 'SW_DEC', 'Date it ended; blank while it continues.');

export const ssda903SwEpisodesContract: Contract = returnTable({
  system: 'ssda903',
  entity: 'sw_episodes',
  title: 'SSDA903 SWEpisodes (social worker episodes)',
  description:
    'One row per period a social worker was allocated to a looked-after child. Headers are the DfE field names.',
  key: ['child_id', 'start_date'],
  fields: [
    text('child_id', 'CHILD', "The council's pseudonymous child identifier."),
    text(
      'social_worker_id',
      'SW_ID',
      "The social worker's identifier (Social Work England number or the council's own).",
    ),
    start,
    end,
    code(
      'reason_changed',
      'SW_REASON',
      SW_REASON,
      'Why the social worker episode began (MANAGE, FCONTA, LEFTRL, ORGRST, TSPROC, ABSENC, CHCHAN, PCCHAN, SWDIED, OTHERS; from 2023/24).',
    ),
    // Last, so a raw table made before the DfE added DOB only gains a column (pipelines/extract/raw-migrations.ts).
    date('date_of_birth', 'DOB', 'Date of birth (dd/mm/yyyy).'),
  ],
  rowChecks: [notBefore(end, start)],
  exactHeaders: true,
});
