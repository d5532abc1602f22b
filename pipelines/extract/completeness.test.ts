import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPLETENESS, describeHeld, isCutOff, judgeExport, truncatedExport } from './completeness.js';

const prev = { file: 'referrals.csv', rows: 1000, latestDate: '2020-06-28', loadedAt: '2020-06-29T03:15:00.000Z' };
const src = 'case_management.referrals';

describe('the completeness guard', () => {
  it('holds back an export with more than 20% fewer rows than the previous one, and lets 20% through', () => {
    expect(
      judgeExport(
        src,
        { file: 'referrals.csv', rows: 800, latestDate: '2020-07-05' },
        prev,
        DEFAULT_COMPLETENESS,
        false,
      ),
    ).toBeNull();
    const held = judgeExport(
      src,
      { file: 'referrals.csv', rows: 799, latestDate: '2020-07-05' },
      prev,
      DEFAULT_COMPLETENESS,
      false,
    );
    expect(held).toMatchObject({ source: src, reason: 'shrunk', rows: 799, previous: prev });
    expect(held!.message).toBe(
      'case_management.referrals: referrals.csv has 799 rows, 20% fewer than the 1,000 in the previous export (the setting completeness.maxDropPercent holds back more than 20% fewer). Held back: analysts keep the previous export (referrals.csv, landed 29/06/2020). If this is real, run `csp accept case_management.referrals` and the next run takes it; otherwise export it again.',
    );
  });

  it('holds back an export whose latest date goes backwards', () => {
    const held = judgeExport(
      src,
      { file: 'referrals-old.csv', rows: 1000, latestDate: '2020-06-21' },
      prev,
      DEFAULT_COMPLETENESS,
      false,
    );
    expect(held).toMatchObject({ reason: 'older', latestDate: '2020-06-21' });
    expect(held!.message).toContain(
      "referrals-old.csv's latest date is 21/06/2020, before the previous export's 28/06/2020",
    );
    expect(
      judgeExport(src, { file: 'r.csv', rows: 1000, latestDate: '2020-06-28' }, prev, DEFAULT_COMPLETENESS, false),
    ).toBeNull();
    expect(
      judgeExport(src, { file: 'r.csv', rows: 1000, latestDate: null }, prev, DEFAULT_COMPLETENESS, false),
    ).toBeNull();
  });

  it('takes it when accepted, configured, or when there is nothing to compare with; limits per source', () => {
    const small = { file: 'referrals.csv', rows: 10, latestDate: '2020-01-01' };
    expect(judgeExport(src, small, prev, DEFAULT_COMPLETENESS, true)).toBeNull();
    expect(judgeExport(src, small, prev, { ...DEFAULT_COMPLETENESS, accept: [src] }, false)).toBeNull();
    expect(judgeExport(src, small, null, DEFAULT_COMPLETENESS, false)).toBeNull();
    const loose = { ...DEFAULT_COMPLETENESS, perSource: { [src]: 50 } };
    expect(judgeExport(src, { ...small, rows: 500, latestDate: '2020-07-01' }, prev, loose, false)).toBeNull();
    expect(judgeExport(src, { ...small, rows: 499, latestDate: '2020-07-01' }, prev, loose, false)?.reason).toBe(
      'shrunk',
    );
    expect(
      judgeExport(
        'case_management.contacts',
        { ...small, rows: 700, latestDate: '2020-07-01' },
        { ...prev, file: 'contacts.csv' },
        loose,
        false,
      )?.reason,
    ).toBe('shrunk');
  });

  it('calls a file cut off only when it ends mid-record: no final line break and a rejected last record', () => {
    expect(isCutOff(false, true)).toBe(true);
    expect(isCutOff(true, true)).toBe(false); // a broken last row, but the file ends where its writer stopped
    expect(isCutOff(false, false)).toBe(false); // many programs write no final line break
    const t = truncatedExport(
      'case_management.contacts',
      { file: 'contacts.csv', rows: 11035, latestDate: '2020-06-01' },
      11036,
      { file: 'contacts.csv', rows: 22486, latestDate: '2020-06-28' },
    );
    expect(t.message).toBe(
      'contacts.csv is cut off: its last record (line 11036) stops mid-row with no line break after it, so the file is incomplete. None of it was landed; held back: analysts keep the previous export (contacts.csv, 22,486 rows). Export it again and run again.',
    );
    expect(describeHeld([t])).toBe('case_management.contacts (contacts.csv: cut off)');
  });
});
