// Core group meetings held for child protection plans (first within 10 working days, then every 4 weeks).
import type { Contract } from '../../lib/contract.js';
import { date, text } from '../../lib/fields.js';

export const cpCoreGroupsContract: Contract = {
  system: 'case_management',
  entity: 'cp_core_groups',
  title: 'Child protection core groups',
  description: 'One row per core group meeting held for a child protection plan.',
  key: ['core_group_id'],
  fields: [
    text('core_group_id', 'Core Group ID', 'Unique reference of the meeting.', { aliases: ['Core Group Reference'] }),
    text('cp_plan_id', 'CP Plan ID', 'The plan the meeting belongs to.', {
      aliases: ['Child Protection Plan ID', 'Plan ID'],
    }),
    date('meeting_date', 'Core Group Date', 'Date the core group met.', {
      aliases: ['Core Group Meeting Date', 'Date of Core Group'],
    }),
  ],
};
