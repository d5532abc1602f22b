// One description of a report table, drawn by both writers: the PDF (pdf.ts tableContent) and the workbook
// (xlsx.ts addTableSheet). A column's format decides both how the PDF prints a figure and the workbook's number
// format, so the two cannot drift apart; where a writer shows a table differently (a column only the workbook
// has, a shorter PDF header, a row only the PDF prints), the description says so in `pdf` / `xlsx`.
import type { PdfColumn, PdfTable } from './pdf.js';
import { C } from './suppression.js';
import type { XlsxColumn, XlsxTable } from './xlsx.js';

/**
 * How a column's values are shown. `text`: as written. `count` (and rounded averages): whole numbers.
 * `difference`: signed whole numbers. `percent`: a share 0..1. `date`: yyyy-mm-dd, a date cell in Excel.
 * `integer`: a plain whole number (a number of weeks).
 */
export type ColumnFormat = 'text' | 'count' | 'difference' | 'percent' | 'date' | 'integer';

export interface TableColumn<R> {
  header: string;
  format: ColumnFormat;
  value: (row: R) => unknown;
  /** A row printed in another format than its column's (a row of changes under rows of averages). */
  rowFormat?: (row: R) => ColumnFormat | undefined;
  /** What the PDF prints for a missing value (null or undefined), when not the format's own (a dash for figures). */
  missing?: string;
  /** The PDF's version of the column, or false when only the workbook has it. */
  pdf?: false | { header?: string; width?: PdfColumn['width']; value?: (row: R) => unknown };
  /** The workbook's version of the column, or false when only the PDF has it. */
  xlsx?: false | { header?: string; key?: string; width?: number; numFmt?: string };
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
export function pdfText(format: ColumnFormat, v: unknown): string {
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
export function xlsxNumFmt(format: ColumnFormat, variant: TableDescription<unknown>['variant']): string | undefined {
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
function xlsxCell(format: ColumnFormat, v: unknown): string | number | Date | null {
  if (format === 'date') return typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : null;
  return typeof v === 'number' || typeof v === 'string' ? v : null;
}

const noteOf = (t: TableDescription<unknown>, part: WriterPart<unknown> | undefined) =>
  part?.note === null ? undefined : (part?.note ?? t.note) || undefined;

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
      ...(c.format === 'text' || c.format === 'date' ? {} : { align: 'right' as const }),
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

/** The table as the workbook writes it (one sheet); chart images are added by the caller. */
export function toXlsxTable<R>(t: TableDescription<R>): XlsxTable {
  const cols = t.columns.filter((c) => c.xlsx !== false);
  const rows = t.xlsx?.rows ?? t.rows;
  const note = noteOf(t as TableDescription<unknown>, t.xlsx);
  const keyOf = (c: TableColumn<R>, i: number) => (c.xlsx && c.xlsx.key) || `c${i}`;
  const columns: XlsxColumn[] = cols.map((c, i) => {
    const x = c.xlsx || {};
    const numFmt = x.numFmt ?? xlsxNumFmt(c.format, t.variant);
    return { header: x.header ?? c.header, key: keyOf(c, i), width: x.width ?? 12, ...(numFmt ? { numFmt } : {}) };
  });
  const totalRows = t.xlsx?.totalRows ?? t.totalRows;
  return {
    sheet: t.sheet,
    title: t.title,
    columns,
    rows: rows.map((r) => Object.fromEntries(cols.map((c, i) => [keyOf(c, i), xlsxCell(c.format, c.value(r))]))),
    ...(totalRows ? { totalRows } : {}),
    ...(note ? { note } : {}),
  };
}
