// ssd_cla_reviews: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { datetime, text, yesNo } from '../../lib/fields.js';
import { ssdTable } from '../version.js';

export const ssdClaReviewsContract: Contract = ssdTable({
  entity: 'cla_reviews',
  title: 'CLA reviews (ssd_cla_reviews)',
  description: 'One row per looked-after child review (due and held).',
  key: ['clar_cla_review_id'],
  fields: [
    text('clar_cla_review_id', 'clar_cla_review_id', 'CLAR001A: Review ID. SSD type nvarchar.'),
    text('clar_cla_id', 'clar_cla_id', 'CLAR011A: CLA ID. SSD type nvarchar.', { optional: true }),
    datetime(
      'clar_cla_review_due_date',
      'clar_cla_review_due_date',
      'CLAR003A: CLA Review Due Date. SSD type datetime.',
      { optional: true },
    ),
    datetime('clar_cla_review_date', 'clar_cla_review_date', 'CLAR004A: CLA Review Date. SSD type datetime.', {
      optional: true,
    }),
    yesNo(
      'clar_cla_review_cancelled',
      'clar_cla_review_cancelled',
      'CLAR012A: Clar_cla_review_cancelled. SSD type nchar.',
      { optional: true },
    ),
    text(
      'clar_cla_review_participation',
      'clar_cla_review_participation',
      'CLAR007A: Participation code. SSD type nvarchar.',
      { optional: true },
    ),
    text('clar_cla_person_id', 'clar_cla_person_id', 'Person Unique ID (Mosaic deployments only).', { optional: true }),
  ],
});
