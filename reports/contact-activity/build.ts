// Builds "Contact Activity Data" (the seed paper's Appendix 1) as xlsx and PDF from the marts.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { longDate } from '../../core/calendar/dates.js';
import { protectionOf } from '../../core/config.js';
import type { Warehouse } from '../../core/warehouse.js';
import { appendixMeta, appendixStem, writeAppendixFiles, type AppendixBuildOptions, type ManifestEntry } from '../lib/appendix.js';
import { renderSvg, svgSize, svgToPng } from '../lib/chart.js';
import { chartContent, commentBox, definitionsContent, renderPdf, tableContent, type PdfColumn } from '../lib/pdf.js';
import { addAboutSheet, addTableSheet, newWorkbook, type XlsxColumn } from '../lib/xlsx.js';
import { rejectedRows, rejectsStatement } from '../lib/rejects.js';
import { C } from '../lib/suppression.js';
import { openCaseChart, sourceChart, timelinessChart, weeklyChart } from './charts.js';
import { FULL_AVAILABILITY, loadContactActivity, type Availability, type ContactActivityData } from './data.js';
import { definitionsFor, notAvailableText } from './definitions.js';
import { serviceAreas } from './service-areas.js';
import { groupWithAreas } from '../lib/service-groups.js';
import { protectedContactActivityTables, type PublishedTable } from './tables.js';

/** The About sheet's and page footer's source line for each contacts source. */
const SOURCE_LINE: Record<Availability['source'], string> = {
  case_management: 'Case-management system contacts export',
  ssd: "Standard Safeguarding Dataset (SSD) table ssd_contacts, used because there is no case-management contacts export",
  annex_a: 'Ofsted Annex A List 1 (contacts), used because there is no case-management contacts export',
};

import { REPORT_ID } from './report.js';

export { REPORT_ID };
/** PDF widths fitted to each area's header so the week labels stay on one line in portrait A4; service groups share the rest. */
const OPEN_CASE_WIDTHS: Record<string, number> = { EDT: 30, MASH: 34, Assessment: 52, 'Case Management': 48, CLA: 30, Disability: 46 };
/** The PDF's column heading of each service area (sql/seeds/service_areas.csv), e.g. Case Mgmt. */
const OPEN_CASE_HEADINGS = new Map(serviceAreas().inOpenCaseTable.map((a) => [a.name, a.heading]));
export const REPORT_TITLE = 'Contact Activity Data';

export interface BuildOptions extends AppendixBuildOptions {
  weeks?: number;
  compareFrom?: string;
  /** Analyst comment and the day it was written (its file's date); when absent a factual summary is written instead. */
  comment?: AnalystComment | undefined;
}

// PDF text for a published figure: "c" stays "c", a missing figure is a dash.
const shown = (v: unknown, f: (n: number) => string): string => (v === C ? C : typeof v === 'number' ? f(v) : '–');
const round = (v: unknown): string => shown(v, (n) => Math.round(n).toLocaleString('en-GB'));
const count = round;
const signed = (v: unknown): string =>
  shown(v, (n) => {
    const r = Math.round(n) || 0; // never "-0"
    return `${r > 0 ? '+' : ''}${r.toLocaleString('en-GB')}`;
  });
const percent = (v: unknown): string => shown(v, (n) => `${Math.round(n * 100)}%`);

/** The written summary; `canName(group)` says whether a source's figures may be quoted (not suppressed). */
function summary(d: ContactActivityData, beforeText: string, sinceText: string, canName: (group: string) => boolean): string {
  const where = (d.available ?? FULL_AVAILABILITY).frontDoorSplit ? 'front door services' : "children's social care";
  if (d.before.weeks === 0 || d.since.weeks === 0) return `Over the ${d.weeks.length} weeks shown, an average of ${round(d.since.total ?? d.before.total)} new contacts a week were received at ${where}.`;
  const biggest = [...d.bySource].filter((s) => s.before !== null && s.since !== null && canName(s.group)).sort((a, b) => (a.since! - a.before!) - (b.since! - b.before!))[0];
  const direction = (d.since.total ?? 0) < (d.before.total ?? 0) ? 'lower than' : 'higher than';
  return (
    `The weekly average number of new contacts to ${where} ${sinceText} has been ${round(d.since.total)}, ${direction} the average of ${round(d.before.total)} a week ${beforeText}.` +
    (biggest && biggest.since! < biggest.before! ? ` The largest fall was in contacts from ${biggest.group}: from ${round(biggest.before)} to ${round(biggest.since)} a week.` : '')
  );
}

export async function buildContactActivity(db: Warehouse, opts: BuildOptions): Promise<ManifestEntry[]> {
  const cfg = opts.config.reports.contactActivity;
  const d = await loadContactActivity(db, { periodEnd: opts.periodEnd ?? cfg.periodEnd, weeks: opts.weeks ?? cfg.weeks, compareFrom: opts.compareFrom ?? cfg.compareFrom });
  const { period } = d;
  const available = d.available ?? FULL_AVAILABILITY;
  const split = available.frontDoorSplit;
  const splitText = longDate(period.split);
  const beforeText = `in the ${d.before.weeks} weeks before ${splitText}`;
  const sinceText = `since ${splitText}`;
  const meta = appendixMeta(opts, {
    appendixNumber: cfg.appendix,
    title: REPORT_TITLE,
    period: `${d.weeks.length} weeks, ${longDate(period.firstWeek)} to ${longDate(period.periodEnd)}`,
    periodEnd: period.periodEnd,
    periodLabel: period.periodEnd,
    reportMeetingDate: cfg.meetingDate,
    dataAsAt: d.dataAsAt,
    source: SOURCE_LINE[available.source],
  });

  const threshold = opts.config.suppression.threshold;
  const pub = opts.variant === 'public';
  // Public: suppression widened until the exact audit passes; throws (and nothing is written) when it cannot.
  const { tables: t, audit } = await protectedContactActivityTables(d, opts.variant, threshold, protectionOf(opts.config), { grains: cfg.openCaseGrains, maxSuppressedShare: opts.config.suppression.maxSuppressedShare });
  // Rows of the contacts export dated in these weeks that failed validation: said on the page, not silently missing.
  const rejects = rejectsStatement(
    await rejectedRows(db, [available.source === 'annex_a' ? { source: 'annex_a.list_1_contacts', dateField: 'contact_date' } : { source: 'case_management.contacts', dateField: 'contact_at' }], period.firstWeek, period.periodEnd),
    `dated in these ${d.weeks.length} weeks`,
  );
  const defs = [...definitionsFor(opts.variant, threshold, available, audit?.protection), { term: 'Rejected rows', text: rejects }];
  const missing = notAvailableText(available);
  const weeklySvg = await renderSvg(weeklyChart(d, t));
  const sourceSvg = await renderSvg(sourceChart(t, `Before ${splitText}`, `Since ${splitText}`));
  const openSvg = available.openCase ? await renderSvg(openCaseChart(d, t)) : '';
  const timeSvg = available.timeliness ? await renderSvg(timelinessChart(d, t)) : '';
  const quotable = new Set(t.bySource.rows.filter((r) => r.change !== C).map((r) => String(r.group)));
  const comment = opts.comment?.text ?? summary(d, beforeText, sinceText, (g) => quotable.has(g));
  // A comment is as at the day its file was written; the written summary describes the period, so as at its end.
  const commentAsAt = opts.comment?.asAt ?? period.periodEnd;
  // Kept to one line: the full rule is in the definitions, and long notes push charts off their table's page.
  const hiddenNote = pub && threshold > 0 ? ` "c": 1 to ${threshold}, or hidden so a total cannot reveal one (see Definitions); not drawn in the chart.` : '';
  const R = 'right' as const;
  const noteIfHidden = (tb: PublishedTable) => (tb.rows.some((r) => Object.values(r).includes(C)) ? hiddenNote.trim() : '');
  const all = (tb: PublishedTable) => tb.rows;

  // ---- PDF ----
  // Without a receiving team (Annex A) there is no EDT / MASH split: the weekly tables show the total alone.
  const teamCols = (...cols: unknown[]) => (split ? cols : []);
  const weeklyTable = {
    title: split ? 'New contacts received at front door services' : "New contacts received by children's social care",
    columns: [{ header: 'Week', width: '*' as const }, ...teamCols({ header: 'EDT', align: R, width: 60 }, { header: 'MASH', align: R, width: 60 }), { header: 'Total contacts', align: R, width: 80 }] as PdfColumn[],
    rows: all(t.weekly).map((r) => [String(r.label), ...(teamCols(count(r.edt), count(r.mash)) as string[]), count(r.total)]),
    totalRows: [t.weekly.totalRow],
    note: [rejects, noteIfHidden(t.weekly)].filter(Boolean).join(' '),
  };
  const [avgBefore, avgSince] = t.averages.rows as [Record<string, unknown>, Record<string, unknown>];
  const averagesTable = {
    title: `Weekly average new contacts before and since ${splitText}`,
    columns: [{ header: 'Weeks', width: '*' as const }, ...teamCols({ header: 'EDT', align: R, width: 60 }, { header: 'MASH', align: R, width: 60 }), { header: 'Total contacts', align: R, width: 80 }] as PdfColumn[],
    rows: [
      [`Before ${splitText} (${d.before.weeks} weeks)`, ...(teamCols(round(avgBefore.edt), round(avgBefore.mash)) as string[]), round(avgBefore.total)],
      [`Since ${splitText} (${d.since.weeks} weeks)`, ...(teamCols(round(avgSince.edt), round(avgSince.mash)) as string[]), round(avgSince.total)],
      ['Change', ...(teamCols(signed(t.averages.change.edt), signed(t.averages.change.mash)) as string[]), signed(t.averages.change.total)],
    ],
    totalRows: [2],
  };
  const sourceTable = {
    title: 'Average weekly contacts by source, before and since',
    columns: [{ header: 'Source', width: '*' as const }, { header: `Weekly average before ${splitText}`, align: R, width: 95 }, { header: `Weekly average since ${splitText}`, align: R, width: 95 }, { header: 'Change', align: R, width: 55 }],
    rows: all(t.bySource).map((r) => [String(r.group), round(r.before), round(r.since), signed(r.change)]),
    totalRows: [t.bySource.totalRow],
    note: `Averages are rounded to whole numbers, so sources may not add to the total.${pub && threshold > 0 ? ` An average (and its change) is shown as "c" when the contacts it is worked out from number 1 to ${threshold}, or would reveal such a number.` : ''}`,
  };
  // Public: possibly by blocks of weeks and by service group (t.openCase.grain), so it is not a wall of "c".
  const oc = t.openCase;
  const byGroup = oc.grain.columns === 'service group';
  const rowWord = oc.grain.weeks === 1 ? 'Week' : `${oc.grain.weeks} weeks`;
  const groupsNote = `${oc.grain.weeks > 1 ? ` Blocks of ${oc.grain.weeks} weeks are counted back from the last week, so the first may be shorter.` : ''}${byGroup ? ` Service groups: ${oc.columns.map((c) => groupWithAreas(c.header, c.areas)).join('; ')}.` : ''}`;
  const openTable = {
    title: `Open case contacts (exc DV) by receiving service ${byGroup ? 'group' : 'area'}${oc.grain.weeks === 1 ? '' : `, by ${oc.grain.weeks} weeks`}`,
    columns: [
      { header: rowWord, width: '*' as const },
      ...oc.columns.map((c) => ({ header: OPEN_CASE_HEADINGS.get(c.header) ?? c.header, align: R, width: OPEN_CASE_WIDTHS[c.header] ?? 80 })),
      { header: 'Total', align: R, width: 36 },
    ],
    rows: all(oc).map((r) => [String(r.label), ...oc.columns.map((c) => count(r[c.key])), count(r.total)]),
    totalRows: [oc.totalRow],
    note: `Contacts about children with an open case, by the service area that received them; police domestic-abuse notifications excluded.${oc.grainNote ? ` ${oc.grainNote}` : ''}${groupsNote}${pub && threshold > 0 ? ` "c": 1 to ${threshold}, or hidden so a total cannot reveal one; the chart draws a ${oc.grain.weeks === 1 ? "week's" : "block's"} "c" ${byGroup ? 'groups' : 'areas'} as one grey block.` : ''}`,
  };
  const timeTable = {
    title: 'Front-door contacts decided within 1 working day',
    columns: [{ header: 'Week', width: '*' as const }, { header: 'Contacts received', align: R, width: 70 }, { header: 'Decided within 1 working day', align: R, width: 90 }, { header: '%', align: R, width: 45 }],
    rows: all(t.timeliness).map((r) => [String(r.label), count(r.contacts), count(r.within), percent(r.pct)]),
    totalRows: [t.timeliness.totalRow],
    note: `Undecided contacts count as not within 1 working day.${noteIfHidden(t.timeliness) ? ` ${noteIfHidden(t.timeliness)}` : ''}`,
  };
  const pdf = await renderPdf(meta, [
    ...tableContent(weeklyTable),
    ...chartContent(`Weekly new contacts ${split ? 'at front door services' : "to children's social care"}${d.since.weeks > 0 && d.before.weeks > 0 ? ` (dashed line: ${splitText})` : ''}`, weeklySvg),
    ...tableContent(averagesTable),
    commentBox(`Analyst comments as at ${longDate(commentAsAt)}`, comment),
    ...tableContent(sourceTable),
    ...chartContent(`Weekly average contacts by source${hiddenNote ? ' (averages shown as "c" are not drawn)' : ''}`, sourceSvg, 440),
    ...(available.openCase ? [...tableContent(openTable, { pageBreak: 'before' }), ...chartContent(openTable.title, openSvg)] : []),
    ...(available.timeliness ? [...tableContent(timeTable, { pageBreak: 'before' }), ...chartContent('Share of front-door contacts decided within 1 working day (dashed line: whole period)', timeSvg)] : []),
    ...(missing ? [commentBox('Not available from this source', missing)] : []),
    ...definitionsContent(defs, meta),
  ]);

  // ---- Excel ----
  // Public cells hold whole numbers or "c"; restricted cells hold the exact figures (averages unrounded).
  const wb = newWorkbook(meta);
  const png = (svg: string) => ({ png: svgToPng(svg), ...svgSize(svg) });
  const date = (v: unknown) => (typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : null);
  const cell = (v: unknown) => (typeof v === 'number' || v === C ? v : null);
  const pctFmt = pub ? '0%' : '0.0%';
  addTableSheet(wb, meta, {
    sheet: 'Weekly contacts',
    title: weeklyTable.title,
    columns: [
      { header: 'Week', key: 'label', width: 30 },
      { header: 'Week beginning', key: 'weekStart', width: 15, numFmt: 'dd/mm/yyyy' },
      ...(teamCols({ header: 'EDT', key: 'edt', width: 10, numFmt: '#,##0' }, { header: 'MASH', key: 'mash', width: 10, numFmt: '#,##0' }) as XlsxColumn[]),
      { header: 'Total contacts', key: 'total', width: 14, numFmt: '#,##0' },
    ],
    rows: all(t.weekly).map((r) => ({ label: String(r.label), weekStart: date(r.weekStart), ...(split ? { edt: cell(r.edt), mash: cell(r.mash) } : {}), total: cell(r.total) })),
    totalRows: [t.weekly.totalRow],
    note: [rejects, noteIfHidden(t.weekly), missing ? `Not available from this source: ${missing}` : ''].filter(Boolean).join(' '),
    chartPng: png(weeklySvg),
  });
  addTableSheet(wb, meta, {
    sheet: 'Weekly averages',
    title: averagesTable.title,
    columns: [
      { header: 'Weeks', key: 'label', width: 36 },
      { header: 'Number of weeks', key: 'weeks', width: 12, numFmt: '0' },
      ...(teamCols({ header: 'EDT', key: 'edt', width: 10, numFmt: '#,##0' }, { header: 'MASH', key: 'mash', width: 10, numFmt: '#,##0' }) as XlsxColumn[]),
      { header: 'Total contacts', key: 'total', width: 14, numFmt: '#,##0' },
    ],
    rows: [
      { label: `Before ${splitText}`, weeks: d.before.weeks, ...(split ? { edt: cell(avgBefore.edt), mash: cell(avgBefore.mash) } : {}), total: cell(avgBefore.total) },
      { label: `Since ${splitText}`, weeks: d.since.weeks, ...(split ? { edt: cell(avgSince.edt), mash: cell(avgSince.mash) } : {}), total: cell(avgSince.total) },
    ],
    note: `Analyst comments as at ${longDate(commentAsAt)}: ${comment}`,
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
    rows: all(t.bySource).map((r) => ({ group: String(r.group), before: cell(r.before), since: cell(r.since), change: cell(r.change) })),
    totalRows: [t.bySource.totalRow],
    note: sourceTable.note,
    chartPng: png(sourceSvg),
  });
  if (available.openCase) addTableSheet(wb, meta, {
    sheet: 'Open case contacts',
    title: openTable.title,
    columns: [
      { header: rowWord, key: 'label', width: 30 },
      { header: oc.grain.weeks === 1 ? 'Week beginning' : 'First week beginning', key: 'weekStart', width: 15, numFmt: 'dd/mm/yyyy' },
      ...oc.columns.map((c) => ({ header: c.header, key: c.key, width: byGroup ? 18 : 11, numFmt: '#,##0' })),
      { header: 'Total', key: 'total', width: 10, numFmt: '#,##0' },
    ],
    rows: all(oc).map((r) => ({ label: String(r.label), weekStart: date(r.weekStart), ...Object.fromEntries(oc.columns.map((c) => [c.key, cell(r[c.key])])), total: cell(r.total) })),
    totalRows: [oc.totalRow],
    note: openTable.note,
    chartPng: png(openSvg),
  });
  if (available.timeliness) addTableSheet(wb, meta, {
    sheet: 'Decided in 1 working day',
    title: timeTable.title,
    columns: [
      { header: 'Week', key: 'label', width: 30 },
      { header: 'Week beginning', key: 'weekStart', width: 15, numFmt: 'dd/mm/yyyy' },
      { header: 'Contacts received', key: 'contacts', width: 12, numFmt: '#,##0' },
      { header: 'Decided within 1 working day', key: 'within', width: 14, numFmt: '#,##0' },
      { header: '% within 1 working day', key: 'pct', width: 12, numFmt: pctFmt },
    ],
    rows: all(t.timeliness).map((r) => ({ label: String(r.label), weekStart: date(r.weekStart), contacts: cell(r.contacts), within: cell(r.within), pct: cell(r.pct) })),
    totalRows: [t.timeliness.totalRow],
    note: timeTable.note,
    chartPng: png(timeSvg),
  });
  addAboutSheet(wb, meta, defs);

  const stem = appendixStem(cfg.appendix, REPORT_ID, period.periodEnd, opts.variant);
  return writeAppendixFiles({ outDir: opts.outDir, stem, workbook: wb, pdf, report: REPORT_ID, periodEnd: period.periodEnd, meta });
}

export interface AnalystComment {
  text: string;
  /** The day the comment file was last written (UK date), which is when the comment speaks from. */
  asAt: string;
}

/** The analyst comment for a report: the configured file, or `<data>/comments/<report>.txt`, when present. */
export function readComment(file: string | undefined): AnalystComment | undefined {
  if (!file || !existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8').trim();
  return text ? { text, asAt: ukDate(statSync(file).mtime) } : undefined;
}
const UK_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const ukDate = (d: Date): string => UK_DAY.format(d);
export const commentFileFor = (dataRoot: string, report: string) => path.join(dataRoot, 'comments', `${report}.txt`);
