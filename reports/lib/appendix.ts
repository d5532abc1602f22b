// What every appendix shares: who it is for, what data it shows, and the manifest entry that lists its files.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import type { Config } from '../../core/config.js';

export type Variant = 'public' | 'restricted';

/** What every appendix builder is given; each report adds its own options. */
export interface AppendixBuildOptions {
  config: Config;
  outDir: string;
  runId: string;
  variant: Variant;
  /** The last day of the period to report (each report says how it reads it). */
  periodEnd?: string;
  /** The meeting the appendix is for, given for this appendix (`csp report --meeting-date`). */
  meetingDate?: string;
}

/** A meeting date that cannot be right for the appendix: the user is told what to change. */
export class MeetingDateError extends Error {}

/**
 * The meeting an appendix is for: the one given for it (--meeting-date, else the report's own
 * `reports.<report>.meetingDate`), else the committee's default. No appendix names a meeting on or before its period
 * ends: a date given for the appendix that does is an error; the committee default then is simply not this
 * appendix's meeting, so none is printed ("meeting date not set").
 */
export function meetingDateFor(o: {
  given?: string | undefined;
  report?: string | undefined;
  committee?: string | undefined;
  periodEnd: string;
  what: string;
}): string | null {
  const given = o.given ?? o.report;
  if (given) {
    if (given <= o.periodEnd)
      throw new MeetingDateError(
        `${o.what}: the meeting date ${given} is not after the period it reports ends (${o.periodEnd}); give the meeting's date with --meeting-date or reports.<report>.meetingDate in the config.`,
      );
    return given;
  }
  return o.committee && o.committee > o.periodEnd ? o.committee : null;
}

/** The warehouse does not yet hold what a report needs; `csp run` leaves that report out with a warning. */
export class NoDataError extends Error {}

export interface AppendixMeta {
  council: string;
  directorate: string;
  committee: string;
  /** ISO date of the meeting, when known. */
  meetingDate: string | null;
  appendixNumber: string;
  title: string;
  /** Human-readable period, e.g. "3 February 2020 to 14 June 2020". */
  period: string;
  /** The period's last day (yyyy-mm-dd), as the file names and the manifest give it. */
  periodEnd: string;
  /** False for a report for the performance team only: it names no meeting and its files no appendix number. */
  forCommittee: boolean;
  /** ISO date-time the source exports were taken. */
  dataAsAt: string;
  source: string;
  runId: string;
  generatedAt: string;
  variant: Variant;
}

/**
 * The metadata block every appendix prints on its cover, its page footers and its About sheet (council, committee,
 * meeting, title, period, data as at, source, run). A committee appendix's meeting date follows meetingDateFor; a
 * report for the performance team only (`forCommittee: false`) names no committee meeting.
 */
export function appendixMeta(
  opts: AppendixBuildOptions,
  a: {
    appendixNumber: string;
    title: string;
    /** Human-readable period, as printed. */
    period: string;
    /** The period's last day (yyyy-mm-dd): no meeting date may fall on or before it. */
    periodEnd: string;
    /** The period in a few words, for a wrong meeting date's message ("Appendix 2 (March 2021)"). */
    periodLabel: string;
    dataAsAt: string;
    source: string;
    /** The report's own `reports.<report>.meetingDate` setting. */
    reportMeetingDate?: string | undefined;
    forCommittee?: boolean;
  },
): AppendixMeta {
  const forCommittee = a.forCommittee ?? true;
  return {
    council: opts.config.council.name,
    directorate: opts.config.council.directorate,
    committee: forCommittee ? opts.config.committee.name : 'Performance team (not for committee)',
    meetingDate: forCommittee
      ? meetingDateFor({
          given: opts.meetingDate,
          report: a.reportMeetingDate,
          committee: opts.config.committee.meetingDate,
          periodEnd: a.periodEnd,
          what: `Appendix ${a.appendixNumber} (${a.periodLabel})`,
        })
      : null,
    appendixNumber: a.appendixNumber,
    title: a.title,
    period: a.period,
    periodEnd: a.periodEnd,
    forCommittee,
    dataAsAt: a.dataAsAt,
    source: a.source,
    runId: opts.runId,
    generatedAt: new Date().toISOString(),
    variant: opts.variant,
  };
}

/**
 * An appendix's file name stem: `appendix-<n>-<report>-<period end>[-restricted]`, or without `appendix-<n>-` for a
 * report not for committee (appendixNumber null).
 */
export const appendixStem = (
  appendixNumber: string | null,
  report: string,
  periodEnd: string,
  variant: Variant,
): string =>
  `${appendixNumber === null ? '' : `appendix-${appendixNumber}-`}${report}-${periodEnd}${variant === 'restricted' ? '-restricted' : ''}`;

export interface Definition {
  term: string;
  text: string;
}

export interface ManifestEntry {
  report: string;
  title: string;
  appendix: string;
  period: string;
  periodEnd: string;
  variant: Variant;
  format: 'xlsx' | 'pdf';
  file: string;
  bytes: number;
  sha256: string;
  runId: string;
  dataAsAt: string;
  generatedAt: string;
  committee: string;
  meetingDate: string | null;
}

export const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
/** "15/06/2020 17:42" in UK local time, as the committee papers print a data-as-at time. */
export const ukDateTime = (iso: string): string => LONDON.format(new Date(iso)).replace(',', '');

/**
 * Write an appendix's workbook and PDF side by side as `<stem>.xlsx` / `<stem>.pdf` (the stem from the meta: appendix
 * number, period end, variant) and describe both for the manifest.
 */
export async function writeAppendixFiles(o: {
  outDir: string;
  workbook: ExcelJS.Workbook;
  pdf: Buffer;
  report: string;
  meta: AppendixMeta;
}): Promise<ManifestEntry[]> {
  const m = o.meta;
  const stem = appendixStem(m.forCommittee ? m.appendixNumber : null, o.report, m.periodEnd, m.variant);
  // The stem is built from settings and the period (validated in config.ts); a name that is not one plain file name
  // would write outside the folder, so it is refused here too.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(stem) || stem.includes('..'))
    throw new Error(`internal: appendix file name '${stem}' is not a plain file name; nothing was written.`);
  mkdirSync(o.outDir, { recursive: true });
  const xlsxFile = path.join(o.outDir, `${stem}.xlsx`);
  const pdfFile = path.join(o.outDir, `${stem}.pdf`);
  await o.workbook.xlsx.writeFile(xlsxFile);
  writeFileSync(pdfFile, o.pdf);
  return [xlsxFile, pdfFile].map((file) => ({
    report: o.report,
    title: o.meta.title,
    appendix: o.meta.appendixNumber,
    period: o.meta.period,
    periodEnd: m.periodEnd,
    variant: o.meta.variant,
    format: file.endsWith('.pdf') ? 'pdf' : 'xlsx',
    file: path.basename(file),
    bytes: readFileSync(file).length,
    sha256: sha256(file),
    runId: o.meta.runId,
    dataAsAt: o.meta.dataAsAt,
    generatedAt: o.meta.generatedAt,
    committee: o.meta.committee,
    meetingDate: o.meta.meetingDate,
  }));
}
