// Episodes of care (children looked after), as the SSDA903 return records them.
import type { Contract } from '../../lib/contract.js';
import { code, date, notBefore, text } from '../../lib/fields.js';
import { CATEGORY_OF_NEED, LEGAL_STATUS, PLACEMENT_TYPE, REASON_EPISODE_CEASED, REASON_NEW_EPISODE } from '../codes.js';
import { childId } from '../shared-fields.js';

const start = date('start_date', 'Episode Start Date', 'Date the episode started (DECOM).', {
  aliases: ['DECOM', 'Start Date of Episode'],
});
const end = date('end_date', 'Episode End Date', 'Date the episode ended (DEC); blank while it continues.', {
  optional: true,
  aliases: ['DEC', 'End Date of Episode'],
});
const reasonEnded = code(
  'reason_ended',
  'Reason Episode Ceased',
  REASON_EPISODE_CEASED,
  'SSDA903 REC code (E11 ... X1); blank while the episode continues.',
  { optional: true, aliases: ['REC', 'Reason for Ceasing'] },
);

export const claEpisodesContract: Contract = {
  system: 'case_management',
  entity: 'cla_episodes',
  title: 'Children looked after: episodes',
  description: 'One row per episode of care: a period with one legal status and placement.',
  key: ['episode_id'],
  fields: [
    text('episode_id', 'Episode ID', 'Unique reference of the episode.', {
      aliases: ['CLA Episode ID', 'Episode Reference'],
    }),
    childId(),
    start,
    code(
      'reason_new_episode',
      'Reason New Episode',
      REASON_NEW_EPISODE,
      'SSDA903 RNE code: S started to be looked after, L, P, T, U, B changes.',
      { aliases: ['RNE'] },
    ),
    code('legal_status', 'Legal Status', LEGAL_STATUS, 'SSDA903 LS code (C1, C2, E1, J1 ... V4).', { aliases: ['LS'] }),
    code('category_of_need', 'Category of Need', CATEGORY_OF_NEED, 'SSDA903 CIN code (N1 ... N8).', {
      aliases: ['CIN'],
    }),
    code('placement_type', 'Placement Type', PLACEMENT_TYPE, 'SSDA903 PLACE code (A3 ... Z1).', {
      aliases: ['PLACE', 'Placement'],
    }),
    end,
    reasonEnded,
  ],
  rowChecks: [
    notBefore(end, start),
    {
      field: 'reason_ended',
      rule: 'Episode End Date and Reason Episode Ceased are given together.',
      test: (r) => (r.end_date === null) === (r.reason_ended === null),
      message: (r) =>
        r.end_date === null
          ? 'Reason Episode Ceased is given but the Episode End Date is blank'
          : 'Episode End Date is given but the Reason Episode Ceased is blank',
      sql: (c) => `((${c('end_date')} IS NULL) = (${c('reason_ended')} IS NULL))`,
    },
  ],
};
