// ssd_cp_reviews: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { datetime, text, yesNo } from '../../lib/fields.js';
import { ssdTable } from '../version.js';

export const ssdCpReviewsContract: Contract = ssdTable({
  entity: 'cp_reviews',
  title: 'Child protection reviews (ssd_cp_reviews)',
  description: 'One row per child protection review conference (due and held).',
  key: ['cppr_cp_review_id'],
  fields: [
    text('cppr_cp_review_id', 'cppr_cp_review_id', 'CPPR001A: Review ID. SSD type nvarchar.'),
    text('cppr_person_id', 'cppr_person_id', 'CPPR008A: Person Unique ID. SSD type nvarchar.', { optional: true }),
    text('cppr_cp_plan_id', 'cppr_cp_plan_id', 'CPPR002A: CP Plan ID. SSD type nvarchar.', { optional: true }),
    datetime('cppr_cp_review_due', 'cppr_cp_review_due', 'CPPR003A: Review Due Date. SSD type datetime.', {
      optional: true,
    }),
    datetime('cppr_cp_review_date', 'cppr_cp_review_date', 'CPPR004A: Date of Review. SSD type datetime.', {
      optional: true,
    }),
    text(
      'cppr_cp_review_meeting_id',
      'cppr_cp_review_meeting_id',
      'CPPR009A: CP Review Meeting ID. SSD type nvarchar.',
      { optional: true },
    ),
    yesNo(
      'cppr_cp_review_outcome_continue_cp',
      'cppr_cp_review_outcome_continue_cp',
      'CPPR005A: CP Plan to Continue?. SSD type nchar.',
      { optional: true },
    ),
    yesNo('cppr_cp_review_quorate', 'cppr_cp_review_quorate', 'CPPR006A: Quorate?. SSD type nchar.', {
      optional: true,
    }),
    yesNo(
      'cppr_cp_review_participation',
      'cppr_cp_review_participation',
      'CPPR007A: Child Participation at Review. SSD type nchar.',
      { optional: true },
    ),
  ],
});
