// ssd_missing: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { code, datetime, text, yesNo } from '../../lib/fields.js';
import { MISSING_TYPE } from '../codes.js';
import { ssdTable } from '../version.js';

export const ssdMissingContract: Contract = ssdTable({
  entity: 'missing',
  title: 'Missing episodes (ssd_missing)',
  description: 'One row per episode missing or away from placement without authorisation.',
  key: ['miss_table_id'],
  fields: [
    text('miss_table_id', 'miss_table_id', 'MISS001A: Missing Episode Table ID. SSD type nvarchar.'),
    text(
      'miss_person_id',
      'miss_person_id',
      'MISS002A: Person Unique ID. Required here: the warehouse cannot count a row without it. SSD type nvarchar.',
    ),
    datetime(
      'miss_missing_episode_start_date',
      'miss_missing_episode_start_date',
      'MISS003A: Missing Episode Start. Required here: the warehouse cannot count a row without it. SSD type datetime.',
    ),
    code(
      'miss_missing_episode_type',
      'miss_missing_episode_type',
      MISSING_TYPE,
      'MISS004A: Episode Type (Missing/ Absent). SSD type nvarchar.',
      { optional: true },
    ),
    datetime(
      'miss_missing_episode_end_date',
      'miss_missing_episode_end_date',
      'MISS005A: Missing Episode End. SSD type datetime.',
      { optional: true },
    ),
    yesNo('miss_missing_rhi_offered', 'miss_missing_rhi_offered', 'MISS006A: RHI Offered. SSD type nvarchar.', {
      optional: true,
    }),
    yesNo('miss_missing_rhi_accepted', 'miss_missing_rhi_accepted', 'MISS007A: RHI Accepted. SSD type nvarchar.', {
      optional: true,
    }),
  ],
});
