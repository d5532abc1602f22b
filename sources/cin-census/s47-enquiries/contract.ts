// CIN census section 47 enquiries (<Section47> inside <CINdetails>).
import type { Contract } from '../../lib/contract.js';
import { date, notBefore, yesNo } from '../../lib/fields.js';
import { laChildId, referralDate } from '../shared-fields.js';

const start = date('start_date', 'S47ActualStartDate', 'Date the section 47 enquiry started.');
const icpc = date('icpc_date', 'DateOfInitialCPC', 'Date of the initial child protection conference, when held.', { optional: true });

export const cinS47Contract: Contract = {
  system: 'cin_census',
  entity: 's47_enquiries',
  title: 'CIN census section 47 enquiries',
  description: 'One record per <Section47> element of the CIN census XML (stream `file.xml#s47_enquiries`), with its referral date.',
  key: 'child_id + start_date + occurrence',
  fields: [
    laChildId(),
    referralDate(),
    start,
    date('icpc_target', 'InitialCPCtarget', 'Date the initial conference was due (15 working days from the strategy discussion).', { optional: true }),
    icpc,
    yesNo('icpc_not_required', 'ICPCnotRequired', 'true when the enquiry concluded no initial conference was needed.', { optional: true }),
  ],
  rowChecks: [
    notBefore(icpc, start),
    {
      field: 'icpc_not_required',
      rule: 'ICPCnotRequired is not true when a DateOfInitialCPC is given.',
      test: (r) => !(r.icpc_not_required === true && r.icpc_date !== null),
      message: () => 'ICPCnotRequired is true but a DateOfInitialCPC is given: one of them is wrong',
    },
  ],
};
