// Missing (and away) episodes with the return interviews offered and accepted.
import type { Contract } from '../../lib/contract.js';
import { code, datetime, notBefore, text, yesNo } from '../../lib/fields.js';
import { MISSING_TYPE } from '../codes.js';
import { childId } from '../shared-fields.js';

const start = datetime('start_at', 'Missing Start', 'When the child went missing.', {
  aliases: ['Missing Start Date', 'Date Missing'],
});
const end = datetime('end_at', 'Missing End', 'When the child returned; blank while still missing.', {
  optional: true,
  aliases: ['Missing End Date', 'Date Returned'],
});
// The statutory guidance asks for the return interview to be offered within 72 hours of the return, so the offer's
// time is what the timeliness measure needs; optional because not every system's report carries it.
const offeredAt = datetime(
  'ri_offered_at',
  'Return Interview Offered Date',
  'When the return home interview was offered (blank when not offered).',
  { optional: true, aliases: ['RHI Offered Date', 'Date Return Interview Offered'] },
);

export const missingEpisodesContract: Contract = {
  system: 'case_management',
  entity: 'missing_episodes',
  title: 'Missing episodes',
  description: 'One row per episode of a child missing or away from placement.',
  key: ['missing_id'],
  fields: [
    text('missing_id', 'Missing Episode ID', 'Unique reference of the episode.', { aliases: ['Missing ID'] }),
    childId(),
    code('missing_type', 'Missing or Away', MISSING_TYPE, 'MISSING or AWAY.', { aliases: ['Missing Type'] }),
    start,
    end,
    yesNo('ri_offered', 'Return Interview Offered', 'Y when a return home interview was offered.', {
      aliases: ['RHI Offered'],
    }),
    offeredAt,
    yesNo('ri_accepted', 'Return Interview Accepted', 'Y when the child accepted it.', {
      optional: true,
      aliases: ['RHI Accepted'],
    }),
  ],
  rowChecks: [
    notBefore(end, start),
    notBefore(offeredAt, start),
    {
      field: 'ri_offered_at',
      rule: 'A return interview offered date needs Return Interview Offered Y.',
      test: (r) => r.ri_offered_at === null || r.ri_offered === true,
      message: () => 'Return Interview Offered Date is given but Return Interview Offered is not Y',
      sql: (c) => `(${c('ri_offered_at')} IS NULL OR coalesce(${c('ri_offered')}, false) = true)`,
    },
    {
      field: 'ri_accepted',
      rule: 'A return interview can only be accepted when it was offered.',
      test: (r) => r.ri_accepted !== true || r.ri_offered === true,
      message: () => 'Return Interview Accepted is Y but it was not offered',
      sql: (c) => `(coalesce(${c('ri_accepted')}, false) = false OR coalesce(${c('ri_offered')}, false) = true)`,
    },
  ],
};
