// Contacts export from the case-management system (Liquidlogic / Mosaic style report): one row per contact.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { seedCodes } from '../../lib/seed-codes.js';

export const contactSources = seedCodes('contact_sources', 'source_code', 'source_label');
export const contactOutcomes = seedCodes('contact_outcomes', 'outcome_code', 'outcome_label');

export const contactsContract: Contract = {
  system: 'case_management',
  entity: 'contacts',
  title: 'Contacts',
  description: 'Every contact (enquiry about a child) recorded at the front door or by a case-holding team.',
  key: 'contact_id',
  fields: [
    { name: 'contact_id', header: 'Contact ID', aliases: ['ContactID', 'Contact Reference', 'Contact Ref'], kind: 'text', required: true, description: 'Unique reference of the contact in the case-management system.' },
    { name: 'child_id', header: 'Child ID', aliases: ['Person ID', 'Child Unique ID', 'Client ID'], kind: 'text', required: true, description: 'Pseudonymous identifier of the child (no names).' },
    { name: 'contact_at', header: 'Contact Date', aliases: ['Contact Date/Time', 'Date of Contact', 'Contact Date Time', 'Contact Start'], kind: 'datetime', required: true, description: 'When the contact was received.' },
    { name: 'source_code', header: 'Contact Source', aliases: ['Source', 'Source of Contact', 'Referral Source'], kind: 'code', codes: contactSources, required: true, description: 'Who made the contact, coded as in the CIN census / Annex A (1A ... 10), with or without its label.' },
    { name: 'receiving_team', header: 'Receiving Team', aliases: ['Team', 'Received By', 'Receiving Service'], kind: 'text', required: true, description: 'Team that received the contact (EDT out of hours, MASH, or the team holding an open case).' },
    { name: 'open_case', header: 'Open Case', aliases: ['Open Case?', 'Existing Open Case', 'Open to CSC'], kind: 'boolean', required: true, description: 'Y when the child had an open social-care case when the contact arrived.' },
    { name: 'domestic_abuse_notification', header: 'Domestic Abuse Notification', aliases: ['DA Notification', 'DV Notification'], kind: 'boolean', required: false, description: 'Y for a police domestic-abuse notification.' },
    { name: 'decision_at', header: 'Decision Date', aliases: ['Decision Date/Time', 'Date of Decision', 'Contact Decision Date', 'Contact End'], kind: 'datetime', required: false, description: 'When the next-step decision was made; blank while undecided.' },
    { name: 'outcome_code', header: 'Contact Outcome', aliases: ['Outcome', 'Next Step', 'Contact Decision'], kind: 'code', codes: contactOutcomes, required: false, description: 'Decision: REF referral to social care, EH early help, ADV advice and information, NFA no further action.' },
  ],
  rowChecks: [
    {
      field: 'decision_at',
      rule: 'Decision Date, when given, is on or after the Contact Date.',
      test: (r) => r.decision_at === null || String(r.decision_at) >= String(r.contact_at).slice(0, 10),
      message: (r) => `Decision Date ${String(r.decision_at).slice(0, 10)} is before the Contact Date ${String(r.contact_at).slice(0, 10)}`,
    },
    {
      field: 'outcome_code',
      rule: 'A Contact Outcome needs a Decision Date.',
      test: (r) => r.outcome_code === null || r.decision_at !== null,
      message: () => 'Contact Outcome is given but the Decision Date is blank: record when the decision was made',
    },
  ],
};
