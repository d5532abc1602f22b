// The receiving service areas the appendix names, and its "Source" groups, in the words of the seeds
// (sql/seeds/service_areas.csv, sql/seeds/contact_sources.csv): edit a seed and the appendix says so.
import { readSeed } from '../../sources/lib/seed-codes.js';

export interface ServiceArea {
  /** As teams.csv's service_area and fct_contacts.receiving_service_area. */
  name: string;
  /** The PDF table's column heading (short enough for portrait A4). */
  heading: string;
  /** Who the area is, for the definitions ('' when its name says it). */
  description: string;
  /** The column's key in the tables and the workbook. */
  key: string;
}

/** A column key: the name lower-cased, or its initials when it is several words ('Case Management' is cm). */
const columnKey = (name: string): string => {
  const words = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.length > 1 ? words.map((w) => w[0]).join('') : (words[0] ?? name);
};

/** Every service area, those of the "Open case contacts (exc DV)" table first, in its column order. */
export function serviceAreas(): { inOpenCaseTable: ServiceArea[]; others: ServiceArea[] } {
  const rows = readSeed('service_areas');
  const area = (r: Record<string, string>): ServiceArea => ({
    name: r.service_area!,
    heading: r.heading || r.service_area!,
    description: r.description ?? '',
    key: columnKey(r.service_area!),
  });
  const order = (r: Record<string, string>) => Number(r.open_case_order);
  return {
    inOpenCaseTable: rows
      .filter((r) => r.open_case_order)
      .sort((a, b) => order(a) - order(b))
      .map(area),
    others: rows.filter((r) => !r.open_case_order).map(area),
  };
}

const NUMBER_WORDS = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

const listed = (items: readonly string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** The definition of the open-case table's areas, from the seed. */
export function openCaseAreasText(): string {
  const { inOpenCaseTable, others } = serviceAreas();
  const named = inOpenCaseTable.map((a) => (a.description ? `${a.name} (${a.description})` : a.name));
  const otherTeams = [...others.map((a) => a.name), 'or a team missing from the teams reference list'].join(', ');
  return `Contacts received in the week about a child who already had an open social-care case, counted by the service area of the team that received them: ${listed(named)}. Police domestic-abuse notifications are excluded. Contacts received by other teams (${otherTeams}) are not shown, so the total is the sum of the ${NUMBER_WORDS[inOpenCaseTable.length] ?? inOpenCaseTable.length} areas.`;
}

/** "Family Member (1A); Individual (1B, 1D); ... Health (3A-3F)": each group's codes, a run of three or more as a range. */
export function sourceGroupsText(): string {
  const rows = readSeed('contact_sources').sort((a, b) => Number(a.sort_order) - Number(b.sort_order));
  const groups = new Map<string, { code: string; order: number }[]>();
  for (const r of rows)
    groups.set(r.source_group!, [
      ...(groups.get(r.source_group!) ?? []),
      { code: r.source_code!, order: Number(r.sort_order) },
    ]);
  const codes = (list: { code: string; order: number }[]): string => {
    const runs: { code: string; order: number }[][] = [];
    for (const c of list) {
      const run = runs.at(-1);
      if (run && run.at(-1)!.order === c.order - 1) run.push(c);
      else runs.push([c]);
    }
    return runs
      .flatMap((run) => (run.length >= 3 ? [`${run[0]!.code}-${run.at(-1)!.code}`] : run.map((c) => c.code)))
      .join(', ');
  };
  return [...groups].map(([group, list]) => `${group} (${codes(list)})`).join('; ');
}

/** The open-case table's PDF column headings, in order. */
export const contactActivityPdfHeadings = (): string[] => serviceAreas().inOpenCaseTable.map((a) => a.heading);
