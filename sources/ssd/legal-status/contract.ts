// ssd_legal_status: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { datetime, text } from '../../lib/fields.js';
import { ssdTable } from '../version.js';

export const ssdLegalStatusContract: Contract = ssdTable({
  entity: 'legal_status',
  title: 'Legal statuses (ssd_legal_status)',
  description:
    'One row per legal status a person held, with its dates (the SSDA903 legal status of each episode of care, and others the SSD adds).',
  key: ['lega_legal_status_id'],
  fields: [
    text('lega_legal_status_id', 'lega_legal_status_id', 'LEGA001A: Legal Status ID. SSD type nvarchar.'),
    text('lega_person_id', 'lega_person_id', 'LEGA002A: Person Unique ID. SSD type nvarchar.'),
    text('lega_legal_status', 'lega_legal_status', 'LEGA003A: Legal Status. SSD type nvarchar.', { optional: true }),
    datetime(
      'lega_legal_status_start_date',
      'lega_legal_status_start_date',
      'LEGA004A: Legal Status Start Date. Required here: the warehouse cannot count a row without it. SSD type datetime.',
    ),
    datetime(
      'lega_legal_status_end_date',
      'lega_legal_status_end_date',
      'LEGA005A: Legal Status End Date. SSD type datetime.',
      { optional: true },
    ),
  ],
});
