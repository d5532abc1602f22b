// ssd_cin_visits: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { datetime, text, yesNo } from '../../lib/fields.js';
import { ssdTable } from '../version.js';

export const ssdCinVisitsContract: Contract = ssdTable({
  entity: 'cin_visits',
  title: 'CIN visits (ssd_cin_visits)',
  description: 'One row per visit to a child on a child in need plan.',
  key: ['cinv_cin_visit_id'],
  fields: [
    text('cinv_cin_visit_id', 'cinv_cin_visit_id', 'CINV001A: CIN Visit ID. SSD type nvarchar.'),
    text('cinv_person_id', 'cinv_person_id', 'CINV007A: Person Unique ID. SSD type nvarchar.', { optional: true }),
    datetime('cinv_cin_visit_date', 'cinv_cin_visit_date', 'CINV003A: CIN Visit Date. SSD type datetime.', {
      optional: true,
    }),
    yesNo('cinv_cin_visit_seen', 'cinv_cin_visit_seen', 'CINV004A: Child Seen. SSD type nchar.', { optional: true }),
    yesNo('cinv_cin_visit_seen_alone', 'cinv_cin_visit_seen_alone', 'CINV005A: Child Seen Alone. SSD type nchar.', {
      optional: true,
    }),
    yesNo('cinv_cin_visit_bedroom', 'cinv_cin_visit_bedroom', 'CINV006A: Child Bedroom Seen. SSD type NCHAR.', {
      optional: true,
    }),
  ],
});
