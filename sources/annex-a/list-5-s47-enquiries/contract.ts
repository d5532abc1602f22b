// Ofsted ILACS Annex A List 5: section 47 enquiries and initial child protection conferences.
import type { Contract } from '../../lib/contract.js';
import { date, integer, notBefore, yesNo } from '../../lib/fields.js';
import { allocation, childColumns, disability } from '../shared-fields.js';

const start = date(
  's47_start_date',
  'Strategy discussion initiating Section 47 Enquiry Start Date',
  'Day of the strategy discussion that started the enquiry.',
  {
    aliases: ['Section 47 Enquiry Start Date', 'S47 Start Date'],
  },
);
const icpc = date(
  'icpc_date',
  'Date of Initial Child Protection Conference',
  'Day of the ICPC; blank when none was held.',
  { optional: true, aliases: ['ICPC Date'] },
);

export const annexAList5Contract: Contract = {
  system: 'annex_a',
  entity: 'list_5_s47_enquiries',
  title: 'Annex A List 5 (section 47 enquiries and ICPCs)',
  description: "One row per section 47 enquiry in the Annex A workbook's List 5 sheet.",
  key: ['child_id', 's47_start_date'],
  fields: [
    ...childColumns(),
    disability(),
    start,
    yesNo(
      'icpc_not_needed',
      'Was an Initial Child Protection Conference deemed unnecessary?',
      'a) Yes when the enquiry ended without a conference.',
      { optional: true },
    ),
    icpc,
    yesNo(
      'icpc_led_to_plan',
      'Did the Initial Child Protection Conference Result in a Child Protection Plan',
      'a) Yes when the ICPC made a plan.',
      { optional: true, aliases: ['Did the Initial Child Protection Conference Result in a Child Protection Plan?'] },
    ),
    integer(
      's47s_last_12_months',
      'Number of Section 47 Enquiries in the last 12 months',
      'Enquiries about the child in the 12 months.',
      { optional: true },
    ),
    integer(
      'icpcs_last_12_months',
      'Number of ICPCs in the last 12 months',
      'Conferences about the child in the 12 months.',
      { optional: true },
    ),
    ...allocation(),
  ],
  rowChecks: [notBefore(icpc, start)],
};
