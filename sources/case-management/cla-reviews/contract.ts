// Statutory reviews of children looked after (first within 20 working days, second within 3 months, then 6-monthly).
import type { Contract } from '../../lib/contract.js';
import { date, text } from '../../lib/fields.js';
import { childId } from '../shared-fields.js';

export const claReviewsContract: Contract = {
  system: 'case_management',
  entity: 'cla_reviews',
  title: 'Children looked after: reviews',
  description: 'One row per statutory review of a child looked after.',
  key: ['cla_review_id'],
  fields: [
    text('cla_review_id', 'CLA Review ID', 'Unique reference of the review.', {
      aliases: ['LAC Review ID', 'Review ID'],
    }),
    childId(),
    date('review_date', 'CLA Review Date', 'Date the review was held.', {
      aliases: ['LAC Review Date', 'Date of Statutory Review', 'REVIEW'],
    }),
  ],
};
