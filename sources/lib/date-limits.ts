// The years a date in a child's record can fall in, from the date_limits seed (read by dim_date too, so every
// landed date has its day in the calendar). A date outside them is a typing slip, not a child's history.
import { readSeed } from './seed-codes.js';
import type { YearRange } from './values.js';

/** From 1 January of the seed's earliest year to 31 December, `years_ahead` years after `today`'s year. */
export function plausibleYears(today: Date = new Date()): YearRange {
  const row = readSeed('date_limits')[0];
  if (!row) throw new Error('sql/seeds/date_limits.csv has no row: it needs earliest_year and years_ahead');
  return { earliest: Number(row.earliest_year), latest: today.getUTCFullYear() + Number(row.years_ahead) };
}

/** The years landing accepts, fixed for the life of the process (a run that crosses midnight on 31 December keeps one rule). */
export const PLAUSIBLE_YEARS: YearRange = plausibleYears();

/** Why a real calendar date cannot be in a child's record, or null when it can. */
export function implausibleDateReason(header: string, raw: string, isoDate: string, years: YearRange): string | null {
  const year = Number(isoDate.slice(0, 4));
  if (year < years.earliest)
    return `${header} '${raw}' is before ${years.earliest}: no child's record holds a date that early (a typing slip?)`;
  if (year > years.latest)
    return `${header} '${raw}' is after ${years.latest}, too far ahead for a child's record (a typing slip?)`;
  return null;
}
