import { describe, expect, it } from 'vitest';
import type { ComplaintsAnnualData, Procedure, ProcedureYear } from './data.js';
import { financialYearStarting } from './period.js';
import { complaintsAnnualTables } from './tables.js';

// A small made-up year: figures chosen so some are 1 to 5 (suppressed in public) and others are not.
const py = (
  year: string,
  procedure: Procedure,
  received: number,
  upheld: number,
  partly: number,
  within10: number,
  within20: number,
  fromYoungPeople = 0,
): ProcedureYear => ({
  year,
  procedure,
  received,
  upheld,
  partly,
  notUpheld: received - upheld - partly - 1,
  withdrawnOrOpen: 1,
  within10,
  within20,
  fromYoungPeople,
});

function data(hasPrevious = true): ComplaintsAnnualData {
  return {
    year: financialYearStarting(2019),
    previous: financialYearStarting(2018),
    trend: [financialYearStarting(2018), financialYearStarting(2019)],
    hasPrevious,
    dataAsAt: '2020-05-04T09:00:00Z',
    firstReceived: '2018-04-03',
    procedureLabels: { STAT: 'Statutory', CORP: 'Corporate', SEND: 'SEND' },
    byProcedureYear: [
      py('2018/19', 'STAT', 91, 28, 15, 23, 46, 9),
      py('2018/19', 'CORP', 114, 24, 19, 40, 58, 4),
      py('2018/19', 'SEND', 28, 15, 6, 10, 16, 1),
      py('2019/20', 'STAT', 28, 4, 5, 9, 16, 3),
      py('2019/20', 'CORP', 174, 23, 34, 50, 66, 9),
      py('2019/20', 'SEND', 54, 24, 14, 14, 28, 2),
    ],
    serviceAreas: [
      { label: 'Assessment', key: 'STAT', n: 20 },
      { label: 'Assessment', key: 'CORP', n: 100 },
      { label: 'CLA', key: 'STAT', n: 8 },
      { label: 'CLA', key: 'CORP', n: 74 },
      { label: 'Disability', key: 'SEND', n: 54 },
    ],
    issues: [
      { label: 'Quality of service', key: 'STAT', n: 12 },
      { label: 'Communication', key: 'STAT', n: 5 },
      { label: 'Communication', key: 'CORP', n: 38 },
    ],
    issueCategories: ['Quality of service', 'Communication', 'Delay'],
    sendIssues: [],
    escalations: [
      { label: 'Stage 2 investigations', key: 'STAT', n: 2 },
      { label: 'Stage 3 review panels', key: 'STAT', n: 1 },
    ],
    escalationsLastYear: [],
    comments: [
      { label: 'Assessment', key: '2019/20', n: 12 },
      { label: 'Assessment', key: '2018/19', n: 21 },
    ],
    compliments: [
      { label: 'Early Help', key: '2019/20', n: 13 },
      { label: 'Court Team', key: '2019/20', n: 10 },
      { label: 'Court Team', key: '2018/19', n: 4 },
    ],
  };
}

describe('complaintsAnnualTables', () => {
  it('restricted: exact counts, totals, changes and shares', () => {
    const t = complaintsAnnualTables(data(), 'restricted', 5);
    expect(t.byProcedure.rows.map((r) => [r.label, r.last, r.this, r.change])).toEqual([
      ['Statutory', 91, 28, -63],
      ['Corporate', 114, 174, 60],
      ['SEND', 28, 54, 26],
      ['Total', 233, 256, 23],
    ]);
    const stat = t.outcomes.rows[0]!;
    expect([stat.received, stat.upheld, stat.partly, stat.upOrPartly]).toEqual([28, 4, 5, 9]);
    expect(stat.upOrPartlyPct).toBeCloseTo(9 / 28, 12);
    expect(t.timeliness.rows[3]).toMatchObject({ label: 'Total', received: 256, within10: 73, within20: 110 });
    // Issues list only areas raised this year, in the reference list's order.
    expect(t.issues.rows.map((r) => [r.label, r.total])).toEqual([
      ['Quality of service', 12],
      ['Communication', 43],
      ['Total', 55],
    ]);
    expect(t.escalations.rows.map((r) => r.total)).toEqual([2, 1, 0, 0]);
  });

  it('public: hides 1 to 5, protects them from totals and changes, and rounds shares to whole percentages', () => {
    const t = complaintsAnnualTables(data(), 'public', 5);
    const stat = t.outcomes.rows[0]!;
    expect([stat.upheld, stat.partly, stat.upPct, stat.partlyPct]).toEqual(['c', 'c', 'c', 'c']);
    // Upheld or partly (9) is shown: its two parts are both hidden, so neither can be worked out from it.
    expect(stat.upOrPartly).toBe(9);
    expect(stat.upOrPartlyPct).toBe(0.32);
    // The upheld column's total would reveal the statutory 4 from the other two: a second one is hidden too.
    expect(t.outcomes.rows.filter((r) => r.upheld === 'c').length).toBeGreaterThanOrEqual(2);
    // Compliments: Court Team's 4 last year is hidden, and so is its change; the total of two rows needs a second "c".
    const court = t.compliments.rows.find((r) => r.label === 'Court Team')!;
    expect([court.last, court.this, court.change]).toEqual(['c', 10, 'c']);
    expect(t.compliments.rows.map((r) => r.last).filter((v) => v === 'c').length).toBeGreaterThanOrEqual(2);
  });

  it('without last year in the data, shows no last-year figures or changes, and says why', () => {
    const t = complaintsAnnualTables(data(false), 'restricted', 5);
    expect(t.byProcedure.rows.every((r) => r.last === null && r.change === null)).toBe(true);
    expect(t.byProcedure.note).toMatch(/2018\/19 is not shown/);
  });

  it('says when the trend holds fewer than four years', () => {
    const t = complaintsAnnualTables(data(), 'public', 5);
    expect(t.trendReceived.rows.map((r) => r.label)).toEqual(['2018/19', '2019/20']);
    expect(t.trendReceived.note).toMatch(/holds 2 financial years/);
  });

  it('hides a figure in every table that shows it once any table hides it, so no table undoes another', () => {
    // The demo's 2019/20 outcomes. On its own the SEND-by-year table would show SEND's upheld (29) and partly
    // upheld (14) and hide not upheld (8); the outcomes table hides the first two and shows the 8, which with the
    // SEND-by-year figures would give away the 3 withdrawn or open.
    const d = data();
    const set =
      (p: Procedure, upheld: number, partly: number, notUpheld: number, received: number) =>
      (r: ProcedureYear): ProcedureYear =>
        r.year === '2019/20' && r.procedure === p
          ? { ...r, received, upheld, partly, notUpheld, withdrawnOrOpen: received - upheld - partly - notUpheld }
          : r;
    d.byProcedureYear = d.byProcedureYear
      .map(set('STAT', 4, 5, 14, 28))
      .map(set('CORP', 23, 34, 96, 174))
      .map(set('SEND', 29, 14, 8, 54));
    const t = complaintsAnnualTables(d, 'public', 5);
    const send = t.outcomes.rows[2]!;
    const sendYear = t.sendByYear.rows.find((r) => r.label === '2019/20')!;
    expect(send.other).toBe('c');
    for (const key of ['received', 'upheld', 'partly', 'upOrPartly', 'notUpheld', 'other'])
      expect(sendYear[key], key).toBe(send[key]);
    expect(sendYear.upheld).toBe('c');
  });

  it('says when the reported year is only partly covered by the data', () => {
    const t = complaintsAnnualTables({ ...data(false), firstReceived: '2020-01-06' }, 'restricted', 5);
    expect(t.byProcedure.note).toMatch(/starts on 6 January 2020, part way through 2019\/20/);
  });
});

describe('a coarser public Comments table', () => {
  // Comments spread thin over five areas: by area most figures are 1 to 5; by group they add up past 5.
  const thin = (): ComplaintsAnnualData => ({
    ...data(),
    comments: [
      { label: 'EDT', key: '2019/20', n: 3 },
      { label: 'MASH', key: '2019/20', n: 4 },
      { label: 'MASH', key: '2018/19', n: 8 },
      { label: 'Assessment', key: '2019/20', n: 2 },
      { label: 'Case Management', key: '2019/20', n: 5 },
      { label: 'Case Management', key: '2018/19', n: 9 },
      { label: 'CLA', key: '2019/20', n: 1 },
    ],
    serviceGroups: {
      EDT: 'Front door',
      MASH: 'Front door',
      Assessment: 'Assessment and case management',
      'Case Management': 'Assessment and case management',
      CLA: 'Children in care',
    },
  });

  it('merges the areas into their groups, and only in the public variant', () => {
    const pub = complaintsAnnualTables(thin(), 'public', 5, new Set(), 'service group');
    expect(pub.comments.columns[0]!.header).toBe('Service group');
    // By hand: Assessment and case management 2+5 = 7 (last year 9); Front door 3+4 = 7 (last year 8); Children in care 1 (0).
    expect(pub.comments.raw.map((r) => [r.label, r.last, r.this])).toEqual([
      ['Assessment and case management', 9, 7],
      ['Children in care', 0, 1],
      ['Front door', 8, 7],
      ['Total', 17, 15],
    ]);
    expect(pub.comments.note).toContain('Front door (EDT, MASH)');
    const res = complaintsAnnualTables(thin(), 'restricted', 5, new Set(), 'service group');
    expect(res.comments.raw.map((r) => r.label)).toEqual([
      'Assessment',
      'CLA',
      'Case Management',
      'EDT',
      'MASH',
      'Total',
    ]);
  });

  it('is shown when by area more than the allowed share is "c", and the page says why', async () => {
    const { protectedComplaintsAnnualTables } = await import('./tables.js');
    const byArea = await protectedComplaintsAnnualTables(thin(), 'public', 5, 5, {
      grains: ['service area'],
      maxSuppressedShare: 1,
    });
    const cells = byArea.tables.comments.rows.flatMap((r) => [r.last, r.this]);
    const share = cells.filter((v) => v === 'c').length / cells.length;
    const r = await protectedComplaintsAnnualTables(thin(), 'public', 5, 5, {
      grains: ['service area', 'service group'],
      maxSuppressedShare: 0.3,
    });
    expect(share).toBeGreaterThan(0.3);
    expect(r.tables.comments.columns[0]!.header).toBe('Service group');
    expect(r.tables.comments.note).toContain(`Shown by service group: `);
    expect(r.tables.comments.note).toContain(`(by service area ${Math.round(share * 100)}% would be "c")`);
    expect(r.audit?.ok).toBe(true);
  });
});

describe('Comments all together', () => {
  it('shows the total alone when even service groups leave too many "c", and the audit passes', async () => {
    const { protectedComplaintsAnnualTables } = await import('./tables.js');
    const d: ComplaintsAnnualData = {
      ...data(),
      comments: [
        { label: 'EDT', key: '2019/20', n: 3 },
        { label: 'MASH', key: '2019/20', n: 4 },
        { label: 'MASH', key: '2018/19', n: 8 },
      ],
      serviceGroups: { EDT: 'Front door', MASH: 'Front door' },
    };
    const r = await protectedComplaintsAnnualTables(d, 'public', 5, 5, {
      grains: ['service area', 'all'],
      maxSuppressedShare: 0.1,
    });
    // By hand: 3 + 4 = 7 this year, 8 last year.
    expect(r.tables.comments.rows.map((x) => [x.label, x.last, x.this, x.change])).toEqual([['Total', 8, 7, -1]]);
    expect(r.tables.comments.note).toContain('Shown by all service areas together: ');
    expect(r.audit?.ok).toBe(true);
  });
});
