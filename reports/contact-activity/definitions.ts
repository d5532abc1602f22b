import type { Definition, Variant } from '../lib/appendix.js';
import { suppressionStatement } from '../lib/suppression.js';
import { FULL_AVAILABILITY, type Availability } from './data.js';
import { openCaseAreasText, sourceGroupsText } from './service-areas.js';

export const contactActivityDefinitions: Definition[] = [
  {
    term: 'Contact',
    text: "Any enquiry about a child received by children's social care, recorded in the case-management system.",
  },
  {
    term: 'New contacts received at front door services',
    text: 'Contacts received in the week (Monday to Sunday) by a front-door service: the Emergency Duty Team (EDT, out of hours) or the Multi-Agency Safeguarding Hub (MASH, in office hours), whether or not the child already had an open case. Contacts passed straight to a case-holding team are not counted here.',
  },
  {
    term: 'EDT / MASH',
    text: 'The receiving team recorded on the contact, mapped to its service area by the teams reference list (sql/seeds/teams.csv).',
  },
  {
    term: 'Weekly average',
    text: 'Total front-door contacts in the weeks before (or since) the comparison date, divided by the number of those weeks in the table. Shown to the nearest whole number.',
  },
  // The groups and the areas are the seeds' (contact_sources, service_areas), so editing a seed changes the words.
  {
    term: 'Source',
    text: `Who made the contact, coded as in the CIN census and Ofsted Annex A (1A to 10) and grouped as the committee appendix does: ${sourceGroupsText()}.`,
  },
  { term: 'Open case contacts (exc DV) by receiving service area', text: openCaseAreasText() },
  {
    term: 'Decided within 1 working day',
    text: 'Front-door (EDT and MASH) contacts received in the week whose next-step decision was recorded on the day of receipt or the next working day (a contact received at a weekend or on a bank holiday counts from the next working day), as a percentage of all front-door contacts received in that week. Contacts not yet decided count as not within 1 working day, so the latest weeks can rise as decisions are recorded. "Whole period" is the same measure over every week in the table.',
  },
  {
    term: 'Data as at',
    text: 'When the contacts export was taken from the case-management system. Contacts recorded after that time are not included.',
  },
];

/** The same measures when the only contacts source is Ofsted Annex A List 1 (no teams, open cases or decisions). */
export const annexADefinitions: Definition[] = [
  {
    term: 'Contact',
    text: "Any enquiry about a child received by children's social care, as listed in List 1 (contacts) of the council's Ofsted Annex A workbook. Used because no case-management contacts export was supplied; an export, when there is one, is always used instead.",
  },
  {
    term: "New contacts received by children's social care",
    text: 'Every contact in Annex A List 1 dated in the week (Monday to Sunday). Annex A does not record which team received a contact, so these are all contacts, not only those received by EDT or MASH, and cannot be split between them.',
  },
  {
    term: 'Weekly average',
    text: 'Total contacts in the weeks before (or since) the comparison date, divided by the number of those weeks in the table. Shown to the nearest whole number.',
  },
  contactActivityDefinitions.find((d) => d.term === 'Source')!,
  {
    term: 'Data as at',
    text: 'When the Annex A workbook was produced (its file time). Contacts recorded after that time are not included. When several Annex A workbooks are supplied, the most recently landed one is used for the days its contacts span.',
  },
];

/** The same measures when the contacts come from the Standard Safeguarding Dataset (no teams, open cases or decision times). */
export const ssdDefinitions: Definition[] = [
  {
    term: 'Contact',
    text: "Any enquiry about a child received by children's social care, as held in the council's Standard Safeguarding Dataset (SSD) table ssd_contacts. Used because no case-management contacts export was supplied; an export, when there is one, is always used instead.",
  },
  {
    term: "New contacts received by children's social care",
    text: 'Every contact in ssd_contacts dated in the week (Monday to Sunday). The SSD does not record which team received a contact, so these are all contacts, not only those received by EDT or MASH, and cannot be split between them.',
  },
  annexADefinitions.find((d) => d.term === 'Weekly average')!,
  contactActivityDefinitions.find((d) => d.term === 'Source')!,
  {
    term: 'Data as at',
    text: 'When the ssd_contacts CSV was exported (its file time). Contacts recorded after that time are not included.',
  },
];

/** How each partial source is named in the "not available" text, and what it is called for short. */
const SOURCE_NAME: Record<Availability['source'], { full: string; short: string }> = {
  case_management: { full: 'the case-management contacts export', short: 'the export' },
  ssd: { full: "the Standard Safeguarding Dataset's ssd_contacts table", short: 'the SSD' },
  annex_a: { full: 'Ofsted Annex A List 1', short: 'Annex A' },
};

/** Plain words for the measures the source cannot give, or null when it gives them all. */
export function notAvailableText(a: Availability): string | null {
  const { full, short } = SOURCE_NAME[a.source];
  const missing = [
    ...(a.frontDoorSplit ? [] : [`the split between EDT and MASH (${short} does not record the receiving team)`]),
    ...(a.openCase
      ? []
      : [
          `open case contacts by receiving service area (${short} records neither whether the child had an open case nor the receiving team)`,
        ]),
    ...(a.timeliness
      ? []
      : [
          `the share of contacts decided within 1 working day (${short} does not record ${a.source === 'ssd' ? 'when a contact was decided' : 'decisions'})`,
        ]),
  ];
  return missing.length
    ? `This appendix is built from ${full}, which does not give ${missing.join('; ')}. These figures are left out rather than shown as zero; supply the case-management contacts export to include them.`
    : null;
}

/** The definitions with the variant's small-number rule, so every appendix says which rule its figures follow. */
export const definitionsFor = (
  variant: Variant,
  threshold: number,
  available: Availability = FULL_AVAILABILITY,
  protection?: number,
): Definition[] => {
  const missing = notAvailableText(available);
  return [
    ...(available.source === 'annex_a'
      ? annexADefinitions
      : available.source === 'ssd'
        ? ssdDefinitions
        : contactActivityDefinitions),
    ...(missing ? [{ term: 'Not available from this source', text: missing }] : []),
    {
      term: variant === 'public' ? 'Small numbers ("c")' : 'Restricted version',
      text: suppressionStatement(variant, threshold, protection),
    },
  ];
};
