import { describe, expect, it } from 'vitest';
import { contactActivityPeriod } from './period.js';

describe('contact activity period', () => {
  it('reproduces the seed paper: 19 weeks to Sunday 14 June 2020, split at 23 March', () => {
    const p = contactActivityPeriod({ dataAsAtDate: '2020-06-15', weeks: 19, compareFrom: '2020-03-23' });
    expect(p).toEqual({
      firstWeek: '2020-02-03',
      lastWeek: '2020-06-08',
      periodEnd: '2020-06-14',
      split: '2020-03-23',
      weeks: 19,
    });
  });

  it('never shows a part week: a mid-week period end goes back to the Sunday before', () => {
    expect(contactActivityPeriod({ dataAsAtDate: '2021-04-01', periodEnd: '2020-06-17', weeks: 2 }).periodEnd).toBe(
      '2020-06-14',
    );
    expect(contactActivityPeriod({ dataAsAtDate: '2020-06-15', weeks: 2 }).periodEnd).toBe('2020-06-14'); // as at Monday
    expect(contactActivityPeriod({ dataAsAtDate: '2020-06-14', weeks: 2 }).periodEnd).toBe('2020-06-07'); // as at Sunday: that week is not over
  });

  it('compares the last four weeks with the rest when no date is chosen, and splits mid-week dates at their Monday', () => {
    expect(contactActivityPeriod({ dataAsAtDate: '2020-06-15', weeks: 19 }).split).toBe('2020-05-18');
    expect(contactActivityPeriod({ dataAsAtDate: '2020-06-15', weeks: 19, compareFrom: '2020-03-25' }).split).toBe(
      '2020-03-23',
    );
  });
});
