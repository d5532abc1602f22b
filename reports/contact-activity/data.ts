// Figures for the Contact Activity appendix, read from the marts. No formatting here.
import { addDays, weekLabel, type IsoDate } from '../../core/calendar/dates.js';
import type { Warehouse } from '../../core/warehouse.js';
import { loadServiceGroups } from '../lib/service-groups.js';
import { contactActivityPeriod, type ContactActivityPeriod } from './period.js';
import { serviceAreas } from './service-areas.js';

export interface WeekRow {
  weekStart: IsoDate;
  label: string;
  edt: number;
  mash: number;
  total: number;
  since: boolean;
}

export interface Averages {
  weeks: number;
  edt: number | null;
  mash: number | null;
  total: number | null;
}

export interface SourceRow {
  group: string;
  before: number | null;
  since: number | null;
  /** The contacts the averages are made from, so small numbers can be suppressed. */
  beforeCount: number;
  sinceCount: number;
}

/** The receiving service areas of the seed paper's "Open case contacts (Exc DV)" table, in its order (sql/seeds/service_areas.csv). */
export const OPEN_CASE_AREAS: readonly string[] = serviceAreas().inOpenCaseTable.map((a) => a.name);
export type OpenCaseArea = string;

export interface OpenCaseWeek {
  weekStart: IsoDate;
  label: string;
  byArea: Record<OpenCaseArea, number>;
  total: number;
}

export interface TimelinessWeek {
  weekStart: IsoDate;
  label: string;
  /** Front-door contacts received in the week. */
  contacts: number;
  /** Of those, decided no later than the next working day. */
  within: number;
}

/**
 * What the contacts' source records. The case-management export records everything; Annex A List 1 (used when there
 * is no export) has no receiving team, open-case flag or decision, so those parts of the appendix are not available
 * and are said to be, rather than shown as zeros.
 */
export interface Availability {
  /** 'case_management' (the contacts export), 'ssd' (the SSD's ssd_contacts) or 'annex_a' (Ofsted Annex A List 1). */
  source: 'case_management' | 'ssd' | 'annex_a';
  /** EDT and MASH can be told apart (so weekly figures are front-door contacts split by team). */
  frontDoorSplit: boolean;
  openCase: boolean;
  timeliness: boolean;
}

export const FULL_AVAILABILITY: Availability = {
  source: 'case_management',
  frontDoorSplit: true,
  openCase: true,
  timeliness: true,
};
/** Annex A List 1 and the SSD's ssd_contacts record neither the receiving team, nor an open case, nor a decision time. */
const PARTIAL_AVAILABILITY = (source: 'ssd' | 'annex_a'): Availability => ({
  source,
  frontDoorSplit: false,
  openCase: false,
  timeliness: false,
});

/** The meta_data_as_at source of each contacts source. */
const AS_AT_SOURCE = {
  case_management: 'case_management.contacts',
  ssd: 'ssd.contacts',
  annex_a: 'annex_a.list_1_contacts',
} as const;

export interface ContactActivityData {
  /** Absent means everything is available (the case-management export). */
  available?: Availability;
  period: ContactActivityPeriod;
  dataAsAt: string;
  weeks: WeekRow[];
  before: Averages;
  since: Averages;
  bySource: SourceRow[];
  openCase: OpenCaseWeek[];
  timeliness: TimelinessWeek[];
  /** Each service area's group (seed service_area_groups), in the groups' order, for a coarser public open-case table. */
  serviceGroups?: Record<string, string>;
}

import { NoDataError } from '../lib/appendix.js';
export { NoDataError };

const avg = (sum: number, weeks: number): number | null => (weeks === 0 ? null : sum / weeks);

export async function loadContactActivity(
  db: Warehouse,
  opts: { periodEnd?: IsoDate; weeks: number; compareFrom?: IsoDate },
): Promise<ContactActivityData> {
  // fct_contacts holds one source's contacts (int_contacts' precedence): the SSD or Annex A only when there is no export.
  const from = await db.json<{ source_system: string }>(
    `SELECT source_system FROM marts.fct_contacts WHERE source_system IN ('ssd', 'annex_a') LIMIT 1`,
  );
  const partial = from[0]?.source_system as 'ssd' | 'annex_a' | undefined;
  const available = partial ? PARTIAL_AVAILABILITY(partial) : FULL_AVAILABILITY;
  const asAt = await db.json<{ data_as_at: string }>(
    `SELECT strftime(data_as_at, '%Y-%m-%dT%H:%M:%SZ') AS data_as_at FROM marts.meta_data_as_at WHERE source = ?`,
    [AS_AT_SOURCE[available.source]],
  );
  const dataAsAt = asAt[0]?.data_as_at;
  if (!dataAsAt)
    throw new NoDataError(
      'no contacts have been landed yet: run `csp run` (or `csp extract` then `csp transform`) with a contacts export, the SSD ssd_contacts table or an Annex A workbook first.',
    );
  // Without receiving teams every contact counts (Annex A lists all contacts to children's social care).
  const counted = available.frontDoorSplit ? 'c.is_front_door' : 'true';
  const period = contactActivityPeriod({ dataAsAtDate: dataAsAt.slice(0, 10), ...opts });
  // A period the contacts do not reach would be a table of zeros: say there is no data for it instead.
  const [span] = await db.json<{ first: string | null; last: string | null }>(
    `SELECT strftime(min(contact_date), '%d/%m/%Y') AS first, strftime(max(contact_date), '%d/%m/%Y') AS last FROM marts.fct_contacts c WHERE ${counted} AND c.contact_date BETWEEN ?::DATE AND ?::DATE + 6`,
    [period.firstWeek, period.lastWeek],
  );
  if (!span?.first) {
    const [all] = await db.json<{ first: string; last: string }>(
      `SELECT strftime(min(contact_date), '%d/%m/%Y') AS first, strftime(max(contact_date), '%d/%m/%Y') AS last FROM marts.fct_contacts c WHERE ${counted}`,
    );
    throw new NoDataError(
      `no data for this period (the ${period.weeks} weeks to ${period.periodEnd.split('-').reverse().join('/')}): the contacts landed cover ${all?.first ?? 'no days'} to ${all?.last ?? 'none'}. Choose a --period-end inside that range.`,
    );
  }

  const weekly = await db.json<{ week_start: string; edt: number; mash: number; total: number }>(
    `WITH weeks AS (SELECT CAST(range AS DATE) AS week_start FROM range(?::DATE, ?::DATE + 1, INTERVAL 7 DAY))
     SELECT strftime(w.week_start, '%Y-%m-%d') AS week_start,
            count(c.contact_key) FILTER (WHERE c.front_door_team = 'EDT')::INTEGER AS edt,
            count(c.contact_key) FILTER (WHERE c.front_door_team = 'MASH')::INTEGER AS mash,
            count(c.contact_key)::INTEGER AS total
     FROM weeks w LEFT JOIN marts.fct_contacts c ON c.week_start = w.week_start AND ${counted}
     GROUP BY w.week_start ORDER BY w.week_start`,
    [period.firstWeek, period.lastWeek],
  );
  const weeks: WeekRow[] = weekly.map((w, i) => ({
    weekStart: w.week_start,
    label: weekLabel(i, w.week_start),
    edt: w.edt,
    mash: w.mash,
    total: w.total,
    since: w.week_start >= period.split,
  }));
  const averages = (rows: WeekRow[]): Averages => ({
    weeks: rows.length,
    edt: avg(
      rows.reduce((s, r) => s + r.edt, 0),
      rows.length,
    ),
    mash: avg(
      rows.reduce((s, r) => s + r.mash, 0),
      rows.length,
    ),
    total: avg(
      rows.reduce((s, r) => s + r.total, 0),
      rows.length,
    ),
  });
  const before = averages(weeks.filter((w) => !w.since));
  const since = averages(weeks.filter((w) => w.since));

  const sources = await db.json<{ source_group: string; before_n: number; since_n: number }>(
    `WITH groups AS (SELECT source_group, min(sort_order) AS sort_order FROM reference.contact_sources GROUP BY source_group)
     SELECT g.source_group,
            count(c.contact_key) FILTER (WHERE c.week_start < ?::DATE)::INTEGER AS before_n,
            count(c.contact_key) FILTER (WHERE c.week_start >= ?::DATE)::INTEGER AS since_n
     FROM groups g
     LEFT JOIN marts.fct_contacts c ON c.source_group = g.source_group AND ${counted} AND c.week_start BETWEEN ?::DATE AND ?::DATE
     GROUP BY g.source_group, g.sort_order ORDER BY g.source_group`,
    [period.split, period.split, period.firstWeek, period.lastWeek],
  );
  const bySource = sources.map((s) => ({
    group: s.source_group,
    before: avg(s.before_n, before.weeks),
    since: avg(s.since_n, since.weeks),
    beforeCount: s.before_n,
    sinceCount: s.since_n,
  }));

  // Open-case contacts by the service area that received them, without police domestic-abuse notifications
  // (they arrive in bulk and say little about casework), as the seed paper's "(Exc DV)" table does.
  const areaCols = OPEN_CASE_AREAS.map(
    (a, i) =>
      `count(c.contact_key) FILTER (WHERE c.receiving_service_area = '${a.replace(/'/g, "''")}')::INTEGER AS a${i}`,
  ).join(',\n            ');
  const open = !available.openCase
    ? []
    : await db.json<Record<string, number | string>>(
        `WITH weeks AS (SELECT CAST(range AS DATE) AS week_start FROM range(?::DATE, ?::DATE + 1, INTERVAL 7 DAY))
     SELECT strftime(w.week_start, '%Y-%m-%d') AS week_start,
            ${areaCols}
     FROM weeks w LEFT JOIN marts.fct_contacts c ON c.week_start = w.week_start AND c.is_open_case AND NOT c.is_domestic_abuse_notification
     GROUP BY w.week_start ORDER BY w.week_start`,
        [period.firstWeek, period.lastWeek],
      );
  const openCase: OpenCaseWeek[] = open.map((w, i) => {
    const byArea = Object.fromEntries(OPEN_CASE_AREAS.map((a, j) => [a, Number(w[`a${j}`])])) as Record<
      OpenCaseArea,
      number
    >;
    return {
      weekStart: String(w.week_start),
      label: weekLabel(i, String(w.week_start)),
      byArea,
      total: OPEN_CASE_AREAS.reduce((s, a) => s + (byArea[a] ?? 0), 0),
    };
  });

  const timely = !available.timeliness
    ? []
    : await db.json<{ week_start: string; contacts: number; within: number }>(
        `WITH weeks AS (SELECT CAST(range AS DATE) AS week_start FROM range(?::DATE, ?::DATE + 1, INTERVAL 7 DAY))
     SELECT strftime(w.week_start, '%Y-%m-%d') AS week_start,
            count(c.contact_key)::INTEGER AS contacts,
            count(c.contact_key) FILTER (WHERE c.is_decided_within_1_working_day)::INTEGER AS within
     FROM weeks w LEFT JOIN marts.fct_contacts c ON c.week_start = w.week_start AND c.is_front_door
     GROUP BY w.week_start ORDER BY w.week_start`,
        [period.firstWeek, period.lastWeek],
      );
  const timeliness: TimelinessWeek[] = timely.map((w, i) => ({
    weekStart: w.week_start,
    label: weekLabel(i, w.week_start),
    contacts: w.contacts,
    within: w.within,
  }));
  return {
    available,
    period,
    dataAsAt,
    weeks,
    before,
    since,
    bySource,
    openCase,
    timeliness,
    serviceGroups: await loadServiceGroups(db),
  };
}

export const sinceLabel = (d: ContactActivityData): IsoDate => d.period.split;
export const beforeLastDay = (d: ContactActivityData): IsoDate => addDays(d.period.split, -1);
