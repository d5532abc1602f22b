// Ofsted ILACS Annex A List 3: referrals to children's social care in the 12 months before the return.
import type { Contract } from '../../lib/contract.js';
import { code, date, integer, yesNo } from '../../lib/fields.js';
import { CONTACT_SOURCE } from '../codes.js';
import { allocation, childColumns } from '../shared-fields.js';

export const annexAList3Contract: Contract = {
  system: 'annex_a',
  entity: 'list_3_referrals',
  title: 'Annex A List 3 (referrals)',
  description: "One row per referral in the Annex A workbook's List 3 sheet.",
  key: ['child_id', 'referral_date'],
  fields: [
    ...childColumns(),
    date('referral_date', 'Date of referral', 'Day the referral was accepted.', { aliases: ['Referral Date'] }),
    code('source_code', 'Referral Source', CONTACT_SOURCE, 'Who referred: a) 1A ... u) 10 as in the CIN census.', {
      aliases: ['Source of Referral'],
    }),
    yesNo('is_nfa', 'Referral NFA?', 'a) Yes when the referral ended in no further action.', {
      optional: true,
      aliases: ['Referral NFA', 'Referral No Further Action?'],
    }),
    integer(
      'referrals_last_12_months',
      'Number of Referrals in Last 12 Months',
      'Referrals of the child in the 12 months before this one.',
      { optional: true },
    ),
    ...allocation(),
  ],
};
