// ssd_cla_episodes: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { code, datetime, text } from '../../lib/fields.js';
import { CATEGORY_OF_NEED, REASON_EPISODE_CEASED, REASON_NEW_EPISODE } from '../codes.js';
import { ssdTable } from '../version.js';

export const ssdClaEpisodesContract: Contract = ssdTable({
  entity: 'cla_episodes',
  title: 'CLA episodes (ssd_cla_episodes)',
  description:
    'One row per episode of care (the SSDA903 episode), linked to its placement; its legal status is in ssd_legal_status.',
  key: ['clae_cla_episode_id'],
  fields: [
    text('clae_cla_episode_id', 'clae_cla_episode_id', 'CLAE001A: Episode ID. SSD type nvarchar.'),
    text('clae_person_id', 'clae_person_id', 'CLAE002A: Person Unique ID. SSD type nvarchar.'),
    datetime(
      'clae_cla_episode_start_date',
      'clae_cla_episode_start_date',
      'CLAE003A: Date Episode Commenced. Required here: the warehouse cannot count a row without it. SSD type datetime.',
    ),
    code(
      'clae_cla_episode_start_reason',
      'clae_cla_episode_start_reason',
      REASON_NEW_EPISODE,
      'CLAE004A: Reason for New CLA Episode. SSD type nvarchar.',
      { optional: true },
    ),
    code(
      'clae_cla_primary_need_code',
      'clae_cla_primary_need_code',
      CATEGORY_OF_NEED,
      'CLAE009A: CIN Primary Need Code. SSD type nvarchar.',
      { optional: true },
    ),
    datetime(
      'clae_cla_episode_ceased_date',
      'clae_cla_episode_ceased_date',
      'CLAE005A: Date Episode Ceased. SSD type datetime.',
      { optional: true },
    ),
    code(
      'clae_cla_episode_ceased_reason',
      'clae_cla_episode_ceased_reason',
      REASON_EPISODE_CEASED,
      'CLAE006A: Reason Episode Ceased. SSD type nvarchar.',
      { optional: true },
    ),
    text('clae_cla_id', 'clae_cla_id', 'CLAE010A: CLA ID. SSD type nvarchar.', { optional: true }),
    text('clae_referral_id', 'clae_referral_id', 'CLAE011A: Referral ID. SSD type nvarchar.', { optional: true }),
    text(
      'clae_cla_placement_id',
      'clae_cla_placement_id',
      'CLAE013A: Fk reference from cla_placements. SSD type nvarchar.',
      { optional: true },
    ),
    datetime(
      'clae_entered_care_date',
      'clae_entered_care_date',
      'CLAE014A: Date the child entered Care. SSD type datetime.',
      { optional: true },
    ),
    datetime(
      'clae_cla_last_iro_contact_date',
      'clae_cla_last_iro_contact_date',
      'CLAE012A: Date of Last IRO Visit / Contact to the Child. SSD type datetime.',
      { optional: true },
    ),
  ],
});
