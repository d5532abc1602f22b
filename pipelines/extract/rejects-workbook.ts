// The rejected-rows workbook: what the performance team fixes at source. A summary of every current file, then
// one sheet per source listing each rejected row's file, line, field, value and reason.
import ExcelJS from 'exceljs';
import type { Warehouse } from '../../core/warehouse.js';
import { cellText } from '../../reports/lib/spreadsheet-text.js';
import { LOADS_TABLE, REJECTS_TABLE } from './ledger-tables.js';

const BRAND = 'FF1F4E79';

function styleHeader(ws: ExcelJS.Worksheet): void {
  const row = ws.getRow(1);
  row.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: BRAND } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columnCount } };
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ */
export const sheetName = (source: string, used: Set<string>): string => {
  const entity = source.split('.').pop() ?? source;
  let name = (used.has(entity) ? source : entity).replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
  for (let i = 2; used.has(name); i++) name = `${name.slice(0, 28)}_${i}`;
  used.add(name);
  return name;
};

export async function writeRejectsWorkbook(db: Warehouse, file: string): Promise<{ sources: number; rejects: number }> {
  const files = await db.json<{
    source: string | null;
    source_file: string;
    status: string;
    rows_read: number;
    rows_landed: number;
    rows_rejected: number;
    error: string | null;
    loaded: string;
  }>(
    `SELECT source, source_file, status, rows_read::INTEGER AS rows_read, rows_landed::INTEGER AS rows_landed, rows_rejected::INTEGER AS rows_rejected, error,
            strftime(finished_at, '%d/%m/%Y %H:%M') AS loaded
     FROM ${LOADS_TABLE} l
     WHERE is_current OR (status IN ('failed', 'held') AND finished_at = (SELECT max(finished_at) FROM ${LOADS_TABLE} x WHERE x.source_file = l.source_file))
     ORDER BY source NULLS LAST, source_file, finished_at`,
  );
  const rejects = await db.json<{
    source: string;
    source_file: string;
    line_number: number;
    column_name: string | null;
    raw_value: string | null;
    reason: string;
  }>(
    `SELECT source, source_file, line_number::INTEGER AS line_number, column_name, raw_value, reason FROM ${REJECTS_TABLE} ORDER BY source, source_file, line_number, column_name`,
  );

  const wb = new ExcelJS.Workbook();
  wb.creator = 'csp';
  const summary = wb.addWorksheet('Summary');
  summary.columns = [
    { header: 'Source', key: 'source', width: 34 },
    { header: 'File', key: 'file', width: 40 },
    { header: 'Status', key: 'status', width: 10 },
    { header: 'Rows read', key: 'read', width: 11, style: { numFmt: '#,##0' } },
    { header: 'Rows landed', key: 'landed', width: 12, style: { numFmt: '#,##0' } },
    { header: 'Rows rejected', key: 'rejected', width: 13, style: { numFmt: '#,##0' } },
    { header: 'Loaded', key: 'loaded', width: 17 },
    { header: 'Problem with the whole file', key: 'error', width: 90 },
  ];
  // File names, values and reasons come from the exports: each is made inert and cut to a cell's limit (a 10 MB
  // cell would make Excel refuse the workbook); the whole value stays in raw._rejects.
  for (const f of files)
    summary.addRow({
      source: f.source ?? '(not recognised)',
      file: cellText(f.source_file),
      status: f.status,
      read: f.rows_read,
      landed: f.rows_landed,
      rejected: f.rows_rejected,
      loaded: f.loaded,
      error: cellText(f.error ?? ''),
    });
  styleHeader(summary);

  const used = new Set<string>(['Summary']);
  const bySource = new Map<string, typeof rejects>(); // Map.groupBy needs Node 21
  for (const r of rejects) bySource.set(r.source, [...(bySource.get(r.source) ?? []), r]);
  for (const [source, rows] of bySource) {
    const ws = wb.addWorksheet(sheetName(source, used));
    ws.columns = [
      { header: 'File', key: 'file', width: 34 },
      { header: 'Line', key: 'line', width: 8 },
      { header: 'Field', key: 'field', width: 26 },
      { header: 'Value', key: 'value', width: 24 },
      { header: 'Reason', key: 'reason', width: 100 },
    ];
    for (const r of rows)
      ws.addRow({
        file: cellText(r.source_file),
        line: r.line_number,
        field: cellText(r.column_name ?? '(whole row)'),
        value: cellText(r.raw_value ?? ''),
        reason: cellText(r.reason),
      });
    styleHeader(ws);
  }
  await wb.xlsx.writeFile(file);
  return { sources: bySource.size, rejects: rejects.length };
}
