// Compliments export from the complaints system: one row per compliment registered. Spec: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';

export const complimentsContract: Contract = {
  system: 'complaints',
  entity: 'compliments',
  title: 'Compliments',
  description:
    "Every compliment about children's services registered by the complaints team, from families, young people, partners or colleagues.",
  key: ['compliment_reference'],
  fields: [
    {
      name: 'compliment_reference',
      header: 'Compliment Reference',
      aliases: ['Compliment Ref', 'Compliment No', 'Compliment Number', 'Compliment ID'],
      kind: 'text',
      required: true,
      description: 'Unique reference of the compliment in the complaints system.',
    },
    {
      name: 'received_date',
      header: 'Date Received',
      aliases: ['Received Date', 'Date Compliment Received', 'Received On'],
      kind: 'date',
      required: true,
      description: 'When the compliment was received.',
    },
    {
      name: 'team',
      header: 'Team',
      aliases: ['Team Name', 'Team Complimented'],
      kind: 'text',
      required: true,
      description: 'The team complimented, as named in sql/seeds/teams.csv.',
    },
    {
      name: 'service_area',
      header: 'Service Area',
      aliases: ['Service'],
      kind: 'text',
      required: false,
      description:
        'Service area as the complaints system records it (for reference; reports take the service area from the team).',
    },
  ],
};
