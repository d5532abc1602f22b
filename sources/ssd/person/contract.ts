// ssd_person: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { code, datetime, text, yesNo } from '../../lib/fields.js';
import { ETHNICITY, SSD_SEX } from '../codes.js';
import { ssdTable } from '../version.js';

export const ssdPersonContract: Contract = ssdTable({
  entity: 'person',
  title: 'People (ssd_person)',
  description:
    'One row per person (child or young person) in the SSD cohort: identifiers and characteristics. The SSD carries names (pers_forename, pers_surname); they are never read, so no name reaches the warehouse.',
  key: ['pers_person_id'],
  fields: [
    text('pers_person_id', 'pers_person_id', 'PERS001A: Person Unique ID. SSD type nvarchar.'),
    code('pers_sex', 'pers_sex', SSD_SEX, 'PERS002A: Sex. SSD type nvarchar.', { optional: true }),
    text('pers_gender', 'pers_gender', 'PERS003A: Gender. SSD type nvarchar.', { optional: true }),
    code('pers_ethnicity', 'pers_ethnicity', ETHNICITY, 'PERS004A: Ethnicity. SSD type nvarchar.', { optional: true }),
    datetime('pers_dob', 'pers_dob', 'PERS005A: Date of Birth. SSD type datetime.', { optional: true }),
    text(
      'pers_legacy_id',
      'pers_legacy_id',
      'PERS014A: Person System ID (Placeholder or needed by some CMS). SSD type nvarchar.',
      { optional: true },
    ),
    text('pers_upn_unknown', 'pers_upn_unknown', 'PERS007A: UPN Unknown. SSD type nvarchar.', { optional: true }),
    yesNo('pers_send_flag', 'pers_send_flag', 'PERS008A: SEND Flag. SSD type nchar.', { optional: true }),
    datetime('pers_expected_dob', 'pers_expected_dob', 'PERS009A: Expected Birth Date. SSD type datetime.', {
      optional: true,
    }),
    datetime('pers_death_date', 'pers_death_date', 'PERS010A: Date of Death. SSD type datetime.', { optional: true }),
    yesNo('pers_is_mother', 'pers_is_mother', 'PERS011A: Mother. SSD type nchar.', { optional: true }),
    text('pers_nationality', 'pers_nationality', 'PERS012A: Country of Origin (UASC). SSD type nvarchar.', {
      optional: true,
    }),
    text(
      'pers_upn',
      'pers_upn',
      'Unique Pupil Number (in the SystemC, Mosaic and Eclipse DDL though not in the object yml).',
      { optional: true },
    ),
    text(
      'pers_common_child_id',
      'pers_common_child_id',
      'PERS013A: Common Child Identifier (NHS Number); the SystemC, Mosaic and Eclipse 1.4 DDL name it pers_single_unique_id. SSD type nvarchar.',
      { optional: true, aliases: ['pers_single_unique_id'] },
    ),
  ],
});
