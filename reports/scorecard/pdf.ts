// The scorecard's PDF body: the measures by priority area, each area under its name and the column headings (again,
// "(continued)", on each page it runs to; pages.ts plans the breaks), with a coloured RAG cell, the 12-month sparkline as vector SVG and the definition on every row.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { pdfParts } from '../lib/table.js';
import type { AreaHeights, Chunk } from './pages.js';
import type { Rag } from './format.js';
import { scorecardColumns } from './table.js';
import type { ShownKpi } from './view.js';

const BRAND = '#1f4e79';

type Parts = ReturnType<typeof pdfParts<ShownKpi>>;
const cellPadding = { paddingTop: () => 4, paddingBottom: () => 4 };

/** An area's heading: its name (and "(continued)" on a later page) and the column headings. */
function areaHeading(parts: Parts, area: string, continued: boolean, id: string, pageBreak: boolean): Content {
  const cols = parts.widths.length;
  const areaRow: TableCell[] = [
    { text: continued ? `${area} (continued)` : area, colSpan: cols, bold: true, fontSize: 10.5, color: BRAND },
    ...Array.from({ length: cols - 1 }, () => ({ text: '' })),
  ];
  return {
    id,
    ...(pageBreak ? { pageBreak: 'before' as const } : {}),
    table: { widths: parts.widths, body: [areaRow, parts.headers()] },
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
function measureRow(parts: Parts, k: ShownKpi, i: number, last: boolean, id: string): Content {
  return {
    id,
    table: { widths: parts.widths, dontBreakRows: true, body: [parts.cells(k)] },
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
  const parts = pdfParts({ columns: scorecardColumns({ draw: (k) => svgs.get(k.measureId) ?? null, reportMonth }) });
  const chunks =
    plan ?? areas.map((a, area) => ({ area, from: 0, to: a.kpis.length, newPage: false, continued: false }));
  const out: Content[] = chunks.flatMap((c) => {
    const a = areas[c.area]!;
    return [
      areaHeading(parts, a.area, c.continued, `head|${c.area}`, c.newPage),
      ...a.kpis
        .slice(c.from, c.to)
        .map((k, j) =>
          measureRow(parts, k, c.from + j, c.from + j === a.kpis.length - 1, `row|${c.area}|${c.from + j}`),
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
