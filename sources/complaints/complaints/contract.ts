// Complaints export from the complaints system (Respond / iCasework style report): one row per complaint per
// stage. An escalation to stage 2 or 3 is a new record naming the one it came from, as those systems log it.
// Spec for officers: SPEC.md beside this file.
import type { Contract, FieldSpec } from '../../lib/contract.js';
import { notBefore } from '../../lib/fields.js';
import { complaintOutcomes, complaintProcedures, complaintStages, WITHDRAWN } from '../codes.js';

const receivedDate: FieldSpec = {
  name: 'received_date',
  header: 'Date Received',
  aliases: ['Received Date', 'Date Complaint Received', 'Received On'],
  kind: 'date',
  required: true,
  description: 'When the complaint (or the request to escalate it) was received; the response clock starts here.',
};
const responseDate: FieldSpec = {
  name: 'response_date',
  header: 'Response Date',
  aliases: ['Date Responded', 'Date of Response', 'Responded On', 'Response Sent'],
  kind: 'date',
  required: false,
  description: 'When the response was sent; blank while open, or when withdrawn before a response.',
};

export const complaintsContract: Contract = {
  system: 'complaints',
  entity: 'complaints',
  title: 'Complaints',
  description:
    "Every complaint about children's services registered under the statutory (Children Act 1989), corporate or SEND procedure, at each stage it reached. Stage 2 and 3 records name the stage 1 or 2 complaint they escalated from.",
  key: ['complaint_reference'],
  fields: [
    {
      name: 'complaint_reference',
      header: 'Complaint Reference',
      aliases: ['Complaint Ref', 'Complaint No', 'Complaint Number', 'Complaint ID'],
      kind: 'text',
      required: true,
      description: 'Unique reference of the complaint record (one per stage) in the complaints system.',
    },
    receivedDate,
    {
      name: 'procedure_code',
      header: 'Complaint Procedure',
      aliases: ['Procedure', 'Complaint Type', 'Complaint Process'],
      kind: 'code',
      codes: complaintProcedures,
      required: true,
      description:
        'Procedure the complaint is handled under: statutory (Children Act 1989 representations), corporate or SEND.',
    },
    {
      name: 'stage_code',
      header: 'Stage',
      aliases: ['Complaint Stage', 'Current Stage', 'Stage Number'],
      kind: 'code',
      codes: complaintStages,
      required: true,
      description: 'Stage 1 local resolution, stage 2 investigation, stage 3 review panel.',
    },
    {
      name: 'escalated_from',
      header: 'Escalated From',
      aliases: ['Escalated From Reference', 'Previous Stage Reference', 'Linked Complaint Reference'],
      kind: 'text',
      required: false,
      description: 'For a stage 2 or 3 record: the Complaint Reference of the earlier stage it escalated from.',
    },
    {
      name: 'team',
      header: 'Team',
      aliases: ['Team Name', 'Responsible Team', 'Team Complained About'],
      kind: 'text',
      required: true,
      description: 'The team the complaint is about, as named in sql/seeds/teams.csv.',
    },
    {
      name: 'service_area',
      header: 'Service Area',
      aliases: ['Service', 'Service Area Complained About'],
      kind: 'text',
      required: false,
      description:
        'Service area as the complaints system records it (for reference; reports take the service area from the team).',
    },
    {
      name: 'outcome_code',
      header: 'Outcome',
      aliases: ['Complaint Outcome', 'Finding', 'Result'],
      kind: 'code',
      codes: complaintOutcomes,
      required: false,
      description: 'Upheld, partially upheld, not upheld or withdrawn; blank while the complaint is open.',
    },
    responseDate,
    {
      name: 'extension_agreed',
      header: 'Extension Agreed',
      aliases: ['Extension', 'Timescale Extended', 'Extended'],
      kind: 'boolean',
      required: false,
      description:
        'Y when the complainant agreed a longer timescale (statutory: 10 working days extended to 20). Blank counts as N.',
    },
    {
      name: 'complainant_is_young_person',
      header: 'Complainant Is Young Person',
      aliases: ['Young Person', 'Complainant Young Person', 'Made By Young Person', 'Child or Young Person'],
      kind: 'boolean',
      required: false,
      description:
        'Y when the complaint was made by a child or young person (rather than a parent, carer or other adult). Blank counts as N.',
    },
  ],
  rowChecks: [
    notBefore(responseDate, receivedDate),
    {
      field: 'outcome_code',
      rule: 'An Outcome needs a Response Date, unless the complaint was withdrawn.',
      test: (r) => r.outcome_code === null || r.outcome_code === WITHDRAWN || r.response_date !== null,
      message: () =>
        'Outcome is given but the Response Date is blank: record when the response was sent (only a withdrawn complaint may have none)',
      sql: (c) =>
        `(${c('outcome_code')} IS NULL OR ${c('outcome_code')} = '${WITHDRAWN.replace(/'/g, "''")}' OR ${c('response_date')} IS NOT NULL)`,
    },
  ],
};
