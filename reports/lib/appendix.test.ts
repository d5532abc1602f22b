import { describe, expect, it } from 'vitest';
import { demoConfig, parseConfig } from '../../core/config.js';
import { meetingDateFor, MeetingDateError } from './appendix.js';

describe('meetingDateFor: each appendix its own meeting, never one before its period ends', () => {
  const what = 'Appendix 2 (March 2021)';
  it('uses the date given for the appendix, then the report\'s own, then the committee default', () => {
    expect(meetingDateFor({ given: '2021-04-20', report: '2021-04-26', committee: '2020-06-29', periodEnd: '2021-03-31', what })).toBe('2021-04-20');
    expect(meetingDateFor({ report: '2021-04-26', committee: '2020-06-29', periodEnd: '2021-03-31', what })).toBe('2021-04-26');
    expect(meetingDateFor({ committee: '2021-05-10', periodEnd: '2021-03-31', what })).toBe('2021-05-10');
  });

  it('prints no meeting rather than a committee default that is on or before the period ends (issue 14: March 2021 scorecard "29 June 2020")', () => {
    expect(meetingDateFor({ committee: '2020-06-29', periodEnd: '2021-03-31', what })).toBeNull();
    expect(meetingDateFor({ committee: '2021-03-31', periodEnd: '2021-03-31', what })).toBeNull();
    expect(meetingDateFor({ periodEnd: '2021-03-31', what })).toBeNull();
  });

  it('refuses a meeting date given for the appendix that is not after its period, saying what to change', () => {
    expect(() => meetingDateFor({ given: '2020-06-29', periodEnd: '2021-03-31', what })).toThrow(MeetingDateError);
    expect(() => meetingDateFor({ report: '2021-03-31', periodEnd: '2021-03-31', what })).toThrow(/Appendix 2 \(March 2021\): the meeting date 2021-03-31 is not after the period it reports ends \(2021-03-31\); give the meeting's date with --meeting-date/);
  });

  it('gives the demo\'s three appendices meetings after their periods', () => {
    const c = parseConfig(demoConfig);
    const m = (report: string | undefined, periodEnd: string) => meetingDateFor({ report, committee: c.committee.meetingDate, periodEnd, what });
    expect(m(c.reports.contactActivity.meetingDate, '2020-06-14')).toBe('2020-06-29');
    expect(m(c.reports.scorecard.meetingDate, '2021-03-31')).toBe('2021-04-26');
    expect(m(c.reports.complaintsAnnual.meetingDate, '2021-03-31')).toBe('2021-06-28');
  });
});
