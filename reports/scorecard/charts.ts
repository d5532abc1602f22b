// The 12-month sparkline beside each KPI (vega-lite): the measure as a solid line with points, the target
// trajectory as a dashed step (a target applies from its month until the next), the reported month marked.
import type { IsoDate } from '../../core/calendar/dates.js';
import { CHART_COLOURS, type VegaLiteSpec } from '../lib/chart.js';
import { SUPPRESSED } from './format.js';
import type { ShownKpi } from './view.js';

export const SPARK = { width: 120, height: 34 };
const TARGET_COLOUR = '#c55a11';

export function sparklineSpec(k: ShownKpi, months: readonly IsoDate[]): VegaLiteSpec {
  // Suppressed months are null, so the line breaks there instead of joining across a hidden value.
  const values = k.points.map((p) => ({ month: p.month, value: p.value, target: p.target }));
  // Only the first and last months are labelled: enough to say which 12 months these are, without clutter.
  const x = {
    field: 'month',
    type: 'ordinal' as const,
    scale: { domain: [...months] },
    title: null,
    axis: {
      values: [months[0], months.at(-1)],
      labelExpr: "utcFormat(toDate(datum.value), '%b %y')",
      labelAngle: 0,
      labelFontSize: 6.5,
      labelColor: '#666',
      labelFlush: true,
      labelPadding: 1,
      domain: false,
      ticks: false,
      grid: false,
    },
  };
  const y = (field: string) => ({
    field,
    type: 'quantitative' as const,
    axis: null,
    scale: { zero: false, nice: false, padding: 4 },
  });
  return {
    width: SPARK.width,
    height: SPARK.height,
    padding: 3,
    data: { values },
    layer: [
      {
        mark: {
          type: 'line',
          interpolate: 'step-after',
          strokeDash: [3, 2],
          strokeWidth: 1.2,
          color: TARGET_COLOUR,
          invalid: 'break-paths-filter-domains',
        },
        encoding: { x, y: y('target') },
      },
      {
        mark: {
          type: 'line',
          strokeWidth: 1.5,
          color: CHART_COLOURS[0]!,
          invalid: 'break-paths-filter-domains',
          point: { filled: true, size: 12, color: CHART_COLOURS[0]! },
        },
        encoding: { x, y: y('value') },
      },
      // A suppressed month is a gap in the line with a grey "c" in it, so a run of them cannot be read as zero.
      ...(k.points.some((p) => p.suppressed)
        ? [
            {
              data: { values: k.points.filter((p) => p.suppressed).map((p) => ({ month: p.month })) },
              mark: {
                type: 'text' as const,
                text: SUPPRESSED,
                fontSize: 7,
                color: '#8c8c8c',
                baseline: 'middle' as const,
              },
              encoding: { x, y: { value: SPARK.height / 2 } },
            },
          ]
        : []),
      ...(k.latest && !k.latest.suppressed
        ? [
            {
              data: { values: [{ month: k.latest.month, value: k.latest.value }] },
              mark: { type: 'point' as const, filled: true, size: 36, color: CHART_COLOURS[0]! },
              encoding: { x, y: y('value') },
            },
          ]
        : []),
    ],
    // Transparent, so the PDF table's row shading shows through (Excel's PNG gets a white background anyway).
    config: { view: { stroke: null }, background: 'transparent' },
  } as VegaLiteSpec;
}
