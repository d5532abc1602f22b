// Permanence plans recorded for children in care (due by the second CLA review).
import type { Contract } from '../../lib/contract.js';
import { code, date, text } from '../../lib/fields.js';
import { PERMANENCE_PLAN } from '../codes.js';
import { childId } from '../shared-fields.js';

export const permanencePlansContract: Contract = {
  system: 'case_management',
  entity: 'permanence_plans',
  title: 'Permanence plans',
  description: 'One row per permanence plan recorded (a child may have several over time).',
  key: ['permanence_plan_id'],
  fields: [
    text('permanence_plan_id', 'Permanence Plan ID', 'Unique reference of the plan record.', {
      aliases: ['Plan Reference'],
    }),
    childId(),
    code(
      'plan_type',
      'Permanence Plan',
      PERMANENCE_PLAN,
      'Plan type: ADOP, SGO, CAO, LTFC, RTF, RES, INDL, OTH, NYI (or its label).',
      { aliases: ['Permanence Plan Type', 'What is the permanence plan for this child?'] },
    ),
    date('recorded_date', 'Date Plan Recorded', 'Date the plan was recorded (agreed at a review or panel).', {
      aliases: ['Permanence Plan Date', 'Date Recorded'],
    }),
  ],
};
