// ssd_cla_placement: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { code, datetime, decimal, text } from '../../lib/fields.js';
import { PLACEMENT_TYPE } from '../codes.js';
import { ssdTable } from '../version.js';

export const ssdClaPlacementContract: Contract = ssdTable({
  entity: 'cla_placement',
  title: 'CLA placements (ssd_cla_placement)',
  description: 'One row per placement of a looked-after child.',
  key: ['clap_cla_placement_id'],
  fields: [
    text('clap_cla_placement_id', 'clap_cla_placement_id', 'CLAP001A: Placement ID. SSD type nvarchar.'),
    datetime(
      'clap_cla_placement_start_date',
      'clap_cla_placement_start_date',
      'CLAP003A: Placement Start Date. Required here: the warehouse cannot count a row without it. SSD type datetime.',
    ),
    code(
      'clap_cla_placement_type',
      'clap_cla_placement_type',
      PLACEMENT_TYPE,
      'CLAP004A: Placement Type. SSD type nvarchar.',
      { optional: true },
    ),
    text('clap_cla_placement_urn', 'clap_cla_placement_urn', 'CLAP005A: URN of Placement. SSD type nvarchar.', {
      optional: true,
    }),
    decimal(
      'clap_cla_placement_distance',
      'clap_cla_placement_distance',
      'CLAP011A: Distance of Placement from Home. SSD type float.',
      { optional: true },
    ),
    text('clap_cla_id', 'clap_cla_id', 'CLAP012A: CLA ID. SSD type nvarchar.', { optional: true }),
    text(
      'clap_cla_placement_provider',
      'clap_cla_placement_provider',
      'CLAP007A: Placement Provider. SSD type nvarchar.',
      { optional: true },
    ),
    text(
      'clap_cla_placement_postcode',
      'clap_cla_placement_postcode',
      'CLAP008A: Placement Postcode. SSD type nvarchar.',
      { optional: true },
    ),
    datetime(
      'clap_cla_placement_end_date',
      'clap_cla_placement_end_date',
      'CLAP009A: Placement End Date. SSD type datetime.',
      { optional: true },
    ),
    text(
      'clap_cla_placement_change_reason',
      'clap_cla_placement_change_reason',
      'CLAP010A: Reason for Placement Change. SSD type nvarchar.',
      { optional: true },
    ),
    text('clap_person_id', 'clap_person_id', 'CLAP013A: Person Unique ID. SSD type nvarchar.', { optional: true }),
  ],
});
