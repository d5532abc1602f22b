// Working days: Monday-Friday except England & Wales bank holidays (the same seed dbt uses, so both agree).
import { readFileSync } from 'node:fs';
import { bankHolidaySeed } from '../paths.js';
import { addDays, isoWeekday, type IsoDate } from './dates.js';

export class WorkingCalendar {
  private readonly holidays: ReadonlySet<IsoDate>;
  constructor(holidays: Iterable<IsoDate>) {
    this.holidays = new Set(holidays);
  }

  static englandAndWales(file = bankHolidaySeed): WorkingCalendar {
    const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1);
    return new WorkingCalendar(lines.map((l) => l.slice(0, 10)));
  }

  isWorkingDay(d: IsoDate): boolean {
    return isoWeekday(d) < 5 && !this.holidays.has(d);
  }

  isBankHoliday(d: IsoDate): boolean {
    return this.holidays.has(d);
  }

  /** The date itself when it is a working day, else the next working day (when a clock starts). */
  rollForward(d: IsoDate): IsoDate {
    let x = d;
    while (!this.isWorkingDay(x)) x = addDays(x, 1);
    return x;
  }

  addWorkingDays(d: IsoDate, n: number): IsoDate {
    let x = this.rollForward(d);
    for (let i = 0; i < n; i++) x = this.rollForward(addDays(x, 1));
    return x;
  }

  /**
   * Working days from a start to an end date. The clock starts on the start date, or on the next working
   * day when it arrived on a weekend or bank holiday; an end on a non-working day counts as the working
   * day before it. Same-day is 0; Friday to Monday is 1.
   */
  workingDaysBetween(start: IsoDate, end: IsoDate): number {
    const from = this.rollForward(start);
    if (end < from) return end < start ? -1 : 0;
    let n = 0;
    for (let x = from; x < end;) {
      x = addDays(x, 1);
      if (this.isWorkingDay(x) && x <= end) n++;
    }
    return n;
  }
}
