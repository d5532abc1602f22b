// SSDA903 AD1: children adopted from care in the year, with their adoption milestones.
import type { Contract } from '../../lib/contract.js';
import { returnTable } from '../../lib/return-fields.js';
import { code, date, integer, notBefore, text, yesNo } from '../../lib/fields.js';
import { LS_ADOPTR, SEX_ADOPTR } from '../codes.js';

const decision = date(
  'should_be_placed_date',
  'DATE_INT',
  'Date of the decision that the child should be placed for adoption.',
);
const matched = date('matched_date', 'DATE_MATCH', 'Date the child was matched with the prospective adopter(s).');

export const ssda903Ad1Contract: Contract = returnTable({
  system: 'ssda903',
  entity: 'ad1',
  title: 'SSDA903 AD1 (adoptions)',
  description: 'One row per child adopted from care in the SSDA903 return. Headers are the DfE field names.',
  key: ['child_id'],
  fields: [
    text('child_id', 'CHILD', "The council's pseudonymous child identifier."),
    date('date_of_birth', 'DOB', 'Date of birth (dd/mm/yyyy).'),
    decision,
    matched,
    yesNo('foster_care', 'FOSTER_CARE', '1 when the child was adopted by their foster carer(s).'),
    integer('number_of_adopters', 'NB_ADOPTR', 'Number of adopters (1 or 2).'),
    code('sex_of_adopters', 'SEX_ADOPTR', SEX_ADOPTR, 'Sex of the adopter(s): M1, F1, MM, FF or MF.'),
    code(
      'adopters_legal_status',
      'LS_ADOPTR',
      LS_ADOPTR,
      'Legal status of the adopter(s): L0, L11, L12, L2, L3 or L4.',
    ),
  ],
  rowChecks: [notBefore(matched, decision)],
  exactHeaders: true,
});
