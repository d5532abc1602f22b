// Child protection plans: start, end and category of abuse.
import type { Contract } from '../../lib/contract.js';
import { code, date, notBefore, text } from '../../lib/fields.js';
import { CP_ABUSE_CATEGORY } from '../codes.js';
import { childId } from '../shared-fields.js';

const start = date('start_date', 'CP Plan Start Date', 'Date the plan started (the initial conference).', {
  aliases: ['Child Protection Plan Start Date', 'Plan Start Date'],
});
const end = date('end_date', 'CP Plan End Date', 'Date the plan ended; blank while open.', {
  optional: true,
  aliases: ['Child Protection Plan End Date', 'Plan End Date'],
});

export const cpPlansContract: Contract = {
  system: 'case_management',
  entity: 'cp_plans',
  title: 'Child protection plans',
  description: 'One row per child protection plan.',
  key: ['cp_plan_id'],
  fields: [
    text('cp_plan_id', 'CP Plan ID', 'Unique reference of the plan.', {
      aliases: ['Child Protection Plan ID', 'Plan ID'],
    }),
    childId(),
    start,
    end,
    code('category_of_abuse', 'Category of Abuse', CP_ABUSE_CATEGORY, 'Initial category: NEG, PHY, SAB, EMO or MUL.', {
      aliases: ['Initial Category of Abuse', 'Category'],
    }),
    text('s47_id', 'S47 ID', 'The enquiry that led to the plan, when recorded.', { optional: true }),
  ],
  rowChecks: [notBefore(end, start)],
};
