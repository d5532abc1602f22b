// Section 47 (child protection) enquiries and whether they led to an initial child protection conference.
import type { Contract } from '../../lib/contract.js';
import { date, notBefore, text, yesNo } from '../../lib/fields.js';
import { childId } from '../shared-fields.js';

const start = date('start_date', 'S47 Start Date', 'Date the section 47 enquiry started (strategy discussion).', {
  aliases: ['Section 47 Start Date', 'S47 Date'],
});
const icpc = date('icpc_date', 'ICPC Date', 'Date of the initial child protection conference, when one was held.', {
  optional: true,
  aliases: ['Initial Child Protection Conference Date', 'Date of ICPC'],
});

export const s47EnquiriesContract: Contract = {
  system: 'case_management',
  entity: 's47_enquiries',
  title: 'Section 47 enquiries',
  description: 'One row per section 47 enquiry.',
  key: ['s47_id'],
  fields: [
    text('s47_id', 'S47 ID', 'Unique reference of the enquiry.', { aliases: ['Section 47 ID', 'S47 Reference'] }),
    childId(),
    text('referral_id', 'Referral ID', 'The referral the enquiry belongs to.', { optional: true }),
    start,
    yesNo('icpc_required', 'ICPC Required', 'Y when the enquiry concluded an initial conference was needed.', {
      aliases: ['Conference Required'],
    }),
    icpc,
  ],
  rowChecks: [notBefore(icpc, start)],
};
