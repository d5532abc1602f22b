import type { Definition } from '../lib/appendix.js';

export const contactActivityDefinitions: Definition[] = [
  { term: 'Contact', text: 'Any enquiry about a child received by children\'s social care, recorded in the case-management system.' },
  { term: 'New contacts received at front door services', text: 'Contacts received in the week (Monday to Sunday) by a front-door service: the Emergency Duty Team (EDT, out of hours) or the Multi-Agency Safeguarding Hub (MASH, in office hours), whether or not the child already had an open case. Contacts passed straight to a case-holding team are not counted here.' },
  { term: 'EDT / MASH', text: 'The receiving team recorded on the contact, mapped to its service area by the teams reference list (sql/seeds/teams.csv).' },
  { term: 'Weekly average', text: 'Total front-door contacts in the weeks before (or since) the comparison date, divided by the number of those weeks in the table. Shown to the nearest whole number.' },
  { term: 'Source', text: 'Who made the contact, coded as in the CIN census and Ofsted Annex A (1A to 10) and grouped as the committee appendix does: Family Member (1A); Individual (1B, 1D); Self (1C); Schools (2A, 2B); Health (3A-3F); Housing (4); LA - Other Dept (5A, 5B); Other Agency (5C, 7); Police (6); Other (8, 10); Anonymous (9).' },
  { term: 'Data as at', text: 'When the contacts export was taken from the case-management system. Contacts recorded after that time are not included.' },
];
