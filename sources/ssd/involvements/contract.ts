// ssd_involvements: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { datetime, text } from '../../lib/fields.js';
import { ssdTable } from '../version.js';

export const ssdInvolvementsContract: Contract = ssdTable({
  entity: 'involvements',
  title: 'Involvements (ssd_involvements)',
  description: 'One row per period a worker was involved with a person (the case allocation history).',
  key: ['invo_involvements_id'],
  fields: [
    text(
      'invo_involvements_id',
      'invo_involvements_id',
      'INVO005A: Involvements table row ID. Required here: the warehouse cannot count a row without it. SSD type nvarchar.',
    ),
    text(
      'invo_professional_id',
      'invo_professional_id',
      'INVO006A: Worker ID. Required here: the warehouse cannot count a row without it. SSD type nvarchar.',
    ),
    text(
      'invo_professional_role_id',
      'invo_professional_role_id',
      'INVO007A: Worker role e.g. Allocated Case Worker. SSD type nvarchar.',
      { optional: true },
    ),
    text('invo_professional_team', 'invo_professional_team', 'INVO009A: Worker Team. SSD type nvarchar.', {
      optional: true,
    }),
    datetime(
      'invo_involvement_start_date',
      'invo_involvement_start_date',
      'INVO002A: Social worker episode start date. Required here: the warehouse cannot count a row without it. SSD type datetime.',
    ),
    datetime(
      'invo_involvement_end_date',
      'invo_involvement_end_date',
      'INVO003A: Social worker episode end date. SSD type datetime.',
      { optional: true },
    ),
    text(
      'invo_worker_change_reason',
      'invo_worker_change_reason',
      'INVO004A: Reason for worker change. SSD type nvarchar.',
      { optional: true },
    ),
    text(
      'invo_person_id',
      'invo_person_id',
      'INVO011A: Person Unique ID. Required here: the warehouse cannot count a row without it. SSD type nvarchar.',
    ),
    text('invo_referral_id', 'invo_referral_id', 'INVO010A: Referral ID. SSD type nvarchar.', { optional: true }),
  ],
});
