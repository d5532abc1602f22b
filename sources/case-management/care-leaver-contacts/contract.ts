// Care leaver contacts: each time the service is in touch with a care leaver (IN_TOUCH / ACTIV / ACCOM as in SSDA903 OC3).
import type { Contract } from '../../lib/contract.js';
import { code, date, text, yesNo } from '../../lib/fields.js';
import { ACCOMMODATION, ACTIVITY, IN_TOUCH } from '../codes.js';
import { childId } from '../shared-fields.js';

export const careLeaverContactsContract: Contract = {
  system: 'case_management',
  entity: 'care_leaver_contacts',
  title: 'Care leaver contacts',
  description: 'One row per recorded contact with a care leaver: in touch, main activity and accommodation.',
  key: ['care_leaver_contact_id'],
  fields: [
    text('care_leaver_contact_id', 'Care Leaver Contact ID', 'Unique reference of the contact record.', {
      aliases: ['CL Contact ID'],
    }),
    childId(),
    date('contact_date', 'Care Leaver Contact Date', 'Date of the contact.', {
      aliases: ['Date of Contact with Care Leaver', 'CL Contact Date'],
    }),
    code('in_touch', 'In Touch', IN_TOUCH, 'SSDA903 IN_TOUCH: YES, NO, DIED, REFU, NREQ, RHOM.', {
      aliases: ['IN_TOUCH', 'LA in Touch'],
    }),
    code('activity', 'Main Activity', ACTIVITY, 'SSDA903 ACTIV: F1/P1 ... F5/P5 EET, G4-G6 NEET, 0 not applicable.', {
      optional: true,
      aliases: ['ACTIV', 'Activity Status'],
    }),
    code('accommodation', 'Accommodation', ACCOMMODATION, 'SSDA903 ACCOM type B ... Z.', {
      optional: true,
      aliases: ['ACCOM', 'Type of Accommodation'],
    }),
    yesNo('accommodation_suitable', 'Accommodation Suitable', 'Y when the accommodation is judged suitable.', {
      optional: true,
      aliases: ['Suitability of Accommodation', 'Suitable'],
    }),
  ],
  rowChecks: [
    {
      field: 'activity',
      rule: 'Main Activity is 0 exactly when In Touch is DIED or RHOM.',
      test: (r) => r.activity === null || (r.activity === '0') === (r.in_touch === 'DIED' || r.in_touch === 'RHOM'),
      message: (r) =>
        r.activity === '0'
          ? `Main Activity is 0 but In Touch is ${r.in_touch}: give the activity`
          : `In Touch is ${r.in_touch} so Main Activity should be 0, not ${r.activity}`,
      sql: (c) =>
        `(${c('activity')} IS NULL OR ((${c('activity')} = '0') = coalesce(${c('in_touch')} IN ('DIED', 'RHOM'), false)))`,
    },
  ],
};
