// SSDA903 OC2: outcomes of children looked after for a year or more (health, offending, SDQ).
import type { Contract } from '../../lib/contract.js';
import { code, date, integer, text, yesNo } from '../../lib/fields.js';
import { SDQ_REASON } from '../codes.js';

const flag = (name: string, header: string, description: string) => yesNo(name, header, description, { optional: true });

export const ssda903Oc2Contract: Contract = {
  system: 'ssda903',
  entity: 'oc2',
  title: 'SSDA903 OC2 (outcomes)',
  description: 'One row per child looked after continuously for 12 months at 31 March. Headers are the DfE field names; 1/0 flags.',
  key: 'child_id',
  fields: [
    text('child_id', 'CHILD', "The council's pseudonymous child identifier."),
    date('date_of_birth', 'DOB', 'Date of birth (dd/mm/yyyy).'),
    integer('sdq_score', 'SDQ_SCORE', 'Strengths and difficulties questionnaire total (0-40).', { optional: true }),
    code('sdq_reason', 'SDQ_REASON', SDQ_REASON, 'Why no SDQ score is given (SDQ1-SDQ5).', { optional: true }),
    flag('convicted', 'CONVICTED', '1 when convicted or subject to a youth caution in the year.'),
    flag('health_check', 'HEALTH_CHECK', '1 when health checks were up to date.'),
    flag('immunisations', 'IMMUNISATIONS', '1 when immunisations were up to date.'),
    flag('teeth_check', 'TEETH_CHECK', '1 when teeth were checked by a dentist in the year.'),
    flag('health_assessment', 'HEALTH_ASSESSMENT', '1 when the annual health assessment was up to date.'),
    flag('substance_misuse', 'SUBSTANCE_MISUSE', '1 when identified as having a substance misuse problem.'),
    flag('intervention_received', 'INTERVENTION_RECEIVED', '1 when an intervention for substance misuse was received.'),
    flag('intervention_offered', 'INTERVENTION_OFFERED', '1 when an intervention was offered but refused.'),
  ],
  rowChecks: [
    {
      field: 'sdq_score',
      rule: 'SDQ_SCORE is 0 to 40, and either it or SDQ_REASON is given, not both.',
      test: (r) => (r.sdq_score === null || (Number(r.sdq_score) >= 0 && Number(r.sdq_score) <= 40)) && !(r.sdq_score !== null && r.sdq_reason !== null),
      message: (r) => (r.sdq_score !== null && r.sdq_reason !== null ? `SDQ_SCORE ${r.sdq_score} and SDQ_REASON ${r.sdq_reason} are both given: keep one` : `SDQ_SCORE ${r.sdq_score} is outside 0-40`),
    },
  ],
};
