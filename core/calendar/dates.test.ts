import { describe, expect, it } from 'vitest';
import {
  addDays,
  financialQuarter,
  financialYear,
  isoWeekday,
  periodEndOf,
  rowLetter,
  shortDayMonth,
  weekLabel,
  weekStart,
} from './dates.js';

describe('calendar dates', () => {
  it('labels weeks as the committee paper does', () => {
    expect(weekLabel(0, '2020-02-03')).toBe('a. 3rd Feb to 9th Feb');
    expect(weekLabel(8, '2020-03-30')).toBe('i. 30th Mar to 5th Apr');
    expect(weekLabel(17, '2020-06-01')).toBe('r. 1st June to 7th June');
  });

  it('uses st, nd, rd, th correctly including the teens', () => {
    expect(
      [
        '2020-03-01',
        '2020-03-02',
        '2020-03-03',
        '2020-03-04',
        '2020-03-11',
        '2020-03-12',
        '2020-03-13',
        '2020-03-21',
        '2020-03-22',
        '2020-03-23',
        '2020-03-31',
      ].map(shortDayMonth),
    ).toEqual([
      '1st Mar',
      '2nd Mar',
      '3rd Mar',
      '4th Mar',
      '11th Mar',
      '12th Mar',
      '13th Mar',
      '21st Mar',
      '22nd Mar',
      '23rd Mar',
      '31st Mar',
    ]);
  });

  it('keeps lettering past z', () => {
    expect([0, 25, 26, 27, 51, 52].map(rowLetter)).toEqual(['a', 'z', 'aa', 'ab', 'az', 'ba']);
  });

  it('finds the Monday of a Mon-Sun week', () => {
    expect(weekStart('2020-03-22')).toBe('2020-03-16'); // a Sunday belongs to the week before
    expect(weekStart('2020-03-23')).toBe('2020-03-23');
    expect(isoWeekday('2020-03-23')).toBe(0);
    expect(weekStart('2021-01-01')).toBe('2020-12-28'); // across a year end
  });

  it('counts financial years and quarters from April', () => {
    expect(financialYear('2020-03-31')).toBe('2019/20');
    expect(financialYear('2020-04-01')).toBe('2020/21');
    expect(financialYear('2099-12-01')).toBe('2099/00');
    expect(
      ['2020-04-01', '2020-06-30', '2020-07-01', '2020-12-31', '2021-01-01', '2021-03-31'].map(financialQuarter),
    ).toEqual([1, 1, 2, 3, 4, 4]);
  });

  it('adds days across a leap day', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-02-29', 1)).toBe('2020-03-01');
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
  });

  it('reads a period as officers write it: a day, a month or a financial year, and nothing else', () => {
    expect(periodEndOf('2020-06-14')).toBe('2020-06-14');
    expect(periodEndOf('2020-02')).toBe('2020-02-29'); // leap year
    expect(periodEndOf('2021-02')).toBe('2021-02-28');
    expect(periodEndOf('2019-20')).toBe('2020-03-31');
    expect(periodEndOf('2019/20')).toBe('2020-03-31');
    expect(periodEndOf('2019-2020')).toBe('2020-03-31');
    expect(periodEndOf('1999-00')).toBe('2000-03-31'); // across a century
    expect(periodEndOf('2019-21')).toBeNull(); // not one year
    expect(periodEndOf('2021-02-29')).toBeNull(); // no such day
    expect(periodEndOf('2020-13')).toBeNull();
    expect(periodEndOf('2011-12')).toBe('2011-12-31'); // a month where both readings exist
    expect(periodEndOf('2011/12')).toBe('2012-03-31');
    expect(periodEndOf('June 2020')).toBeNull();
  });
});
