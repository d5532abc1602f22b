import { describe, expect, it } from 'vitest';
import type { ContactActivityData } from './data.js';
import { contactActivityTables, protectedContactActivityTables } from './tables.js';

const area = (edt: number, mash: number, assessment: number, cm: number, cla: number, disability: number) => ({
  EDT: edt,
  MASH: mash,
  Assessment: assessment,
  'Case Management': cm,
  CLA: cla,
  Disability: disability,
});

/** Two weeks, the second "since" the split: small enough to work out by hand. */
const data: ContactActivityData = {
  period: { firstWeek: '2020-06-01', lastWeek: '2020-06-08', periodEnd: '2020-06-14', split: '2020-06-08', weeks: 2 },
  dataAsAt: '2020-06-15T07:00:00Z',
  weeks: [
    { weekStart: '2020-06-01', label: 'a', edt: 30, mash: 120, total: 150, since: false },
    { weekStart: '2020-06-08', label: 'b', edt: 20, mash: 100, total: 120, since: true },
  ],
  before: { weeks: 1, edt: 30, mash: 120, total: 150 },
  since: { weeks: 1, edt: 20, mash: 100, total: 120 },
  bySource: [
    { group: 'Schools', before: 60, since: 12, beforeCount: 60, sinceCount: 12 },
    { group: 'Self', before: 3, since: 0, beforeCount: 3, sinceCount: 0 },
    { group: 'Police', before: 87, since: 108, beforeCount: 87, sinceCount: 108 },
  ],
  openCase: [
    { weekStart: '2020-06-01', label: 'a', byArea: area(8, 23, 2, 10, 0, 7), total: 50 },
    { weekStart: '2020-06-08', label: 'b', byArea: area(11, 26, 9, 10, 7, 0), total: 63 },
  ],
  timeliness: [
    { weekStart: '2020-06-01', label: 'a', contacts: 150, within: 113 },
    { weekStart: '2020-06-08', label: 'b', contacts: 120, within: 4 },
  ],
};

describe('contact activity tables', () => {
  it('public: open-case counts 1 to 5 become c, with a second cell hidden in each row and column', () => {
    const t = contactActivityTables(data, 'public', 5);
    // By hand: week a's Assessment 2 is small. Row a: the smallest other non-zero area, Disability 7, hides too.
    // Column Assessment: 9 (week b) hides too. Column Disability: week b is 0, so its total (7) hides.
    // Row b: the smallest other non-zero, CLA 7, hides. Column CLA: week a is 0, so its total (7) hides.
    // The total row then has two hidden (CLA, Disability) and every sum is stable.
    expect(t.openCase.rows.map((r) => [r.edt, r.mash, r.assessment, r.cm, r.cla, r.disability, r.total])).toEqual([
      [8, 23, 'c', 10, 0, 'c', 50],
      [11, 26, 'c', 10, 'c', 0, 63],
      [19, 49, 11, 20, 'c', 'c', 113],
    ]);
  });

  it('public: averages and changes are whole numbers, hidden with a small count; percentages are whole and hidden with a small numerator', () => {
    const t = contactActivityTables(data, 'public', 5);
    const self = t.bySource.rows.find((r) => r.group === 'Self')!;
    expect([self.before, self.since, self.change]).toEqual(['c', 0, 'c']);
    // Self's 3 hidden -> Schools' 60 (smallest other non-zero "before") hidden too, so the total cannot reveal it.
    const schools = t.bySource.rows.find((r) => r.group === 'Schools')!;
    expect([schools.before, schools.since, schools.change]).toEqual(['c', 12, 'c']);
    // Week b's 4 decided in time is small; the column total (117) would give it away, so week a's 113 hides too,
    // and with them both weeks' percentages. The whole period's 117 / 270 is shown as a whole percent.
    expect(t.timeliness.rows.map((r) => r.pct)).toEqual(['c', 'c', 0.43]);
    expect(t.timeliness.rows[1]!.within).toBe('c');
  });

  it('restricted: every figure as it is, averages and percentages unrounded', () => {
    const t = contactActivityTables(data, 'restricted', 5);
    expect(t.openCase.rows[0]!.assessment).toBe(2);
    expect(t.timeliness.rows[0]!.pct).toBeCloseTo(113 / 150, 12);
    expect(t.bySource.rows.find((r) => r.group === 'Self')!.before).toBe(3);
    expect(t.averages.change).toEqual({ edt: -10, mash: -20, total: -30 });
  });
});

describe('the disclosure audit of the published tables', () => {
  it('passes for the case-management layout and for Annex A (no team split, no open-case or timeliness tables)', async () => {
    const full = await protectedContactActivityTables(data, 'public', 5, 5);
    expect(full.audit?.ok).toBe(true);
    const annexA: ContactActivityData = {
      ...data,
      available: { source: 'annex_a', frontDoorSplit: false, openCase: false, timeliness: false },
      openCase: [],
      timeliness: [],
    };
    const a = await protectedContactActivityTables(annexA, 'public', 5, 5);
    expect(a.audit?.ok).toBe(true);
    for (const r of a.audit!.ranges) expect(r.span).toBeGreaterThanOrEqual(5);
  });
});

describe('a coarser public open-case table', () => {
  const groups = {
    EDT: 'Front door',
    MASH: 'Front door',
    Assessment: 'Assessment and case management',
    'Case Management': 'Assessment and case management',
    CLA: 'Children in care',
    Disability: 'Children in care',
  };
  const grouped: ContactActivityData = { ...data, serviceGroups: groups };
  const grains = [
    { weeks: 1, columns: 'service area' as const },
    { weeks: 2, columns: 'service group' as const },
  ];

  it('blocks weeks back from the last week, so the first block is the short one', async () => {
    const { weekBlocks } = await import('./tables.js');
    expect(weekBlocks([1, 2, 3, 4, 5], 2)).toEqual([[1], [2, 3], [4, 5]]);
    expect(weekBlocks([1, 2, 3, 4], 4)).toEqual([[1, 2, 3, 4]]);
    expect(weekBlocks([1, 2], 1)).toEqual([[1], [2]]);
  });

  it('is chosen when weekly by area is more than the allowed share "c", and adds up by hand', async () => {
    // Weekly by area after the audit's widening: its share of "c", counted cell by cell.
    const weekly = await protectedContactActivityTables(grouped, 'public', 5, 5, { grains, maxSuppressedShare: 1 });
    expect(weekly.tables.openCase.grain).toEqual(grains[0]);
    expect(weekly.tables.openCase.grainNote).toBeNull();
    const cells = weekly.tables.openCase.rows.flatMap((r) =>
      ['edt', 'mash', 'assessment', 'cm', 'cla', 'disability', 'total'].map((k) => r[k]),
    );
    const share = cells.filter((v) => v === 'c').length / cells.length;
    expect(share).toBeGreaterThan(0);

    const tight = await protectedContactActivityTables(grouped, 'public', 5, 5, {
      grains,
      maxSuppressedShare: share - 0.01,
    });
    const oc = tight.tables.openCase;
    expect(oc.grain).toEqual(grains[1]);
    expect(oc.columns.map((c) => c.header)).toEqual([
      'Front door',
      'Assessment and case management',
      'Children in care',
    ]);
    // By hand, both weeks together: front door 8+23+11+26 = 68, assessment and CM 2+10+9+10 = 31, in care 0+7+7+0 = 14.
    expect(oc.rows.map((r) => [r.group1, r.group2, r.group3, r.total])).toEqual([
      [68, 31, 14, 113],
      [68, 31, 14, 113],
    ]);
    expect(oc.grainNote).toBe(
      `Shown by 2 weeks and service group: the finest grain at which no more than ${Math.round((share - 0.01) * 100)}% of the figures are "c" (by week and service area ${Math.round(share * 100)}% would be "c"). The restricted appendix is weekly by service area.`,
    );
    expect(tight.audit?.ok).toBe(true);
    // The restricted table is always weekly by area, whatever grain is asked for.
    expect(contactActivityTables(grouped, 'restricted', 5, new Set(), grains[1]).openCase.rows[0]!.assessment).toBe(2);
  });
});
