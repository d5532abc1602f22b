// ssd_cin_episodes: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { code, datetime, text, yesNo } from '../../lib/fields.js';
import { CATEGORY_OF_NEED, CONTACT_SOURCE, REASON_FOR_CLOSURE } from '../codes.js';
import { ssdTable } from '../version.js';

export const ssdCinEpisodesContract: Contract = ssdTable({
  entity: 'cin_episodes',
  title: 'CIN episodes / referrals (ssd_cin_episodes)',
  description: 'One row per referral (CIN episode): date, source, primary need, outcome and closure.',
  key: ['cine_referral_id'],
  fields: [
    text('cine_referral_id', 'cine_referral_id', 'CINE001A: CIN Referral ID. SSD type nvarchar.'),
    text('cine_person_id', 'cine_person_id', 'CINE002A: Person Unique ID. SSD type nvarchar.'),
    datetime(
      'cine_referral_date',
      'cine_referral_date',
      'CINE003A: CIN Referral Date. Required here: the warehouse cannot count a row without it. SSD type datetime.',
    ),
    code(
      'cine_cin_primary_need_code',
      'cine_cin_primary_need_code',
      CATEGORY_OF_NEED,
      'CINE010A: CIN Primary Need Code. SSD type nvarchar.',
      { optional: true },
    ),
    code(
      'cine_referral_source_code',
      'cine_referral_source_code',
      CONTACT_SOURCE,
      'CINE004A: CIN Referral Source code. SSD type nvarchar.',
      { optional: true },
    ),
    text(
      'cine_referral_source_desc',
      'cine_referral_source_desc',
      'CINE012A: CIN Referral Source description. SSD type nvarchar.',
      { optional: true },
    ),
    text(
      'cine_referral_outcome_json',
      'cine_referral_outcome_json',
      'CINE005A: CIN Referral Outcome. SSD type nvarchar.',
      { optional: true },
    ),
    yesNo('cine_referral_nfa', 'cine_referral_nfa', 'CINE011A: CIN Referral NFA Flag. SSD type nchar.', {
      optional: true,
    }),
    code(
      'cine_close_reason',
      'cine_close_reason',
      REASON_FOR_CLOSURE,
      'CINE006A: CIN Closure Reason. SSD type nvarchar.',
      { optional: true },
    ),
    datetime('cine_close_date', 'cine_close_date', 'CINE007A: CIN Closure Date. SSD type datetime.', {
      optional: true,
    }),
    text('cine_referral_team', 'cine_referral_team', 'CINE008A: CIN Referral Completed by Team. SSD type nvarchar.', {
      optional: true,
    }),
    text(
      'cine_referral_worker_id',
      'cine_referral_worker_id',
      'CINE009A: CIN Referral Completed by Worker Name. SSD type nvarchar.',
      { optional: true },
    ),
  ],
});
