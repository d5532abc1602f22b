// CIN census section 47 enquiries (<Section47> inside <CINdetails>).
import type { Contract } from '../../lib/contract.js';
import { returnTable } from '../../lib/return-fields.js';
import { date, notBefore, yesNo } from '../../lib/fields.js';
import { laChildId, referralDate } from '../shared-fields.js';

const start = date('start_date', 'S47ActualStartDate', 'Date the section 47 enquiry started.');
const icpc = date('icpc_date', 'DateOfInitialCPC', 'Date of the initial child protection conference, when held.');

export const cinS47Contract: Contract = returnTable({
  system: 'cin_census',
  entity: 's47_enquiries',
  title: 'CIN census section 47 enquiries',
  description:
    'One record per <Section47> element of the CIN census XML (stream `file.xml#s47_enquiries`), with its referral date.',
  key: ['child_id', 'start_date'],
  keyNote:
    'The census has no record ID: with the occurrence (the nth such record of the child that day in the file), numbered in staging.',
  fields: [
    laChildId(),
    referralDate(),
    start,
    date(
      'icpc_target',
      'InitialCPCtarget',
      'Date the initial conference was due (15 working days from the strategy discussion).',
    ),
    icpc,
    yesNo('icpc_not_required', 'ICPCnotRequired', 'true when the enquiry concluded no initial conference was needed.'),
  ],
  // ICPCnotRequired beside a DateOfInitialCPC is a DfE validation finding, not a refusal.
  rowChecks: [notBefore(icpc, start)],
});
