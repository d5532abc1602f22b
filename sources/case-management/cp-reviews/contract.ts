// Child protection review conferences (first within 3 months of the initial conference, then every 6 months).
import type { Contract } from '../../lib/contract.js';
import { date, text } from '../../lib/fields.js';

export const cpReviewsContract: Contract = {
  system: 'case_management',
  entity: 'cp_reviews',
  title: 'Child protection reviews',
  description: 'One row per review child protection conference.',
  key: ['cp_review_id'],
  fields: [
    text('cp_review_id', 'CP Review ID', 'Unique reference of the review conference.', {
      aliases: ['Review Conference ID'],
    }),
    text('cp_plan_id', 'CP Plan ID', 'The plan reviewed.', { aliases: ['Child Protection Plan ID', 'Plan ID'] }),
    date('review_date', 'CP Review Date', 'Date of the review conference.', {
      aliases: ['Review Conference Date', 'Date of CP Review'],
    }),
  ],
};
