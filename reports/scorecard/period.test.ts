import { describe, expect, it } from 'vitest';
import { addMonths, monthEnd, NoDataError, scorecardMonth, trendMonths } from './period.js';

const months = ['2020-04-01', '2020-05-01', '2021-02-01', '2021-03-01', '2021-04-01'];

describe('scorecard month', () => {
  it('defaults to the latest month with data that had ended by the day before the data-as-at date', () => {
    expect(scorecardMonth({ dataAsAtDate: '2021-04-01', monthsWithData: months })).toBe('2021-03-01');
    // as at 15 April: April is not over, so March, even though April already has (part-month) data
    expect(scorecardMonth({ dataAsAtDate: '2021-04-15', monthsWithData: months })).toBe('2021-03-01');
    expect(scorecardMonth({ dataAsAtDate: '2021-05-01', monthsWithData: months })).toBe('2021-04-01');
  });

  it('takes a chosen month end, and goes back to the month before for a mid-month date', () => {
    expect(scorecardMonth({ dataAsAtDate: '2021-05-01', periodEnd: '2021-02-28', monthsWithData: months })).toBe(
      '2021-02-01',
    );
    expect(scorecardMonth({ dataAsAtDate: '2021-05-01', periodEnd: '2021-03-15', monthsWithData: months })).toBe(
      '2021-02-01',
    );
  });

  it('falls back to the latest earlier month with data', () => {
    expect(scorecardMonth({ dataAsAtDate: '2021-05-01', periodEnd: '2020-12-31', monthsWithData: months })).toBe(
      '2020-05-01',
    );
  });

  it('says so when there is no month with data', () => {
    expect(() =>
      scorecardMonth({ dataAsAtDate: '2021-05-01', periodEnd: '2020-03-31', monthsWithData: months }),
    ).toThrow(NoDataError);
    expect(() => scorecardMonth({ dataAsAtDate: '2021-05-01', monthsWithData: [] })).toThrow(NoDataError);
  });
});

describe('month arithmetic', () => {
  it('crosses years and knows month lengths', () => {
    expect(addMonths('2021-03-01', -11)).toBe('2020-04-01');
    expect(addMonths('2020-12-15', 1)).toBe('2021-01-01');
    expect(monthEnd('2020-02-01')).toBe('2020-02-29');
    expect(monthEnd('2021-02-10')).toBe('2021-02-28');
  });

  it('lists the 12 months of the trend, oldest first', () => {
    const t = trendMonths('2021-03-01');
    expect(t).toHaveLength(12);
    expect([t[0], t[11]]).toEqual(['2020-04-01', '2021-03-01']);
  });
});
