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
import { commentBox, definitionsContent, renderPdf, tableContent, type PdfColumn } from '../lib/pdf.js';
import { addAboutSheet, addTableSheet, newWorkbook, type XlsxColumn } from '../lib/xlsx.js';
import { loadReadiness, type FindingRow, type ReadinessData } from './data.js';

import { REPORT_ID } from './report.js';

export { REPORT_ID };
const PDF_ROWS = 300;

interface Col<T> {
  header: string;
  width: number;
  pdfWidth?: number | '*';
  value: (r: T) => string | number | null;
  numeric?: boolean;
}

const findingCols = (withFixed = false): Col<FindingRow>[] => [
  { header: 'Child', width: 14, pdfWidth: 58, value: (r) => r.childId },
  { header: 'Return', width: 16, pdfWidth: 62, value: (r) => `${r.returnName} ${r.collectionYear}` },
  { header: 'Rule', width: 8, pdfWidth: 34, value: (r) => r.ruleCode },
  { header: 'Table', width: 16, pdfWidth: 62, value: (r) => r.table },
  { header: 'Fields and values', width: 44, pdfWidth: '*', value: (r) => r.fieldsAndValues },
  { header: 'File', width: 26, pdfWidth: 90, value: (r) => r.file },
  { header: 'Line', width: 8, pdfWidth: 34, value: (r) => r.line, numeric: true },
  withFixed
    ? { header: 'Fixed', width: 12, pdfWidth: 52, value: (r) => r.fixedAt ?? '' }
    : { header: 'First seen', width: 12, pdfWidth: 52, value: (r) => r.firstSeen },
  { header: 'In figures', width: 10, pdfWidth: 40, value: (r) => (r.inFigures ? 'yes' : 'no: rejected') },
];

const ruleCols: Col<ReadinessData['byRule'][number]>[] = [
  { header: 'Return', width: 16, pdfWidth: 62, value: (r) => `${r.returnName} ${r.collectionYear}` },
  { header: 'Rule', width: 8, pdfWidth: 34, value: (r) => r.ruleCode },
  { header: 'Message', width: 70, pdfWidth: '*', value: (r) => r.message },
  { header: 'Open', width: 9, pdfWidth: 38, value: (r) => r.open, numeric: true },
  { header: 'New since last run', width: 10, pdfWidth: 42, value: (r) => r.newSinceLastRun, numeric: true },
  { header: 'Fixed since last run', width: 10, pdfWidth: 42, value: (r) => r.fixedSinceLastRun, numeric: true },
  { header: 'First seen', width: 12, pdfWidth: 52, value: (r) => r.firstSeen },
  { header: 'Open when first seen', width: 11, pdfWidth: 44, value: (r) => r.openWhenFirstSeen, numeric: true },
  { header: 'Change since first seen', width: 11, pdfWidth: 44, value: (r) => r.changeSinceFirstSeen, numeric: true },
];

const statusCols: Col<ReadinessData['statuses'][number]>[] = [
  { header: 'Return', width: 14, pdfWidth: 62, value: (r) => r.returnName },
  { header: 'Collection year', width: 10, pdfWidth: 48, value: (r) => r.collectionYear },
  { header: 'File(s)', width: 30, pdfWidth: 110, value: (r) => r.returnSet },
  { header: 'Rules run', width: 14, pdfWidth: 60, value: (r) => r.ruleset ?? '' },
  {
    header: 'Validation',
    width: 60,
    pdfWidth: '*',
    value: (r) =>
      r.status === 'validated'
        ? `validated: ${r.open ?? 0} open error(s)`
        : `validation not run: ${r.reason ?? 'no reason recorded'}`,
  },
];

function sheet<T>(cols: Col<T>[], rows: T[]) {
  const columns: XlsxColumn[] = cols.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.width,
    ...(c.numeric ? { numFmt: '#,##0' } : {}),
  }));
  return { columns, rows: rows.map((r) => Object.fromEntries(cols.map((c, i) => [`c${i}`, c.value(r)]))) };
}

function pdf<T>(title: string, cols: Col<T>[], rows: T[], empty: string, opts: { pageBreak?: 'before' } = {}) {
  const shown = rows.slice(0, PDF_ROWS);
  const more =
    rows.length > PDF_ROWS
      ? `The first ${PDF_ROWS.toLocaleString('en-GB')} of ${rows.length.toLocaleString('en-GB')} rows; the Excel workbook lists them all.`
      : '';
  const columns: PdfColumn[] = cols.map((c) => ({
    header: c.header,
    width: c.pdfWidth ?? 'auto',
    ...(c.numeric ? { align: 'right' as const } : {}),
  }));
  const body = shown.map((r) =>
    cols.map((c) => {
      const v = c.value(r);
      return v === null ? '' : typeof v === 'number' ? v.toLocaleString('en-GB') : v;
    }),
  );
  return tableContent(
    {
      title,
      columns,
      rows: body.length ? body : [[empty, ...cols.slice(1).map(() => '')]],
      ...(more ? { note: more } : {}),
    },
    opts,
  );
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
  const pdfBuf = await renderPdf(
    meta,
    [
      commentBox('Summary', summary(d)),
      ...pdf('Validation by return', statusCols, d.statuses, 'No run has validated the returns yet'),
      ...pdf('Errors by rule', ruleCols, d.byRule, 'No open errors'),
      ...pdf('Open errors by child', findingCols(), d.open, 'No open errors', { pageBreak: 'before' }),
      ...pdf('New since the last run', findingCols(), d.newSinceLastRun, 'None', { pageBreak: 'before' }),
      ...pdf('Fixed since the last run', findingCols(true), d.fixedSinceLastRun, 'None'),
      ...definitionsContent(defs, meta),
    ],
    { landscape: true },
  );
  const wb = newWorkbook(meta);
  addTableSheet(wb, meta, {
    sheet: 'Validation',
    title: 'Validation by return',
    ...sheet(statusCols, d.statuses),
    note: summary(d),
  });
  addTableSheet(wb, meta, { sheet: 'By rule', title: 'Errors by rule', ...sheet(ruleCols, d.byRule) });
  addTableSheet(wb, meta, { sheet: 'Children', title: 'Open errors by child', ...sheet(findingCols(), d.open) });
  addTableSheet(wb, meta, {
    sheet: 'New',
    title: 'New since the last run',
    ...sheet(findingCols(), d.newSinceLastRun),
  });
  addTableSheet(wb, meta, {
    sheet: 'Fixed',
    title: 'Fixed since the last run',
    ...sheet(findingCols(true), d.fixedSinceLastRun),
  });
  addTableSheet(wb, meta, {
    sheet: 'Rules',
    title: "The DfE's rules found broken, quoted",
    ...sheet<ReadinessData['rules'][number]>(
      [
        { header: 'Return', width: 14, value: (r) => r.returnName },
        { header: 'Ruleset', width: 14, value: (r) => r.ruleset },
        { header: 'Rule', width: 8, value: (r) => r.ruleCode },
        { header: 'Message', width: 110, value: (r) => r.message },
      ],
      d.rules,
    ),
  });
  addAboutSheet(wb, meta, defs);
  return writeAppendixFiles({
    outDir: opts.outDir,
    stem: `${REPORT_ID}-${asAtDay}-restricted`,
    workbook: wb,
    pdf: pdfBuf,
    report: REPORT_ID,
    periodEnd: asAtDay,
    meta,
  });
}
