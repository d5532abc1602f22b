// Builds "Contact Activity Data" (the seed paper's Appendix 1) as xlsx and PDF from the marts.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { longDate } from '../../core/calendar/dates.js';
import { protectionOf } from '../../core/config.js';
import type { Warehouse } from '../../core/warehouse.js';
import type ExcelJS from 'exceljs';
import type { Content } from 'pdfmake/interfaces.js';
import {
  appendixMeta,
  writeAppendixFiles,
  type AppendixBuildOptions,
  type AppendixMeta,
  type ManifestEntry,
  type Variant,
} from '../lib/appendix.js';
import { renderSvg, svgSize, svgToPng } from '../lib/chart.js';
import { chartContent, commentBox, definitionsContent, renderPdf, tableContent } from '../lib/pdf.js';
import { addAboutSheet, addTableSheet, newWorkbook } from '../lib/xlsx.js';
import {
  pdfText,
  toPdfTable,
  toXlsxTable,
  type ColumnFormat,
  type TableColumn,
  type TableDescription,
} from '../lib/table.js';
import { rejectedRows, rejectsStatement } from '../lib/rejects.js';
import { C } from '../lib/suppression.js';
import { openCaseChart, sourceChart, timelinessChart, weeklyChart } from './charts.js';
import { FULL_AVAILABILITY, loadContactActivity, type Availability, type ContactActivityData } from './data.js';
import { definitionsFor, notAvailableText } from './definitions.js';
import { serviceAreas } from './service-areas.js';
import { groupWithAreas } from '../lib/service-groups.js';
import { protectedContactActivityTables, TABLE_NAMES, type ContactActivityTables } from './tables.js';

/** The About sheet's and page footer's source line for each contacts source. */
const SOURCE_LINE: Record<Availability['source'], string> = {
  case_management: 'Case-management system contacts export',
  ssd: 'Standard Safeguarding Dataset (SSD) table ssd_contacts, used because there is no case-management contacts export',
  annex_a: 'Ofsted Annex A List 1 (contacts), used because there is no case-management contacts export',
};

import { REPORT_ID } from './report.js';

export { REPORT_ID };
/** PDF widths fitted to each area's header so the week labels stay on one line in portrait A4; service groups share the rest. */
const OPEN_CASE_WIDTHS: Record<string, number> = {
  EDT: 30,
  MASH: 34,
  Assessment: 52,
  'Case Management': 48,
  CLA: 30,
  Disability: 46,
};
/** The PDF's column heading of each service area (sql/seeds/service_areas.csv), e.g. Case Mgmt. */
const OPEN_CASE_HEADINGS = new Map(serviceAreas().inOpenCaseTable.map((a) => [a.name, a.heading]));
export const REPORT_TITLE = 'Contact Activity Data';

export interface BuildOptions extends AppendixBuildOptions {
  weeks?: number;
  compareFrom?: string;
  /** Analyst comment and the day it was written (its file's date); when absent a factual summary is written instead. */
  comment?: AnalystComment | undefined;
}

const round = (v: unknown): string => pdfText('count', v);

/** The written summary; `canName(group)` says whether a source's figures may be quoted (not suppressed). */
function summary(
  d: ContactActivityData,
  beforeText: string,
  sinceText: string,
  canName: (group: string) => boolean,
): string {
  const where = (d.available ?? FULL_AVAILABILITY).frontDoorSplit ? 'front door services' : "children's social care";
  if (d.before.weeks === 0 || d.since.weeks === 0)
    return `Over the ${d.weeks.length} weeks shown, an average of ${round(d.since.total ?? d.before.total)} new contacts a week were received at ${where}.`;
  const biggest = [...d.bySource]
    .filter((s) => s.before !== null && s.since !== null && canName(s.group))
    .sort((a, b) => a.since! - a.before! - (b.since! - b.before!))[0];
  const direction = (d.since.total ?? 0) < (d.before.total ?? 0) ? 'lower than' : 'higher than';
  return (
    `The weekly average number of new contacts to ${where} ${sinceText} has been ${round(d.since.total)}, ${direction} the average of ${round(d.before.total)} a week ${beforeText}.` +
    (biggest && biggest.since! < biggest.before!
      ? ` The largest fall was in contacts from ${biggest.group}: from ${round(biggest.before)} to ${round(biggest.since)} a week.`
      : '')
  );
}

export async function buildContactActivity(db: Warehouse, opts: BuildOptions): Promise<ManifestEntry[]> {
  const cfg = opts.config.reports.contactActivity;
  const d = await loadContactActivity(db, {
    periodEnd: opts.periodEnd ?? cfg.periodEnd,
    weeks: opts.weeks ?? cfg.weeks,
    compareFrom: opts.compareFrom ?? cfg.compareFrom,
  });
  const { period } = d;
  const available = d.available ?? FULL_AVAILABILITY;
  const splitText = longDate(period.split);
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
  // Public: suppression widened until the exact audit passes; throws (and nothing is written) when it cannot.
  const { tables: t, audit } = await protectedContactActivityTables(
    d,
    opts.variant,
    threshold,
    protectionOf(opts.config),
    { grains: cfg.openCaseGrains, maxSuppressedShare: opts.config.suppression.maxSuppressedShare },
  );
  // Rows of the contacts export dated in these weeks that failed validation: said on the page, not silently missing.
  const rejects = rejectsStatement(
    await rejectedRows(
      db,
      [
        available.source === 'annex_a'
          ? { source: 'annex_a.list_1_contacts', dateField: 'contact_date' }
          : { source: 'case_management.contacts', dateField: 'contact_at' },
      ],
      period.firstWeek,
      period.periodEnd,
    ),
    `dated in these ${d.weeks.length} weeks`,
  );
  const defs = [
    ...definitionsFor(opts.variant, threshold, available, audit?.protection),
    { term: 'Rejected rows', text: rejects },
  ];
  const svg = {
    weekly: await renderSvg(weeklyChart(d, t)),
    bySource: await renderSvg(sourceChart(t, `Before ${splitText}`, `Since ${splitText}`)),
    openCase: available.openCase ? await renderSvg(openCaseChart(d, t)) : '',
    timeliness: available.timeliness ? await renderSvg(timelinessChart(d, t)) : '',
  };
  const quotable = new Set(t.bySource.rows.filter((r) => r.change !== C).map((r) => String(r.group)));
  const comment = {
    text:
      opts.comment?.text ??
      summary(d, `in the ${d.before.weeks} weeks before ${splitText}`, `since ${splitText}`, (g) => quotable.has(g)),
    // A comment is as at the day its file was written; the written summary describes the period, so as at its end.
    asAt: opts.comment?.asAt ?? period.periodEnd,
  };
  const page: Page = {
    d,
    t,
    available,
    splitText,
    variant: opts.variant,
    threshold,
    rejects,
    missing: notAvailableText(available),
    comment,
  };
  const tables = describeTables(page);
  const pdf = await renderPdf(meta, [...pdfContent(page, tables, svg), ...definitionsContent(defs, meta)]);
  const wb = newWorkbook(meta);
  addSheets(wb, meta, page, tables, svg);
  addAboutSheet(wb, meta, defs);

  return writeAppendixFiles({ outDir: opts.outDir, workbook: wb, pdf, report: REPORT_ID, meta });
}

/** What the tables, the PDF and the workbook are drawn from. */
interface Page {
  d: ContactActivityData;
  t: ContactActivityTables;
  available: Availability;
  splitText: string;
  variant: Variant;
  threshold: number;
  rejects: string;
  missing: string | null;
  comment: { text: string; asAt: string };
}
type Row = Record<string, unknown>;
type Tables = Record<'weekly' | 'averages' | 'bySource' | 'openCase' | 'timeliness', TableDescription<Row>>;
type Charts = Record<'weekly' | 'bySource' | 'openCase' | 'timeliness', string>;

/** Kept to one line: the full rule is in the definitions, and long notes push charts off their table's page. */
const hiddenNoteOf = (p: Page) =>
  p.variant === 'public' && p.threshold > 0
    ? ` "c": 1 to ${p.threshold}, or hidden so a total cannot reveal one (see Definitions); not drawn in the chart.`
    : '';

/**
 * Each table described once, for the PDF and the workbook alike. Public cells hold whole numbers or "c";
 * restricted cells hold the exact figures (averages unrounded), which the PDF rounds. The workbook also has each
 * week's first day as a date; the PDF's averages table adds the change row.
 */
function describeTables(p: Page): Tables {
  const { d, t, splitText, variant } = p;
  const split = p.available.frontDoorSplit;
  const pub = variant === 'public';
  const noteIfHidden = (tb: { rows: Row[] }) =>
    tb.rows.some((r) => Object.values(r).includes(C)) ? hiddenNoteOf(p).trim() : '';
  const figure = (
    header: string,
    key: string,
    pdfWidth: number,
    xlsxWidth: number,
    format: ColumnFormat = 'count',
  ): TableColumn<Row> => ({
    header,
    format,
    value: (r) => r[key],
    pdf: { width: pdfWidth },
    xlsx: { key, width: xlsxWidth },
  });
  const label = (header: string, key: string, xlsxWidth: number): TableColumn<Row> => ({
    header,
    format: 'text',
    value: (r) => String(r[key]),
    pdf: { width: '*' },
    xlsx: { key, width: xlsxWidth },
  });
  const weekStart = (header = 'Week beginning'): TableColumn<Row> => ({
    header,
    format: 'date',
    value: (r) => r.weekStart,
    pdf: false,
    xlsx: { key: 'weekStart', width: 15 },
  });
  // Without a receiving team (Annex A) there is no EDT / MASH split: the weekly tables show the total alone.
  const teams = split ? [figure('EDT', 'edt', 60, 10), figure('MASH', 'mash', 60, 10)] : [];

  const [avgBefore, avgSince] = t.averages.rows as [Row, Row];
  const averageRow = (when: string, weeks: number, avg: Row) => ({
    label: `${when} ${splitText}`,
    pdfLabel: `${when} ${splitText} (${weeks} weeks)`,
    weeks,
    edt: avg.edt,
    mash: avg.mash,
    total: avg.total,
  });
  const averages = [averageRow('Before', d.before.weeks, avgBefore), averageRow('Since', d.since.weeks, avgSince)];
  const changeRow = { pdfLabel: 'Change', ...t.averages.change, isChange: true };

  // Public: possibly by blocks of weeks and by service group (t.openCase.grain), so it is not a wall of "c".
  const oc = t.openCase;
  const byGroup = oc.grain.columns === 'service group';
  const groupsNote = `${oc.grain.weeks > 1 ? ` Blocks of ${oc.grain.weeks} weeks are counted back from the last week, so the first may be shorter.` : ''}${byGroup ? ` Service groups: ${oc.columns.map((c) => groupWithAreas(c.header, c.areas)).join('; ')}.` : ''}`;

  return {
    weekly: {
      sheet: TABLE_NAMES.weekly,
      title: split ? 'New contacts received at front door services' : "New contacts received by children's social care",
      variant,
      columns: [label('Week', 'label', 30), weekStart(), ...teams, figure('Total contacts', 'total', 80, 14)],
      rows: t.weekly.rows,
      totalRows: [t.weekly.totalRow],
      note: [p.rejects, noteIfHidden(t.weekly)].filter(Boolean).join(' '),
      xlsx: {
        note: [p.rejects, noteIfHidden(t.weekly), p.missing ? `Not available from this source: ${p.missing}` : '']
          .filter(Boolean)
          .join(' '),
      },
    },
    averages: {
      sheet: TABLE_NAMES.averages,
      title: `Weekly average new contacts before and since ${splitText}`,
      variant,
      columns: [
        { ...label('Weeks', 'label', 36), pdf: { width: '*', value: (r) => r.pdfLabel } },
        {
          header: 'Number of weeks',
          format: 'integer',
          value: (r) => r.weeks,
          pdf: false,
          xlsx: { key: 'weeks', width: 12 },
        },
        ...teams.map((c) => ({ ...c, rowFormat: (r: Row) => (r.isChange ? ('difference' as const) : undefined) })),
        { ...figure('Total contacts', 'total', 80, 14), rowFormat: (r) => (r.isChange ? 'difference' : undefined) },
      ],
      rows: averages,
      pdf: { rows: [...averages, changeRow], totalRows: [2] },
      xlsx: { note: `Analyst comments as at ${longDate(p.comment.asAt)}: ${p.comment.text}` },
    },
    bySource: {
      sheet: TABLE_NAMES.bySource,
      title: 'Average weekly contacts by source, before and since',
      variant,
      columns: [
        label('Source', 'group', 20),
        figure(`Weekly average before ${splitText}`, 'before', 95, 18),
        figure(`Weekly average since ${splitText}`, 'since', 95, 18),
        figure('Change', 'change', 55, 10, 'difference'),
      ],
      rows: t.bySource.rows,
      totalRows: [t.bySource.totalRow],
      note: `Averages are rounded to whole numbers, so sources may not add to the total.${pub && p.threshold > 0 ? ` An average (and its change) is shown as "c" when the contacts it is worked out from number 1 to ${p.threshold}, or would reveal such a number.` : ''}`,
    },
    openCase: {
      sheet: TABLE_NAMES.openCase,
      title: `Open case contacts (exc DV) by receiving service ${byGroup ? 'group' : 'area'}${oc.grain.weeks === 1 ? '' : `, by ${oc.grain.weeks} weeks`}`,
      variant,
      columns: [
        label(oc.grain.weeks === 1 ? 'Week' : `${oc.grain.weeks} weeks`, 'label', 30),
        weekStart(oc.grain.weeks === 1 ? 'Week beginning' : 'First week beginning'),
        ...oc.columns.map((c) => {
          const col = figure(c.header, c.key, OPEN_CASE_WIDTHS[c.header] ?? 80, byGroup ? 18 : 11);
          return {
            ...col,
            pdf: { header: OPEN_CASE_HEADINGS.get(c.header) ?? c.header, width: OPEN_CASE_WIDTHS[c.header] ?? 80 },
          };
        }),
        figure('Total', 'total', 36, 10),
      ],
      rows: oc.rows,
      totalRows: [oc.totalRow],
      note: `Contacts about children with an open case, by the service area that received them; police domestic-abuse notifications excluded.${oc.grainNote ? ` ${oc.grainNote}` : ''}${groupsNote}${pub && p.threshold > 0 ? ` "c": 1 to ${p.threshold}, or hidden so a total cannot reveal one; the chart draws a ${oc.grain.weeks === 1 ? "week's" : "block's"} "c" ${byGroup ? 'groups' : 'areas'} as one grey block.` : ''}`,
    },
    timeliness: {
      sheet: TABLE_NAMES.timeliness,
      title: 'Front-door contacts decided within 1 working day',
      variant,
      columns: [
        label('Week', 'label', 30),
        weekStart(),
        figure('Contacts received', 'contacts', 70, 12),
        figure('Decided within 1 working day', 'within', 90, 14),
        { ...figure('% within 1 working day', 'pct', 45, 12, 'percent'), pdf: { header: '%', width: 45 } },
      ],
      rows: t.timeliness.rows,
      totalRows: [t.timeliness.totalRow],
      note: `Undecided contacts count as not within 1 working day.${noteIfHidden(t.timeliness) ? ` ${noteIfHidden(t.timeliness)}` : ''}`,
    },
  };
}

/** The PDF: each table with its chart, the analyst comment after the averages. */
function pdfContent(p: Page, tables: Tables, svg: Charts): Content[] {
  const { d, splitText, available } = p;
  const split = available.frontDoorSplit;
  const table = (x: TableDescription<Row>, o: { pageBreak?: 'before' } = {}) => tableContent(toPdfTable(x), o);
  return [
    ...table(tables.weekly),
    ...chartContent(
      `Weekly new contacts ${split ? 'at front door services' : "to children's social care"}${d.since.weeks > 0 && d.before.weeks > 0 ? ` (dashed line: ${splitText})` : ''}`,
      svg.weekly,
    ),
    ...table(tables.averages),
    commentBox(`Analyst comments as at ${longDate(p.comment.asAt)}`, p.comment.text),
    ...table(tables.bySource),
    ...chartContent(
      `Weekly average contacts by source${hiddenNoteOf(p) ? ' (averages shown as "c" are not drawn)' : ''}`,
      svg.bySource,
      440,
    ),
    ...(available.openCase
      ? [...table(tables.openCase, { pageBreak: 'before' }), ...chartContent(tables.openCase.title, svg.openCase)]
      : []),
    ...(available.timeliness
      ? [
          ...table(tables.timeliness, { pageBreak: 'before' }),
          ...chartContent(
            'Share of front-door contacts decided within 1 working day (dashed line: whole period)',
            svg.timeliness,
          ),
        ]
      : []),
    ...(p.missing ? [commentBox('Not available from this source', p.missing)] : []),
  ];
}

/** The workbook: one sheet per table, its chart as an image beside it. */
function addSheets(wb: ExcelJS.Workbook, meta: AppendixMeta, p: Page, tables: Tables, svg: Charts): void {
  const png = (s: string) => ({ png: svgToPng(s), ...svgSize(s) });
  addTableSheet(wb, meta, { ...toXlsxTable(tables.weekly), chartPng: png(svg.weekly) });
  addTableSheet(wb, meta, toXlsxTable(tables.averages));
  addTableSheet(wb, meta, { ...toXlsxTable(tables.bySource), chartPng: png(svg.bySource) });
  if (p.available.openCase) addTableSheet(wb, meta, { ...toXlsxTable(tables.openCase), chartPng: png(svg.openCase) });
  if (p.available.timeliness)
    addTableSheet(wb, meta, { ...toXlsxTable(tables.timeliness), chartPng: png(svg.timeliness) });
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
const UK_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const ukDate = (d: Date): string => UK_DAY.format(d);
export const commentFileFor = (dataRoot: string, report: string) => path.join(dataRoot, 'comments', `${report}.txt`);
