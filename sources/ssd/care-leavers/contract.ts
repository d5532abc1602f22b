// ssd_care_leavers: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { code, datetime, text } from '../../lib/fields.js';
import { ACCOMMODATION, ACTIVITY, IN_TOUCH, SSD_ACCOM_SUITABLE } from '../codes.js';
import { ssdTable } from '../version.js';

export const ssdCareLeaversContract: Contract = ssdTable({
  entity: 'care_leavers',
  title: 'Care leavers (ssd_care_leavers)',
  description:
    'One row per care leaver: eligibility, in-touch, activity and accommodation at the latest contact, pathway plan review and personal adviser.',
  key: ['clea_table_id'],
  fields: [
    text('clea_table_id', 'clea_table_id', 'CLEA001A: Care Leaver Table ID. SSD type nvarchar.'),
    text('clea_person_id', 'clea_person_id', 'CLEA002A: Person Unique ID. SSD type nvarchar.'),
    text(
      'clea_care_leaver_eligibility',
      'clea_care_leaver_eligibility',
      'CLEA003A: Eligibility Status/ Category. SSD type nvarchar.',
      { optional: true },
    ),
    code(
      'clea_care_leaver_in_touch',
      'clea_care_leaver_in_touch',
      IN_TOUCH,
      'CLEA004A: In Touch Category. SSD type nvarchar.',
      { optional: true },
    ),
    datetime(
      'clea_care_leaver_latest_contact',
      'clea_care_leaver_latest_contact',
      'CLEA005A: Latest Date of Contact. SSD type datetime.',
      { optional: true },
    ),
    code(
      'clea_care_leaver_accommodation',
      'clea_care_leaver_accommodation',
      ACCOMMODATION,
      'CLEA006A: Accommodation. SSD type nvarchar.',
      { optional: true },
    ),
    code(
      'clea_care_leaver_accom_suitable',
      'clea_care_leaver_accom_suitable',
      SSD_ACCOM_SUITABLE,
      'CLEA007A: Suitability of Accommodation. SSD type nvarchar.',
      { optional: true },
    ),
    code(
      'clea_care_leaver_activity',
      'clea_care_leaver_activity',
      ACTIVITY,
      'CLEA008A: Activity Status. SSD type nvarchar.',
      { optional: true },
    ),
    datetime(
      'clea_pathway_plan_review_date',
      'clea_pathway_plan_review_date',
      'CLEA009A: Latest Pathway Plan Review Date. SSD type datetime.',
      { optional: true },
    ),
    text(
      'clea_care_leaver_personal_advisor',
      'clea_care_leaver_personal_advisor',
      'CLEA010A: Allocated Personal Advisor. SSD type nvarchar.',
      { optional: true },
    ),
    text(
      'clea_care_leaver_allocated_team',
      'clea_care_leaver_allocated_team',
      'CLEA011A: Allocated Team. SSD type nvarchar.',
      { optional: true },
    ),
    text(
      'clea_care_leaver_worker_id',
      'clea_care_leaver_worker_id',
      'CLEA012A: Allocated Worker ID. SSD type nvarchar.',
      { optional: true },
    ),
  ],
});
