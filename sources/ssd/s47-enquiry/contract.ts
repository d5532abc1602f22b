// ssd_s47_enquiry: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { datetime, text, yesNo } from '../../lib/fields.js';
import { ssdTable } from '../version.js';

export const ssdS47EnquiryContract: Contract = ssdTable({
  entity: 's47_enquiry',
  title: 'Section 47 enquiries (ssd_s47_enquiry)',
  description: 'One row per section 47 enquiry.',
  key: ['s47e_s47_enquiry_id'],
  fields: [
    text('s47e_s47_enquiry_id', 's47e_s47_enquiry_id', 'S47E001A: S47 Enquiry ID. SSD type nvarchar.'),
    text('s47e_referral_id', 's47e_referral_id', 'S47E010A: Referral ID. SSD type nvarchar.', { optional: true }),
    text('s47e_person_id', 's47e_person_id', 'S47E002A: Person Unique ID. SSD type nvarchar.'),
    datetime(
      's47e_s47_start_date',
      's47e_s47_start_date',
      'S47E004A: S47 Start Date. Required here: the warehouse cannot count a row without it. SSD type datetime.',
    ),
    datetime('s47e_s47_end_date', 's47e_s47_end_date', 'S47E005A: S47 End Date. SSD type datetime.', {
      optional: true,
    }),
    yesNo('s47e_s47_nfa', 's47e_s47_nfa', 'S47E006A: S47 NFA. SSD type nchar.', { optional: true }),
    text('s47e_s47_outcome_json', 's47e_s47_outcome_json', 'S47E007A: S47 Outcome. SSD type nvarchar.', {
      optional: true,
    }),
    text(
      's47e_s47_completed_by_worker_id',
      's47e_s47_completed_by_worker_id',
      'S47E008A: S47 Enquiries completed by worker. SSD type nvarchar.',
      { optional: true },
    ),
    text(
      's47e_s47_completed_by_team',
      's47e_s47_completed_by_team',
      'S47E009A: S47 Enquiries completed by team. SSD type nvarchar.',
      { optional: true },
    ),
  ],
});
