// Ofsted ILACS Annex A List 8: children looked after at any time in the 12 months before the return.
import type { Contract } from '../../lib/contract.js';
import { code, date, integer, notBefore, text, yesNo } from '../../lib/fields.js';
import {
  CATEGORY_OF_NEED,
  LEGAL_STATUS,
  PERMANENCE_PLAN,
  PLACE_PROVIDER,
  PLACEMENT_LOCATION,
  PLACEMENT_TYPE,
  REASON_CEASED,
  YES_NO_UNKNOWN,
} from '../codes.js';
import { allocation, childColumns, disability } from '../shared-fields.js';

const started = date(
  'started_looked_after_date',
  'Date Started to be Looked After',
  'Day the current period of care began.',
  { aliases: ['Date Started to be Looked After (Current Period)'] },
);
const ceased = date(
  'ceased_looked_after_date',
  'Date Ceased to be Looked After',
  'Day it ended; blank while in care.',
  { optional: true },
);

export const annexAList8Contract: Contract = {
  system: 'annex_a',
  entity: 'list_8_children_in_care',
  title: 'Annex A List 8 (children in care)',
  description: "One row per child looked after in the Annex A workbook's List 8 sheet.",
  key: ['child_id', 'started_looked_after_date'],
  fields: [
    ...childColumns(),
    yesNo(
      'is_uasc',
      'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)',
      'UASC at any time in the 12 months.',
      { optional: true, aliases: ['UASC'] },
    ),
    disability(),
    started,
    code('category_of_need', "Child's Category of Need", CATEGORY_OF_NEED, 'N1 ... N8.', {
      optional: true,
      aliases: ['Category of Need'],
    }),
    yesNo(
      'is_subsequent_period',
      'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)',
      'A second or later period of care in the 12 months.',
      { optional: true },
    ),
    date('legal_status_start_date', 'Start date of current legal status', 'Day the current legal status began.', {
      optional: true,
    }),
    code('legal_status', "Child's Legal Status", LEGAL_STATUS, 'C1, C2, E1, V2 ... with or without its label.', {
      optional: true,
      aliases: ['Legal Status'],
    }),
    date('latest_review_date', 'Date of Latest Statutory Review', 'Day of the latest looked-after review.', {
      optional: true,
    }),
    date('last_visit_date', 'Date of Last Social Work Visit', 'Day of the latest social-work visit.', {
      optional: true,
    }),
    code(
      'permanence_plan',
      'What is the permanence plan for this child?',
      PERMANENCE_PLAN,
      'a) Return to family ... g) Other.',
      { optional: true, aliases: ['Permanence Plan'] },
    ),
    date(
      'last_iro_contact_date',
      'Date of Last IRO Visit / Contact to the Child',
      'Day the IRO last saw or contacted the child.',
      { optional: true },
    ),
    date('last_health_assessment_date', 'Date of Last Health Assessment', 'Day of the latest health assessment.', {
      optional: true,
    }),
    date('last_dental_check_date', 'Date of Last Dental Check', 'Day of the latest dental check.', { optional: true }),
    integer('placements_last_12_months', 'Number of Placements in the Last 12 months', 'Placements in the 12 months.', {
      optional: true,
    }),
    ceased,
    code('reason_ceased', 'Reason Ceased to be Looked After', REASON_CEASED, 'E11 ... E8 (the SSDA903 REC codes).', {
      optional: true,
    }),
    date('placement_start_date', 'Start Date of Most Recent Placement', 'Day the latest placement began.', {
      optional: true,
    }),
    code('placement_type', 'Placement Type', PLACEMENT_TYPE, 'U1 ... Z1 (the SSDA903 PLACE codes).', {
      optional: true,
    }),
    code('placement_provider', 'Placement Provider', PLACE_PROVIDER, 'PR0 ... PR5.', { optional: true }),
    text('placement_postcode', 'Placement postcode', 'Postcode of the placement (not copied beyond raw).', {
      optional: true,
    }),
    text('placement_urn', 'URN of Placement', 'Ofsted URN of the placement.', { optional: true }),
    code('placement_location', 'Placement Location', PLACEMENT_LOCATION, "a) In or b) Out of the council's area.", {
      optional: true,
    }),
    text('placement_la', 'LA of Placement', 'Council (or NIR, WAL, SCO, NUK, CON) where the child is placed.', {
      optional: true,
    }),
    integer(
      'missing_episodes_last_12_months',
      "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
      'Missing episodes in the 12 months.',
      { optional: true },
    ),
    integer(
      'absent_episodes_last_12_months',
      "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
      'Absences in the 12 months.',
      { optional: true },
    ),
    code(
      'return_interview_offered',
      'Was the child offered a Return Interview after their last missing episode (Y/N)?',
      YES_NO_UNKNOWN,
      'a) Yes, b) No, c) Unknown.',
      { optional: true },
    ),
    code(
      'return_interview_accepted',
      'Did the child accept a Return Interview after their last missing episode (Y/N)?',
      YES_NO_UNKNOWN,
      'a) Yes, b) No, c) Unknown.',
      { optional: true },
    ),
    ...allocation(),
  ],
  rowChecks: [notBefore(ceased, started)],
};
