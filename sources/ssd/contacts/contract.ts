// ssd_contacts: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { code, datetime, text } from '../../lib/fields.js';
import { CONTACT_SOURCE } from '../codes.js';
import { ssdTable } from '../version.js';

export const ssdContactsContract: Contract = ssdTable({
  entity: 'contacts',
  title: 'Contacts (ssd_contacts)',
  description:
    "One row per contact received by children's social care. The SSD records no receiving team, open-case flag or decision date, so the marts leave those not known for SSD contacts.",
  key: ['cont_contact_id'],
  fields: [
    text('cont_contact_id', 'cont_contact_id', 'CONT001A: Contact ID. SSD type nvarchar.'),
    text('cont_person_id', 'cont_person_id', 'CONT002A: Person Unique ID. SSD type nvarchar.'),
    datetime(
      'cont_contact_date',
      'cont_contact_date',
      'CONT003A: Date of Contact. Required here: the warehouse cannot count a row without it. SSD type datetime.',
    ),
    code(
      'cont_contact_source_code',
      'cont_contact_source_code',
      CONTACT_SOURCE,
      'CONT004A: Contact Source Code. SSD type nvarchar.',
      { optional: true },
    ),
    text(
      'cont_contact_source_desc',
      'cont_contact_source_desc',
      'CONT006A: Contact Source Description. SSD type nvarchar.',
      { optional: true },
    ),
    text('cont_contact_outcome_json', 'cont_contact_outcome_json', 'CONT005A: Contact Outcome. SSD type nvarchar.', {
      optional: true,
    }),
  ],
});
