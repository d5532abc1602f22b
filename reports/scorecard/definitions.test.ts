import { describe, expect, it } from 'vitest';
import { noFigureTerm } from './definitions.js';

describe('noFigureTerm', () => {
  it('names each measure without a figure and the source that would give it, or nothing when all have figures', () => {
    expect(noFigureTerm([])).toBeNull();
    const t = noFigureTerm([
      { name: 'Supervision within interval', sourceNeeded: 'the case-management case supervisions export' },
      { name: 'Local measure', sourceNeeded: null },
    ]);
    expect(t?.term).toBe('No figure from the data supplied');
    expect(t?.text).toContain(
      'Supervision within interval (needs the case-management case supervisions export); Local measure.',
    );
  });
});

describe('definitionText', () => {
  it("prints each field the seed fills, headed, in order, in the seed's own words", async () => {
    const { definitionText } = await import('./definitions.js');
    const d = {
      numerator: 'Referrals for a child with a previous referral',
      denominator: 'All referrals received',
      inclusions: null,
      exclusions: 'A second referral on the same day',
      periodRule: 'Referrals received in the period',
      sourceRule: null,
    };
    expect(definitionText(d)).toBe(
      'Counts: Referrals for a child with a previous referral\nOut of: All referrals received\nExcludes: A second referral on the same day\nPeriod: Referrals received in the period',
    );
  });
});
