// Chart specs for the annual report (vega-lite). Charts draw the published figures (tables.ts), so a public
// chart never shows a figure its table hides: "c" figures are left out and the chart's heading says so.
import { CHART_COLOURS, type VegaLiteSpec } from '../lib/chart.js';
import { PROCEDURES } from './data.js';
import { plotted, type ReportTable } from './tables.js';

const body = (t: ReportTable) => t.rows.filter((_, i) => !t.totalRows.includes(i));
const PROC_COLOURS = [CHART_COLOURS[0]!, CHART_COLOURS[2]!, CHART_COLOURS[3]!];

/** Complaints received per year, bars grouped by procedure, with the count over each bar. */
export function trendReceivedChart(t: ReportTable, procedureLabels: readonly string[]): VegaLiteSpec {
  const years = t.rows.map((r) => String(r.label));
  const values = t.rows.flatMap((r) => PROCEDURES.map((p, i) => ({ year: String(r.label), procedure: procedureLabels[i]!, n: plotted(r[p]) }))).filter((v) => v.n !== null);
  const enc = {
    x: { field: 'year', type: 'ordinal', sort: years, title: 'Financial year received', axis: { labelAngle: 0 } },
    xOffset: { field: 'procedure', sort: procedureLabels },
    y: { field: 'n', type: 'quantitative', title: 'Complaints received' },
  };
  return {
    width: 470,
    height: 170,
    data: { values },
    layer: [
      { mark: { type: 'bar' }, encoding: { ...enc, color: { field: 'procedure', type: 'nominal', title: null, sort: procedureLabels, scale: { domain: procedureLabels, range: PROC_COLOURS } } } },
      { mark: { type: 'text', dy: -6, fontSize: 8, color: '#333' }, encoding: { ...enc, text: { field: 'n', type: 'quantitative' } } },
    ],
  } as VegaLiteSpec;
}

/** One small line chart per measure: the share per year for each procedure. */
export function trendMeasuresChart(t: ReportTable, procedureLabels: readonly string[]): VegaLiteSpec {
  const measures = [
    ['upOrPartlyPct', 'Upheld or partly upheld'],
    ['within10Pct', 'Responded within 10 working days'],
    ['within20Pct', 'Responded within 20 working days'],
  ] as const;
  const years = [...new Set(t.rows.map((r) => String(r.label)))];
  const values = t.rows.flatMap((r) => measures.map(([key, name]) => ({ measure: name, procedure: String(r.procedure), year: String(r.label), pct: plotted(r[key]) }))).filter((v) => v.pct !== null);
  return {
    data: { values },
    columns: 3,
    facet: { field: 'measure', type: 'nominal', title: null, sort: measures.map(([, n]) => n), header: { labelFontSize: 9, labelFontWeight: 'bold' } },
    spec: {
      width: 140,
      height: 120,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'year', type: 'ordinal', sort: years, title: null, axis: { labelAngle: -30 } },
        y: { field: 'pct', type: 'quantitative', title: null, scale: { domain: [0, 1] }, axis: { format: '.0%', tickCount: 5 } },
        color: { field: 'procedure', type: 'nominal', title: null, sort: procedureLabels, scale: { domain: procedureLabels, range: PROC_COLOURS } },
      },
    },
  } as VegaLiteSpec;
}

const HIDDEN = 'Shown as c';

/**
 * Outcomes per procedure as 100% stacked bars (upheld, partly, not upheld, withdrawn or open). Suppressed
 * outcomes are drawn together as one grey "c" block (received less the outcomes shown), so no bar is stretched
 * to look like 100% of what is shown, and the chart reveals nothing the table does not.
 */
export function outcomesChart(t: ReportTable): VegaLiteSpec {
  const kinds = [
    ['upheld', 'Upheld'],
    ['partly', 'Partly upheld'],
    ['notUpheld', 'Not upheld'],
    ['other', 'Withdrawn or open'],
  ] as const;
  const values = body(t).flatMap((r) => {
    const shown = kinds.map(([key, name], k) => ({ procedure: String(r.label), outcome: name as string, k, n: plotted(r[key]) })).filter((v) => v.n !== null && v.n > 0);
    const received = plotted(r.received);
    const rest = received === null ? 0 : received - shown.reduce((s, v) => s + (v.n ?? 0), 0);
    return rest > 0 ? [...shown, { procedure: String(r.label), outcome: HIDDEN, k: kinds.length, n: rest }] : shown;
  });
  const domain = [...kinds.map(([, n]) => n as string), ...(values.some((v) => v.outcome === HIDDEN) ? [HIDDEN] : [])];
  return {
    width: 420,
    height: 90,
    data: { values },
    mark: 'bar',
    encoding: {
      y: { field: 'procedure', type: 'nominal', title: null, sort: body(t).map((r) => String(r.label)) },
      x: { field: 'n', type: 'quantitative', stack: 'normalize', title: 'Share of complaints received', axis: { format: '.0%' } },
      color: { field: 'outcome', type: 'nominal', title: null, sort: domain, scale: { domain, range: [CHART_COLOURS[2]!, '#f4b183', CHART_COLOURS[0]!, '#9dc3e6', '#d9d9d9'] } },
      order: { field: 'k', type: 'quantitative' },
    },
  } as VegaLiteSpec;
}

/** Horizontal bars of a table's count column, largest first, each labelled with its figure. */
export function barsChart(t: ReportTable, key: string, title: string): VegaLiteSpec {
  const values = body(t)
    .map((r) => ({ label: String(r.label), n: plotted(r[key]) }))
    .filter((v): v is { label: string; n: number } => v.n !== null && v.n > 0)
    .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label));
  const y = { field: 'label', type: 'nominal', title: null, sort: values.map((v) => v.label), axis: { labelLimit: 320 } }; // vega without a canvas overestimates text widths
  return {
    width: 380,
    height: Math.max(60, values.length * 16),
    data: { values },
    layer: [
      { mark: { type: 'bar', color: CHART_COLOURS[0] }, encoding: { y, x: { field: 'n', type: 'quantitative', title } } },
      { mark: { type: 'text', align: 'left', dx: 3, fontSize: 8, color: '#333' }, encoding: { y, x: { field: 'n', type: 'quantitative' }, text: { field: 'n', type: 'quantitative' } } },
    ],
  } as VegaLiteSpec;
}
