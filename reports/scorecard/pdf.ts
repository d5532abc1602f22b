// The scorecard's PDF body: one table per priority area (its name and the column headings repeat on every page
// it runs to), with a coloured RAG cell, the 12-month sparkline as vector SVG and the definition on every row.
import type { Content, ContentTable, TableCell } from 'pdfmake/interfaces.js';
import { definitionText } from './definitions.js';
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

const n = (v: number, unit: ShownKpi['unit']): string => (unit === 'ratio' && !Number.isInteger(v) ? v.toLocaleString('en-GB', { maximumFractionDigits: 1 }) : Math.round(v).toLocaleString('en-GB'));

/** "936 of 1,226" under a percent; "1,692 / 65.4 FTE" (cases / FTE) under a caseload; nothing under a count. */
function basis(k: ShownKpi): string {
  const p = k.latest;
  if (!p || p.suppressed || p.numerator === null || k.unit === 'count') return '';
  if (k.unit === 'ratio') return p.denominator === null ? '' : `${n(p.numerator, 'count')} / ${n(p.denominator, 'ratio')} FTE`;
  return p.denominator === null ? '' : `${n(p.numerator, 'count')} of ${n(p.denominator, 'count')}`;
}

function row(k: ShownKpi, svg: string | null, reportMonth: string): TableCell[] {
  const p = k.latest;
  const shown = !p ? '–' : p.suppressed ? SUPPRESSED : formatValue(p.value, k.unit);
  const rag = p?.rag ?? null;
  const b = basis(k);
  return [
    { text: k.name, bold: true },
    p ? { text: p.periodLabel, ...(p.month !== reportMonth ? { italics: true, color: '#7f4f00' } : {}) } : { text: 'No data in the last 12 months', italics: true, color: '#555' },
    { stack: [{ text: shown, fontSize: 12, bold: true }, ...(b ? [{ text: b, fontSize: 7, color: '#555' }] : [])], alignment: 'right' },
    { text: formatTarget(p?.target ?? null, k.unit), alignment: 'right' },
    rag
      ? { text: rag, alignment: 'center', bold: true, color: RAG_COLOURS[rag].text, fillColor: RAG_COLOURS[rag].fill }
      : { text: p?.suppressed ? SUPPRESSED : p?.target === null || !p ? 'No target' : '–', alignment: 'center', color: '#555', fontSize: 7.5 },
    { text: directionText(k.direction), alignment: 'center' },
    svg ? { svg, width: SPARK_PT, alignment: 'center' } : { text: 'No data', color: '#555', alignment: 'center' },
    { text: definitionText(k.definition), fontSize: 7.5, color: '#333' },
  ];
}

export function areaTable(area: string, kpis: readonly ShownKpi[], svgs: ReadonlyMap<string, string | null>, reportMonth: string): Content {
  const cols = COLUMNS.length;
  const areaRow: TableCell[] = [{ text: area, colSpan: cols, bold: true, fontSize: 10.5, color: BRAND }, ...Array.from({ length: cols - 1 }, () => ({ text: '' }))];
  const header: TableCell[] = COLUMNS.map((c) => ({ text: c.header, style: 'th', alignment: c.align }));
  const table: ContentTable = {
    table: {
      headerRows: 2,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: COLUMNS.map((c) => c.width),
      body: [areaRow, header, ...kpis.map((k) => row(k, svgs.get(k.measureId) ?? null, reportMonth))],
    },
    layout: {
      fillColor: (r: number) => (r === 0 ? '#dde7f1' : r === 1 ? BRAND : r % 2 === 1 ? '#f3f6fa' : null),
      hLineWidth: (i: number) => (i <= 2 ? 0.8 : 0.3),
      vLineWidth: () => 0,
      hLineColor: () => '#b7c3d0',
      paddingTop: (r: number) => (r >= 2 ? 4 : 3),
      paddingBottom: (r: number) => (r >= 2 ? 4 : 3),
    },
    style: 'table',
    margin: [0, 0, 0, 10],
  };
  return table;
}

export function summaryText(kpis: readonly ShownKpi[], monthLabel: string, areas: number): string {
  const count = (r: Rag) => kpis.filter((k) => k.latest?.rag === r).length;
  const rated = count('Green') + count('Amber') + count('Red');
  return `${kpis.length} measures in ${areas} priority areas, for ${monthLabel}. Of the ${rated} with a target and a figure: ${count('Green')} Green, ${count('Amber')} Amber, ${count('Red')} Red.`;
}
