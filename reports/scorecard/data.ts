// Figures for the Improvement plan scorecard, read from marts.kpi_monthly. No formatting or suppression here.
import type { IsoDate } from '../../core/calendar/dates.js';
import type { Warehouse } from '../../core/warehouse.js';
import type { Direction, Rag, Unit } from './format.js';
import { NoDataError, scorecardMonth, trendMonths } from './period.js';

export interface KpiPoint {
  month: IsoDate;
  periodLabel: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  target: number | null;
  rag: Rag | null;
}

export interface Kpi {
  measureId: string;
  name: string;
  priorityArea: string;
  unit: Unit;
  direction: Direction;
  definition: KpiDefinition;
  /** One per trend month, oldest first; months without a row have nulls. */
  points: KpiPoint[];
}

/**
 * A KPI's definition as the seed kpi_definitions holds it, one field per column (null when the seed leaves it
 * blank); the appendices print these fields as they are (definitions.ts labels them), never words of their own.
 */
export interface KpiDefinition {
  numerator: string | null;
  denominator: string | null;
  inclusions: string | null;
  exclusions: string | null;
  periodRule: string | null;
  sourceRule: string | null;
}

/** The seed's (and marts.kpi_monthly's) column for each field. */
export const DEFINITION_COLUMNS: Record<keyof KpiDefinition, string> = {
  numerator: 'numerator_definition',
  denominator: 'denominator_definition',
  inclusions: 'inclusions',
  exclusions: 'exclusions',
  periodRule: 'period_rule',
  sourceRule: 'source_rule',
};

export interface ScorecardData {
  month: IsoDate;
  monthLabel: string;
  months: IsoDate[];
  dataAsAt: string;
  kpis: Kpi[];
  /** The source systems landed in the warehouse (e.g. case_management, ssda903), for the "Source" line. */
  systems: string[];
  /** KPIs with no figure in the 12 months from the data supplied, and the source that would give one. */
  noFigure: { name: string; sourceNeeded: string | null }[];
}

const SYSTEM_NAMES: Record<string, string> = {
  case_management: 'case-management exports',
  ssd: 'the Standard Safeguarding Dataset (SSD)',
  complaints: 'complaints system exports',
  ssda903: 'the SSDA903 return',
  cin_census: 'the CIN census',
  annex_a: 'Ofsted Annex A',
};

/** "Case-management exports, the SSDA903 return and Ofsted Annex A": what the figures were built from. */
export function describeSystems(systems: readonly string[]): string {
  const names = [...new Set(systems)]
    .sort((a, b) => Object.keys(SYSTEM_NAMES).indexOf(a) - Object.keys(SYSTEM_NAMES).indexOf(b))
    .map((s) => SYSTEM_NAMES[s] ?? s);
  const text = names.length <= 1 ? (names[0] ?? 'no source') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The improvement plan's priority areas in the plan's own order (Priority 1 to 9), then the areas the
 * performance team adds (workforce, complaints). An area not listed here sorts after these, alphabetically.
 */
export const AREA_ORDER = [
  'Leadership',
  'Multi-Agency Safeguarding Hub',
  'Quality of Assessment and Plans',
  'Pre-Proceedings – Public Law Outline',
  'Permanency',
  'Education at Key Stage 4 (Children in Care)',
  'Case Transition',
  'Non-familial abuse and Exploitation',
  'Supervision, Quality Assurance and Management Oversight',
  'Workforce',
  'Complaints',
];
const areaRank = (a: string): number => (AREA_ORDER.includes(a) ? AREA_ORDER.indexOf(a) : AREA_ORDER.length);
export const compareKpis = (a: Pick<Kpi, 'priorityArea' | 'name'>, b: Pick<Kpi, 'priorityArea' | 'name'>): number =>
  areaRank(a.priorityArea) - areaRank(b.priorityArea) ||
  a.priorityArea.localeCompare(b.priorityArea) ||
  a.name.localeCompare(b.name);

const MONTH_LABEL = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
export const monthLabel = (m: IsoDate): string => MONTH_LABEL.format(new Date(`${m}T00:00:00Z`));

export async function loadScorecard(db: Warehouse, opts: { periodEnd?: IsoDate }): Promise<ScorecardData> {
  // The newest export of any source: the scorecard draws on all of them.
  const asAt = await db.json<{ data_as_at: string | null }>(
    `SELECT strftime(max(data_as_at), '%Y-%m-%dT%H:%M:%SZ') AS data_as_at FROM marts.meta_data_as_at`,
  );
  const dataAsAt = asAt[0]?.data_as_at;
  const systems = (
    await db.json<{ system: string }>(`SELECT DISTINCT split_part(source, '.', 1) AS system FROM marts.meta_data_as_at`)
  ).map((r) => r.system);
  if (!dataAsAt)
    throw new NoDataError(
      'no exports have been landed yet: run `csp run` (or `csp extract` then `csp transform`) first.',
    );
  const withData = await db.json<{ m: string }>(
    `SELECT DISTINCT strftime(period_start, '%Y-%m-%d') AS m FROM marts.kpi_monthly WHERE period_type = 'month' AND value IS NOT NULL`,
  );
  const month = scorecardMonth({
    dataAsAtDate: dataAsAt.slice(0, 10),
    periodEnd: opts.periodEnd,
    monthsWithData: withData.map((r) => r.m),
  });
  const months = trendMonths(month);

  // Every measure the mart knows, even one with no row in the window, so the scorecard never drops a KPI silently.
  const fields = Object.entries(DEFINITION_COLUMNS) as [keyof KpiDefinition, string][];
  const measures = await db.json<
    { measure_id: string; measure_name: string; priority_area: string; unit: Unit; direction: Direction } & Record<
      string,
      string | null
    >
  >(
    `SELECT measure_id, any_value(measure_name) AS measure_name, any_value(priority_area) AS priority_area, any_value(unit) AS unit,
            any_value(direction) AS direction, ${fields.map(([, c]) => `any_value(nullif(trim(${c}), '')) AS ${c}`).join(', ')}
     FROM marts.kpi_monthly GROUP BY measure_id`,
  );
  const rows = await db.json<{
    measure_id: string;
    m: string;
    period_label: string;
    numerator: number | null;
    denominator: number | null;
    value: number | null;
    target: number | null;
    rag: Rag | null;
  }>(
    `SELECT measure_id, strftime(period_start, '%Y-%m-%d') AS m, period_label, numerator::DOUBLE AS numerator, denominator::DOUBLE AS denominator,
            value::DOUBLE AS value, target::DOUBLE AS target, rag
     FROM marts.kpi_monthly WHERE period_type = 'month' AND period_start BETWEEN ?::DATE AND ?::DATE`,
    [months[0]!, month],
  );
  const byKey = new Map(rows.map((r) => [`${r.measure_id}|${r.m}`, r]));
  const kpis: Kpi[] = measures
    .map((m) => ({
      measureId: m.measure_id,
      name: m.measure_name,
      priorityArea: m.priority_area,
      unit: m.unit,
      direction: m.direction,
      definition: Object.fromEntries(fields.map(([k, c]) => [k, m[c] ?? null])) as unknown as KpiDefinition,
      points: months.map((mo) => {
        const r = byKey.get(`${m.measure_id}|${mo}`);
        return {
          month: mo,
          periodLabel: r?.period_label ?? monthLabel(mo),
          numerator: r?.numerator ?? null,
          denominator: r?.denominator ?? null,
          value: r?.value ?? null,
          target: r?.target ?? null,
          rag: r?.rag ?? null,
        };
      }),
    }))
    .sort(compareKpis);
  // Every defined KPI (seed kpi_definitions) without a figure in the window, even one the mart has no row for, so
  // the appendix says it has none and what would give it (seed kpi_sources_needed) rather than dropping it.
  const noFigure = await db.json<{ name: string; source_needed: string | null; priority_area: string }>(
    `SELECT d.measure_name AS name, n.source_needed, d.priority_area
     FROM reference.kpi_definitions d
     LEFT JOIN reference.kpi_sources_needed n USING (measure_id)
     WHERE NOT EXISTS (SELECT 1 FROM marts.kpi_monthly k WHERE k.measure_id = d.measure_id AND k.period_type = 'month'
                       AND k.period_start BETWEEN ?::DATE AND ?::DATE AND k.value IS NOT NULL)`,
    [months[0]!, month],
  );
  noFigure.sort((a, b) =>
    compareKpis({ priorityArea: a.priority_area, name: a.name }, { priorityArea: b.priority_area, name: b.name }),
  );
  return {
    month,
    monthLabel: monthLabel(month),
    months,
    dataAsAt,
    kpis,
    systems,
    noFigure: noFigure.map((r) => ({ name: r.name, sourceNeeded: r.source_needed })),
  };
}
