// SSDA903 PlacedAdoption: children with a decision that they should be placed for adoption.
import type { Contract } from '../../lib/contract.js';
import { returnTable } from '../../lib/return-fields.js';
import { code, date, notBefore, text } from '../../lib/fields.js';
import { REASON_PLACED_CEASED } from '../codes.js';

const decision = date(
  'decision_date',
  'DATE_PLACED',
  'Date of the decision that the child should be placed for adoption.',
);
const ceased = date(
  'decision_ceased_date',
  'DATE_PLACED_CEASED',
  'Date that decision ceased to apply; blank while it stands.',
);

export const ssda903PlacedAdoptionContract: Contract = returnTable({
  system: 'ssda903',
  entity: 'placed_adoption',
  title: 'SSDA903 PlacedAdoption',
  description:
    "One row per 'should be placed for adoption' decision in the SSDA903 return. Headers are the DfE field names.",
  key: ['child_id', 'decision_date'],
  fields: [
    text('child_id', 'CHILD', "The council's pseudonymous child identifier."),
    date('date_of_birth', 'DOB', 'Date of birth (dd/mm/yyyy).'),
    decision,
    ceased,
    code('reason_ceased', 'REASON_PLACED_CEASED', REASON_PLACED_CEASED, 'Why the decision ceased (RD1-RD4).'),
  ],
  // The DfE's pairing of DATE_PLACED_CEASED and REASON_PLACED_CEASED is a validation finding, not a refusal.
  rowChecks: [notBefore(ceased, decision)],
  exactHeaders: true,
});
