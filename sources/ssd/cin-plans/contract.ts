// ssd_cin_plans: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { datetime, text } from '../../lib/fields.js';
import { ssdTable } from '../version.js';

export const ssdCinPlansContract: Contract = ssdTable({
  entity: 'cin_plans',
  title: 'CIN plans (ssd_cin_plans)',
  description: 'One row per child in need plan.',
  key: ['cinp_cin_plan_id'],
  fields: [
    text('cinp_cin_plan_id', 'cinp_cin_plan_id', 'CINP001A: CIN Plan ID. SSD type nvarchar.'),
    text('cinp_referral_id', 'cinp_referral_id', 'CINP007A: Referral ID. SSD type nvarchar.', { optional: true }),
    text('cinp_person_id', 'cinp_person_id', 'CINP002A: Person Unique ID. SSD type nvarchar.'),
    datetime(
      'cinp_cin_plan_start_date',
      'cinp_cin_plan_start_date',
      'CINP003A: CIN Plan Start Date. SSD type datetime.',
      { optional: true },
    ),
    datetime('cinp_cin_plan_end_date', 'cinp_cin_plan_end_date', 'CINP004A: CIN Plan End Date. SSD type datetime.', {
      optional: true,
    }),
    text('cinp_cin_plan_team', 'cinp_cin_plan_team', 'CINP005A: CIN Plan Allocated Team. SSD type nvarchar.', {
      optional: true,
    }),
    text('cinp_cin_plan_worker_id', 'cinp_cin_plan_worker_id', 'CINP006A: CIN Plan Worker Name. SSD type nvarchar.', {
      optional: true,
    }),
  ],
});
