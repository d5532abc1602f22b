// CIN census referrals: one <CINdetails> episode per referral.
import type { Contract } from '../../lib/contract.js';
import { returnTable } from '../../lib/return-fields.js';
import { code, date, notBefore, yesNo } from '../../lib/fields.js';
import { PRIMARY_NEED, REASON_FOR_CLOSURE, REFERRAL_SOURCE } from '../codes.js';
import { laChildId, referralDate } from '../shared-fields.js';

const referral = referralDate();
const closure = date('closure_date', 'CINclosureDate', 'Date the episode of need closed; blank while open.');

export const cinReferralsContract: Contract = returnTable({
  system: 'cin_census',
  entity: 'referrals',
  title: 'CIN census referrals (CINdetails)',
  description:
    'One record per <CINdetails> element of the CIN census XML (stream `file.xml#referrals`). Headers are the XML element names; the census has no referral ID, so staging derives one from child, date and occurrence.',
  key: ['child_id', 'referral_date'],
  keyNote:
    'The census has no record ID: with the occurrence (the nth such record of the child that day in the file), numbered in staging.',
  fields: [
    laChildId(),
    referral,
    code('referral_source', 'ReferralSource', REFERRAL_SOURCE, 'Source of the referral (1A-8).'),
    code(
      'primary_need',
      'PrimaryNeedCode',
      PRIMARY_NEED,
      'Primary need at assessment: N0 not stated, N1-N8, N9 cases other than children in need; may be blank for an NFA referral.',
    ),
    closure,
    code('reason_for_closure', 'ReasonForClosure', REASON_FOR_CLOSURE, 'Reason the episode closed, RC1-RC9.'),
    yesNo('nfa', 'ReferralNFA', 'true (1) when the referral was closed with no further action.'),
  ],
  // A closure without its reason is a DfE validation finding (rule 8570 and the like), not a refusal.
  rowChecks: [notBefore(closure, referral)],
});
