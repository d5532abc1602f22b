// SSDA903 Episodes: each period with one legal status, placement and carer.
import type { Contract } from '../../lib/contract.js';
import { returnTable } from '../../lib/return-fields.js';
import { code, date, notBefore, text } from '../../lib/fields.js';
import {
  CATEGORY_OF_NEED,
  LEGAL_STATUS,
  PLACE_PROVIDER,
  PLACEMENT_TYPE,
  REASON_EPISODE_CEASED,
  REASON_NEW_EPISODE,
} from '../codes.js';

const start = date('start_date', 'DECOM', 'Date the episode started.');
const end = date('end_date', 'DEC', 'Date the episode ended; blank while it continues.');

export const ssda903EpisodesContract: Contract = returnTable({
  system: 'ssda903',
  entity: 'episodes',
  title: 'SSDA903 Episodes',
  description: 'One row per episode of care in the SSDA903 return. Headers are the DfE field names.',
  key: ['child_id', 'start_date'],
  fields: [
    text('child_id', 'CHILD', "The council's pseudonymous child identifier."),
    start,
    code('reason_new_episode', 'RNE', REASON_NEW_EPISODE, 'Reason for new episode (S, L, P, T, U, B).'),
    code('legal_status', 'LS', LEGAL_STATUS, 'Legal status.'),
    code('category_of_need', 'CIN', CATEGORY_OF_NEED, 'Category of need N1-N8.'),
    code(
      'placement_type',
      'PLACE',
      PLACEMENT_TYPE,
      "Placement type (the codes valid in the return's collection year).",
    ),
    code('placement_provider', 'PLACE_PROVIDER', PLACE_PROVIDER, 'Placement provider PR0-PR5.'),
    end,
    code('reason_ended', 'REC', REASON_EPISODE_CEASED, 'Reason episode ceased; blank while it continues.'),
    text('reason_place_change', 'REASON_PLACE_CHANGE', 'Reason for a change of placement.'),
    text('home_postcode', 'HOME_POST', "Partial postcode of the child's home (kept in raw only)."),
    text('placement_postcode', 'PL_POST', 'Partial postcode of the placement (kept in raw only).'),
    text('urn', 'URN', 'Ofsted URN of the placement.'),
  ],
  // Only what the warehouse cannot use is refused: DEC and REC given apart is a DfE validation finding, not a
  // reason to lose the episode (staging ignores a REC without a DEC).
  rowChecks: [notBefore(end, start)],
  exactHeaders: true,
});
