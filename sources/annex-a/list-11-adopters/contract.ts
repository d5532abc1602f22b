// Ofsted ILACS Annex A List 11: prospective adopters, from enquiry to adoption order (no child columns).
import type { Contract } from '../../lib/contract.js';
import { code, date, integer, notBefore, text, yesNo } from '../../lib/fields.js';
import { ADOPTER_LEFT_REASON } from '../codes.js';
import { characteristics } from '../shared-fields.js';

const enquiry = date('enquiry_date', 'Date enquiry received', 'Day the adopter first enquired.');
const approved = date('approved_date', 'Date application approved', 'Day the adopter was approved.', {
  optional: true,
});

export const annexAList11Contract: Contract = {
  system: 'annex_a',
  entity: 'list_11_adopters',
  title: 'Annex A List 11 (adopters)',
  description: "One row per prospective adopter in the Annex A workbook's List 11 sheet.",
  key: ['adopter_id'],
  fields: [
    text('adopter_id', 'Individual adopter identifier', 'Pseudonymous identifier of the adopter.', {
      aliases: ['Adopter Identifier', 'Individual Adopter ID'],
    }),
    text('family_id', 'Family identifier', 'Groups adopters applying together.', { optional: true }),
    ...characteristics(),
    yesNo('has_disability', 'Disability', 'a) Yes when the adopter has a disability.', { optional: true }),
    yesNo(
      'is_fostering_for_adoption',
      'Is the (prospective) adopter fostering for adoption?',
      'a) Yes for a fostering-for-adoption carer.',
      { optional: true },
    ),
    enquiry,
    date('stage_1_start_date', 'Date Stage 1 started', 'Day stage 1 started.', { optional: true }),
    date('stage_1_end_date', 'Date Stage 1 ended', 'Day stage 1 ended.', { optional: true }),
    date('stage_2_start_date', 'Date Stage 2 started', 'Day stage 2 started.', { optional: true }),
    date('stage_2_end_date', 'Date Stage 2 ended', 'Day stage 2 ended.', { optional: true }),
    date('application_date', 'Date application submitted', 'Day the application was submitted.', { optional: true }),
    approved,
    date('matched_date', 'Date adopter matched with child(ren)', 'Day of matching.', { optional: true }),
    date('placed_date', 'Date child/children placed with adopter(s)', 'Day the child(ren) moved in.', {
      optional: true,
    }),
    integer('children_placed', 'No. of children placed', 'Children placed with the adopter.', {
      optional: true,
      aliases: ['Number of children placed'],
    }),
    date('adoption_order_date', 'Date of Adoption Order', 'Day the adoption order was made.', { optional: true }),
    date('left_process_date', 'Date of leaving adoption process', 'Day the adopter left the process.', {
      optional: true,
    }),
    code(
      'left_process_reason',
      'Reason for leaving adoption process',
      ADOPTER_LEFT_REASON,
      '1 withdrew, 2 on hold, 3 refused.',
      { optional: true },
    ),
  ],
  rowChecks: [notBefore(approved, enquiry)],
};
