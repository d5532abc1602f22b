// Builds "Contact Activity Data" (the seed paper's Appendix 1) as xlsx and PDF from the marts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { longDate } from '../../pipelines/calendar/dates.js';
import type { Warehouse } from '../../pipelines/warehouse/db.js';
import type { Config } from '../../pipelines/config.js';
import { sha256, type AppendixMeta, type ManifestEntry, type Variant } from '../lib/appendix.js';
import { renderSvg, svgSize, svgToPng } from '../lib/chart.js';
import { chartContent, commentBox, definitionsContent, renderPdf, tableContent } from '../lib/pdf.js';
import { addAboutSheet, addTableSheet, newWorkbook } from '../lib/xlsx.js';
import { sourceChart, weeklyChart } from './charts.js';
import { loadContactActivity, type Averages, type ContactActivityData } from './data.js';
import { contactActivityDefinitions } from './definitions.js';

export const REPORT_ID = 'contact-activity';
export const REPORT_TITLE = 'Contact Activity Data';

export interface BuildOptions {
  config: Config;
  outDir: string;
  runId: string;
  variant: Variant;
  periodEnd?: string;
  weeks?: number;
  compareFrom?: string;
  /** Analyst comment text; when absent a factual summary is written instead. */
  comment?: string;
}

const round = (n: number | null): string => (n === null ? '–' : Math.round(n).toLocaleString('en-GB'));
const signed = (n: number | null): string => {
  if (n === null) return '–';
  const r = Math.round(n) || 0; // never "-0"
  return `${r > 0 ? '+' : ''}${r.toLocaleString('en-GB')}`;
};
const diff = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : b - a);

function summary(d: ContactActivityData, beforeText: string, sinceText: string): string {
  if (d.before.weeks === 0 || d.since.weeks === 0) return `Over the ${d.weeks.length} weeks shown, an average of ${round(d.since.total ?? d.before.total)} new contacts a week were received at front door services.`;
  const biggest = [...d.bySource].filter((s) => s.before !== null && s.since !== null).sort((a, b) => (a.since! - a.before!) - (b.since! - b.before!))[0];
  const direction = (d.since.total ?? 0) < (d.before.total ?? 0) ? 'lower than' : 'higher than';
  return (
    `The weekly average number of new contacts to front door services ${sinceText} has been ${round(d.since.total)}, ${direction} the average of ${round(d.before.total)} a week ${beforeText}.` +
    (biggest && biggest.since! < biggest.before! ? ` The largest fall was in contacts from ${biggest.group}: from ${round(biggest.before)} to ${round(biggest.since)} a week.` : '')
  );
}

export async function buildContactActivity(db: Warehouse, opts: BuildOptions): Promise<ManifestEntry[]> {
  const cfg = opts.config.reports.contactActivity;
  const d = await loadContactActivity(db, { periodEnd: opts.periodEnd ?? cfg.periodEnd, weeks: opts.weeks ?? cfg.weeks, compareFrom: opts.compareFrom ?? cfg.compareFrom });
  const { period } = d;
  const splitText = longDate(period.split);
  const beforeText = `in the ${d.before.weeks} weeks before ${splitText}`;
  const sinceText = `since ${splitText}`;
  const meta: AppendixMeta = {
    council: opts.config.council.name,
    directorate: opts.config.council.directorate,
    committee: opts.config.committee.name,
    meetingDate: opts.config.committee.meetingDate ?? null,
    appendixNumber: cfg.appendix,
    title: REPORT_TITLE,
    period: `${d.weeks.length} weeks, ${longDate(period.firstWeek)} to ${longDate(period.periodEnd)}`,
    dataAsAt: d.dataAsAt,
    source: 'Case-management system contacts export',
    runId: opts.runId,
    generatedAt: new Date().toISOString(),
    variant: opts.variant,
  };

  const weeklySvg = await renderSvg(weeklyChart(d));
  const sourceSvg = await renderSvg(sourceChart(d, `Before ${splitText}`, `Since ${splitText}`));
  const comment = opts.comment ?? summary(d, beforeText, sinceText);
  const avgRow = (label: string, a: Averages) => [label, round(a.edt), round(a.mash), round(a.total)];

  // ---- PDF ----
  const weeklyTable = {
    title: 'New contacts received at front door services',
    columns: [{ header: 'Week', width: '*' as const }, { header: 'EDT', align: 'right' as const, width: 60 }, { header: 'MASH', align: 'right' as const, width: 60 }, { header: 'Total contacts', align: 'right' as const, width: 80 }],
    rows: [
      ...d.weeks.map((w) => [w.label, w.edt, w.mash, w.total]),
      ['Total', d.weeks.reduce((s, w) => s + w.edt, 0), d.weeks.reduce((s, w) => s + w.mash, 0), d.weeks.reduce((s, w) => s + w.total, 0)],
    ],
    totalRows: [d.weeks.length],
  };
  const averagesTable = {
    title: `Weekly average new contacts before and since ${splitText}`,
    columns: [{ header: 'Weeks', width: '*' as const }, { header: 'EDT', align: 'right' as const, width: 60 }, { header: 'MASH', align: 'right' as const, width: 60 }, { header: 'Total contacts', align: 'right' as const, width: 80 }],
    rows: [
      avgRow(`Before ${splitText} (${d.before.weeks} weeks)`, d.before),
      avgRow(`Since ${splitText} (${d.since.weeks} weeks)`, d.since),
      ['Change', signed(diff(d.before.edt, d.since.edt)), signed(diff(d.before.mash, d.since.mash)), signed(diff(d.before.total, d.since.total))],
    ],
    totalRows: [2],
  };
  const sourceTable = {
    title: 'Average weekly contacts by source, before and since',
    columns: [{ header: 'Source', width: '*' as const }, { header: `Weekly average before ${splitText}`, align: 'right' as const, width: 95 }, { header: `Weekly average since ${splitText}`, align: 'right' as const, width: 95 }, { header: 'Change', align: 'right' as const, width: 55 }],
    rows: [
      ...d.bySource.map((s) => [s.group, round(s.before), round(s.since), signed(diff(s.before, s.since))]),
      ['Total', round(d.before.total), round(d.since.total), signed(diff(d.before.total, d.since.total))],
    ],
    totalRows: [d.bySource.length],
    note: 'Averages are rounded to whole numbers, so sources may not add to the total.',
  };
  const pdf = await renderPdf(meta, [
    ...tableContent(weeklyTable),
    ...chartContent('Weekly new contacts at front door services', weeklySvg),
    ...tableContent(averagesTable),
    commentBox(`Analyst comments as at ${longDate(d.dataAsAt.slice(0, 10))}`, comment),
    ...tableContent(sourceTable),
    ...chartContent('Weekly average contacts by source', sourceSvg, 440),
    ...definitionsContent(contactActivityDefinitions, meta),
  ]);

  // ---- Excel ----
  const wb = newWorkbook(meta);
  const png = (svg: string) => ({ png: svgToPng(svg), ...svgSize(svg) });
  addTableSheet(wb, meta, {
    sheet: 'Weekly contacts',
    title: weeklyTable.title,
    columns: [
      { header: 'Week', key: 'label', width: 30 },
      { header: 'Week beginning', key: 'weekStart', width: 15, numFmt: 'dd/mm/yyyy' },
      { header: 'EDT', key: 'edt', width: 10, numFmt: '#,##0' },
      { header: 'MASH', key: 'mash', width: 10, numFmt: '#,##0' },
      { header: 'Total contacts', key: 'total', width: 14, numFmt: '#,##0' },
    ],
    rows: [
      ...d.weeks.map((w) => ({ label: w.label, weekStart: new Date(`${w.weekStart}T00:00:00Z`), edt: w.edt, mash: w.mash, total: w.total })),
      { label: 'Total', weekStart: null, edt: d.weeks.reduce((s, w) => s + w.edt, 0), mash: d.weeks.reduce((s, w) => s + w.mash, 0), total: d.weeks.reduce((s, w) => s + w.total, 0) },
    ],
    totalRows: [d.weeks.length],
    chartPng: png(weeklySvg),
  });
  addTableSheet(wb, meta, {
    sheet: 'Weekly averages',
    title: averagesTable.title,
    columns: [
      { header: 'Weeks', key: 'label', width: 36 },
      { header: 'Number of weeks', key: 'weeks', width: 12, numFmt: '0' },
      { header: 'EDT', key: 'edt', width: 10, numFmt: '#,##0' },
      { header: 'MASH', key: 'mash', width: 10, numFmt: '#,##0' },
      { header: 'Total contacts', key: 'total', width: 14, numFmt: '#,##0' },
    ],
    rows: [
      { label: `Before ${splitText}`, weeks: d.before.weeks, edt: d.before.edt, mash: d.before.mash, total: d.before.total },
      { label: `Since ${splitText}`, weeks: d.since.weeks, edt: d.since.edt, mash: d.since.mash, total: d.since.total },
    ],
    note: `Analyst comments: ${comment}`,
  });
  addTableSheet(wb, meta, {
    sheet: 'By source',
    title: sourceTable.title,
    columns: [
      { header: 'Source', key: 'group', width: 20 },
      { header: `Weekly average before ${splitText}`, key: 'before', width: 18, numFmt: '#,##0' },
      { header: `Weekly average since ${splitText}`, key: 'since', width: 18, numFmt: '#,##0' },
      { header: 'Change', key: 'change', width: 10, numFmt: '+#,##0;-#,##0;0' },
    ],
    rows: [
      ...d.bySource.map((s) => ({ group: s.group, before: s.before, since: s.since, change: diff(s.before, s.since) })),
      { group: 'Total', before: d.before.total, since: d.since.total, change: diff(d.before.total, d.since.total) },
    ],
    totalRows: [d.bySource.length],
    note: sourceTable.note,
    chartPng: png(sourceSvg),
  });
  addAboutSheet(wb, meta, contactActivityDefinitions);

  const stem = `appendix-${cfg.appendix}-${REPORT_ID}-${period.periodEnd}${opts.variant === 'restricted' ? '-restricted' : ''}`;
  const xlsxFile = path.join(opts.outDir, `${stem}.xlsx`);
  const pdfFile = path.join(opts.outDir, `${stem}.pdf`);
  await wb.xlsx.writeFile(xlsxFile);
  writeFileSync(pdfFile, pdf);
  return [xlsxFile, pdfFile].map((file) => ({
    report: REPORT_ID,
    title: REPORT_TITLE,
    appendix: cfg.appendix,
    period: meta.period,
    periodEnd: period.periodEnd,
    variant: opts.variant,
    format: file.endsWith('.pdf') ? 'pdf' : 'xlsx',
    file: path.basename(file),
    bytes: readFileSync(file).length,
    sha256: sha256(file),
    runId: opts.runId,
    dataAsAt: d.dataAsAt,
    generatedAt: meta.generatedAt,
    committee: meta.committee,
    meetingDate: meta.meetingDate,
  }));
}

/** The analyst comment for a report: the configured file, or `<data>/comments/<report>.txt`, when present. */
export function readComment(file: string | undefined): string | undefined {
  return file && existsSync(file) ? readFileSync(file, 'utf8').trim() || undefined : undefined;
}
export const commentFileFor = (dataRoot: string, report: string) => path.join(dataRoot, 'comments', `${report}.txt`);
