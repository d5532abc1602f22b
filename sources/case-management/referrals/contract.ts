// Referrals: contacts accepted for a social-care assessment.
import type { Contract } from '../../lib/contract.js';
import { code, date, text, yesNo } from '../../lib/fields.js';
import { contactSources } from '../contacts/contract.js';
import { CATEGORY_OF_NEED } from '../codes.js';
import { childId } from '../shared-fields.js';

export const referralsContract: Contract = {
  system: 'case_management',
  entity: 'referrals',
  title: 'Referrals',
  description: "One row per referral to children's social care (a contact accepted for assessment).",
  key: ['referral_id'],
  fields: [
    text('referral_id', 'Referral ID', 'Unique reference of the referral.', {
      aliases: ['Referral Reference', 'Referral Ref'],
    }),
    childId(),
    date('referral_date', 'Referral Date', 'Date the referral was accepted.', { aliases: ['Date of Referral'] }),
    code('source_code', 'Referral Source', contactSources, 'Who referred, CIN census code (1A ... 10).', {
      aliases: ['Source of Referral'],
    }),
    text('contact_id', 'Originating Contact ID', 'The contact the referral came from, when recorded.', {
      optional: true,
      aliases: ['Contact ID', 'From Contact'],
    }),
    code('primary_need', 'Primary Need', CATEGORY_OF_NEED, 'Category of need (N1 ... N9).', {
      optional: true,
      aliases: ['Primary Need Code', 'Category of Need'],
    }),
    yesNo('nfa', 'Referral NFA', 'Y when the referral was closed with no further action.', {
      optional: true,
      aliases: ['No Further Action'],
    }),
  ],
};
