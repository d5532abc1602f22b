import { describe, expect, it } from 'vitest';
import { finestGrain, suppressedShare } from './grain.js';
import type { TableSpec } from './suppression.js';

const spec: TableSpec = {
  columns: [
    { key: 'label', kind: 'label' },
    { key: 'a', kind: 'count' },
    { key: 'b', kind: 'count' },
    { key: 't', kind: 'total', of: ['a', 'b'] },
    { key: 'p', kind: 'percent', numerator: 'a', denominator: 't' },
  ],
};

describe('suppressedShare', () => {
  it('counts "c" among counts and totals only (labels and percentages are not figures it judges)', () => {
    const rows = [
      { label: 'c', a: 'c', b: 'c', t: 9, p: 'c' },
      { label: 'x', a: 6, b: 7, t: 13, p: 0.46 },
    ];
    expect(suppressedShare(spec, rows)).toBe(2 / 6);
    expect(suppressedShare(spec, [])).toBe(0);
  });
});

describe('finestGrain', () => {
  const shares: Record<string, number> = { week: 0.7, month: 0.2, quarter: 0 };
  const built: string[] = [];
  const build = async (g: string) => (built.push(g), g);
  it('takes the first grain at or under the share and builds no coarser one', async () => {
    built.length = 0;
    const r = await finestGrain(['week', 'month', 'quarter'], build, (g) => shares[g]!, 0.25);
    expect(r.grain).toBe('month');
    expect(r.tried).toEqual([
      { grain: 'week', share: 0.7 },
      { grain: 'month', share: 0.2 },
    ]);
    expect(built).toEqual(['week', 'month']);
  });
  it('a share exactly at the limit is accepted', async () => {
    expect((await finestGrain(['week', 'month'], build, (g) => shares[g]!, 0.7)).grain).toBe('week');
  });
  it('falls back to the coarsest when none is under the share', async () => {
    expect((await finestGrain(['week', 'month'], build, (g) => shares[g]!, 0.1)).grain).toBe('month');
  });
});
