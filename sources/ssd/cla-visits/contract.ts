// ssd_cla_visits: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { datetime, text, yesNo } from '../../lib/fields.js';
import { ssdTable } from '../version.js';

export const ssdClaVisitsContract: Contract = ssdTable({
  entity: 'cla_visits',
  title: 'CLA visits (ssd_cla_visits)',
  description: 'One row per statutory visit to a looked-after child.',
  key: ['clav_cla_visit_id'],
  fields: [
    text('clav_cla_visit_id', 'clav_cla_visit_id', 'CLAV001A: Visit ID. SSD type nvarchar.', { optional: true }),
    text('clav_cla_id', 'clav_cla_id', 'CLAV007A: Clav_cla_id. SSD type nvarchar.', { optional: true }),
    text('clav_person_id', 'clav_person_id', 'CLAV008A: Person ID. SSD type nvarchar.', { optional: true }),
    datetime('clav_cla_visit_date', 'clav_cla_visit_date', 'CLAV003A: Date of Visit. SSD type datetime.', {
      optional: true,
    }),
    yesNo('clav_cla_visit_seen', 'clav_cla_visit_seen', 'CLAV004A: Child Seen. SSD type nchar.', { optional: true }),
    yesNo('clav_cla_visit_seen_alone', 'clav_cla_visit_seen_alone', 'CLAV005A: Child Seen Alone. SSD type nchar.', {
      optional: true,
    }),
  ],
});
