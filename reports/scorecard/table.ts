// The scorecard's measures table, described once: the PDF draws it in blocks by priority area (pdf.ts, with
// pages.ts's page plan) and the workbook as the filterable "Scorecard" sheet (xlsx.ts). A measure's unit decides
// how both writers show its figure and target; the RAG cell is coloured in both.
import type { CustomFormat, TableColumn, XlsxCellStyle } from '../lib/table.js';
import { definitionText } from './definitions.js';
import {
  directionText,
  excelFormat,
  excelTargetFormat,
  excelValue,
  formatTarget,
  formatValue,
  SUPPRESSED,
  type Rag,
  type Unit,
} from './format.js';
import type { ShownKpi } from './view.js';

/** Fill and text colour per RAG; text always says the rating too, so it reads in greyscale and to colour-blind readers. */
export const RAG_COLOURS: Record<Rag, { fill: string; text: string }> = {
  Green: { fill: '#2e7d32', text: '#ffffff' },
  Amber: { fill: '#ffc000', text: '#1f1f1f' },
  Red: { fill: '#c00000', text: '#ffffff' },
};
const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

export const SPARK_PT = 124;

/** A measure's figure in its unit: "75%" printed, 0.75 stored under 0%; "c" stays "c". */
export const unitFormat = (unit: Unit, numFmt = excelFormat(unit)): CustomFormat => ({
  text: (v) => (v === SUPPRESSED ? SUPPRESSED : formatValue(v as number | null, unit)),
  cell: (v) => (v === SUPPRESSED ? SUPPRESSED : excelValue(v as number | null, unit)),
  numFmt,
});
/** A target as the plan sets it (never rounded: a 49.5% target keeps its decimal). */
const targetFormat = (target: number | null, unit: Unit): CustomFormat => ({
  text: (v) => formatTarget(v as number | null, unit),
  cell: (v) => excelValue(v as number | null, unit),
  numFmt: excelTargetFormat(target, unit),
});

const n = (v: number, unit: Unit): string =>
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

const noTarget = (k: ShownKpi) => !k.latest || k.latest.target === null;
// Excel: every cell centred vertically and wrapped, figures right-aligned and not wrapped.
const middle: XlsxCellStyle = { alignment: { vertical: 'middle', wrapText: true } };
const right: XlsxCellStyle = { alignment: { horizontal: 'right', vertical: 'middle' } };
const countOf = (k: ShownKpi, v: number | null) =>
  k.unit === 'count' || !k.latest ? null : k.latest.suppressed ? SUPPRESSED : v;

/** The measures table's columns; `draw` gives each measure's sparkline SVG, `reportMonth` the scorecard month. */
export function scorecardColumns(o: {
  draw: (k: ShownKpi) => string | null;
  reportMonth: string;
}): TableColumn<ShownKpi>[] {
  return [
    {
      header: 'Priority area',
      format: 'text',
      value: (k) => k.priorityArea,
      pdf: false, // the PDF heads each area's block with it
      xlsx: { key: 'area', width: 26, style: () => middle },
    },
    {
      header: 'Measure',
      format: 'text',
      value: (k) => k.name,
      pdf: { width: 150, style: () => ({ bold: true }) },
      xlsx: { key: 'measure', width: 38, style: () => ({ ...middle, font: { bold: true } }) },
    },
    {
      header: 'Month',
      format: 'text',
      value: (k) => (k.latest ? k.latest.periodLabel : 'No data in the last 12 months'),
      pdf: {
        width: 54,
        // A measure whose source is behind shows an earlier month, marked.
        style: (k) =>
          !k.latest
            ? { italics: true, color: '#555' }
            : k.latest.month !== o.reportMonth
              ? { italics: true, color: '#7f4f00' }
              : undefined,
      },
      xlsx: { key: 'month', width: 14, style: () => middle },
    },
    {
      header: 'Latest',
      format: unitFormat('count'),
      rowFormat: (k) => unitFormat(k.unit),
      value: (k) => (!k.latest ? null : k.latest.suppressed ? SUPPRESSED : k.latest.value),
      align: 'right',
      pdf: { width: 62, style: () => ({ fontSize: 12, bold: true }), sub: basis },
      xlsx: { key: 'value', width: 10, style: () => ({ ...right, font: { bold: true } }) },
    },
    {
      header: 'Target',
      format: targetFormat(null, 'count'),
      rowFormat: (k) => targetFormat(k.latest?.target ?? null, k.unit),
      value: (k) => k.latest?.target ?? null,
      align: 'right',
      pdf: { width: 40 },
      xlsx: { key: 'target', width: 10, style: () => right },
    },
    {
      header: 'RAG',
      format: 'text',
      value: (k) => (k.latest?.suppressed ? SUPPRESSED : (k.latest?.rag ?? (noTarget(k) ? 'No target' : null))),
      missing: '–',
      pdf: {
        width: 42,
        align: 'center',
        style: (k) => {
          const rag = k.latest?.rag;
          return rag
            ? { bold: true, color: RAG_COLOURS[rag].text, fillColor: RAG_COLOURS[rag].fill }
            : { color: '#555', fontSize: 7.5 };
        },
      },
      xlsx: {
        key: 'rag',
        width: 10,
        style: (k) => {
          const rag = k.latest?.rag;
          return {
            alignment: { horizontal: 'center', vertical: 'middle' },
            ...(rag
              ? {
                  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(RAG_COLOURS[rag].fill) } },
                  font: { bold: true, color: { argb: argb(RAG_COLOURS[rag].text) } },
                }
              : { font: { size: 9, color: { argb: 'FF555555' } } }),
          };
        },
      },
    },
    {
      header: 'Better if',
      format: 'text',
      value: (k) => directionText(k.direction),
      pdf: { width: 38, align: 'center' },
      xlsx: { key: 'direction', width: 9, style: () => middle },
    },
    {
      header: 'Numerator',
      format: 'count',
      value: (k) => countOf(k, k.latest?.numerator ?? null),
      pdf: false, // the PDF says it under the figure ("936 of 1,226")
      xlsx: { key: 'numerator', width: 11, style: () => right },
    },
    {
      header: 'Denominator',
      format: 'count',
      rowFormat: (k) => (k.unit === 'ratio' ? { text: String, numFmt: '#,##0.0' } : undefined),
      value: (k) => countOf(k, k.latest?.denominator ?? null),
      pdf: false,
      xlsx: { key: 'denominator', width: 12, style: () => right },
    },
    {
      header: 'Last 12 months (target dashed)',
      format: 'text',
      value: () => null, // the workbook's sparkline is an image over the cell (xlsx.ts)
      pdf: {
        header: 'Last 12 months',
        align: 'center',
        width: 130,
        value: () => 'No data',
        style: () => ({ color: '#555' }),
        svg: { draw: o.draw, width: SPARK_PT },
      },
      xlsx: { key: 'trend', width: 23, style: () => middle },
    },
    {
      header: 'Definition',
      format: 'text',
      value: (k) => definitionText(k.definition),
      pdf: { width: '*', style: () => ({ fontSize: 7.5, color: '#333' }) },
      xlsx: { key: 'definition', width: 80, style: () => ({ ...middle, font: { size: 9 } }) },
    },
  ];
}
