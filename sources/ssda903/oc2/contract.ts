// SSDA903 OC2: outcomes of children looked after for a year or more (health, offending, SDQ).
import type { Contract } from '../../lib/contract.js';
import { returnTable } from '../../lib/return-fields.js';
import { code, date, integer, text, yesNo } from '../../lib/fields.js';
import { SDQ_REASON } from '../codes.js';

const flag = (name: string, header: string, description: string) => yesNo(name, header, description);

export const ssda903Oc2Contract: Contract = returnTable({
  system: 'ssda903',
  entity: 'oc2',
  title: 'SSDA903 OC2 (outcomes)',
  description:
    'One row per child looked after continuously for 12 months at 31 March. Headers are the DfE field names; 1/0 flags.',
  key: ['child_id'],
  fields: [
    text('child_id', 'CHILD', "The council's pseudonymous child identifier."),
    date('date_of_birth', 'DOB', 'Date of birth (dd/mm/yyyy).'),
    integer('sdq_score', 'SDQ_SCORE', 'Strengths and difficulties questionnaire total (0-40).'),
    code('sdq_reason', 'SDQ_REASON', SDQ_REASON, 'Why no SDQ score is given (SDQ1-SDQ5).'),
    flag('convicted', 'CONVICTED', '1 when convicted or subject to a youth caution in the year.'),
    flag('health_check', 'HEALTH_CHECK', '1 when health checks were up to date.'),
    flag('immunisations', 'IMMUNISATIONS', '1 when immunisations were up to date.'),
    flag('teeth_check', 'TEETH_CHECK', '1 when teeth were checked by a dentist in the year.'),
    flag('health_assessment', 'HEALTH_ASSESSMENT', '1 when the annual health assessment was up to date.'),
    flag('substance_misuse', 'SUBSTANCE_MISUSE', '1 when identified as having a substance misuse problem.'),
    flag('intervention_received', 'INTERVENTION_RECEIVED', '1 when an intervention for substance misuse was received.'),
    flag('intervention_offered', 'INTERVENTION_OFFERED', '1 when an intervention was offered but refused.'),
  ],
  // SDQ_SCORE beside SDQ_REASON, or outside 0-40, is a DfE validation finding: the row lands.
  exactHeaders: true,
});
