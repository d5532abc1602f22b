// The Excel frame every appendix shares: one sheet per table with a title, frozen header, number formats,
// widths and the table's chart as an image, plus an "About" sheet with source, run, data-as-at and definitions.
import ExcelJS from 'exceljs';
import { ukDateTime, type AppendixMeta, type Definition } from './appendix.js';
import { cellText, cellValue } from './spreadsheet-text.js';

const BRAND = 'FF1F4E79';

export interface XlsxColumn {
  header: string;
  key: string;
  width: number;
  /** Excel number format, e.g. '#,##0', '0.0', '0%'. */
  numFmt?: string;
  /** The heading's and cells' alignment, when not the number format's (figures right, text left). */
  align?: 'left' | 'right' | 'center';
}

export interface XlsxTable {
  sheet: string;
  title: string;
  columns: XlsxColumn[];
  rows: Record<string, string | number | Date | null>[];
  totalRows?: number[];
  /** Per row, by column key: a cell's own number format, font, fill or alignment (set last). */
  cellFormats?: Record<string, Partial<Pick<ExcelJS.Style, 'numFmt' | 'font' | 'fill' | 'alignment'>>>[];
  note?: string;
  chartPng?: { png: Buffer; width: number; height: number };
}

/** Header row index (1-based) of every table sheet, so readers know where the data starts. */
export const TABLE_HEADER_ROW = 4;

export function newWorkbook(meta: AppendixMeta): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.council;
  wb.title = `Appendix ${meta.appendixNumber} - ${meta.title}`;
  wb.created = new Date(meta.generatedAt);
  return wb;
}

export function addTableSheet(wb: ExcelJS.Workbook, meta: AppendixMeta, t: XlsxTable): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(t.sheet, {
    views: [{ state: 'frozen', ySplit: TABLE_HEADER_ROW }],
    properties: { tabColor: { argb: BRAND } },
  });
  ws.columns = t.columns.map((c) => ({ key: c.key, width: c.width }));
  ws.getCell('A1').value = cellText(t.title);
  ws.getCell('A1').font = { bold: true, size: 14, color: { argb: BRAND } };
  ws.getCell('A2').value = cellText(
    `${meta.council} · Appendix ${meta.appendixNumber} · ${meta.period} · Data as at ${ukDateTime(meta.dataAsAt)}${meta.variant === 'restricted' ? ' · RESTRICTED' : ''}`,
  );
  ws.getCell('A2').font = { italic: true, size: 9, color: { argb: 'FF555555' } };
  markRestricted(ws, meta);
  const header = ws.getRow(TABLE_HEADER_ROW);
  t.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = cellText(c.header);
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: BRAND } };
    cell.alignment = { vertical: 'middle', wrapText: true, horizontal: c.align ?? (c.numFmt ? 'right' : 'left') };
  });
  header.height = 30;
  t.rows.forEach((r, i) => {
    const row = ws.getRow(TABLE_HEADER_ROW + 1 + i);
    t.columns.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      // Row labels can come from the exports (a team name): never a formula there.
      cell.value = cellValue(r[c.key] ?? null);
      if (c.numFmt) cell.numFmt = c.numFmt;
      // A suppressed figure ("c") is text in a number column: line it up with the numbers.
      if (c.numFmt && typeof cell.value === 'string') cell.alignment = { horizontal: 'right' };
      if (t.totalRows?.includes(i)) {
        cell.font = { bold: true };
        cell.border = { top: { style: 'thin' } };
      }
      const f = t.cellFormats?.[i]?.[c.key];
      if (f?.numFmt) cell.numFmt = f.numFmt;
      if (f?.font) cell.font = f.font;
      if (f?.fill) cell.fill = f.fill;
      if (f?.alignment) cell.alignment = f.alignment;
    });
  });
  const after = TABLE_HEADER_ROW + t.rows.length + 2;
  if (t.note) {
    ws.getCell(`A${after}`).value = cellText(t.note);
    ws.getCell(`A${after}`).font = { italic: true, size: 9 };
  }
  if (t.chartPng) {
    const id = wb.addImage({ buffer: t.chartPng.png as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(id, {
      tl: { col: t.columns.length + 1, row: TABLE_HEADER_ROW - 1 },
      ext: { width: t.chartPng.width, height: t.chartPng.height },
    });
  }
  return ws;
}

/**
 * A restricted workbook says so on every sheet, on screen (row 3, red) and on paper (print header and footer),
 * because sheets get copied out of workbooks on their own.
 */
export function markRestricted(ws: ExcelJS.Worksheet, meta: AppendixMeta): void {
  if (meta.variant !== 'restricted') return;
  ws.getCell('A3').value = 'RESTRICTED: not for publication. Small numbers are not suppressed.';
  ws.getCell('A3').font = { bold: true, color: { argb: 'FFC00000' } };
  ws.headerFooter.oddHeader = '&C&"-,Bold"&KC00000RESTRICTED';
  ws.headerFooter.oddFooter = '&C&"-,Bold"&KC00000RESTRICTED&R&P of &N';
}

export function addAboutSheet(wb: ExcelJS.Workbook, meta: AppendixMeta, defs: readonly Definition[]): void {
  const ws = wb.addWorksheet('About');
  markRestricted(ws, meta);
  ws.columns = [{ width: 34 }, { width: 110 }];
  const rows: [string, string][] = [
    ['Appendix', `Appendix ${meta.appendixNumber} – ${meta.title}`],
    ['Council', `${meta.council}, ${meta.directorate}`],
    ['Committee', `${meta.committee}${meta.meetingDate ? `, ${meta.meetingDate}` : ''}`],
    ['Period', meta.period],
    ['Data as at', ukDateTime(meta.dataAsAt)],
    ['Source', meta.source],
    ['Run', meta.runId],
    ['Generated', ukDateTime(meta.generatedAt)],
    [
      'Variant',
      meta.variant === 'restricted' ? 'RESTRICTED: not for publication; small numbers are not suppressed' : 'Public',
    ],
    [
      'Conventions',
      'Weeks run Monday to Sunday. Working days exclude weekends and England & Wales bank holidays. Financial years start on 1 April.',
    ],
  ];
  ws.getCell('A1').value = 'About this appendix';
  ws.getCell('A1').font = { bold: true, size: 14, color: { argb: BRAND } };
  let r = meta.variant === 'restricted' ? 4 : 3; // row 3 holds the restricted marking
  for (const [k, v] of rows) {
    ws.getCell(`A${r}`).value = k;
    ws.getCell(`A${r}`).font = { bold: true };
    ws.getCell(`B${r}`).value = cellText(v);
    ws.getCell(`B${r}`).alignment = { wrapText: true, vertical: 'top' };
    r++;
  }
  r++;
  ws.getCell(`A${r}`).value = 'Definitions';
  ws.getCell(`A${r}`).font = { bold: true, size: 12, color: { argb: BRAND } };
  r++;
  for (const d of defs) {
    ws.getCell(`A${r}`).value = cellText(d.term);
    ws.getCell(`A${r}`).font = { bold: true };
    ws.getCell(`A${r}`).alignment = { wrapText: true, vertical: 'top' };
    ws.getCell(`B${r}`).value = cellText(d.text);
    ws.getCell(`B${r}`).alignment = { wrapText: true, vertical: 'top' };
    r++;
  }
}
