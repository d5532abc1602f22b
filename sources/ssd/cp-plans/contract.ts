// ssd_cp_plans: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { datetime, text, yesNo } from '../../lib/fields.js';
import { ssdTable } from '../version.js';

export const ssdCpPlansContract: Contract = ssdTable({
  entity: 'cp_plans',
  title: 'Child protection plans (ssd_cp_plans)',
  description: 'One row per child protection plan.',
  key: ['cppl_cp_plan_id'],
  fields: [
    text('cppl_cp_plan_id', 'cppl_cp_plan_id', 'CPPL001A: CP Plan ID. SSD type nvarchar.'),
    text('cppl_referral_id', 'cppl_referral_id', 'CPPL007A: Referral ID. SSD type nvarchar.', { optional: true }),
    text('cppl_icpc_id', 'cppl_icpc_id', 'CPPL008A: Initial CP Conference ID. SSD type nvarchar.', { optional: true }),
    text('cppl_person_id', 'cppl_person_id', 'CPPL002A: Person Unique ID. SSD type nvarchar.'),
    datetime(
      'cppl_cp_plan_start_date',
      'cppl_cp_plan_start_date',
      'CPPL003A: CP Plan Start Date. Required here: the warehouse cannot count a row without it. SSD type datetime.',
    ),
    datetime('cppl_cp_plan_end_date', 'cppl_cp_plan_end_date', 'CPPL004A: CP Plan End Date. SSD type datetime.', {
      optional: true,
    }),
    text(
      'cppl_cp_plan_initial_category',
      'cppl_cp_plan_initial_category',
      'CPPL009A: CP Plan Initial Category of Abuse. SSD type nvarchar.',
      { optional: true },
    ),
    yesNo('cppl_cp_plan_ola', 'cppl_cp_plan_ola', 'CPPL011A: OLA CP Plan?. SSD type nchar.', { optional: true }),
    text(
      'cppl_cp_plan_latest_category',
      'cppl_cp_plan_latest_category',
      'CPPL010A: CP Plan Latest Category of Abuse. SSD type nvarchar.',
      { optional: true },
    ),
  ],
});
