// Ofsted ILACS Annex A List 1: every contact received in the 12 months before the inspection (or the return's date).
import type { Contract } from '../../lib/contract.js';
import { code, date } from '../../lib/fields.js';
import { CONTACT_SOURCE } from '../codes.js';
import { childColumns } from '../shared-fields.js';

export const annexAList1Contract: Contract = {
  system: 'annex_a',
  entity: 'list_1_contacts',
  title: 'Annex A List 1 (contacts)',
  description:
    "One row per contact in the Ofsted Annex A workbook's List 1 sheet (any sheet name; titles above the header row are skipped). Annex A has no contact reference, receiving team, decision or outcome: staging derives a stable contact ID and leaves the rest empty.",
  key: ['child_id', 'contact_date'],
  keyNote: 'No contact reference: staging numbers the repeats of a child and day.',
  fields: [
    ...childColumns(),
    date('contact_date', 'Date of Contact', 'The day the contact was received.', {
      aliases: ['Contact Date', 'Date of the Contact'],
    }),
    code(
      'source_code',
      'Contact Source',
      CONTACT_SOURCE,
      'Who made the contact: a) 1A ... u) 10 as in the CIN census ReferralSource, with or without its letter and label.',
      { aliases: ['Source of Contact', 'Contact Source Code'] },
    ),
  ],
};
