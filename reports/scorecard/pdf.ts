// The scorecard's PDF body: the measures by priority area, each area under its name and the column headings (again,
// "(continued)", on each page it runs to; pages.ts plans the breaks), with a coloured RAG cell, the 12-month sparkline as vector SVG and the definition on every row.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { definitionText } from './definitions.js';
import type { AreaHeights, Chunk } from './pages.js';
import { directionText, formatTarget, formatValue, SUPPRESSED, type Rag } from './format.js';
import type { ShownKpi } from './view.js';

const BRAND = '#1f4e79';
/** Fill and text colour per RAG; text always says the rating too, so it reads in greyscale and to colour-blind readers. */
export const RAG_COLOURS: Record<Rag, { fill: string; text: string }> = {
  Green: { fill: '#2e7d32', text: '#ffffff' },
  Amber: { fill: '#ffc000', text: '#1f1f1f' },
  Red: { fill: '#c00000', text: '#ffffff' },
};

const COLUMNS: { header: string; width: number | '*'; align: 'left' | 'right' | 'center' }[] = [
  { header: 'Measure', width: 150, align: 'left' },
  { header: 'Month', width: 54, align: 'left' },
  { header: 'Latest', width: 62, align: 'right' },
  { header: 'Target', width: 40, align: 'right' },
  { header: 'RAG', width: 42, align: 'center' },
  { header: 'Better if', width: 38, align: 'center' },
  { header: 'Last 12 months', width: 130, align: 'center' },
  { header: 'Definition', width: '*', align: 'left' },
];
export const SPARK_PT = 124;

const n = (v: number, unit: ShownKpi['unit']): string =>
  unit === 'ratio' && !Number.isInteger(v)
    ? v.toLocaleString('en-GB', { maximumFractionDigits: 1 })
    : Math.round(v).toLocaleString('en-GB');

/** "936 of 1,226" under a percent; "1,692 / 65.4 FTE" (cases / FTE) under a caseload; nothing under a count. */
function basis(k: ShownKpi): string {
  const p = k.latest;
  if (!p || p.suppressed || p.numerator === null || k.unit === 'count') return '';
  if (k.unit === 'ratio')
    return p.denominator === null ? '' : `${n(p.numerator, 'count')} / ${n(p.denominator, 'ratio')} FTE`;
  return p.denominator === null ? '' : `${n(p.numerator, 'count')} of ${n(p.denominator, 'count')}`;
}

function row(k: ShownKpi, svg: string | null, reportMonth: string): TableCell[] {
  const p = k.latest;
  const shown = !p ? '–' : p.suppressed ? SUPPRESSED : formatValue(p.value, k.unit);
  const rag = p?.rag ?? null;
  const b = basis(k);
  return [
    { text: k.name, bold: true },
    p
      ? { text: p.periodLabel, ...(p.month !== reportMonth ? { italics: true, color: '#7f4f00' } : {}) }
      : { text: 'No data in the last 12 months', italics: true, color: '#555' },
    {
      stack: [{ text: shown, fontSize: 12, bold: true }, ...(b ? [{ text: b, fontSize: 7, color: '#555' }] : [])],
      alignment: 'right',
    },
    { text: formatTarget(p?.target ?? null, k.unit), alignment: 'right' },
    rag
      ? { text: rag, alignment: 'center', bold: true, color: RAG_COLOURS[rag].text, fillColor: RAG_COLOURS[rag].fill }
      : {
          text: p?.suppressed ? SUPPRESSED : p?.target === null || !p ? 'No target' : '–',
          alignment: 'center',
          color: '#555',
          fontSize: 7.5,
        },
    { text: directionText(k.direction), alignment: 'center' },
    svg ? { svg, width: SPARK_PT, alignment: 'center' } : { text: 'No data', color: '#555', alignment: 'center' },
    { text: definitionText(k.definition), fontSize: 7.5, color: '#333' },
  ];
}

const widths = COLUMNS.map((c) => c.width);
const cellPadding = { paddingTop: () => 4, paddingBottom: () => 4 };

/** An area's heading: its name (and "(continued)" on a later page) and the column headings. */
function areaHeading(area: string, continued: boolean, id: string, pageBreak: boolean): Content {
  const cols = COLUMNS.length;
  const areaRow: TableCell[] = [
    { text: continued ? `${area} (continued)` : area, colSpan: cols, bold: true, fontSize: 10.5, color: BRAND },
    ...Array.from({ length: cols - 1 }, () => ({ text: '' })),
  ];
  const header: TableCell[] = COLUMNS.map((c) => ({ text: c.header, style: 'th', alignment: c.align }));
  return {
    id,
    ...(pageBreak ? { pageBreak: 'before' as const } : {}),
    table: { widths, body: [areaRow, header] },
    layout: {
      fillColor: (r: number) => (r === 0 ? '#dde7f1' : BRAND),
      hLineWidth: () => 0.8,
      vLineWidth: () => 0,
      hLineColor: () => '#b7c3d0',
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    style: 'table',
    margin: [0, 0, 0, 0],
  } as Content; // pdfmake reads `id` on any node (pageBreakBefore, measureTops); its types leave it off tables
}

/** One measure's row, as its own one-row table so the page plan can place it. */
function measureRow(
  k: ShownKpi,
  i: number,
  last: boolean,
  svgs: ReadonlyMap<string, string | null>,
  reportMonth: string,
  id: string,
): Content {
  return {
    id,
    table: { widths, dontBreakRows: true, body: [row(k, svgs.get(k.measureId) ?? null, reportMonth)] },
    layout: {
      fillColor: () => (i % 2 === 1 ? '#f3f6fa' : null),
      hLineWidth: (n: number) => (n === 0 ? 0 : 0.3),
      vLineWidth: () => 0,
      hLineColor: () => '#b7c3d0',
      ...cellPadding,
    },
    style: 'table',
    margin: [0, 0, 0, last ? 10 : 0],
  } as Content;
}

/**
 * The area tables. Without a plan: every area whole, each part with an id, and an "end" mark after them, for
 * measureTops. With a plan (pages.ts, from those heights): each chunk under its heading, page breaks where planned.
 */
export function areaTables(
  areas: readonly { area: string; kpis: readonly ShownKpi[] }[],
  svgs: ReadonlyMap<string, string | null>,
  reportMonth: string,
  plan?: readonly Chunk[],
): Content[] {
  const chunks =
    plan ?? areas.map((a, area) => ({ area, from: 0, to: a.kpis.length, newPage: false, continued: false }));
  const out: Content[] = chunks.flatMap((c) => {
    const a = areas[c.area]!;
    return [
      areaHeading(a.area, c.continued, `head|${c.area}`, c.newPage),
      ...a.kpis
        .slice(c.from, c.to)
        .map((k, j) =>
          measureRow(k, c.from + j, c.from + j === a.kpis.length - 1, svgs, reportMonth, `row|${c.area}|${c.from + j}`),
        ),
    ];
  });
  return plan ? out : [...out, { text: ' ', id: 'end', fontSize: 1 }];
}

/** The heights measureTops found for each area's heading and rows (each up to where the next part starts). */
export function measuredHeights(
  areas: readonly { kpis: readonly unknown[] }[],
  tops: ReadonlyMap<string, number>,
): AreaHeights[] {
  const ids = areas.flatMap((a, i) => [`head|${i}`, ...a.kpis.map((_, j) => `row|${i}|${j}`)]).concat('end');
  const top = (id: string) => {
    const t = tops.get(id);
    if (t === undefined) throw new Error(`scorecard PDF: no measured position for ${id}`);
    return t;
  };
  const height = (id: string) => top(ids[ids.indexOf(id) + 1]!) - top(id);
  return areas.map((a, i) => ({ head: height(`head|${i}`), rows: a.kpis.map((_, j) => height(`row|${i}|${j}`)) }));
}

export function summaryText(kpis: readonly ShownKpi[], monthLabel: string, areas: number): string {
  const count = (r: Rag) => kpis.filter((k) => k.latest?.rag === r).length;
  const rated = count('Green') + count('Amber') + count('Red');
  return `${kpis.length} measures in ${areas} priority areas, for ${monthLabel}. Of the ${rated} with a target and a figure: ${count('Green')} Green, ${count('Amber')} Amber, ${count('Red')} Red.`;
}
