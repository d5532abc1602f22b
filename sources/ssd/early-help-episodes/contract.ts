// ssd_early_help_episodes: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { datetime, text } from '../../lib/fields.js';
import { ssdTable } from '../version.js';

export const ssdEarlyHelpEpisodesContract: Contract = ssdTable({
  entity: 'early_help_episodes',
  title: 'Early help episodes (ssd_early_help_episodes)',
  description: 'One row per early help episode.',
  key: ['earl_episode_id'],
  fields: [
    text('earl_episode_id', 'earl_episode_id', 'EARL001A: EH Episode ID. SSD type nvarchar.'),
    text('earl_person_id', 'earl_person_id', 'EARL002A: Person Unique ID. SSD type nvarchar.'),
    datetime(
      'earl_episode_start_date',
      'earl_episode_start_date',
      'EARL003A: EH Episode Start Date. SSD type datetime.',
      { optional: true },
    ),
    datetime('earl_episode_end_date', 'earl_episode_end_date', 'EARL004A: EH Episode End Date. SSD type datetime.', {
      optional: true,
    }),
    text(
      'earl_episode_reason',
      'earl_episode_reason',
      'EARL005A: EH Episode Reason for Involvement. SSD type nvarchar.',
      { optional: true },
    ),
    text('earl_episode_end_reason', 'earl_episode_end_reason', 'EARL006A: EH Episode End Reason. SSD type nvarchar.', {
      optional: true,
    }),
    text(
      'earl_episode_organisation',
      'earl_episode_organisation',
      'EARL007A: EH Episode Allocated Organisation. SSD type nvarchar.',
      { optional: true },
    ),
    text(
      'earl_episode_worker_id',
      'earl_episode_worker_id',
      'EARL008A: EH Episode Allocated Worker. SSD type nvarchar.',
      { optional: true },
    ),
  ],
});
