// Builds the return-readiness report (restricted only: it names children): which children break which DfE
// validation rule in the SSDA903 and CIN census landed, so the team clears them months before the deadline.
// Excel has every row; the PDF lists the first PDF_ROWS of each child-level list and says where the rest are.
import { longDate } from '../../core/calendar/dates.js';
import type { Warehouse } from '../../core/warehouse.js';
import {
  appendixMeta,
  writeAppendixFiles,
  type AppendixBuildOptions,
  type Definition,
  type ManifestEntry,
} from '../lib/appendix.js';
import { commentBox, definitionsContent, renderPdf, tableContent } from '../lib/pdf.js';
import { toPdfTable, toXlsxTable, type TableColumn, type TableDescription } from '../lib/table.js';
import { addAboutSheet, addTableSheet, newWorkbook } from '../lib/xlsx.js';
import { loadReadiness, type FindingRow, type ReadinessData } from './data.js';

import { REPORT_ID } from './report.js';

export { REPORT_ID };
const PDF_ROWS = 300;

const text = <T>(
  header: string,
  width: number,
  pdfWidth: number | '*',
  value: (r: T) => string | null,
): TableColumn<T> => ({ header, format: 'text', value, pdf: { width: pdfWidth }, xlsx: { width } });
const count = <T>(header: string, width: number, pdfWidth: number, value: (r: T) => number | null): TableColumn<T> => ({
  header,
  format: 'count',
  value,
  pdf: { width: pdfWidth },
  xlsx: { width },
});

const findingCols = (withFixed = false): TableColumn<FindingRow>[] => [
  text('Child', 14, 58, (r) => r.childId),
  text('Return', 16, 62, (r) => `${r.returnName} ${r.collectionYear}`),
  text('Rule', 8, 34, (r) => r.ruleCode),
  text('Table', 16, 62, (r) => r.table),
  text('Fields and values', 44, '*', (r) => r.fieldsAndValues),
  text('File', 26, 90, (r) => r.file),
  // The line number as the warehouse gives it (it arrives as text), right-aligned under a number format as before.
  {
    header: 'Line',
    format: 'text',
    align: 'right',
    value: (r) => r.line,
    pdf: { width: 34 },
    xlsx: { width: 8, numFmt: '#,##0' },
  },
  withFixed ? text('Fixed', 12, 52, (r) => r.fixedAt ?? '') : text('First seen', 12, 52, (r) => r.firstSeen),
  text('In figures', 10, 40, (r) => (r.inFigures ? 'yes' : 'no: rejected')),
];

const ruleCols: TableColumn<ReadinessData['byRule'][number]>[] = [
  text('Return', 16, 62, (r) => `${r.returnName} ${r.collectionYear}`),
  text('Rule', 8, 34, (r) => r.ruleCode),
  text('Message', 70, '*', (r) => r.message),
  count('Open', 9, 38, (r) => r.open),
  count('New since last run', 10, 42, (r) => r.newSinceLastRun),
  count('Fixed since last run', 10, 42, (r) => r.fixedSinceLastRun),
  text('First seen', 12, 52, (r) => r.firstSeen),
  count('Open when first seen', 11, 44, (r) => r.openWhenFirstSeen),
  count('Change since first seen', 11, 44, (r) => r.changeSinceFirstSeen),
];

const statusCols: TableColumn<ReadinessData['statuses'][number]>[] = [
  text('Return', 14, 62, (r) => r.returnName),
  text('Collection year', 10, 48, (r) => r.collectionYear),
  text('File(s)', 30, 110, (r) => r.returnSet),
  text('Rules run', 14, 60, (r) => r.ruleset ?? ''),
  text('Validation', 60, '*', (r) =>
    r.status === 'validated'
      ? `validated: ${r.open ?? 0} open error(s)`
      : `validation not run: ${r.reason ?? 'no reason recorded'}`,
  ),
];

/**
 * A table as both writers draw it: the workbook has every row; the PDF the first PDF_ROWS, saying where the rest are,
 * and `empty` in place of no rows.
 */
function table<T>(
  sheet: string,
  title: string,
  columns: TableColumn<T>[],
  rows: T[],
  o: { empty?: string; xlsxNote?: string } = {},
): TableDescription<T> {
  const more =
    rows.length > PDF_ROWS
      ? `The first ${PDF_ROWS.toLocaleString('en-GB')} of ${rows.length.toLocaleString('en-GB')} rows; the Excel workbook lists them all.`
      : '';
  return {
    sheet,
    title,
    columns,
    rows,
    variant: 'restricted',
    pdf: { rows: rows.slice(0, PDF_ROWS), note: more, ...(o.empty !== undefined ? { empty: o.empty } : {}) },
    ...(o.xlsxNote ? { xlsx: { note: o.xlsxNote } } : {}),
  };
}

/** One paragraph: how many errors are open, what changed since the last run, and any return the rules could not run on. */
function summary(d: ReadinessData): string {
  const validated = d.statuses.filter((s) => s.status === 'validated');
  const notRun = d.statuses.filter((s) => s.status !== 'validated');
  const parts = validated.map(
    (s) => `${s.returnName} ${s.collectionYear}: ${(s.open ?? 0).toLocaleString('en-GB')} open error(s)`,
  );
  const changes = `${d.newSinceLastRun.length.toLocaleString('en-GB')} new and ${d.fixedSinceLastRun.length.toLocaleString('en-GB')} fixed since the last run`;
  const not = notRun.map(
    (s) => `${s.returnName} ${s.collectionYear}: validation not run: ${s.reason ?? 'no reason recorded'}`,
  );
  if (d.statuses.length === 0) return 'Validation not run: no run has validated the returns yet (see the run log).';
  return [parts.length ? `${parts.join('; ')}; ${changes}.` : '', ...not.map((n) => `${n}.`)].filter(Boolean).join(' ');
}

function definitions(d: ReadinessData): Definition[] {
  return [
    {
      term: 'Finding',
      text: "A row of a return that breaks one of the DfE's validation rules, as Data to Insight's validators (csc-validator-be-903, csc-validator-be-cin) apply them. The row still counts in the warehouse's figures unless its In figures column says it was also rejected.",
    },
    {
      term: 'Open, new, fixed',
      text: 'Open: found by the latest run that validated the return. New: first found by that run. Fixed: found before, not by that run. A finding is the same from night to night when the same child breaks the same rule with the same values.',
    },
    {
      term: 'Trend since first seen',
      text: "Open when first seen: the rule's open errors on the first night it had any; the change is open now less that.",
    },
    ...d.rules.map((r) => ({ term: `${r.returnName} rule ${r.ruleCode} (${r.ruleset})`, text: r.message })),
  ];
}

export async function buildReturnReadiness(db: Warehouse, opts: AppendixBuildOptions): Promise<ManifestEntry[]> {
  if (opts.variant !== 'restricted')
    throw new Error(
      'the return-readiness report names children, so it is made in the restricted variant only (--variant restricted)',
    );
  const d = await loadReadiness(db);
  const asAtDay = d.dataAsAt.slice(0, 10);
  const meta = appendixMeta(opts, {
    forCommittee: false,
    appendixNumber: 'R',
    title: 'Statutory returns readiness: DfE validation errors',
    period: `SSDA903 and CIN census as landed by ${longDate(asAtDay)}`,
    periodEnd: asAtDay,
    periodLabel: asAtDay,
    dataAsAt: d.dataAsAt,
    source:
      "SSDA903 and CIN census files landed, checked with the DfE's rules as Data to Insight's validators (csc-validator-be-903, csc-validator-be-cin) apply them",
  });
  const defs = definitions(d);
  const tables = {
    statuses: table('Validation', 'Validation by return', statusCols, d.statuses, {
      empty: 'No run has validated the returns yet',
      xlsxNote: summary(d),
    }),
    byRule: table('By rule', 'Errors by rule', ruleCols, d.byRule, { empty: 'No open errors' }),
    open: table('Children', 'Open errors by child', findingCols(), d.open, { empty: 'No open errors' }),
    added: table('New', 'New since the last run', findingCols(), d.newSinceLastRun, { empty: 'None' }),
    fixed: table('Fixed', 'Fixed since the last run', findingCols(true), d.fixedSinceLastRun, { empty: 'None' }),
    rules: table<ReadinessData['rules'][number]>(
      'Rules',
      "The DfE's rules found broken, quoted",
      [
        { header: 'Return', format: 'text', value: (r) => r.returnName, xlsx: { width: 14 } },
        { header: 'Ruleset', format: 'text', value: (r) => r.ruleset, xlsx: { width: 14 } },
        { header: 'Rule', format: 'text', value: (r) => r.ruleCode, xlsx: { width: 8 } },
        { header: 'Message', format: 'text', value: (r) => r.message, xlsx: { width: 110 } },
      ],
      d.rules,
    ),
  };
  const pdfBuf = await renderPdf(
    meta,
    [
      commentBox('Summary', summary(d)),
      ...tableContent(toPdfTable(tables.statuses)),
      ...tableContent(toPdfTable(tables.byRule)),
      ...tableContent(toPdfTable(tables.open), { pageBreak: 'before' }),
      ...tableContent(toPdfTable(tables.added), { pageBreak: 'before' }),
      ...tableContent(toPdfTable(tables.fixed)),
      ...definitionsContent(defs, meta),
    ],
    { landscape: true },
  );
  const wb = newWorkbook(meta);
  for (const t of [tables.statuses, tables.byRule, tables.open, tables.added, tables.fixed, tables.rules])
    addTableSheet(wb, meta, toXlsxTable(t as TableDescription<unknown>));
  addAboutSheet(wb, meta, defs);
  return writeAppendixFiles({ outDir: opts.outDir, workbook: wb, pdf: pdfBuf, report: REPORT_ID, meta });
}
