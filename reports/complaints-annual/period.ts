// Which financial year the annual report covers, and the years its trend shows. Pure, so it is tested alone.
import { addDays, financialYear, type IsoDate } from '../../core/calendar/dates.js';

export interface FinancialYear {
  /** "2019/20" */
  label: string;
  start: IsoDate;
  end: IsoDate;
}

import { NoDataError } from '../lib/appendix.js';
export { NoDataError };

/** The financial year starting on 1 April of `startYear`. */
export const financialYearStarting = (startYear: number): FinancialYear => ({
  label: financialYear(`${startYear}-04-01`),
  start: `${startYear}-04-01`,
  end: `${startYear + 1}-03-31`,
});

/** The latest financial year that ended on or before `limit` (a 31 March is its own year's end). */
export function lastCompleteYear(limit: IsoDate): FinancialYear {
  const [y, m, d] = limit.split('-').map(Number) as [number, number, number];
  const endsThisYear = m > 3 || (m === 3 && d === 31);
  return financialYearStarting(endsThisYear ? y - 1 : y - 2);
}

/**
 * The reported year: the latest complete financial year on or before `periodEnd` (default: the data-as-at date),
 * and the trend years ending with it, oldest first, leaving out years before the first complaint in the data
 * (a four-year trend on two years of data shows two). Throws when the data holds no complete year.
 */
export function annualPeriod(opts: {
  dataAsAtDate: IsoDate;
  periodEnd?: IsoDate;
  firstReceived: IsoDate;
  trendYears: number;
}): { year: FinancialYear; previous: FinancialYear; trend: FinancialYear[] } {
  const limit = opts.periodEnd ?? opts.dataAsAtDate;
  const year = lastCompleteYear(limit);
  if (year.end < opts.firstReceived) {
    throw new NoDataError(
      `no complete financial year of complaints ends on or before ${limit} (the first complaint was received on ${opts.firstReceived}): choose a later --period-end, or load older exports.`,
    );
  }
  const startYear = Number(year.start.slice(0, 4));
  const trend = Array.from({ length: opts.trendYears }, (_, i) =>
    financialYearStarting(startYear - opts.trendYears + 1 + i),
  ).filter((fy) => fy.end >= opts.firstReceived);
  return { year, previous: financialYearStarting(startYear - 1), trend };
}

/** Days into a year after which a first complaint means the data covers only part of it. */
export const PART_YEAR_DAYS = 31;

/**
 * Whether data whose first complaint is `firstReceived` covers the whole of a year. Exports do not say when they
 * start: a first complaint more than a month into a year means the data starts part way through it, while a few
 * quiet days at the start of April do not.
 */
export const coversYear = (firstReceived: IsoDate, fy: FinancialYear): boolean =>
  firstReceived <= addDays(fy.start, PART_YEAR_DAYS);
