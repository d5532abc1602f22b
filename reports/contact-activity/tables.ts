// The Contact Activity tables as published: figures from data.ts, suppressed and rounded for the public variant,
// left exact for the restricted one. Pure, so the PDF, the Excel file and the charts all show the same figures.
import { addDays, rowLetter, shortDayMonth } from '../../core/calendar/dates.js';
import type { Variant } from '../lib/appendix.js';
import {
  cellExpr,
  divide,
  minus as minusExpr,
  protect,
  roundsTo,
  type AuditResult,
  type DisclosureModel,
} from '../lib/disclosure-audit.js';
import { finestGrain, grainNote, suppressedShare } from '../lib/grain.js';
import { C, publishRows, whole, type CellRef, type Shown, type TableSpec } from '../lib/suppression.js';
import { TableModelBuilder } from '../lib/table-audit.js';
import { OPEN_CASE_AREAS, type ContactActivityData, type OpenCaseArea, type OpenCaseWeek } from './data.js';
import { serviceAreas } from './service-areas.js';

/** Column keys of the open-case areas (the area names have spaces, keys must not). */
const AREA_KEYS: ReadonlyMap<OpenCaseArea, string> = new Map(
  serviceAreas().inOpenCaseTable.map((a) => [a.name, a.key]),
);
/** A service area's column key in the open-case table (from the seed, service-areas.ts). */
export const areaKey = (area: OpenCaseArea): string => AREA_KEYS.get(area) ?? area;

export interface PublishedTable {
  spec: TableSpec;
  /** The unsuppressed figures (for the disclosure audit). */
  raw: Record<string, unknown>[];
  /** Every row (the total row last), each figure a number, "c" or null. */
  rows: Record<string, Shown | string>[];
  /** Index of the total row. */
  totalRow: number;
}

export interface ContactActivityTables {
  weekly: PublishedTable;
  /** Before and since rows; `change` is since minus before per column ("c" when either is). */
  averages: {
    spec: TableSpec;
    raw: Record<string, unknown>[];
    rows: Record<string, Shown | string>[];
    change: Record<string, Shown>;
  };
  bySource: PublishedTable;
  openCase: OpenCaseTable;
  timeliness: PublishedTable;
}

/** The open-case table's grain: rows of `weeks` weeks, columns by service area or by service group. */
export interface OpenCaseGrain {
  weeks: number;
  columns: 'service area' | 'service group';
}
/** The grain of the restricted appendix, and the finest public one: weekly by service area. */
export const WEEKLY_BY_AREA: OpenCaseGrain = { weeks: 1, columns: 'service area' };

export interface OpenCaseColumn {
  key: string;
  header: string;
  areas: OpenCaseArea[];
}

export interface OpenCaseTable extends PublishedTable {
  grain: OpenCaseGrain;
  columns: OpenCaseColumn[];
  /** Why this grain (public, coarser than weekly by area), for the page; null when it is weekly by area. */
  grainNote: string | null;
}

/** The public open-case grains to choose from, finest first, and the largest share of "c" allowed. */
export interface GrainSettings {
  grains: readonly OpenCaseGrain[];
  maxSuppressedShare: number;
}

/** The open-case columns at a grain: each service area, or the service groups (seed service_area_groups) in their order. */
export function openCaseColumns(d: ContactActivityData, columns: OpenCaseGrain['columns']): OpenCaseColumn[] {
  if (columns === 'service area' || !d.serviceGroups)
    return OPEN_CASE_AREAS.map((a) => ({ key: areaKey(a), header: a, areas: [a] }));
  const groups = [...new Set(OPEN_CASE_AREAS.map((a) => d.serviceGroups![a] ?? a))];
  return groups.map((g, i) => ({
    key: `group${i + 1}`,
    header: g,
    areas: OPEN_CASE_AREAS.filter((a) => (d.serviceGroups![a] ?? a) === g),
  }));
}

/** Consecutive weeks in blocks of `size`, counted back from the period's end (so the latest block is whole). */
export function weekBlocks<T>(weeks: readonly T[], size: number): T[][] {
  const blocks: T[][] = [];
  for (let end = weeks.length; end > 0; end -= size) blocks.unshift(weeks.slice(Math.max(0, end - size), end));
  return blocks;
}

/** "A. 10th Feb to 1st Mar": a block's letter and its first and last days. */
const blockLabel = (i: number, block: readonly OpenCaseWeek[]): string =>
  block.length === 1
    ? block[0]!.label
    : `${rowLetter(i)}. ${shortDayMonth(block[0]!.weekStart)} to ${shortDayMonth(addDays(block.at(-1)!.weekStart, 6))}`;

const grainWords = (g: OpenCaseGrain): string => `${g.weeks === 1 ? 'week' : `${g.weeks} weeks`} and ${g.columns}`;

const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
const avg = (n: number, weeks: number): number | null => (weeks === 0 ? null : n / weeks);
const minus = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : b - a);

/** The sheet names, also the tables' names in the disclosure model. */
export const TABLE_NAMES = {
  weekly: 'Weekly contacts',
  averages: 'Weekly averages',
  bySource: 'By source',
  openCase: 'Open case contacts',
  timeliness: 'Decided in 1 working day',
} as const;

/**
 * The tables, published. `extra` names further cells to hide ("<table name>|<row>|<key>", as in the disclosure
 * model), which protectedContactActivityTables adds until the exact audit passes.
 */
export function contactActivityTables(
  d: ContactActivityData,
  variant: Variant,
  threshold: number,
  extra: ReadonlySet<string> = new Set(),
  grain: OpenCaseGrain = WEEKLY_BY_AREA,
): ContactActivityTables {
  const forced = (name: string): CellRef[] =>
    variant !== 'public'
      ? []
      : [...extra]
          .map((id) => id.split('|'))
          .filter(([t]) => t === name)
          .map(([, row, key]) => ({ row: Number(row), key: key! }));
  const publish = (spec: TableSpec, rows: readonly object[], name: string) =>
    publishRows(spec, rows, variant, threshold, forced(name));
  const label = { key: 'label', kind: 'label' } as const;
  const weekStart = { key: 'weekStart', kind: 'label' } as const;

  // Front-door contacts per week: EDT + MASH = total, and a total row. Without a team split (Annex A) the total
  // stands alone: suppression must not treat it as the sum of two columns the source does not have.
  const split = d.available?.frontDoorSplit ?? true;
  const weeklySpec: TableSpec = {
    columns: split
      ? [
          label,
          weekStart,
          { key: 'edt', kind: 'count' },
          { key: 'mash', kind: 'count' },
          { key: 'total', kind: 'total', of: ['edt', 'mash'] },
        ]
      : [label, weekStart, { key: 'total', kind: 'count' }],
    totalRows: [d.weeks.length],
  };
  const weeklyRows = [
    ...d.weeks.map((w) => ({ label: w.label, weekStart: w.weekStart, edt: w.edt, mash: w.mash, total: w.total })),
    {
      label: 'Total',
      weekStart: null,
      edt: sum(d.weeks, (w) => w.edt),
      mash: sum(d.weeks, (w) => w.mash),
      total: sum(d.weeks, (w) => w.total),
    },
  ];

  // Weekly averages: each average is hidden with the count it is made from (edt + mash = total binds them).
  const before = d.weeks.filter((w) => !w.since);
  const since = d.weeks.filter((w) => w.since);
  const avgSpec: TableSpec = {
    columns: split
      ? [
          label,
          { key: 'weeks', kind: 'label' },
          { key: 'edtN', kind: 'count' },
          { key: 'mashN', kind: 'count' },
          { key: 'totalN', kind: 'total', of: ['edtN', 'mashN'] },
          { key: 'edt', kind: 'derived', from: 'edtN', per: 'weeks' },
          { key: 'mash', kind: 'derived', from: 'mashN', per: 'weeks' },
          { key: 'total', kind: 'derived', from: 'totalN', per: 'weeks' },
        ]
      : [
          label,
          { key: 'weeks', kind: 'label' },
          { key: 'totalN', kind: 'count' },
          { key: 'total', kind: 'derived', from: 'totalN', per: 'weeks' },
        ],
  };
  const avgRow = (name: string, ws: typeof d.weeks) => {
    const [edtN, mashN, totalN] = [sum(ws, (w) => w.edt), sum(ws, (w) => w.mash), sum(ws, (w) => w.total)];
    return {
      label: name,
      weeks: ws.length,
      edtN,
      mashN,
      totalN,
      edt: avg(edtN, ws.length),
      mash: avg(mashN, ws.length),
      total: avg(totalN, ws.length),
    };
  };
  const avgRaw = [avgRow('before', before), avgRow('since', since)];
  const avgShown = publish(avgSpec, avgRaw, TABLE_NAMES.averages);
  const change: Record<string, Shown> = {};
  // Only the columns the averages table has: without the EDT/MASH split (Annex A) there is no edt or mash change.
  for (const k of split ? (['edt', 'mash', 'total'] as const) : (['total'] as const)) {
    const [b, s] = [avgShown[0]![k], avgShown[1]![k]];
    change[k] =
      b === C || s === C
        ? C
        : variant === 'public'
          ? whole(minus(avgRaw[0]![k], avgRaw[1]![k]))
          : minus(b as number | null, s as number | null);
  }

  // Average weekly contacts by source, before and since: suppression judges the contact counts behind the averages.
  const sourceSpec: TableSpec = {
    columns: [
      { key: 'group', kind: 'label' },
      { key: 'beforeN', kind: 'count' },
      { key: 'sinceN', kind: 'count' },
      { key: 'before', kind: 'derived', from: 'beforeN', per: before.length },
      { key: 'since', kind: 'derived', from: 'sinceN', per: since.length },
      { key: 'change', kind: 'difference', from: 'before', to: 'since' },
    ],
    totalRows: [d.bySource.length],
  };
  const srcRow = (group: string, beforeN: number, sinceN: number) => {
    const b = avg(beforeN, before.length);
    const s = avg(sinceN, since.length);
    return { group, beforeN, sinceN, before: b, since: s, change: minus(b, s) };
  };
  const sourceRows = [
    ...d.bySource.map((s) => srcRow(s.group, s.beforeCount, s.sinceCount)),
    srcRow(
      'Total',
      sum(d.bySource, (s) => s.beforeCount),
      sum(d.bySource, (s) => s.sinceCount),
    ),
  ];

  // Open-case contacts (exc DV) by receiving service area (or group) per week (or block of weeks).
  const openGrain = variant === 'public' ? grain : WEEKLY_BY_AREA;
  const openColumns = openCaseColumns(d, openGrain.columns);
  const areaKeys = openColumns.map((c) => c.key);
  const blocks = weekBlocks(d.openCase, openGrain.weeks);
  const openSpec: TableSpec = {
    columns: [
      label,
      weekStart,
      ...areaKeys.map((key) => ({ key, kind: 'count' as const })),
      { key: 'total', kind: 'total', of: areaKeys },
    ],
    totalRows: [blocks.length],
  };
  const inColumn = (ws: readonly OpenCaseWeek[], c: OpenCaseColumn) =>
    sum(ws, (w) => sum(c.areas, (a) => w.byArea[a] ?? 0));
  const openRows = [
    ...blocks.map((ws, i) => ({
      label: blockLabel(i, ws),
      weekStart: ws[0]!.weekStart,
      ...Object.fromEntries(openColumns.map((c) => [c.key, inColumn(ws, c)])),
      total: sum(ws, (w) => w.total),
    })),
    {
      label: 'Total',
      weekStart: null,
      ...Object.fromEntries(openColumns.map((c) => [c.key, inColumn(d.openCase, c)])),
      total: sum(d.openCase, (w) => w.total),
    },
  ];

  // Front-door contacts decided within 1 working day, per week and for the period.
  const timeSpec: TableSpec = {
    columns: [
      label,
      weekStart,
      { key: 'contacts', kind: 'count' },
      { key: 'within', kind: 'count' },
      { key: 'pct', kind: 'percent', numerator: 'within', denominator: 'contacts' },
    ],
    totalRows: [d.timeliness.length],
  };
  const timeRow = (l: string, ws: string | null, contacts: number, within: number) => ({
    label: l,
    weekStart: ws,
    contacts,
    within,
    pct: contacts === 0 ? null : within / contacts,
  });
  const timeRows = [
    ...d.timeliness.map((w) => timeRow(w.label, w.weekStart, w.contacts, w.within)),
    timeRow(
      'Whole period',
      null,
      sum(d.timeliness, (w) => w.contacts),
      sum(d.timeliness, (w) => w.within),
    ),
  ];

  const table = (spec: TableSpec, rows: Record<string, unknown>[], name: string): PublishedTable => ({
    spec,
    raw: rows,
    rows: publish(spec, rows, name),
    totalRow: rows.length - 1,
  });
  return {
    weekly: table(weeklySpec, weeklyRows, TABLE_NAMES.weekly),
    averages: { spec: avgSpec, raw: avgRaw, rows: avgShown, change },
    bySource: table(sourceSpec, sourceRows, TABLE_NAMES.bySource),
    openCase: {
      ...table(openSpec, openRows, TABLE_NAMES.openCase),
      grain: openGrain,
      columns: openColumns,
      grainNote: null,
    },
    timeliness: table(timeSpec, timeRows, TABLE_NAMES.timeliness),
  };
}

/**
 * What a reader can work out from the published appendix, as one disclosure model: each table's own sums and
 * rounded figures, and what ties the tables together: the weekly rows add up to the counts behind the weekly
 * averages (the reader knows which weeks are before and since), the sources add up to all contacts, and the
 * timeliness table's contacts are the weekly totals.
 */
export function contactActivityModel(d: ContactActivityData, t: ContactActivityTables): DisclosureModel {
  const of = (name: string, x: PublishedTable) => ({ name, spec: x.spec, raw: x.raw, shown: x.rows });
  const b = new TableModelBuilder(1)
    .add(of(TABLE_NAMES.weekly, t.weekly))
    .add({
      name: TABLE_NAMES.averages,
      spec: t.averages.spec,
      raw: t.averages.raw,
      shown: t.averages.rows,
      unprinted: ['edtN', 'mashN', 'totalN'],
    })
    .add({
      ...of(TABLE_NAMES.bySource, t.bySource),
      unprinted: ['beforeN', 'sinceN'],
      rowName: (r) => String(t.bySource.raw[r]?.group),
    })
    .add(of(TABLE_NAMES.openCase, t.openCase))
    .add(of(TABLE_NAMES.timeliness, t.timeliness));
  const id = (table: string, row: number, key: string) => `${table}|${row}|${key}`;
  const weekRows = (since: boolean) =>
    d.weeks
      .map((w, i) => ({ w, i }))
      .filter(({ w }) => w.since === since)
      .map(({ i }) => i);
  const split = d.available?.frontDoorSplit ?? true;
  for (const [row, since] of [
    [0, false],
    [1, true],
  ] as const) {
    for (const k of split ? (['edt', 'mash', 'total'] as const) : (['total'] as const)) {
      b.relate(
        id(TABLE_NAMES.averages, row, `${k}N`),
        weekRows(since).map((i) => id(TABLE_NAMES.weekly, i, k)),
        `weekly ${k} ${since ? 'since' : 'before'} add up to the weeks' count`,
      );
    }
    const srcTotal = t.bySource.totalRow;
    b.relate(
      id(TABLE_NAMES.averages, row, 'totalN'),
      [id(TABLE_NAMES.bySource, srcTotal, since ? 'sinceN' : 'beforeN')],
      'contacts by source add up to all contacts',
    );
  }
  t.timeliness.raw.forEach((_, i) =>
    b.relate(
      id(TABLE_NAMES.weekly, i, 'total'),
      [id(TABLE_NAMES.timeliness, i, 'contacts')],
      'the timeliness table counts the same contacts',
    ),
  );
  // The printed change between the two averages.
  const [wb, ws] = [d.weeks.filter((w) => !w.since).length, d.weeks.filter((w) => w.since).length];
  for (const [k, v] of Object.entries(t.averages.change)) {
    // Without a team split (the SSD, Annex A) only the total's change is printed; there are no EDT / MASH cells.
    if (typeof v !== 'number' || wb === 0 || ws === 0 || (!split && k !== 'total')) continue;
    const e = minusExpr(
      divide(cellExpr(id(TABLE_NAMES.averages, 1, `${k}N`)), ws),
      divide(cellExpr(id(TABLE_NAMES.averages, 0, `${k}N`)), wb),
    );
    b.constrain(roundsTo(e, v, `Weekly averages, change in ${k} shown as ${v}`));
  }
  return b.model();
}

/**
 * The tables with suppression widened until the exact audit passes (public variant); throws DisclosureError when
 * it cannot. The open-case table is shown at the finest of `settings.grains` at which at most
 * `settings.maxSuppressedShare` of its figures are "c" (else the coarsest), so it is not a wall of "c".
 */
export async function protectedContactActivityTables(
  d: ContactActivityData,
  variant: Variant,
  threshold: number,
  protection: number,
  settings: GrainSettings = { grains: [WEEKLY_BY_AREA], maxSuppressedShare: 1 },
): Promise<{ tables: ContactActivityTables; audit: AuditResult | null }> {
  if (variant !== 'public' || threshold <= 0)
    return { tables: contactActivityTables(d, variant, threshold), audit: null };
  const at = (grain: OpenCaseGrain) =>
    protect(
      (extra) => {
        const tables = contactActivityTables(d, variant, threshold, extra, grain);
        return { published: tables, model: contactActivityModel(d, tables) };
      },
      protection,
      `Appendix 1 (${d.period.periodEnd}), public`,
    );
  // Without open-case figures (Annex A, the SSD) there is nothing to choose.
  const grains = d.openCase.length ? settings.grains : [WEEKLY_BY_AREA];
  const choice = await finestGrain(
    grains,
    at,
    (r) => suppressedShare(r.published.openCase.spec, r.published.openCase.rows),
    settings.maxSuppressedShare,
  );
  const tables = choice.built.published;
  tables.openCase.grainNote = grainNote(
    choice.tried,
    settings.maxSuppressedShare,
    grainWords,
    'weekly by service area',
  );
  return { tables, audit: choice.built.audit };
}

/** A figure for a chart: suppressed and missing figures are left out rather than drawn as zero. */
export const plotted = (v: Shown | string | undefined): number | null => (typeof v === 'number' ? v : null);
