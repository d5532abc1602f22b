// SSDA903 Episodes: each period with one legal status, placement and carer.
import type { Contract } from '../../lib/contract.js';
import { code, date, notBefore, text } from '../../lib/fields.js';
import { CATEGORY_OF_NEED, LEGAL_STATUS, PLACE_PROVIDER, PLACEMENT_TYPE, REASON_EPISODE_CEASED, REASON_NEW_EPISODE } from '../codes.js';

const start = date('start_date', 'DECOM', 'Date the episode started.');
const end = date('end_date', 'DEC', 'Date the episode ended; blank while it continues.', { optional: true });

export const ssda903EpisodesContract: Contract = {
  system: 'ssda903',
  entity: 'episodes',
  title: 'SSDA903 Episodes',
  description: 'One row per episode of care in the SSDA903 return. Headers are the DfE field names.',
  key: 'child_id + start_date',
  fields: [
    text('child_id', 'CHILD', 'The council\'s pseudonymous child identifier.'),
    start,
    code('reason_new_episode', 'RNE', REASON_NEW_EPISODE, 'Reason for new episode (S, L, P, T, U, B).'),
    code('legal_status', 'LS', LEGAL_STATUS, 'Legal status.'),
    code('category_of_need', 'CIN', CATEGORY_OF_NEED, 'Category of need N1-N8.'),
    code('placement_type', 'PLACE', PLACEMENT_TYPE, 'Placement type.'),
    code('placement_provider', 'PLACE_PROVIDER', PLACE_PROVIDER, 'Placement provider PR0-PR5.', { optional: true }),
    end,
    code('reason_ended', 'REC', REASON_EPISODE_CEASED, 'Reason episode ceased; blank while it continues.', { optional: true }),
    text('reason_place_change', 'REASON_PLACE_CHANGE', 'Reason for a change of placement.', { optional: true }),
    text('home_postcode', 'HOME_POST', 'Partial postcode of the child\'s home (kept in raw only).', { optional: true }),
    text('placement_postcode', 'PL_POST', 'Partial postcode of the placement (kept in raw only).', { optional: true }),
    text('urn', 'URN', 'Ofsted URN of the placement.', { optional: true }),
  ],
  rowChecks: [
    notBefore(end, start),
    {
      field: 'reason_ended',
      rule: 'DEC and REC are given together.',
      test: (r) => (r.end_date === null) === (r.reason_ended === null),
      message: (r) => (r.end_date === null ? 'REC is given but DEC is blank' : 'DEC is given but REC is blank'),
    },
  ],
};
