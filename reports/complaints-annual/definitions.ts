import type { Definition, Variant } from '../lib/appendix.js';
import { suppressionStatement } from '../lib/suppression.js';

export const complaintsAnnualDefinitions: Definition[] = [
  {
    term: 'Complaint received',
    text: 'A complaint registered by the complaints team at stage 1 (local resolution) with a received date in the financial year (1 April to 31 March). An escalation to stage 2 or 3 is recorded as a new record and is counted separately, not as a further complaint received.',
  },
  {
    term: 'Procedure',
    text: 'Statutory: complaints under the Children Act 1989 Representations Procedure (England) Regulations 2006 (three stages). Corporate: complaints outside the statutory process, e.g. from someone without parental responsibility (two stages). SEND: complaints about special educational needs and disability services.',
  },
  {
    term: 'Last year / change',
    text: 'The same measure for the financial year before; change is this year minus last year, and % change is that change as a share of last year. Not shown when the data does not reach back to the start of last year.',
  },
  {
    term: 'Outcome',
    text: 'Upheld, partly upheld or not upheld, as recorded on the stage 1 response. "Withdrawn or open" counts complaints the complainant withdrew and those not yet answered when the export was taken. Shares are of all complaints received in the year, so they add to 100% with withdrawn or open.',
  },
  {
    term: 'Responded within 10 / 20 working days',
    text: 'Stage 1 complaints whose response was sent no more than 10 (or 20) working days after the day received, as a share of all stage 1 complaints received in the year. A complaint received on a weekend or bank holiday starts its clock on the next working day; complaints not yet answered count as not within. The statutory timescale is 10 working days, extendable to 20 when the complainant agrees; corporate and SEND complaints have 20.',
  },
  {
    term: 'Area of complaint (issues)',
    text: 'The issue categories recorded against each stage 1 complaint received in the year (complaint issue categories reference list). A complaint can raise several; each category is counted once per complaint.',
  },
  {
    term: 'Service area',
    text: 'The service area of the team the complaint is about, from the teams reference list (sql/seeds/teams.csv); "Unmapped" when the list does not know the team.',
  },
  {
    term: 'Stage 2 investigation / stage 3 review panel',
    text: 'Complaints escalated to a formal independent investigation (stage 2) or to a review panel (stage 3, statutory procedure only), counted by the date the escalation was received.',
  },
  {
    term: 'Ombudsman cases',
    text: 'Cases the Local Government and Social Care Ombudsman told the council of in the year, whether or not they followed a complaint to the council. "Decisions finding fault" counts cases the Ombudsman decided in the year with maladministration found (with or without injustice).',
  },
  {
    term: 'Comment',
    text: 'An issue raised with the complaints team without asking for a formal complaint; it is acknowledged and passed to the team manager for a response. Counted by the service area of the team it is about.',
  },
  {
    term: 'Compliment',
    text: 'Thanks or praise registered by the complaints team, from inside or outside the council, counted by the team it was about.',
  },
  {
    term: 'Complaints from young people',
    text: 'Stage 1 complaints made by a child or young person themselves rather than by a parent, carer or other adult.',
  },
  {
    term: 'SEND section',
    text: 'Complaints under the SEND procedure (procedure = SEND), shown by year received, with their issues this year and last. SEND Ombudsman cases are in the stage 2, 3 and Ombudsman table.',
  },
  {
    term: 'Trend',
    text: 'Up to four financial years ending with the reported year; when the data holds fewer years, the years it holds are shown and the table says so.',
  },
  {
    term: 'Data as at',
    text: 'When the complaints export was taken from the complaints system. Complaints recorded or answered after that time are not included.',
  },
];

/** The definitions with the variant's small-number rule, so every appendix says which rule its figures follow. */
export const definitionsFor = (variant: Variant, threshold: number, protection?: number): Definition[] => [
  ...complaintsAnnualDefinitions,
  {
    term: variant === 'public' ? 'Small numbers ("c")' : 'Restricted version',
    text:
      suppressionStatement(variant, threshold, protection) +
      (variant === 'public' && threshold > 0
        ? ' A figure shown as "c" in one table is shown as "c" in every table of this appendix that holds it.'
        : ''),
  },
];
