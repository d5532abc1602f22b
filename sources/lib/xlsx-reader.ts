// Streams an XLSX workbook sheet by sheet, row by row (exceljs' streaming reader), so large workbooks are never
// held in memory. Cells become the text a CSV export of the same sheet would hold.
import ExcelJS from 'exceljs';
import type { CsvRecord } from './csv-reader.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as text: dates as ISO (time only when there is one), errors such as #N/A as written. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const h = value.getUTCHours(), m = value.getUTCMinutes(), s = value.getUTCSeconds();
    return h || m || s ? `${date} ${pad(h)}:${pad(m)}:${pad(s)}` : date;
  }
  if (typeof value === 'object') {
    if ('error' in value) return String(value.error);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

export interface SheetRecords {
  sheet: string;
  records: AsyncIterable<CsvRecord>;
}

/** Sheets in workbook order; each sheet's records must be read before asking for the next sheet. */
export async function* readXlsxSheets(file: string): AsyncGenerator<SheetRecords> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  for await (const worksheet of reader as unknown as AsyncIterable<ExcelJS.Worksheet & AsyncIterable<ExcelJS.Row>>) {
    const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${(worksheet as unknown as { id: number }).id}`;
    async function* rows(): AsyncGenerator<CsvRecord> {
      for await (const row of worksheet) {
        const values = row.values as ExcelJS.CellValue[]; // 1-based: values[0] is empty
        const cells = values.slice(1).map(cellText);
        if (cells.every((c) => c.trim() === '')) continue;
        yield { line: row.number, cells };
      }
    }
    yield { sheet: name, records: rows() };
  }
}
