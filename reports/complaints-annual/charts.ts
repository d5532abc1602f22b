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
  const values = t.rows
    .flatMap((r) =>
      PROCEDURES.map((p, i) => ({ year: String(r.label), procedure: procedureLabels[i]!, n: plotted(r[p]) })),
    )
    .filter((v) => v.n !== null);
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
      {
        mark: { type: 'bar' },
        encoding: {
          ...enc,
          color: {
            field: 'procedure',
            type: 'nominal',
            title: null,
            sort: procedureLabels,
            scale: { domain: procedureLabels, range: PROC_COLOURS },
          },
        },
      },
      {
        mark: { type: 'text', dy: -6, fontSize: 8, color: '#333' },
        encoding: { ...enc, text: { field: 'n', type: 'quantitative' } },
      },
    ],
  } as VegaLiteSpec;
}

/**
 * One line chart per measure, stacked full width (three side by side were too small to read), each with its own
 * axis labels: the share per year for each procedure.
 */
export function trendMeasuresChart(t: ReportTable, procedureLabels: readonly string[]): VegaLiteSpec {
  const measures = [
    ['upOrPartlyPct', 'Upheld or partly upheld'],
    ['within10Pct', 'Responded within 10 working days'],
    ['within20Pct', 'Responded within 20 working days'],
  ] as const;
  const years = [...new Set(t.rows.map((r) => String(r.label)))];
  const values = t.rows
    .flatMap((r) =>
      measures.map(([key, name]) => ({
        measure: name,
        procedure: String(r.procedure),
        year: String(r.label),
        pct: plotted(r[key]),
      })),
    )
    .filter((v) => v.pct !== null);
  return {
    data: { values },
    columns: 1,
    facet: {
      field: 'measure',
      type: 'nominal',
      title: null,
      sort: measures.map(([, n]) => n),
      header: { labelFontSize: 10, labelFontWeight: 'bold', labelAnchor: 'start' },
    },
    resolve: { axis: { x: 'independent', y: 'independent' } },
    spec: {
      width: 420,
      height: 95,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'year', type: 'ordinal', sort: years, title: null, axis: { labelAngle: 0 } },
        y: {
          field: 'pct',
          type: 'quantitative',
          title: null,
          scale: { domain: [0, 1] },
          axis: { format: '.0%', tickCount: 5 },
        },
        color: {
          field: 'procedure',
          type: 'nominal',
          title: null,
          sort: procedureLabels,
          scale: { domain: procedureLabels, range: PROC_COLOURS },
        },
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
  // Where upheld or partly upheld is "c" but their sum is shown (the usual public case), the sum is drawn as one
  // segment, so the chart still shows how many were upheld at all; the legend names only what is drawn.
  const COMBINED = 'Upheld or partly';
  const values = body(t).flatMap((r) => {
    const split = typeof r.upheld === 'number' && typeof r.partly === 'number';
    const upOrPartly = plotted(r.upOrPartly);
    const parts = split || upOrPartly === null ? kinds : kinds.filter(([key]) => key !== 'upheld' && key !== 'partly');
    const shown = [
      ...(split || upOrPartly === null
        ? []
        : [{ procedure: String(r.label), outcome: COMBINED, k: 0.5, n: upOrPartly as number | null }]),
      ...parts.map(([key, name]) => ({
        procedure: String(r.label),
        outcome: name,
        k: kinds.findIndex(([k2]) => k2 === key),
        n: plotted(r[key]),
      })),
    ].filter((v) => v.n !== null && v.n > 0);
    const received = plotted(r.received);
    const rest = received === null ? 0 : received - shown.reduce((s, v) => s + (v.n ?? 0), 0);
    return rest > 0 ? [...shown, { procedure: String(r.label), outcome: HIDDEN, k: kinds.length, n: rest }] : shown;
  });
  const colours: Record<string, string> = {
    Upheld: CHART_COLOURS[2]!,
    'Partly upheld': '#f4b183',
    [COMBINED]: '#e2844a',
    'Not upheld': CHART_COLOURS[0]!,
    'Withdrawn or open': '#9dc3e6',
    [HIDDEN]: '#d9d9d9',
  };
  const drawn = new Set(values.map((v) => v.outcome));
  const domain = ['Upheld', 'Partly upheld', COMBINED, 'Not upheld', 'Withdrawn or open', HIDDEN].filter((o) =>
    drawn.has(o),
  );
  return {
    width: 420,
    height: 90,
    data: { values },
    mark: 'bar',
    encoding: {
      y: { field: 'procedure', type: 'nominal', title: null, sort: body(t).map((r) => String(r.label)) },
      x: {
        field: 'n',
        type: 'quantitative',
        stack: 'normalize',
        title: 'Share of complaints received',
        axis: { format: '.0%' },
      },
      color: {
        field: 'outcome',
        type: 'nominal',
        title: null,
        sort: domain,
        scale: { domain, range: domain.map((o) => colours[o]!) },
        legend: { columns: 3 },
      },
      order: { field: 'k', type: 'quantitative' },
    },
  };
}

/** Horizontal bars of a table's count column, largest first, each labelled with its figure. */
export function barsChart(t: ReportTable, key: string, title: string): VegaLiteSpec {
  const values = body(t)
    .map((r) => ({ label: String(r.label), n: plotted(r[key]) }))
    .filter((v): v is { label: string; n: number } => v.n !== null && v.n > 0)
    .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label));
  const y = {
    field: 'label',
    type: 'nominal',
    title: null,
    sort: values.map((v) => v.label),
    axis: { labelLimit: 320 },
  }; // vega without a canvas overestimates text widths
  return {
    width: 380,
    height: Math.max(60, values.length * 16),
    data: { values },
    layer: [
      {
        mark: { type: 'bar', color: CHART_COLOURS[0] },
        encoding: { y, x: { field: 'n', type: 'quantitative', title } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 8, color: '#333' },
        encoding: { y, x: { field: 'n', type: 'quantitative' }, text: { field: 'n', type: 'quantitative' } },
      },
    ],
  } as VegaLiteSpec;
}
