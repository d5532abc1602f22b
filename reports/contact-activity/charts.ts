// Chart specs for the Contact Activity appendix (vega-lite).
import { shortDayMonth } from '../../pipelines/calendar/dates.js';
import { CHART_COLOURS, type VegaLiteSpec } from '../lib/chart.js';
import type { ContactActivityData } from './data.js';

export function weeklyChart(d: ContactActivityData): VegaLiteSpec {
  const values = d.weeks.flatMap((w) => [
    { week: shortDayMonth(w.weekStart), order: w.weekStart, team: 'EDT', n: w.edt },
    { week: shortDayMonth(w.weekStart), order: w.weekStart, team: 'MASH', n: w.mash },
  ]);
  const totals = d.weeks.map((w) => ({ week: shortDayMonth(w.weekStart), n: w.total }));
  const splitWeek = d.weeks.find((w) => w.since);
  return {
    width: 470,
    height: 190,
    layer: [
      {
        data: { values },
        mark: { type: 'bar', width: { band: 0.75 } },
        encoding: {
          x: { field: 'week', type: 'ordinal', sort: d.weeks.map((w) => shortDayMonth(w.weekStart)), title: 'Week beginning', axis: { labelAngle: -45 } },
          y: { field: 'n', type: 'quantitative', aggregate: 'sum', title: 'New contacts' },
          color: { field: 'team', type: 'nominal', title: null, scale: { domain: ['MASH', 'EDT'], range: [CHART_COLOURS[0]!, CHART_COLOURS[2]!] } },
          order: { field: 'team', sort: 'descending' },
        },
      },
      {
        data: { values: totals },
        mark: { type: 'text', dy: -6, fontSize: 8, color: '#333' },
        encoding: { x: { field: 'week', type: 'ordinal', sort: d.weeks.map((w) => shortDayMonth(w.weekStart)) }, y: { field: 'n', type: 'quantitative' }, text: { field: 'n', type: 'quantitative' } },
      },
      ...(splitWeek && splitWeek !== d.weeks[0]
        ? [
            {
              data: { values: [{ week: shortDayMonth(splitWeek.weekStart), label: `Since ${shortDayMonth(splitWeek.weekStart)}` }] },
              mark: { type: 'rule' as const, strokeDash: [4, 3], color: '#7f7f7f', xOffset: -9 },
              encoding: { x: { field: 'week', type: 'ordinal' as const, sort: d.weeks.map((w) => shortDayMonth(w.weekStart)) } },
            },
          ]
        : []),
    ],
  } as VegaLiteSpec;
}

export function sourceChart(d: ContactActivityData, beforeLabel: string, sinceLabel: string): VegaLiteSpec {
  const values = d.bySource.flatMap((s) => [
    { group: s.group, when: beforeLabel, n: s.before ?? 0 },
    { group: s.group, when: sinceLabel, n: s.since ?? 0 },
  ]);
  return {
    width: 420,
    height: 260,
    data: { values },
    mark: 'bar',
    encoding: {
      y: { field: 'group', type: 'nominal', title: null },
      yOffset: { field: 'when', sort: [beforeLabel, sinceLabel] },
      x: { field: 'n', type: 'quantitative', title: 'Average contacts per week' },
      color: { field: 'when', type: 'nominal', title: null, sort: [beforeLabel, sinceLabel], scale: { range: [CHART_COLOURS[1]!, CHART_COLOURS[0]!] } },
    },
  } as VegaLiteSpec;
}
