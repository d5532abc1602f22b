// CIN census child protection plans (<ChildProtectionPlans> inside <CINdetails>).
import type { Contract } from '../../lib/contract.js';
import { returnTable } from '../../lib/return-fields.js';
import { code, date, integer, notBefore } from '../../lib/fields.js';
import { CATEGORY_OF_ABUSE } from '../codes.js';
import { laChildId, referralDate } from '../shared-fields.js';

const start = date('start_date', 'CPPstartDate', 'Date the child protection plan started.');
const end = date('end_date', 'CPPendDate', 'Date the plan ended; blank while it continues.');

export const cinCpPlansContract: Contract = returnTable({
  system: 'cin_census',
  entity: 'cp_plans',
  title: 'CIN census child protection plans',
  description:
    'One record per <ChildProtectionPlans> element of the CIN census XML (stream `file.xml#cp_plans`); child and start date identify a plan.',
  key: ['child_id', 'start_date'],
  fields: [
    laChildId(),
    referralDate(),
    start,
    end,
    code(
      'initial_category',
      'InitialCategoryOfAbuse',
      CATEGORY_OF_ABUSE,
      'Category of abuse at the start of the plan (NEG, PHY, SAB, EMO, MUL).',
    ),
    code('latest_category', 'LatestCategoryOfAbuse', CATEGORY_OF_ABUSE, 'Latest category of abuse.'),
    integer('previous_plans', 'NumberOfPreviousCPP', 'Number of previous child protection plans the child has had.'),
  ],
  rowChecks: [notBefore(end, start)],
});
