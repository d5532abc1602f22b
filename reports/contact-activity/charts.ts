// Chart specs for the Contact Activity appendix (vega-lite).
import { shortDayMonth } from '../../core/calendar/dates.js';
import { CHART_COLOURS, type VegaLiteSpec } from '../lib/chart.js';
import type { ContactActivityData } from './data.js';
import { plotted, type ContactActivityTables } from './tables.js';

// Charts draw the published figures (tables.ts), so a public chart never shows a figure its table hides:
// suppressed ("c") figures are left out of the chart, and the chart's note says so.

const bodyRows = (t: { rows: Record<string, unknown>[]; totalRow: number }) =>
  t.rows.filter((_, i) => i !== t.totalRow);

export function weeklyChart(d: ContactActivityData, t: ContactActivityTables): VegaLiteSpec {
  const rows = bodyRows(t.weekly);
  // Without a team split (Annex A) each week is one bar of all contacts.
  const split = d.available?.frontDoorSplit ?? true;
  const values = d.weeks
    .flatMap((w, i) =>
      split
        ? [
            { week: shortDayMonth(w.weekStart), order: w.weekStart, team: 'EDT', n: plotted(rows[i]?.edt as never) },
            { week: shortDayMonth(w.weekStart), order: w.weekStart, team: 'MASH', n: plotted(rows[i]?.mash as never) },
          ]
        : [
            {
              week: shortDayMonth(w.weekStart),
              order: w.weekStart,
              team: 'All contacts',
              n: plotted(rows[i]?.total as never),
            },
          ],
    )
    .filter((v) => v.n !== null);
  const totals = d.weeks
    .map((w, i) => ({ week: shortDayMonth(w.weekStart), n: plotted(rows[i]?.total as never) }))
    .filter((v) => v.n !== null);
  const splitWeek = d.weeks.find((w) => w.since);
  return {
    width: 470,
    height: 190,
    layer: [
      {
        data: { values },
        mark: { type: 'bar', width: { band: 0.75 } },
        encoding: {
          x: {
            field: 'week',
            type: 'ordinal',
            sort: d.weeks.map((w) => shortDayMonth(w.weekStart)),
            title: 'Week beginning',
            axis: { labelAngle: -45 },
          },
          y: { field: 'n', type: 'quantitative', aggregate: 'sum', title: 'New contacts' },
          color: split
            ? {
                field: 'team',
                type: 'nominal',
                title: null,
                scale: { domain: ['MASH', 'EDT'], range: [CHART_COLOURS[0]!, CHART_COLOURS[2]!] },
              }
            : {
                field: 'team',
                type: 'nominal',
                title: null,
                scale: { domain: ['All contacts'], range: [CHART_COLOURS[0]!] },
              },
          order: { field: 'team', sort: 'descending' },
        },
      },
      {
        data: { values: totals },
        mark: { type: 'text', dy: -6, fontSize: 8, color: '#333' },
        encoding: {
          x: { field: 'week', type: 'ordinal', sort: d.weeks.map((w) => shortDayMonth(w.weekStart)) },
          y: { field: 'n', type: 'quantitative' },
          text: { field: 'n', type: 'quantitative' },
        },
      },
      ...(splitWeek && splitWeek !== d.weeks[0]
        ? [
            {
              data: {
                values: [
                  { week: shortDayMonth(splitWeek.weekStart), label: `Since ${shortDayMonth(splitWeek.weekStart)}` },
                ],
              },
              mark: { type: 'rule' as const, strokeDash: [4, 3], color: '#7f7f7f' },
              // At the start of the split week's band, i.e. in the gap before its bar, clear of the bar labels.
              encoding: {
                x: {
                  field: 'week',
                  type: 'ordinal' as const,
                  sort: d.weeks.map((w) => shortDayMonth(w.weekStart)),
                  bandPosition: 0,
                },
              },
            },
          ]
        : []),
    ],
  };
}

export function sourceChart(t: ContactActivityTables, beforeLabel: string, sinceLabel: string): VegaLiteSpec {
  const values = bodyRows(t.bySource)
    .flatMap((s) => [
      { group: String(s.group), when: beforeLabel, n: plotted(s.before as never) },
      { group: String(s.group), when: sinceLabel, n: plotted(s.since as never) },
    ])
    .filter((v) => v.n !== null);
  return {
    width: 420,
    height: 260,
    data: { values },
    mark: 'bar',
    encoding: {
      y: { field: 'group', type: 'nominal', title: null },
      yOffset: { field: 'when', sort: [beforeLabel, sinceLabel] },
      x: { field: 'n', type: 'quantitative', title: 'Average contacts per week' },
      color: {
        field: 'when',
        type: 'nominal',
        title: null,
        sort: [beforeLabel, sinceLabel],
        scale: { range: [CHART_COLOURS[1]!, CHART_COLOURS[0]!] },
      },
    },
  };
}

const AREA_PALETTE = ['#c55a11', '#1f4e79', '#9dc3e6', '#70ad47', '#7f6000', '#7030a0'];

/** Open-case contacts (exc DV) per week (or block of weeks), stacked by receiving service area (or group), as published. */
export function openCaseChart(_d: ContactActivityData, t: ContactActivityTables): VegaLiteSpec {
  const oc = t.openCase;
  const rows = bodyRows(oc);
  const names = oc.columns.map((c) => c.header);
  const suppressed = `${oc.grain.columns === 'service group' ? 'Groups' : 'Areas'} shown as c`;
  const weeks = rows.map((r) => shortDayMonth(String(r.weekStart)));
  const values = rows
    .flatMap((r, i) => oc.columns.map((c, k) => ({ week: weeks[i], area: c.header, k, n: plotted(r[c.key] as never) })))
    .filter((v) => v.n !== null && v.n > 0);
  // Suppressed areas are drawn together as one grey "c" block (the row's total less the areas shown), so bars
  // keep their true height without revealing more than the table does.
  const hiddenKey = oc.columns.length;
  rows.forEach((r, i) => {
    const total = plotted(r.total as never);
    const shownSum = values.filter((v) => v.week === weeks[i]).reduce((s, v) => s + (v.n ?? 0), 0);
    if (total !== null && total > shownSum && oc.columns.some((c) => r[c.key] === 'c'))
      values.push({ week: weeks[i], area: suppressed, k: hiddenKey, n: total - shownSum });
  });
  const domain = [...names, ...(values.some((v) => v.k === hiddenKey) ? [suppressed] : [])];
  return {
    width: 470,
    height: 120, // short enough to share a page with a 19-week table, legend in two rows
    data: { values },
    mark: { type: 'bar', width: { band: 0.75 } },
    encoding: {
      x: {
        field: 'week',
        type: 'ordinal',
        sort: weeks,
        title: oc.grain.weeks === 1 ? 'Week beginning' : `${oc.grain.weeks} weeks beginning`,
        axis: { labelAngle: -45 },
      },
      y: { field: 'n', type: 'quantitative', aggregate: 'sum', title: 'Open-case contacts' },
      // Four to a row: one long row of seven made the chart wider than the page, which then drew it at 3/4 width.
      color: {
        field: 'area',
        type: 'nominal',
        title: null,
        sort: domain,
        scale: {
          domain,
          range: domain.map((n, i) => (n === suppressed ? '#d9d9d9' : AREA_PALETTE[i % AREA_PALETTE.length]!)),
        },
        legend: { columns: 4 },
      },
      order: { field: 'k', type: 'quantitative' },
    },
  };
}

/** Share of front-door contacts decided within 1 working day, per week, with the whole period as a dashed line. */
export function timelinessChart(d: ContactActivityData, t: ContactActivityTables): VegaLiteSpec {
  const rows = bodyRows(t.timeliness);
  const weeks = d.timeliness.map((w) => shortDayMonth(w.weekStart));
  const values = d.timeliness
    .map((_, i) => ({ week: weeks[i], pct: plotted(rows[i]?.pct as never) }))
    .filter((v) => v.pct !== null);
  const overall = plotted(t.timeliness.rows[t.timeliness.totalRow]?.pct);
  // A line on an axis fitted to the figures (to the nearest 5%, with room around them): on 0-100% a 64-78% range
  // is a flat line. The weekly figures are in the table above, so the points are not labelled (labels collided
  // with the dashed whole-period line); the whole period is labelled at the line's end.
  const shown = [...values.map((v) => v.pct!), ...(overall === null ? [] : [overall])];
  const lo = shown.length ? Math.max(0, Math.floor((Math.min(...shown) - 0.05) * 20) / 20) : 0;
  const hi = shown.length ? Math.min(1, Math.ceil((Math.max(...shown) + 0.05) * 20) / 20) : 1;
  return {
    width: 470,
    height: 110, // with its 19-week table on one page
    layer: [
      {
        data: { values },
        mark: { type: 'line', point: { filled: true, size: 30 }, color: CHART_COLOURS[0] },
        encoding: {
          x: { field: 'week', type: 'ordinal', sort: weeks, title: 'Week beginning', axis: { labelAngle: -45 } },
          y: {
            field: 'pct',
            type: 'quantitative',
            title: 'Within 1 working day',
            scale: { domain: [lo, hi], zero: false },
            axis: { format: '.0%', tickCount: 4 },
          },
        },
      },
      ...(overall === null
        ? []
        : [
            {
              data: { values: [{ pct: overall }] },
              mark: { type: 'rule' as const, strokeDash: [4, 3], color: CHART_COLOURS[2] },
              encoding: { y: { field: 'pct', type: 'quantitative' as const } },
            },
            {
              data: { values: [{ pct: overall, label: `Whole period ${Math.round(overall * 100)}%` }] },
              mark: {
                type: 'text' as const,
                align: 'right' as const,
                baseline: 'bottom' as const,
                dy: -2,
                x: 470,
                fontSize: 8,
                color: CHART_COLOURS[2],
              },
              encoding: {
                y: { field: 'pct', type: 'quantitative' as const },
                text: { field: 'label', type: 'nominal' as const },
              },
            },
          ]),
    ],
  };
}
