// The Contact Activity tables as published: figures from data.ts, suppressed and rounded for the public variant,
// left exact for the restricted one. Pure, so the PDF, the Excel file and the charts all show the same figures.
import type { Variant } from '../lib/appendix.js';
import { C, publishRows, whole, type Shown, type TableSpec } from '../lib/suppression.js';
import { OPEN_CASE_AREAS, type ContactActivityData, type OpenCaseArea } from './data.js';

/** Column keys of the open-case areas (the area names have spaces, keys must not). */
export const AREA_KEYS: Record<OpenCaseArea, string> = { EDT: 'edt', MASH: 'mash', Assessment: 'assessment', 'Case Management': 'cm', CLA: 'cla', Disability: 'disability' };

export interface PublishedTable {
  spec: TableSpec;
  /** Every row (the total row last), each figure a number, "c" or null. */
  rows: Record<string, Shown | string>[];
  /** Index of the total row. */
  totalRow: number;
}

export interface ContactActivityTables {
  weekly: PublishedTable;
  /** Before and since rows; `change` is since minus before per column ("c" when either is). */
  averages: { rows: Record<string, Shown | string>[]; change: Record<string, Shown> };
  bySource: PublishedTable;
  openCase: PublishedTable;
  timeliness: PublishedTable;
}

const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
const avg = (n: number, weeks: number): number | null => (weeks === 0 ? null : n / weeks);
const minus = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : b - a);

const publish = publishRows;

export function contactActivityTables(d: ContactActivityData, variant: Variant, threshold: number): ContactActivityTables {
  const label = { key: 'label', kind: 'label' } as const;
  const weekStart = { key: 'weekStart', kind: 'label' } as const;

  // Front-door contacts per week: EDT + MASH = total, and a total row. Without a team split (Annex A) the total
  // stands alone: suppression must not treat it as the sum of two columns the source does not have.
  const split = d.available?.frontDoorSplit ?? true;
  const weeklySpec: TableSpec = {
    columns: split ? [label, weekStart, { key: 'edt', kind: 'count' }, { key: 'mash', kind: 'count' }, { key: 'total', kind: 'total', of: ['edt', 'mash'] }] : [label, weekStart, { key: 'total', kind: 'count' }],
    totalRows: [d.weeks.length],
  };
  const weeklyRows = [
    ...d.weeks.map((w) => ({ label: w.label, weekStart: w.weekStart, edt: w.edt, mash: w.mash, total: w.total })),
    { label: 'Total', weekStart: null, edt: sum(d.weeks, (w) => w.edt), mash: sum(d.weeks, (w) => w.mash), total: sum(d.weeks, (w) => w.total) },
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
          { key: 'edt', kind: 'derived', from: 'edtN' },
          { key: 'mash', kind: 'derived', from: 'mashN' },
          { key: 'total', kind: 'derived', from: 'totalN' },
        ]
      : [label, { key: 'weeks', kind: 'label' }, { key: 'totalN', kind: 'count' }, { key: 'total', kind: 'derived', from: 'totalN' }],
  };
  const avgRow = (name: string, ws: typeof d.weeks) => {
    const [edtN, mashN, totalN] = [sum(ws, (w) => w.edt), sum(ws, (w) => w.mash), sum(ws, (w) => w.total)];
    return { label: name, weeks: ws.length, edtN, mashN, totalN, edt: avg(edtN, ws.length), mash: avg(mashN, ws.length), total: avg(totalN, ws.length) };
  };
  const avgRaw = [avgRow('before', before), avgRow('since', since)];
  const avgShown = publish(avgSpec, avgRaw, variant, threshold);
  const change: Record<string, Shown> = {};
  for (const k of ['edt', 'mash', 'total'] as const) {
    const [b, s] = [avgShown[0]![k], avgShown[1]![k]];
    change[k] = b === C || s === C ? C : variant === 'public' ? whole(minus(avgRaw[0]![k] as number | null, avgRaw[1]![k] as number | null)) : minus(b as number | null, s as number | null);
  }

  // Average weekly contacts by source, before and since: suppression judges the contact counts behind the averages.
  const sourceSpec: TableSpec = {
    columns: [
      { key: 'group', kind: 'label' },
      { key: 'beforeN', kind: 'count' },
      { key: 'sinceN', kind: 'count' },
      { key: 'before', kind: 'derived', from: 'beforeN' },
      { key: 'since', kind: 'derived', from: 'sinceN' },
      { key: 'change', kind: 'difference', from: 'before', to: 'since' },
    ],
    totalRows: [d.bySource.length],
  };
  const srcRow = (group: string, beforeN: number, sinceN: number) => {
    const b = avg(beforeN, before.length);
    const s = avg(sinceN, since.length);
    return { group, beforeN, sinceN, before: b, since: s, change: minus(b, s) };
  };
  const sourceRows = [...d.bySource.map((s) => srcRow(s.group, s.beforeCount, s.sinceCount)), srcRow('Total', sum(d.bySource, (s) => s.beforeCount), sum(d.bySource, (s) => s.sinceCount))];

  // Open-case contacts (exc DV) by receiving service area per week.
  const areaKeys = OPEN_CASE_AREAS.map((a) => AREA_KEYS[a]);
  const openSpec: TableSpec = { columns: [label, weekStart, ...areaKeys.map((key) => ({ key, kind: 'count' as const })), { key: 'total', kind: 'total', of: areaKeys }], totalRows: [d.openCase.length] };
  const openRows = [
    ...d.openCase.map((w) => ({ label: w.label, weekStart: w.weekStart, ...Object.fromEntries(OPEN_CASE_AREAS.map((a) => [AREA_KEYS[a], w.byArea[a]])), total: w.total })),
    { label: 'Total', weekStart: null, ...Object.fromEntries(OPEN_CASE_AREAS.map((a) => [AREA_KEYS[a], sum(d.openCase, (w) => w.byArea[a])])), total: sum(d.openCase, (w) => w.total) },
  ];

  // Front-door contacts decided within 1 working day, per week and for the period.
  const timeSpec: TableSpec = {
    columns: [label, weekStart, { key: 'contacts', kind: 'count' }, { key: 'within', kind: 'count' }, { key: 'pct', kind: 'percent', numerator: 'within', denominator: 'contacts' }],
    totalRows: [d.timeliness.length],
  };
  const timeRow = (l: string, ws: string | null, contacts: number, within: number) => ({ label: l, weekStart: ws, contacts, within, pct: contacts === 0 ? null : within / contacts });
  const timeRows = [...d.timeliness.map((w) => timeRow(w.label, w.weekStart, w.contacts, w.within)), timeRow('Whole period', null, sum(d.timeliness, (w) => w.contacts), sum(d.timeliness, (w) => w.within))];

  const table = (spec: TableSpec, rows: Record<string, unknown>[]): PublishedTable => ({ spec, rows: publish(spec, rows, variant, threshold), totalRow: rows.length - 1 });
  return {
    weekly: table(weeklySpec, weeklyRows),
    averages: { rows: avgShown, change },
    bySource: table(sourceSpec, sourceRows),
    openCase: table(openSpec, openRows),
    timeliness: table(timeSpec, timeRows),
  };
}

/** A figure for a chart: suppressed and missing figures are left out rather than drawn as zero. */
export const plotted = (v: Shown | string | undefined): number | null => (typeof v === 'number' ? v : null);
