// The scorecard's Excel sheets: "Scorecard" (one row per KPI, filterable, with its sparkline as an image) and
// "Trend" (the 12 monthly values and targets per KPI, for analysts to chart or check). Both use the shared
// frame (title, title line with RESTRICTED, frozen header) and then set per-cell formats, since one column
// holds percent, ratio and count values.
import type ExcelJS from 'exceljs';
import type { IsoDate } from '../../core/calendar/dates.js';
import type { AppendixMeta } from '../lib/appendix.js';
import { toXlsxTable } from '../lib/table.js';
import { addTableSheet, TABLE_HEADER_ROW } from '../lib/xlsx.js';
import { DEFINITION_LABELS, definitionLines } from './definitions.js';
import { excelFormat, excelTargetFormat, excelValue, SUPPRESSED, type Rag } from './format.js';
import { scorecardColumns } from './table.js';
import type { ShownKpi } from './view.js';

// Excel's own light "good / neutral / bad" fills: readable behind a number in the trend grid.
const RAG_LIGHT: Record<Rag, string> = { Green: 'FFC6EFCE', Amber: 'FFFFEB9C', Red: 'FFFFC7CE' };

export const SCORECARD_SHEET = 'Scorecard';
export const DEFINITIONS_SHEET = 'KPI definitions';
export const TREND_SHEET = 'Trend';
/** 1-based column of each Scorecard field, so tests and readers find them by name. */
export const SCORECARD_COLUMNS = [
  'area',
  'measure',
  'month',
  'value',
  'target',
  'rag',
  'direction',
  'numerator',
  'denominator',
  'trend',
  'definition',
] as const;
const col = (key: (typeof SCORECARD_COLUMNS)[number]) => SCORECARD_COLUMNS.indexOf(key) + 1;

export function addScorecardSheet(
  wb: ExcelJS.Workbook,
  meta: AppendixMeta,
  kpis: readonly ShownKpi[],
  pngs: ReadonlyMap<string, { png: Buffer; width: number; height: number } | null>,
  monthLabel: string,
  note: string,
): ExcelJS.Worksheet {
  const ws = addTableSheet(
    wb,
    meta,
    toXlsxTable({
      sheet: SCORECARD_SHEET,
      title: `Improvement plan scorecard, ${monthLabel}`,
      columns: scorecardColumns({ draw: () => null, reportMonth: '' }),
      rows: [...kpis],
      note,
      variant: meta.variant,
    }),
  );
  ws.views = [{ state: 'frozen', ySplit: TABLE_HEADER_ROW, xSplit: 2 }];
  ws.autoFilter = {
    from: { row: TABLE_HEADER_ROW, column: 1 },
    to: { row: TABLE_HEADER_ROW + kpis.length, column: SCORECARD_COLUMNS.length },
  };
  kpis.forEach((k, i) => {
    const r = TABLE_HEADER_ROW + 1 + i;
    const row = ws.getRow(r);
    // Tall enough for the sparkline and the wrapped definition (about 95 characters a line at width 80).
    row.height = Math.max(
      44,
      definitionLines(k.definition).reduce((n, l) => n + Math.ceil((l.label.length + 2 + l.text.length) / 95), 0) * 13 +
        6,
    );
    if (i > 0 && kpis[i - 1]!.priorityArea !== k.priorityArea)
      row.eachCell(
        { includeEmpty: true },
        (cell) => (cell.border = { top: { style: 'thin', color: { argb: 'FF1F4E79' } } }),
      );
    const png = pngs.get(k.measureId);
    if (png) {
      const id = wb.addImage({ buffer: png.png as unknown as ExcelJS.Buffer, extension: 'png' });
      ws.addImage(id, {
        tl: { col: col('trend') - 1 + 0.05, row: r - 1 + 0.1 },
        ext: { width: png.width, height: png.height },
        editAs: 'oneCell',
      });
    }
  });
  return ws;
}

/** Each KPI's definition, a column per field of the seed kpi_definitions, printed as the seed has it. */
export function addDefinitionsSheet(
  wb: ExcelJS.Workbook,
  meta: AppendixMeta,
  kpis: readonly ShownKpi[],
): ExcelJS.Worksheet {
  const ws = addTableSheet(wb, meta, {
    sheet: DEFINITIONS_SHEET,
    title: 'How each measure is counted (the KPI definitions set by the performance team)',
    columns: [
      { header: 'Priority area', key: 'area', width: 24 },
      { header: 'Measure', key: 'measure', width: 34 },
      ...DEFINITION_LABELS.map(([key, header]) => ({
        header,
        key,
        width: key === 'inclusions' || key === 'exclusions' || key === 'numerator' ? 46 : 30,
      })),
    ],
    rows: kpis.map((k) => ({
      area: k.priorityArea,
      measure: k.name,
      ...Object.fromEntries(DEFINITION_LABELS.map(([key]) => [key, k.definition[key]])),
    })),
    note: 'A blank field is one the measure does not have (a count has no "Out of").',
  });
  ws.views = [{ state: 'frozen', ySplit: TABLE_HEADER_ROW, xSplit: 2 }];
  kpis.forEach((_, i) =>
    ws
      .getRow(TABLE_HEADER_ROW + 1 + i)
      .eachCell({ includeEmpty: true }, (cell) => (cell.alignment = { vertical: 'top', wrapText: true })),
  );
  return ws;
}

const MONTH_HEAD = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

export function addTrendSheet(
  wb: ExcelJS.Workbook,
  meta: AppendixMeta,
  kpis: readonly ShownKpi[],
  months: readonly IsoDate[],
  monthLabel: string,
  note: string,
): ExcelJS.Worksheet {
  const monthKeys = months.map((m) => `m${m}`);
  // A "Value" row per KPI and, when it has any target in the 12 months, a "Target" row under it: one tidy,
  // filterable table that holds everything the sparklines draw.
  const lines: { k: ShownKpi; figure: 'Value' | 'Target' }[] = kpis.flatMap((k) => [
    { k, figure: 'Value' as const },
    ...(k.points.some((p) => p.target !== null) ? [{ k, figure: 'Target' as const }] : []),
  ]);
  const ws = addTableSheet(wb, meta, {
    sheet: TREND_SHEET,
    title: `Improvement plan measures, the 12 months to ${monthLabel}`,
    columns: [
      { header: 'Priority area', key: 'area', width: 26 },
      { header: 'Measure', key: 'measure', width: 38 },
      { header: 'Figure', key: 'figure', width: 8 },
      ...months.map((m, i) => ({
        header: MONTH_HEAD.format(new Date(`${m}T00:00:00Z`)),
        key: monthKeys[i]!,
        width: 9,
      })),
    ],
    rows: lines.map(({ k, figure: f }) => ({
      area: k.priorityArea,
      measure: k.name,
      figure: f,
      ...Object.fromEntries(
        k.points.map((p, i) => [
          monthKeys[i]!,
          f === 'Target' ? excelValue(p.target, k.unit) : p.suppressed ? SUPPRESSED : excelValue(p.value, k.unit),
        ]),
      ),
    })),
    note,
  });
  ws.views = [{ state: 'frozen', ySplit: TABLE_HEADER_ROW, xSplit: 3 }];
  ws.autoFilter = {
    from: { row: TABLE_HEADER_ROW, column: 1 },
    to: { row: TABLE_HEADER_ROW + lines.length, column: 3 + months.length },
  };
  months.forEach(
    (_, j) =>
      (ws.getRow(TABLE_HEADER_ROW).getCell(4 + j).alignment = {
        horizontal: 'right',
        vertical: 'middle',
        wrapText: true,
      }),
  );
  lines.forEach(({ k, figure: f }, i) => {
    const row = ws.getRow(TABLE_HEADER_ROW + 1 + i);
    if (f === 'Target')
      for (let c = 1; c <= 3 + months.length; c++) row.getCell(c).font = { italic: true, color: { argb: 'FF7F7F7F' } };
    k.points.forEach((p, j) => {
      const cell = row.getCell(4 + j);
      cell.numFmt = f === 'Target' ? excelTargetFormat(p.target, k.unit) : excelFormat(k.unit);
      cell.alignment = { horizontal: 'right' };
      if (f === 'Value' && p.rag)
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: RAG_LIGHT[p.rag] } };
    });
  });
  return ws;
}
