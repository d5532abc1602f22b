// Contacts export from the case-management system (Liquidlogic / Mosaic style report): one row per contact.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { code, datetime, needs, notBefore, text, yesNo } from '../../lib/fields.js';
import { seedCodes } from '../../lib/seed-codes.js';

export const contactSources = seedCodes('contact_sources', 'source_code', 'source_label');
export const contactOutcomes = seedCodes('contact_outcomes', 'outcome_code', 'outcome_label');

const contactAt = datetime('contact_at', 'Contact Date', 'When the contact was received.', {
  aliases: ['Contact Date/Time', 'Date of Contact', 'Contact Date Time', 'Contact Start'],
});
const decisionAt = datetime(
  'decision_at',
  'Decision Date',
  'When the next-step decision was made; blank while undecided.',
  { optional: true, aliases: ['Decision Date/Time', 'Date of Decision', 'Contact Decision Date', 'Contact End'] },
);
const outcome = code(
  'outcome_code',
  'Contact Outcome',
  contactOutcomes,
  'Decision: REF referral to social care, EH early help, ADV advice and information, NFA no further action.',
  { optional: true, aliases: ['Outcome', 'Next Step', 'Contact Decision'] },
);

export const contactsContract: Contract = {
  system: 'case_management',
  entity: 'contacts',
  title: 'Contacts',
  description: 'Every contact (enquiry about a child) recorded at the front door or by a case-holding team.',
  key: ['contact_id'],
  fields: [
    text('contact_id', 'Contact ID', 'Unique reference of the contact in the case-management system.', {
      aliases: ['ContactID', 'Contact Reference', 'Contact Ref'],
    }),
    text('child_id', 'Child ID', 'Pseudonymous identifier of the child (no names).', {
      aliases: ['Person ID', 'Child Unique ID', 'Client ID'],
    }),
    contactAt,
    code(
      'source_code',
      'Contact Source',
      contactSources,
      'Who made the contact, coded as in the CIN census / Annex A (1A ... 10), with or without its label.',
      { aliases: ['Source', 'Source of Contact', 'Referral Source'] },
    ),
    text(
      'receiving_team',
      'Receiving Team',
      'Team that received the contact (EDT out of hours, MASH, or the team holding an open case).',
      { aliases: ['Team', 'Received By', 'Receiving Service'] },
    ),
    yesNo('open_case', 'Open Case', 'Y when the child had an open social-care case when the contact arrived.', {
      aliases: ['Open Case?', 'Existing Open Case', 'Open to CSC'],
    }),
    yesNo('domestic_abuse_notification', 'Domestic Abuse Notification', 'Y for a police domestic-abuse notification.', {
      optional: true,
      aliases: ['DA Notification', 'DV Notification'],
    }),
    decisionAt,
    outcome,
  ],
  rowChecks: [notBefore(decisionAt, contactAt), needs(outcome, decisionAt)],
};
