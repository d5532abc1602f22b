import { describe, expect, it } from 'vitest';
import { describeStaleSources, evaluateFreshness } from './freshness.js';

const now = new Date('2026-03-10T07:00:00Z');
const times = [
  { source: 'case_management.contacts', newestFile: 'contacts.csv', newestFileAt: '2026-03-09T02:00:00Z' },
  { source: 'complaints.complaints', newestFile: 'complaints-2026-03-01.csv', newestFileAt: '2026-03-01T19:00:00Z' },
];

describe('freshness', () => {
  it('measures days since the newest export against the default and per-source limits', () => {
    const f = evaluateFreshness(
      times,
      { maxAgeDays: 2, perSource: { 'complaints.complaints': 10, 'dfe.cin_census': 400 } },
      now,
    );
    expect(f).toEqual([
      {
        source: 'case_management.contacts',
        newestFile: 'contacts.csv',
        newestFileAt: '2026-03-09T02:00:00Z',
        ageDays: 1.2,
        maxAgeDays: 2,
        stale: false,
      },
      {
        source: 'complaints.complaints',
        newestFile: 'complaints-2026-03-01.csv',
        newestFileAt: '2026-03-01T19:00:00Z',
        ageDays: 8.5,
        maxAgeDays: 10,
        stale: false,
      },
      // Given its own limit but never loaded: stale.
      { source: 'dfe.cin_census', newestFile: null, newestFileAt: null, ageDays: null, maxAgeDays: 400, stale: true },
    ]);
  });

  it('flags a source older than its limit and says which is oldest', () => {
    const f = evaluateFreshness(times, { maxAgeDays: 2, perSource: {} }, now);
    expect(f.map((x) => [x.source, x.stale])).toEqual([
      ['case_management.contacts', false],
      ['complaints.complaints', true],
    ]);
    expect(describeStaleSources(f)).toBe(
      'complaints.complaints: newest export complaints-2026-03-01.csv is 8.5 days old (limit 2)',
    );
    const all = evaluateFreshness(times, { maxAgeDays: 1, perSource: { 'dfe.cin_census': 400 } }, now);
    expect(describeStaleSources(all)).toBe(
      '3 of 3 sources are older than their freshness limit; oldest complaints.complaints: newest export complaints-2026-03-01.csv is 8.5 days old (limit 1); never loaded: dfe.cin_census',
    );
    expect(
      describeStaleSources(evaluateFreshness(times.slice(0, 1), { maxAgeDays: 2, perSource: {} }, now)),
    ).toBeNull();
  });
});
