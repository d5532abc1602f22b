// CIN census referrals: one <CINdetails> episode per referral.
import type { Contract } from '../../lib/contract.js';
import { code, date, notBefore, yesNo } from '../../lib/fields.js';
import { PRIMARY_NEED, REASON_FOR_CLOSURE, REFERRAL_SOURCE } from '../codes.js';
import { laChildId, referralDate } from '../shared-fields.js';

const referral = referralDate();
const closure = date('closure_date', 'CINclosureDate', 'Date the episode of need closed; blank while open.', { optional: true });

export const cinReferralsContract: Contract = {
  system: 'cin_census',
  entity: 'referrals',
  title: 'CIN census referrals (CINdetails)',
  description: 'One record per <CINdetails> element of the CIN census XML (stream `file.xml#referrals`). Headers are the XML element names; the census has no referral ID, so staging derives one from child, date and occurrence.',
  key: 'child_id + referral_date + occurrence',
  fields: [
    laChildId(),
    referral,
    code('referral_source', 'ReferralSource', REFERRAL_SOURCE, 'Source of the referral (1A-8).'),
    code('primary_need', 'PrimaryNeedCode', PRIMARY_NEED, 'Primary need at assessment N1-N8; may be blank for an NFA referral.', { optional: true }),
    closure,
    code('reason_for_closure', 'ReasonForClosure', REASON_FOR_CLOSURE, 'Reason the episode closed, RC1-RC9.', { optional: true }),
    yesNo('nfa', 'ReferralNFA', 'true (1) when the referral was closed with no further action.'),
  ],
  rowChecks: [
    notBefore(closure, referral),
    {
      field: 'reason_for_closure',
      rule: 'A CINclosureDate needs a ReasonForClosure.',
      test: (r) => r.closure_date === null || r.reason_for_closure !== null,
      message: () => 'CINclosureDate is given but ReasonForClosure is blank: record why the episode closed',
    },
  ],
};
