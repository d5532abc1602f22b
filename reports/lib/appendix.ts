// What every appendix shares: who it is for, what data it shows, and the manifest entry that lists its files.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export type Variant = 'public' | 'restricted';

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
  /** ISO date-time the source exports were taken. */
  dataAsAt: string;
  source: string;
  runId: string;
  generatedAt: string;
  variant: Variant;
}

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
  timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
});
/** "15/06/2020 17:42" in UK local time, as the committee papers print a data-as-at time. */
export const ukDateTime = (iso: string): string => LONDON.format(new Date(iso)).replace(',', '');
