// Dates for events that happen a known number of times a financial year (an annual report's counts), spread
// over the days by weight. Fixing each year's count, rather than drawing it, makes the demo reproduce the
// report's figures (28 statutory complaints, 108 compliments ...) instead of landing somewhere near them.
import { addDays, financialYear, type IsoDate } from '../../core/calendar/dates.js';
import type { Random } from './random.js';

/**
 * `perYear` events in each financial year of from..to, on days drawn by `weight`; a part year gets its
 * weighted share. Returns the dates in order, one per event (a day can repeat).
 */
export function yearlyQuotaDates(
  r: Random,
  perYear: number,
  from: IsoDate,
  to: IsoDate,
  weight: (d: IsoDate) => number,
): IsoDate[] {
  const out: IsoDate[] = [];
  for (let start = from; start <= to;) {
    const fyStart = `${financialYear(start).slice(0, 4)}-04-01`;
    const fyEnd = addDays(`${Number(fyStart.slice(0, 4)) + 1}-04-01`, -1);
    const end = fyEnd < to ? fyEnd : to;
    const days: IsoDate[] = [];
    const cumulative: number[] = [];
    let yearWeight = 0;
    let inPeriod = 0;
    for (let d = fyStart; d <= fyEnd; d = addDays(d, 1)) {
      const w = weight(d);
      yearWeight += w;
      if (d < start || d > end) continue;
      inPeriod += w;
      days.push(d);
      cumulative.push(inPeriod);
    }
    const n = yearWeight > 0 ? Math.round((perYear * inPeriod) / yearWeight) : 0;
    for (let i = 0; i < n; i++) out.push(days[firstAbove(cumulative, r() * inPeriod)]!);
    start = addDays(end, 1);
  }
  return out.sort();
}

/** Index of the first cumulative weight above x (binary search). */
function firstAbove(cumulative: readonly number[], x: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
