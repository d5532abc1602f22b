// Ombudsman cases export from the complaints system: one row per Local Government and Social Care Ombudsman
// (LGSCO) enquiry or investigation about children's services, with its decision. Spec: SPEC.md beside this file.
import type { Contract, FieldSpec } from '../../lib/contract.js';
import { notBefore } from '../../lib/fields.js';
import { complaintProcedures, ombudsmanDecisions } from '../codes.js';

const receivedDate: FieldSpec = {
  name: 'received_date',
  header: 'Date Received',
  aliases: ['Received Date', 'Date Enquiry Received', 'Date Notified'],
  kind: 'date',
  required: true,
  description: 'When the council was told of the Ombudsman case.',
};
const decisionDate: FieldSpec = {
  name: 'decision_date',
  header: 'Decision Date',
  aliases: ['Date of Decision', 'Final Decision Date', 'Ombudsman Decision Date'],
  kind: 'date',
  required: false,
  description: 'When the Ombudsman issued its final decision; blank while the case is open.',
};

export const ombudsmanCasesContract: Contract = {
  system: 'complaints',
  entity: 'ombudsman_cases',
  title: 'Ombudsman cases',
  description:
    "Every case the Local Government and Social Care Ombudsman opened about children's services, whether or not it followed a complaint to the council, with the Ombudsman's decision once made.",
  key: ['ombudsman_reference'],
  fields: [
    {
      name: 'ombudsman_reference',
      header: 'Ombudsman Reference',
      aliases: ['LGO Reference', 'LGSCO Reference', 'Ombudsman Ref', 'Ombudsman Case Reference'],
      kind: 'text',
      required: true,
      description: "The Ombudsman's own case reference (e.g. 19 012 345).",
    },
    {
      name: 'complaint_reference',
      header: 'Complaint Reference',
      aliases: ['Complaint Ref', 'Council Complaint Reference', 'Related Complaint'],
      kind: 'text',
      required: false,
      description: "The council's complaint the case followed, when there was one (a premature case may have none).",
    },
    {
      name: 'procedure_code',
      header: 'Complaint Procedure',
      aliases: ['Procedure', 'Complaint Type', 'Complaint Process'],
      kind: 'code',
      codes: complaintProcedures,
      required: true,
      description: 'Which procedure the matter belongs to: statutory, corporate or SEND.',
    },
    receivedDate,
    decisionDate,
    {
      name: 'decision_code',
      header: 'Ombudsman Decision',
      aliases: ['LGO Decision', 'LGSCO Decision', 'Ombudsman Outcome'],
      kind: 'code',
      codes: ombudsmanDecisions,
      required: false,
      description:
        "The Ombudsman's decision: upheld (maladministration with or without injustice), not upheld, closed after initial enquiries, premature, ...",
    },
  ],
  rowChecks: [
    notBefore(decisionDate, receivedDate),
    {
      field: 'decision_code',
      rule: 'An Ombudsman Decision needs a Decision Date.',
      test: (r) => r.decision_code === null || r.decision_date !== null,
      message: () => 'Ombudsman Decision is given but the Decision Date is blank: record when the Ombudsman decided',
      sql: (c) => `(${c('decision_code')} IS NULL OR ${c('decision_date')} IS NOT NULL)`,
    },
  ],
};
