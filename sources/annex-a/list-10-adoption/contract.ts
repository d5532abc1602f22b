// Ofsted ILACS Annex A List 10: children with an adoption decision (the adoption journey, milestone by milestone).
import type { Contract } from '../../lib/contract.js';
import { code, date, notBefore, text } from '../../lib/fields.js';
import { ADOPTION_STOPPED_REASON } from '../codes.js';
import { childColumns, disability } from '../shared-fields.js';

const entered = date('entered_care_date', 'Date the Child Entered Care', 'Day the child entered care.', {});
const decision = date(
  'adm_decision_date',
  'Date of Decision that Child Should be Placed for Adoption',
  "Day of the agency decision maker's decision.",
  { aliases: ['Date of ADM Decision'] },
);

export const annexAList10Contract: Contract = {
  system: 'annex_a',
  entity: 'list_10_adoption',
  title: 'Annex A List 10 (adoption)',
  description: "One row per child with a plan for adoption in the Annex A workbook's List 10 sheet.",
  key: ['child_id'],
  fields: [
    childColumns()[0]!,
    text('family_id', 'Family identifier', 'Groups siblings placed together.', { optional: true }),
    ...childColumns().slice(1),
    disability(),
    entered,
    decision,
    date('placement_order_date', 'Date of Placement Order', 'Day the placement order was made.', { optional: true }),
    date('matched_date', 'Date of Matching Child and Prospective Adopters', 'Day the child was matched.', {
      optional: true,
    }),
    date('placed_date', 'Date Placed for Adoption', 'Day the child moved in with the adopters.', { optional: true }),
    date('adoption_order_date', 'Date of Adoption Order', 'Day the adoption order was made.', { optional: true }),
    date(
      'no_longer_adoption_date',
      'Date of Decision that Child Should No Longer be Placed for Adoption',
      'Day the plan for adoption was reversed.',
      { optional: true },
    ),
    code(
      'no_longer_adoption_reason',
      'Reason Why Child No Longer Placed for Adoption',
      ADOPTION_STOPPED_REASON,
      'RD1 ... RD4.',
      { optional: true },
    ),
    date(
      'ffa_placement_date',
      'Date the child was placed for fostering in FFA or concurrent planning placement',
      'Day of a fostering-for-adoption placement.',
      { optional: true },
    ),
  ],
  rowChecks: [notBefore(decision, entered)],
};
