// Figures for the Contact Activity appendix, read from the marts. No formatting here.
import { addDays, weekLabel, type IsoDate } from '../../pipelines/calendar/dates.js';
import type { Warehouse } from '../../pipelines/warehouse/db.js';
import { contactActivityPeriod, type ContactActivityPeriod } from './period.js';

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
}

export interface ContactActivityData {
  period: ContactActivityPeriod;
  dataAsAt: string;
  weeks: WeekRow[];
  before: Averages;
  since: Averages;
  bySource: SourceRow[];
}

export class NoDataError extends Error {}

const avg = (sum: number, weeks: number): number | null => (weeks === 0 ? null : sum / weeks);

export async function loadContactActivity(db: Warehouse, opts: { periodEnd?: IsoDate; weeks: number; compareFrom?: IsoDate }): Promise<ContactActivityData> {
  const asAt = await db.json<{ data_as_at: string }>(`SELECT strftime(data_as_at, '%Y-%m-%dT%H:%M:%SZ') AS data_as_at FROM marts.meta_data_as_at WHERE source = 'case_management.contacts'`);
  const dataAsAt = asAt[0]?.data_as_at;
  if (!dataAsAt) throw new NoDataError('no contacts have been landed yet: run `csp run` (or `csp extract` then `csp transform`) with a contacts export first.');
  const period = contactActivityPeriod({ dataAsAtDate: dataAsAt.slice(0, 10), ...opts });

  const weekly = await db.json<{ week_start: string; edt: number; mash: number; total: number }>(
    `WITH weeks AS (SELECT CAST(range AS DATE) AS week_start FROM range(?::DATE, ?::DATE + 1, INTERVAL 7 DAY))
     SELECT strftime(w.week_start, '%Y-%m-%d') AS week_start,
            count(c.contact_key) FILTER (WHERE c.front_door_team = 'EDT')::INTEGER AS edt,
            count(c.contact_key) FILTER (WHERE c.front_door_team = 'MASH')::INTEGER AS mash,
            count(c.contact_key)::INTEGER AS total
     FROM weeks w LEFT JOIN marts.fct_contacts c ON c.week_start = w.week_start AND c.is_front_door
     GROUP BY w.week_start ORDER BY w.week_start`,
    [period.firstWeek, period.lastWeek],
  );
  const weeks: WeekRow[] = weekly.map((w, i) => ({ weekStart: w.week_start, label: weekLabel(i, w.week_start), edt: w.edt, mash: w.mash, total: w.total, since: w.week_start >= period.split }));
  const averages = (rows: WeekRow[]): Averages => ({
    weeks: rows.length,
    edt: avg(rows.reduce((s, r) => s + r.edt, 0), rows.length),
    mash: avg(rows.reduce((s, r) => s + r.mash, 0), rows.length),
    total: avg(rows.reduce((s, r) => s + r.total, 0), rows.length),
  });
  const before = averages(weeks.filter((w) => !w.since));
  const since = averages(weeks.filter((w) => w.since));

  const sources = await db.json<{ source_group: string; before_n: number; since_n: number }>(
    `WITH groups AS (SELECT source_group, min(sort_order) AS sort_order FROM reference.contact_sources GROUP BY source_group)
     SELECT g.source_group,
            count(c.contact_key) FILTER (WHERE c.week_start < ?::DATE)::INTEGER AS before_n,
            count(c.contact_key) FILTER (WHERE c.week_start >= ?::DATE)::INTEGER AS since_n
     FROM groups g
     LEFT JOIN marts.fct_contacts c ON c.source_group = g.source_group AND c.is_front_door AND c.week_start BETWEEN ?::DATE AND ?::DATE
     GROUP BY g.source_group, g.sort_order ORDER BY g.source_group`,
    [period.split, period.split, period.firstWeek, period.lastWeek],
  );
  const bySource = sources.map((s) => ({ group: s.source_group, before: avg(s.before_n, before.weeks), since: avg(s.since_n, since.weeks) }));
  return { period, dataAsAt, weeks, before, since, bySource };
}

export const sinceLabel = (d: ContactActivityData): IsoDate => d.period.split;
export const beforeLastDay = (d: ContactActivityData): IsoDate => addDays(d.period.split, -1);
