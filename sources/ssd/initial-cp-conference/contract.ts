// ssd_initial_cp_conference: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { datetime, text, yesNo } from '../../lib/fields.js';
import { ssdTable } from '../version.js';

export const ssdInitialCpConferenceContract: Contract = ssdTable({
  entity: 'initial_cp_conference',
  title: 'Initial child protection conferences (ssd_initial_cp_conference)',
  description:
    'One row per initial child protection conference, with the S47 enquiry it followed and the plan it started.',
  key: ['icpc_icpc_id'],
  fields: [
    text('icpc_icpc_id', 'icpc_icpc_id', 'ICPC001A: Initial CP Conference ID. SSD type nvarchar.', { optional: true }),
    text(
      'icpc_icpc_meeting_id',
      'icpc_icpc_meeting_id',
      'ICPC009A: Initial CP Conference Meeting ID. SSD type nvarchar.',
      { optional: true },
    ),
    text('icpc_s47_enquiry_id', 'icpc_s47_enquiry_id', 'ICPC002A: S47 Enquiry ID. SSD type nvarchar.', {
      optional: true,
    }),
    text('icpc_person_id', 'icpc_person_id', 'ICPC010A: Person Unique ID. SSD type nvarchar.'),
    text(
      'icpc_cp_plan_id',
      'icpc_cp_plan_id',
      'ICPC011A: CP Plan ID. The SSD marks it required, but a conference that decides on no plan has none, so a blank is accepted here. SSD type nvarchar.',
      { optional: true },
    ),
    text('icpc_referral_id', 'icpc_referral_id', 'ICPC012A: Referral ID. SSD type nvarchar.', { optional: true }),
    yesNo(
      'icpc_icpc_transfer_in',
      'icpc_icpc_transfer_in',
      'ICPC003A: Is this a transferred in ICPC?. SSD type nchar.',
      { optional: true },
    ),
    datetime('icpc_icpc_target_date', 'icpc_icpc_target_date', 'ICPC004A: Target ICPC date. SSD type datetime.', {
      optional: true,
    }),
    datetime('icpc_icpc_date', 'icpc_icpc_date', 'ICPC005A: Date of Initial CP Conference. SSD type datetime.', {
      optional: true,
    }),
    yesNo('icpc_icpc_outcome_cp_flag', 'icpc_icpc_outcome_cp_flag', 'ICPC013A: ICPC Outcome CP Flag. SSD type nchar.', {
      optional: true,
    }),
    text(
      'icpc_icpc_outcome_json',
      'icpc_icpc_outcome_json',
      'ICPC006A: Outcome of Initial CP Conference. SSD type nvarchar.',
      { optional: true },
    ),
    text('icpc_icpc_team', 'icpc_icpc_team', 'ICPC007A: ICPC Completed by Team. SSD type nvarchar.', {
      optional: true,
    }),
    text('icpc_icpc_worker_id', 'icpc_icpc_worker_id', 'ICPC008A: ICPC Completed by Worker. SSD type nvarchar.', {
      optional: true,
    }),
  ],
});
