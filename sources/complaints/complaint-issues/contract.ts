// Complaint issues export from the complaints system: one row per issue raised in a complaint (a complaint
// usually has one to three), so reports can say what complaints were about. Spec: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { complaintIssueCategories, complaintOutcomes } from '../codes.js';

export const complaintIssuesContract: Contract = {
  system: 'complaints',
  entity: 'complaint_issues',
  title: 'Complaint issues',
  description:
    'Every issue recorded against a complaint, with its category and, once decided, its own outcome. Several rows per complaint.',
  key: ['issue_id'],
  fields: [
    {
      name: 'issue_id',
      header: 'Issue ID',
      aliases: ['Issue Reference', 'Issue Ref', 'Issue No'],
      kind: 'text',
      required: true,
      description: 'Unique reference of the issue in the complaints system.',
    },
    {
      name: 'complaint_reference',
      header: 'Complaint Reference',
      aliases: ['Complaint Ref', 'Complaint No', 'Complaint Number', 'Complaint ID'],
      kind: 'text',
      required: true,
      description: 'The complaint the issue belongs to (Complaint Reference in the complaints export).',
    },
    {
      name: 'issue_category',
      header: 'Issue Category',
      aliases: ['Issue', 'Issue Type', 'Complaint Issue', 'Nature of Complaint'],
      kind: 'code',
      codes: complaintIssueCategories,
      required: true,
      description: 'What the issue is about: quality of service, communication, staff behaviour, delay, ...',
    },
    {
      name: 'issue_outcome',
      header: 'Issue Outcome',
      aliases: ['Issue Finding', 'Issue Result'],
      kind: 'code',
      codes: complaintOutcomes,
      required: false,
      description: 'Whether this issue was upheld; blank while the complaint is open.',
    },
  ],
};
