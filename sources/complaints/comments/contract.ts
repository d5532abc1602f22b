// Comments export from the complaints system: one row per informal comment (an issue raised without asking
// for a formal complaint), which the complaints team passes to the team manager to answer. Spec: SPEC.md.
import type { Contract, FieldSpec } from '../../lib/contract.js';
import { notBefore } from '../../lib/fields.js';

const receivedDate: FieldSpec = {
  name: 'received_date',
  header: 'Date Received',
  aliases: ['Received Date', 'Date Comment Received', 'Received On'],
  kind: 'date',
  required: true,
  description: 'When the comment was received.',
};
const responseDate: FieldSpec = {
  name: 'response_date',
  header: 'Response Date',
  aliases: ['Date Responded', 'Date of Response', 'Responded On'],
  kind: 'date',
  required: false,
  description: 'When the team manager answered; blank while awaiting a response.',
};

export const commentsContract: Contract = {
  system: 'complaints',
  entity: 'comments',
  title: 'Comments',
  description:
    'Every comment registered by the complaints team: someone raised an issue without asking for it to be a formal complaint.',
  key: ['comment_reference'],
  fields: [
    {
      name: 'comment_reference',
      header: 'Comment Reference',
      aliases: ['Comment Ref', 'Comment No', 'Comment Number', 'Comment ID'],
      kind: 'text',
      required: true,
      description: 'Unique reference of the comment in the complaints system.',
    },
    receivedDate,
    {
      name: 'team',
      header: 'Team',
      aliases: ['Team Name', 'Team Concerned'],
      kind: 'text',
      required: true,
      description: 'The team the comment is about, as named in sql/seeds/teams.csv.',
    },
    {
      name: 'comment_category',
      header: 'Comment Category',
      aliases: ['Comment Type', 'Comment Subject', 'Subject'],
      kind: 'text',
      required: true,
      description: 'What the comment is about, in a few words (e.g. Contact arrangements, Request for information).',
    },
    responseDate,
  ],
  rowChecks: [notBefore(responseDate, receivedDate)],
};
