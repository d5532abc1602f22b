// Which month the scorecard reports and the 12 months its trend shows. Pure, so it is tested alone.
import { addDays, type IsoDate } from '../../core/calendar/dates.js';

export const TREND_MONTHS = 12;

import { NoDataError } from '../lib/appendix.js';
export { NoDataError };

/** First day of the month holding a date. */
export const monthStart = (d: IsoDate): IsoDate => `${d.slice(0, 7)}-01`;
/** First day of the month `n` months after (negative: before) the month holding `d`. */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const [y, m] = d.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`;
}
/** Last day of the month holding `d`. */
export const monthEnd = (d: IsoDate): IsoDate => addDays(addMonths(d, 1), -1);

/**
 * The scorecard month: the latest month that has any KPI value and ended on or before `periodEnd` (default:
 * the day before the data-as-at date). A month that has not ended by then is never shown, because a part month
 * would understate flow measures; so a mid-month `periodEnd` reports the month before, as the Contact Activity
 * appendix does with part weeks.
 */
export function scorecardMonth(opts: {
  dataAsAtDate: IsoDate;
  periodEnd?: IsoDate;
  monthsWithData: readonly IsoDate[];
}): IsoDate {
  const limit = opts.periodEnd ?? addDays(opts.dataAsAtDate, -1);
  const lastComplete = monthEnd(limit) === limit ? monthStart(limit) : addMonths(limit, -1);
  const candidates = opts.monthsWithData
    .map(monthStart)
    .filter((m) => m <= lastComplete)
    .sort();
  const month = candidates.at(-1);
  if (!month)
    throw new NoDataError(
      `no KPI has a value for any month ending on or before ${limit}: run \`csp run\` on exports covering that period first.`,
    );
  return month;
}

/** The trend's months, oldest first, ending with the scorecard month. */
export const trendMonths = (month: IsoDate, n = TREND_MONTHS): IsoDate[] =>
  Array.from({ length: n }, (_, i) => addMonths(month, i - n + 1));
