// One description of a report table, drawn by both writers: the PDF (pdf.ts tableContent) and the workbook
// (xlsx.ts addTableSheet). A column's format decides both how the PDF prints a figure and the workbook's number
// format, so the two cannot drift apart; where a writer shows a table differently (a column only the workbook
// has, a shorter PDF header, a row only the PDF prints), the description says so in `pdf` / `xlsx`.
import type ExcelJS from 'exceljs';
import type { TableCell } from 'pdfmake/interfaces.js';
import type { PdfColumn, PdfTable } from './pdf.js';
import { C } from './suppression.js';
import type { XlsxColumn, XlsxTable } from './xlsx.js';

/**
 * How a column's values are shown. `text`: as written. `count` (and rounded averages): whole numbers.
 * `difference`: signed whole numbers. `percent`: a share 0..1. `date`: yyyy-mm-dd, a date cell in Excel.
 * `integer`: a plain whole number (a number of weeks).
 */
export type ColumnFormat = 'text' | 'count' | 'difference' | 'percent' | 'date' | 'integer';

/** A report's own way of showing a figure (a unit the formats above do not cover), for both writers. */
export interface CustomFormat {
  /** The figure as the PDF prints it. */
  text: (v: unknown) => string;
  /** The workbook's number format. */
  numFmt?: string;
  /** The figure as the workbook stores it (a percent 75 as 0.75), when not as it is. */
  cell?: (v: unknown) => string | number | null;
}
export type Format = ColumnFormat | CustomFormat;

/** How the PDF styles a cell beyond its column's alignment. */
export interface PdfCellStyle {
  bold?: boolean;
  italics?: boolean;
  color?: string;
  fillColor?: string;
  fontSize?: number;
}
/** How the workbook styles a cell beyond its column's number format. */
export type XlsxCellStyle = Partial<Pick<ExcelJS.Style, 'font' | 'fill' | 'alignment' | 'numFmt'>>;

export interface TableColumn<R> {
  header: string;
  format: Format;
  value: (row: R) => unknown;
  /** A row printed in another format than its column's (a row of changes under rows of averages). */
  rowFormat?: (row: R) => Format | undefined;
  /** Alignment in both writers, when not the format's (figures right, text left). */
  align?: 'left' | 'right' | 'center';
  /** What the PDF prints for a missing value (null or undefined), when not the format's own (a dash for figures). */
  missing?: string;
  /** The PDF's version of the column, or false when only the workbook has it. */
  pdf?:
    | false
    | {
        header?: string;
        width?: PdfColumn['width'];
        /** The PDF's alignment, when not the column's (a centred rating the workbook leaves as text). */
        align?: 'left' | 'right' | 'center';
        value?: (row: R) => unknown;
        style?: (row: R) => PdfCellStyle | undefined;
        /** A second, smaller line under the figure (what a rate is out of). */
        sub?: (row: R) => string;
        /** A picture (a sparkline's SVG) drawn in the cell instead of its text, and its width in points. */
        svg?: { draw: (row: R) => string | null; width: number };
      };
  /** The workbook's version of the column, or false when only the PDF has it. */
  xlsx?: false | { header?: string; key?: string; width?: number; numFmt?: string; style?: (row: R) => XlsxCellStyle };
}

/** The per-writer parts of a table that differ: rows, total rows, the note. */
interface WriterPart<R> {
  rows?: R[];
  totalRows?: number[];
  /** null: no note in this writer. */
  note?: string | null;
  /** A table with no rows prints one row with this in its first cell (PDF only). */
  empty?: string;
}

export interface TableDescription<R> {
  /** The workbook's sheet name (31 characters at most). */
  sheet: string;
  title: string;
  columns: TableColumn<R>[];
  rows: R[];
  totalRows?: number[];
  note?: string;
  pdf?: WriterPart<R>;
  xlsx?: WriterPart<R>;
  /** Whether figures are the public variant's (rounded shares) or the restricted one's (a decimal place). */
  variant: 'public' | 'restricted';
}

// PDF text for a published figure: "c" stays "c", a missing figure is a dash.
const shown = (v: unknown, f: (n: number) => string): string => (v === C ? C : typeof v === 'number' ? f(v) : '–');

/** A figure as the PDF prints it. */
export function pdfText(format: Format, v: unknown): string {
  if (typeof format === 'object') return format.text(v);
  switch (format) {
    case 'text':
    case 'date':
      return v === null || v === undefined ? '' : String(v);
    case 'percent':
      return shown(v, (n) => `${Math.round(n * 100)}%`);
    case 'difference':
      return shown(v, (n) => {
        const r = Math.round(n) || 0; // never "-0"
        return `${r > 0 ? '+' : ''}${r.toLocaleString('en-GB')}`;
      });
    default:
      return shown(v, (n) => Math.round(n).toLocaleString('en-GB'));
  }
}

/** The workbook's number format for a column. */
export function xlsxNumFmt(format: Format, variant: TableDescription<unknown>['variant']): string | undefined {
  if (typeof format === 'object') return format.numFmt;
  switch (format) {
    case 'count':
      return '#,##0';
    case 'difference':
      return '+#,##0;-#,##0;0';
    case 'percent':
      return variant === 'public' ? '0%' : '0.0%';
    case 'date':
      return 'dd/mm/yyyy';
    case 'integer':
      return '0';
    default:
      return undefined;
  }
}

/** A value as the workbook holds it: numbers, text and "c" as they are, dates as dates, anything else blank. */
function xlsxCell(format: Format, v: unknown): string | number | Date | null {
  if (typeof format === 'object' && format.cell) return format.cell(v);
  if (format === 'date') return typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : null;
  return typeof v === 'number' || typeof v === 'string' ? v : null;
}

const noteOf = (t: TableDescription<unknown>, part: WriterPart<unknown> | undefined) =>
  part?.note === null ? undefined : (part?.note ?? t.note) || undefined;

const alignOf = (c: TableColumn<never>): 'left' | 'right' | 'center' | undefined =>
  (c.pdf ? c.pdf.align : undefined) ?? c.align ?? (c.format === 'text' || c.format === 'date' ? undefined : 'right');

function pdfCellText<R>(c: TableColumn<R>, r: R): string {
  const v = (c.pdf && c.pdf.value ? c.pdf.value : c.value)(r);
  return (v === null || v === undefined) && c.missing !== undefined
    ? c.missing
    : pdfText(c.rowFormat?.(r) ?? c.format, v);
}

/** The table as the PDF draws it. */
export function toPdfTable<R>(t: TableDescription<R>): PdfTable {
  const cols = t.columns.filter((c) => c.pdf !== false);
  const rows = t.pdf?.rows ?? t.rows;
  const note = noteOf(t as TableDescription<unknown>, t.pdf);
  const columns: PdfColumn[] = cols.map((c) => {
    const p = c.pdf || {};
    return {
      header: p.header ?? c.header,
      ...(alignOf(c) ? { align: alignOf(c) } : {}),
      ...(p.width !== undefined ? { width: p.width } : {}),
    };
  });
  return {
    title: t.title,
    columns,
    rows:
      rows.length || t.pdf?.empty === undefined
        ? rows.map((r) => cols.map((c) => pdfCellText(c, r)))
        : [cols.map((_, i) => (i === 0 ? t.pdf!.empty! : ''))],
    totalRows: t.pdf?.totalRows ?? t.totalRows ?? [],
    ...(note ? { note } : {}),
  };
}

/** One cell as the PDF draws it: its text (with any second line) or its picture, aligned and styled. */
function pdfCell<R>(c: TableColumn<R>, r: R): TableCell {
  const p = c.pdf || {};
  const alignment = alignOf(c) ?? 'left';
  const svg = p.svg?.draw(r);
  if (p.svg && svg) return { svg, width: p.svg.width, alignment };
  const text = { text: pdfCellText(c, r), ...p.style?.(r) };
  if (!p.sub) return { ...text, alignment };
  const sub = p.sub(r);
  return { stack: [text, ...(sub ? [{ text: sub, fontSize: 7, color: '#555' }] : [])], alignment };
}

/**
 * The PDF's parts of a table for a report that lays its rows out itself (in blocks, with its own rules and page
 * plan): the column headings, the widths, and a row's cells.
 */
export function pdfParts<R>(t: Pick<TableDescription<R>, 'columns'>): {
  /** Fresh cells on each call: pdfmake writes its layout into the cells it draws. */
  headers: () => TableCell[];
  widths: NonNullable<PdfColumn['width']>[];
  cells: (row: R) => TableCell[];
} {
  const cols = t.columns.filter((c) => c.pdf !== false);
  return {
    headers: () =>
      cols.map((c) => ({
        text: (c.pdf ? c.pdf.header : undefined) ?? c.header,
        style: 'th',
        alignment: alignOf(c) ?? 'left',
      })),
    widths: cols.map((c) => (c.pdf ? c.pdf.width : undefined) ?? 'auto'),
    cells: (r) => cols.map((c) => pdfCell(c, r)),
  };
}

/** The table as the workbook writes it (one sheet); chart images are added by the caller. */
export function toXlsxTable<R>(t: TableDescription<R>): XlsxTable {
  const cols = t.columns.filter((c) => c.xlsx !== false);
  const rows = t.xlsx?.rows ?? t.rows;
  const note = noteOf(t as TableDescription<unknown>, t.xlsx);
  const keyOf = (c: TableColumn<R>, i: number) => (c.xlsx && c.xlsx.key) || `c${i}`;
  const columns: XlsxColumn[] = cols.map((c, i) => {
    const x = c.xlsx || {};
    const numFmt = x.numFmt ?? xlsxNumFmt(c.format, t.variant);
    return {
      header: x.header ?? c.header,
      key: keyOf(c, i),
      width: x.width ?? 12,
      ...(numFmt ? { numFmt } : {}),
      ...(c.align ? { align: c.align } : {}),
    };
  });
  // A row in its own format (rowFormat) or styled (xlsx.style) gets its own cell formats.
  const cellFormats = rows.map((r) =>
    Object.fromEntries(
      cols.flatMap((c, i) => {
        const f = c.rowFormat?.(r);
        const numFmt = f === undefined ? undefined : xlsxNumFmt(f, t.variant);
        const style = c.xlsx ? c.xlsx.style?.(r) : undefined;
        return numFmt || style ? [[keyOf(c, i), { ...(numFmt ? { numFmt } : {}), ...style }]] : [];
      }),
    ),
  );
  const totalRows = t.xlsx?.totalRows ?? t.totalRows;
  return {
    sheet: t.sheet,
    title: t.title,
    columns,
    rows: rows.map((r) =>
      Object.fromEntries(cols.map((c, i) => [keyOf(c, i), xlsxCell(c.rowFormat?.(r) ?? c.format, c.value(r))])),
    ),
    ...(cellFormats.some((f) => Object.keys(f).length) ? { cellFormats } : {}),
    ...(totalRows ? { totalRows } : {}),
    ...(note ? { note } : {}),
  };
}
