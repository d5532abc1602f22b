// Which weeks the appendix covers and where the "before vs since" comparison splits. Pure, so it is tested alone.
import { addDays, isoWeekday, weekStart, type IsoDate } from '../../core/calendar/dates.js';

export interface ContactActivityPeriod {
  firstWeek: IsoDate; // a Monday
  lastWeek: IsoDate; // a Monday
  periodEnd: IsoDate; // the Sunday ending the last week
  split: IsoDate; // Monday of the first "since" week
  weeks: number;
}

/**
 * The table ends with the last complete Monday-Sunday week on or before `periodEnd` (default: the day before
 * the data-as-at date, so a part-week is never shown). The comparison splits at the week holding
 * `compareFrom`; without one, the last four weeks are compared with the weeks before them.
 */
export function contactActivityPeriod(opts: {
  dataAsAtDate: IsoDate;
  periodEnd?: IsoDate;
  weeks: number;
  compareFrom?: IsoDate;
}): ContactActivityPeriod {
  const end = opts.periodEnd ?? addDays(opts.dataAsAtDate, -1);
  const periodEnd = isoWeekday(end) === 6 ? end : addDays(weekStart(end), -1);
  const lastWeek = addDays(periodEnd, -6);
  const firstWeek = addDays(lastWeek, -7 * (opts.weeks - 1));
  const split = opts.compareFrom ? weekStart(opts.compareFrom) : addDays(lastWeek, -21);
  return { firstWeek, lastWeek, periodEnd, split, weeks: opts.weeks };
}
