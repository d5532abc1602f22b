import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from './working-days.js';

const cal = WorkingCalendar.englandAndWales();

describe('England & Wales working days', () => {
  it('knows the one-off bank holidays', () => {
    for (const d of ['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08'])
      expect(cal.isBankHoliday(d), d).toBe(true);
    expect(cal.isBankHoliday('2020-05-04')).toBe(false); // the early May holiday moved to VE day in 2020
    expect(cal.isBankHoliday('2022-05-30')).toBe(false); // the spring holiday moved to 2 June in 2022
  });

  it('gives substitute days when Christmas falls at a weekend', () => {
    expect(['2021-12-27', '2021-12-28'].every((d) => cal.isBankHoliday(d))).toBe(true); // Christmas Saturday
    expect(['2022-12-26', '2022-12-27'].every((d) => cal.isBankHoliday(d))).toBe(true); // Christmas Sunday
    expect(cal.isBankHoliday('2020-12-28')).toBe(true); // Boxing Day Saturday
  });

  it('counts working days between dates', () => {
    expect(cal.workingDaysBetween('2020-03-06', '2020-03-06')).toBe(0);
    expect(cal.workingDaysBetween('2020-03-06', '2020-03-09')).toBe(1); // Friday to Monday
    expect(cal.workingDaysBetween('2020-05-07', '2020-05-11')).toBe(1); // over VE day and a weekend
    expect(cal.workingDaysBetween('2020-03-07', '2020-03-09')).toBe(0); // Saturday contact, clock starts Monday
    expect(cal.workingDaysBetween('2020-03-07', '2020-03-10')).toBe(1);
    expect(cal.workingDaysBetween('2020-12-24', '2020-12-29')).toBe(1); // Christmas and Boxing Day substitute
    expect(cal.workingDaysBetween('2020-03-05', '2020-03-08')).toBe(1); // a Sunday decision counts as Friday's
  });

  it('adds working days the way the count measures them', () => {
    for (const start of ['2020-03-06', '2020-05-07', '2020-12-24', '2022-09-16', '2024-02-29']) {
      for (const n of [0, 1, 2, 10, 45])
        expect(cal.workingDaysBetween(start, cal.addWorkingDays(start, n)), `${start}+${n}`).toBe(n);
    }
  });
});
