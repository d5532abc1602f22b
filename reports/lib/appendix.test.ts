import { describe, expect, it } from 'vitest';
import { demoConfig, parseConfig } from '../../core/config.js';
import { appendixMeta, appendixStem, meetingDateFor, MeetingDateError } from './appendix.js';

describe('meetingDateFor: each appendix its own meeting, never one before its period ends', () => {
  const what = 'Appendix 2 (March 2021)';
  it("uses the date given for the appendix, then the report's own, then the committee default", () => {
    expect(
      meetingDateFor({
        given: '2021-04-20',
        report: '2021-04-26',
        committee: '2020-06-29',
        periodEnd: '2021-03-31',
        what,
      }),
    ).toBe('2021-04-20');
    expect(meetingDateFor({ report: '2021-04-26', committee: '2020-06-29', periodEnd: '2021-03-31', what })).toBe(
      '2021-04-26',
    );
    expect(meetingDateFor({ committee: '2021-05-10', periodEnd: '2021-03-31', what })).toBe('2021-05-10');
  });

  it('prints no meeting rather than a committee default that is on or before the period ends (issue 14: March 2021 scorecard "29 June 2020")', () => {
    expect(meetingDateFor({ committee: '2020-06-29', periodEnd: '2021-03-31', what })).toBeNull();
    expect(meetingDateFor({ committee: '2021-03-31', periodEnd: '2021-03-31', what })).toBeNull();
    expect(meetingDateFor({ periodEnd: '2021-03-31', what })).toBeNull();
  });

  it('refuses a meeting date given for the appendix that is not after its period, saying what to change', () => {
    expect(() => meetingDateFor({ given: '2020-06-29', periodEnd: '2021-03-31', what })).toThrow(MeetingDateError);
    expect(() => meetingDateFor({ report: '2021-03-31', periodEnd: '2021-03-31', what })).toThrow(
      /Appendix 2 \(March 2021\): the meeting date 2021-03-31 is not after the period it reports ends \(2021-03-31\); give the meeting's date with --meeting-date/,
    );
  });

  it("gives the demo's three appendices meetings after their periods", () => {
    const c = parseConfig(demoConfig);
    const m = (report: string | undefined, periodEnd: string) =>
      meetingDateFor({ report, committee: c.committee.meetingDate, periodEnd, what });
    expect(m(c.reports.contactActivity.meetingDate, '2020-06-14')).toBe('2020-06-29');
    expect(m(c.reports.scorecard.meetingDate, '2021-03-31')).toBe('2021-04-26');
    expect(m(c.reports.complaintsAnnual.meetingDate, '2021-03-31')).toBe('2021-06-28');
  });
});

describe('appendixMeta: the metadata block every appendix prints, made in one place', () => {
  const config = parseConfig(demoConfig);
  const base = { config, outDir: '/nowhere', runId: 'run-1', variant: 'public' as const };
  const block = {
    appendixNumber: '2',
    title: 'Scorecard',
    period: 'March 2021',
    periodEnd: '2021-03-31',
    periodLabel: 'March 2021',
    dataAsAt: '2021-04-01T07:00:00Z',
    source: 'exports',
  };

  it("names the council, directorate and committee from the config, and the report's own meeting", () => {
    const m = appendixMeta(base, { ...block, reportMeetingDate: config.reports.scorecard.meetingDate });
    expect(m).toMatchObject({
      council: config.council.name,
      directorate: config.council.directorate,
      committee: config.committee.name,
      meetingDate: '2021-04-26',
      runId: 'run-1',
      variant: 'public',
      title: 'Scorecard',
      appendixNumber: '2',
    });
    expect(Date.parse(m.generatedAt)).not.toBeNaN();
  });

  it('refuses a meeting date given on or before the period ends, naming the appendix and period', () => {
    expect(() => appendixMeta({ ...base, meetingDate: '2021-03-01' }, block)).toThrow(
      /^Appendix 2 \(March 2021\): the meeting date 2021-03-01/,
    );
  });

  it('names no committee meeting for a performance-team report', () => {
    const m = appendixMeta(
      { ...base, variant: 'restricted', meetingDate: '2021-03-01' },
      { ...block, forCommittee: false },
    );
    expect(m).toMatchObject({
      committee: 'Performance team (not for committee)',
      meetingDate: null,
      variant: 'restricted',
    });
  });

  it('names the files appendix-<n>-<report>-<period end>, restricted ones so marked', () => {
    expect(appendixStem('3', 'complaints-annual', '2021-03-31', 'public')).toBe(
      'appendix-3-complaints-annual-2021-03-31',
    );
    expect(appendixStem('3', 'complaints-annual', '2021-03-31', 'restricted')).toBe(
      'appendix-3-complaints-annual-2021-03-31-restricted',
    );
    expect(appendixStem(null, 'return-readiness', '2021-03-31', 'restricted')).toBe(
      'return-readiness-2021-03-31-restricted',
    );
  });
});
