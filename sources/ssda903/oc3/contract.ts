// SSDA903 OC3: care leavers' circumstances around their 17th to 21st birthdays (in touch, activity, accommodation).
import type { Contract } from '../../lib/contract.js';
import { returnTable } from '../../lib/return-fields.js';
import { code, date, text } from '../../lib/fields.js';
import { ACCOM_903, ACTIVITY, IN_TOUCH } from '../codes.js';

export const ssda903Oc3Contract: Contract = returnTable({
  system: 'ssda903',
  entity: 'oc3',
  title: 'SSDA903 OC3 (care leavers)',
  description: 'One row per care leaver in the OC3 table of the SSDA903 return. Headers are the DfE field names.',
  key: ['child_id'],
  fields: [
    text('child_id', 'CHILD', "The council's pseudonymous child identifier."),
    date('date_of_birth', 'DOB', 'Date of birth (dd/mm/yyyy).'),
    code('in_touch', 'IN_TOUCH', IN_TOUCH, 'YES, NO, DIED, REFU, NREQ or RHOM.'),
    code(
      'activity',
      'ACTIV',
      ACTIVITY,
      'Main activity: F1-F5/P1-P5 EET (F3/P3 legacy), G4-G6 NEET, 0 when died or returned home.',
    ),
    code(
      'accommodation',
      'ACCOM',
      ACCOM_903,
      'Accommodation type and suitability (e.g. U1 independent living, suitable), 0 when died or returned home.',
    ),
  ],
  // How ACTIV and ACCOM go with IN_TOUCH (0 when died or returned home, ...) is the DfE's validation, reported
  // as findings: the row lands whatever they say.
  exactHeaders: true,
});
