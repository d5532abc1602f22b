// ssd_cla_previous_permanence: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { text } from '../../lib/fields.js';
import { ssdTable } from '../version.js';

export const ssdClaPreviousPermanenceContract: Contract = ssdTable({
  entity: 'cla_previous_permanence',
  title: 'Previous permanence (ssd_cla_previous_permanence)',
  description: 'One row per previous permanence order a looked-after child had (SSDA903 PrevPerm).',
  key: ['lapp_table_id'],
  fields: [
    text('lapp_table_id', 'lapp_table_id', 'LAPP001A: Previous Permanence ID. SSD type nvarchar.', { optional: true }),
    text('lapp_person_id', 'lapp_person_id', 'LAPP002A: Person Unique ID. SSD type nvarchar.'),
    text(
      'lapp_previous_permanence_order_date',
      'lapp_previous_permanence_order_date',
      'LAPP003A: Date of Previous Permanence Order. SSD type nvarchar.',
      { optional: true },
    ),
    text(
      'lapp_previous_permanence_option',
      'lapp_previous_permanence_option',
      'LAPP004A: Previous Permanence Option. SSD type nvarchar.',
      { optional: true },
    ),
    text(
      'lapp_previous_permanence_la',
      'lapp_previous_permanence_la',
      'LAPP005A: Previous Permanence Arranged LA. SSD type nvarchar.',
      { optional: true },
    ),
  ],
});
