import { describe, expect, it } from 'vitest';
import { annualPeriod, coversYear, financialYearStarting, lastCompleteYear } from './period.js';

describe('lastCompleteYear', () => {
  it('counts 31 March as the end of its own year and any earlier day as inside it', () => {
    expect(lastCompleteYear('2020-03-31').label).toBe('2019/20');
    expect(lastCompleteYear('2020-03-30').label).toBe('2018/19');
    expect(lastCompleteYear('2020-04-01').label).toBe('2019/20');
    expect(lastCompleteYear('2021-01-15')).toEqual({ label: '2019/20', start: '2019-04-01', end: '2020-03-31' });
  });
});

describe('annualPeriod', () => {
  it('defaults to the last year complete by the data-as-at date, with the year before it for comparison', () => {
    const p = annualPeriod({ dataAsAtDate: '2021-04-06', firstReceived: '2019-04-01', trendYears: 4 });
    expect(p.year.label).toBe('2020/21');
    expect(p.previous.label).toBe('2019/20');
    // Only two years of data: the four-year trend shows the two that exist.
    expect(p.trend.map((y) => y.label)).toEqual(['2019/20', '2020/21']);
  });

  it('takes --period-end over the data-as-at date and keeps four trend years when the data has them', () => {
    const p = annualPeriod({
      dataAsAtDate: '2021-04-06',
      periodEnd: '2020-03-31',
      firstReceived: '2016-05-02',
      trendYears: 4,
    });
    expect(p.year.label).toBe('2019/20');
    expect(p.trend.map((y) => y.label)).toEqual(['2016/17', '2017/18', '2018/19', '2019/20']);
  });

  it('refuses a period that ends before the first complaint, saying what to do', () => {
    expect(() => annualPeriod({ dataAsAtDate: '2020-01-06', firstReceived: '2019-04-01', trendYears: 4 })).toThrow(
      /no complete financial year.*--period-end/,
    );
  });
});

describe('coversYear', () => {
  it('allows a quiet first month but not a later start', () => {
    const fy = financialYearStarting(2019);
    expect(coversYear('2019-04-01', fy)).toBe(true);
    expect(coversYear('2019-04-05', fy)).toBe(true);
    expect(coversYear('2019-06-10', fy)).toBe(false);
    expect(coversYear('2018-11-01', fy)).toBe(true);
  });
});
