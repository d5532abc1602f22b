// Adoption milestones for children with an adoption plan: agency decision maker (ADM) decision, match,
// placement with adopters, adoption order (as the SSDA903 AD1 / PlacedAdoption records and the RAA track them).
import type { Contract } from '../../lib/contract.js';
import { date, notBefore } from '../../lib/fields.js';
import { childId } from '../shared-fields.js';

const adm = date(
  'adm_decision_date',
  'ADM Decision Date',
  'Date the agency decision maker decided the child should be placed for adoption.',
  { aliases: ['DATE_SHOULD_BE_PLACED', 'Date of ADM Decision', 'SHOBPA Date'] },
);
const matched = date('matched_date', 'Matched Date', 'Date the child was matched with prospective adopters.', {
  optional: true,
  aliases: ['DATE_MATCH', 'Date Matched'],
});
const placed = date(
  'placed_date',
  'Placed for Adoption Date',
  'Date the child moved in with the prospective adopters.',
  { optional: true, aliases: ['DATE_PLACED', 'Date Placed'] },
);
const order = date('order_date', 'Adoption Order Date', 'Date of the adoption order.', {
  optional: true,
  aliases: ['Date of Adoption Order'],
});

export const adoptionMilestonesContract: Contract = {
  system: 'case_management',
  entity: 'adoption_milestones',
  title: 'Adoption milestones',
  description: 'One row per child with an agency decision that they should be placed for adoption.',
  key: ['child_id'],
  fields: [childId(), adm, matched, placed, order],
  rowChecks: [notBefore(matched, adm), notBefore(placed, matched), notBefore(order, placed)],
};
