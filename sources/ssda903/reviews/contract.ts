// SSDA903 Reviews: statutory reviews of children looked after.
import type { Contract } from '../../lib/contract.js';
import { returnTable } from '../../lib/return-fields.js';
import { code, date, text } from '../../lib/fields.js';
import { REVIEW_CODE } from '../codes.js';

export const ssda903ReviewsContract: Contract = returnTable({
  system: 'ssda903',
  entity: 'reviews',
  title: 'SSDA903 Reviews',
  description: 'One row per statutory CLA review in the SSDA903 return. Headers are the DfE field names.',
  key: ['child_id', 'review_date'],
  fields: [
    text('child_id', 'CHILD', "The council's pseudonymous child identifier."),
    date('date_of_birth', 'DOB', 'Date of birth (dd/mm/yyyy).'),
    date('review_date', 'REVIEW', 'Date of the review.'),
    code('participation', 'REVIEW_CODE', REVIEW_CODE, 'How the child took part (PN0-PN7).'),
  ],
  exactHeaders: true,
});
