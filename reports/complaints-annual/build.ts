// Builds the "Complaints, Comments and Compliments Annual Report" appendix (the seed paper's agenda item 6) as
// xlsx and PDF from the complaints marts, public or restricted. Tables are defined once in tables.ts; this file
// lays them out.
import type { Content } from 'pdfmake/interfaces.js';
import { longDate } from '../../core/calendar/dates.js';
import { protectionOf } from '../../core/config.js';
import type { Warehouse } from '../../core/warehouse.js';
import {
  appendixMeta,
  writeAppendixFiles,
  type AppendixBuildOptions,
  type ManifestEntry,
  type Variant,
} from '../lib/appendix.js';
import { renderSvg, svgSize, svgToPng } from '../lib/chart.js';
import { cellPadding, chartContent, commentBox, definitionsContent, renderPdf, tableContent } from '../lib/pdf.js';
import { rejectedRows, rejectsStatement } from '../lib/rejects.js';
import { C } from '../lib/suppression.js';
import { addAboutSheet, addTableSheet, newWorkbook } from '../lib/xlsx.js';
import { pdfText, toPdfTable, toXlsxTable, type ColumnFormat, type TableDescription } from '../lib/table.js';
import { barsChart, outcomesChart, trendMeasuresChart, trendReceivedChart } from './charts.js';
import { loadComplaintsAnnual, PROCEDURES, type ComplaintsAnnualData } from './data.js';
import { definitionsFor } from './definitions.js';
import {
  protectedComplaintsAnnualTables,
  type ComplaintsAnnualTables,
  type ReportColumn,
  type ReportTable,
} from './tables.js';

import { REPORT_ID } from './report.js';

export { REPORT_ID };

/** periodEnd: any date; the report covers the latest financial year complete by then. Default: the data-as-at date. */
export type BuildOptions = AppendixBuildOptions;

const formatOf = (c: ReportColumn): ColumnFormat =>
  c.kind === 'label' ? 'text' : c.kind === 'percent' ? 'percent' : c.kind === 'difference' ? 'difference' : 'count';
const fmt = (c: ReportColumn, v: unknown): string => pdfText(formatOf(c), v);

/**
 * A published table described once for both writers: PDF figures get equal widths that fit A4 portrait (the
 * first label column takes the spare width); workbook label columns fit their text, figures their header.
 */
function describe(t: ReportTable, variant: Variant, hiddenNote: string): TableDescription<ReportTable['rows'][number]> {
  const figures = t.columns.filter((c) => c.kind !== 'label').length;
  const labels = t.columns.length - figures;
  // 515pt is A4 portrait's text width, less each column's padding; a label needs ~70pt.
  const w = Math.min(
    56,
    Math.floor((515 - cellPadding(t.columns.length) * t.columns.length - 70 * labels) / Math.max(figures, 1)),
  );
  const hasC = t.rows.some((r) => Object.values(r).includes(C));
  return {
    sheet: t.sheet,
    title: t.title,
    variant,
    columns: t.columns.map((c, i) => ({
      header: c.header,
      format: formatOf(c),
      value: (r) => r[c.key],
      pdf: { width: c.kind === 'label' ? (i === 0 ? '*' : 48) : w },
      xlsx: {
        key: c.key,
        width:
          c.kind === 'label'
            ? i === 0
              ? Math.max(14, ...t.rows.map((r) => String(r[c.key] ?? '').length + 2))
              : 12
            : Math.round(Math.max(11, Math.min(18, c.header.length * 0.7 + 4))),
      },
    })),
    rows: t.rows,
    totalRows: t.totalRows,
    note: [t.note, hasC ? hiddenNote : ''].filter(Boolean).join(' '),
  };
}

/** What the year looked like, quoting only published figures ("c" where a figure is suppressed). */
function summary(d: ComplaintsAnnualData, t: ComplaintsAnnualTables): string {
  const total = t.byProcedure.rows[t.byProcedure.totalRows[0]!]!;
  const out = t.outcomes.rows[t.outcomes.totalRows[0]!]!;
  const time = t.timeliness.rows[t.timeliness.totalRows[0]!]!;
  const n = (v: unknown) => fmt({ key: '', kind: 'count', header: '' }, v);
  const p = (v: unknown) => fmt({ key: '', kind: 'percent', numerator: '', denominator: '', header: '' }, v);
  const name = (l: string) => (l === l.toUpperCase() ? l : l.toLowerCase()); // "SEND" stays as it is
  const parts = PROCEDURES.map((code, i) => `${n(t.byProcedure.rows[i]!.this)} ${name(d.procedureLabels[code])}`);
  const lastText = typeof total.last === 'number' ? ` (${n(total.last)} in ${d.previous.label})` : '';
  const compliments = t.compliments.rows[t.compliments.totalRows[0]!]!;
  const comments = t.comments.rows.at(-1)!; // the total row is last (and alone when the public table shows the total only)
  return (
    `${n(total.this)} complaints were received in ${d.year.label}${lastText}: ${parts.join(', ')}. ` +
    `${p(out.upOrPartlyPct)} were upheld or partly upheld. ${p(time.within10Pct)} received a response within 10 working days and ${p(time.within20Pct)} within 20. ` +
    `${n(compliments.this)} compliments and ${n(comments.this)} comments were received.`
  );
}

export async function buildComplaintsAnnual(db: Warehouse, opts: BuildOptions): Promise<ManifestEntry[]> {
  const cfg = opts.config.reports.complaintsAnnual;
  const d = await loadComplaintsAnnual(db, { periodEnd: opts.periodEnd ?? cfg.periodEnd, trendYears: cfg.trendYears });
  const meta = appendixMeta(opts, {
    appendixNumber: cfg.appendix,
    title: cfg.title,
    period: `${d.year.label}: ${longDate(d.year.start)} to ${longDate(d.year.end)}`,
    periodEnd: d.year.end,
    periodLabel: d.year.label,
    reportMeetingDate: cfg.meetingDate,
    dataAsAt: d.dataAsAt,
    source: 'Complaints system exports (complaints, issues, Ombudsman cases, compliments, comments)',
  });
  const threshold = opts.config.suppression.threshold;
  const pub = opts.variant === 'public';
  // Public: suppression widened until the exact audit passes; throws (and nothing is written) when it cannot.
  const { tables: t, audit } = await protectedComplaintsAnnualTables(
    d,
    opts.variant,
    threshold,
    protectionOf(opts.config),
    {
      grains: opts.config.reports.complaintsAnnual.commentsGrains,
      maxSuppressedShare: opts.config.suppression.maxSuppressedShare,
    },
  );
  // Rows of the complaints exports received in the year that failed validation: said on the page, not silently missing.
  const rejects = rejectsStatement(
    await rejectedRows(
      db,
      [
        ...['complaints', 'comments', 'compliments', 'ombudsman_cases'].map((e) => ({
          source: `complaints.${e}`,
          dateField: 'received_date',
        })),
        { source: 'complaints.complaint_issues' },
      ],
      d.year.start,
      d.year.end,
    ),
    `received in ${d.year.label}`,
  );
  const defs = [
    ...definitionsFor(opts.variant, threshold, audit?.protection),
    { term: 'Rejected rows', text: rejects },
  ];
  const hiddenNote =
    pub && threshold > 0
      ? `"c": 1 to ${threshold}, or hidden so a total or change cannot reveal one (see Definitions); not drawn in charts.`
      : '';
  const procLabels = PROCEDURES.map((p) => d.procedureLabels[p]);

  const svg = {
    trendReceived: await renderSvg(trendReceivedChart(t.trendReceived, procLabels)),
    trendMeasures: await renderSvg(trendMeasuresChart(t.trendMeasures, procLabels)),
    outcomes: await renderSvg(outcomesChart(t.outcomes)),
    issues: await renderSvg(barsChart(t.issues, 'total', 'Issues raised')),
    serviceAreas: await renderSvg(barsChart(t.serviceAreas, 'total', 'Complaints received')),
    compliments: await renderSvg(barsChart(t.compliments, 'this', `Compliments ${d.year.label}`)),
  };
  const chartNote = hiddenNote ? ' ("c" figures not drawn)' : '';
  const section = (title: string, pageBreak = false): Content => ({
    text: title,
    style: 'h1',
    fontSize: 13.5,
    margin: [0, 6, 0, 2],
    ...(pageBreak ? { pageBreak: 'before' as const } : {}),
    headlineLevel: 2,
  });
  const tbl = (x: ReportTable, o: { pageBreak?: 'before' } = {}) =>
    tableContent(toPdfTable(describe(x, opts.variant, hiddenNote)), o);

  // ---- PDF ----
  const pdf = await renderPdf(meta, [
    commentBox(`Summary, ${d.year.label}`, `${summary(d, t)} ${rejects}`),
    section('Complaints'),
    ...tbl(t.byProcedure),
    ...tbl(t.outcomes),
    ...chartContent(`Outcomes by procedure, ${d.year.label}${chartNote}`, svg.outcomes, 470),
    ...tbl(t.timeliness),
    ...tbl(t.youngPeople),
    ...tbl(t.issues),
    ...chartContent(`Issues raised, ${d.year.label}${chartNote}`, svg.issues, 420),
    ...tbl(t.serviceAreas),
    ...chartContent(`Complaints by service area, ${d.year.label}${chartNote}`, svg.serviceAreas, 420),
    ...tbl(t.escalations),
    section('Comments and compliments'),
    ...tbl(t.comments),
    ...tbl(t.compliments),
    ...chartContent(`Compliments by team, ${d.year.label}${chartNote}`, svg.compliments, 420),
    section('Special educational needs and disability (SEND)', true),
    ...tbl(t.sendByYear),
    ...tbl(t.sendIssues),
    section(
      `Trend over ${t.trendReceived.rows.length === 1 ? 'one year' : `${t.trendReceived.rows.length} years`}`,
      true,
    ),
    ...tbl(t.trendReceived),
    ...chartContent(`Complaints received by year and procedure${chartNote}`, svg.trendReceived),
    ...tbl(t.trendMeasures, { pageBreak: 'before' }),
    ...chartContent(`Share of complaints received, by procedure and year${chartNote}`, svg.trendMeasures),
    ...definitionsContent(defs, meta),
  ]);

  // ---- Excel: one sheet per table, charts as images beside their tables ----
  const wb = newWorkbook(meta);
  const png = (s: string) => ({ png: svgToPng(s), ...svgSize(s) });
  const charts: Partial<Record<keyof ComplaintsAnnualTables, string>> = {
    outcomes: svg.outcomes,
    issues: svg.issues,
    serviceAreas: svg.serviceAreas,
    compliments: svg.compliments,
    trendReceived: svg.trendReceived,
    trendMeasures: svg.trendMeasures,
  };
  for (const [name, x] of Object.entries(t) as [keyof ComplaintsAnnualTables, ReportTable][]) {
    const chart = charts[name];
    addTableSheet(wb, meta, {
      ...toXlsxTable(describe(x, opts.variant, hiddenNote)),
      ...(chart ? { chartPng: png(chart) } : {}),
    });
  }
  addAboutSheet(wb, meta, defs);

  return writeAppendixFiles({ outDir: opts.outDir, workbook: wb, pdf, report: REPORT_ID, meta });
}
