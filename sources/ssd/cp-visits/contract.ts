// ssd_cp_visits: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { datetime, text, yesNo } from '../../lib/fields.js';
import { ssdTable } from '../version.js';

export const ssdCpVisitsContract: Contract = ssdTable({
  entity: 'cp_visits',
  title: 'Child protection visits (ssd_cp_visits)',
  description: 'One row per statutory visit to a child on a child protection plan.',
  key: ['cppv_cp_visit_id'],
  fields: [
    text('cppv_cp_visit_id', 'cppv_cp_visit_id', 'CPPV007A: Casenote ID (Visit record). SSD type nvarchar.', {
      optional: true,
    }),
    text('cppv_person_id', 'cppv_person_id', 'CPPV008A: Person Unique ID. SSD type nvarchar.', { optional: true }),
    text('cppv_cp_plan_id', 'cppv_cp_plan_id', 'CPPV001A: CP Plan ID. SSD type nvarchar.'),
    datetime('cppv_cp_visit_date', 'cppv_cp_visit_date', 'CPPV003A: Date of Visit. SSD type datetime.', {
      optional: true,
    }),
    yesNo('cppv_cp_visit_seen', 'cppv_cp_visit_seen', 'CPPV004A: Child Seen. SSD type nchar.', { optional: true }),
    yesNo('cppv_cp_visit_seen_alone', 'cppv_cp_visit_seen_alone', 'CPPV005A: Child Seen Alone. SSD type nchar.', {
      optional: true,
    }),
    yesNo('cppv_cp_visit_bedroom', 'cppv_cp_visit_bedroom', 'CPPV006A: Child Bedroom Seen. SSD type nchar.', {
      optional: true,
    }),
  ],
});
