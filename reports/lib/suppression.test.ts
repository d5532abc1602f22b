import { describe, expect, it } from 'vitest';
import { C, relationsOf, suppress, suppressionStatement, whole, wholePercent, type TableSpec } from './suppression.js';

const rowTotal: TableSpec = {
  columns: [
    { key: 'label', kind: 'label' },
    { key: 'a', kind: 'count' },
    { key: 'b', kind: 'count' },
    { key: 't', kind: 'total', of: ['a', 'b'] },
  ],
};

/** The figures only, row by row, for compact expectations. */
const grid = (rows: Record<string, unknown>[], keys: string[]) => rows.map((r) => keys.map((k) => r[k]));

describe('primary suppression', () => {
  it('shows counts 1 to 5 as c, keeps 0 and 6+, and never touches labels', () => {
    const spec: TableSpec = {
      columns: [
        { key: 'label', kind: 'label' },
        { key: 'n', kind: 'count' },
      ],
    };
    const rows = [0, 1, 5, 6, 100].map((n) => ({ label: `n=${n}`, n }));
    const out = suppress(spec, rows, 5);
    expect(out.rows.map((r) => r.n)).toEqual([0, C, C, 6, 100]);
    expect(out.rows.map((r) => r.label)).toEqual(['n=0', 'n=1', 'n=5', 'n=6', 'n=100']);
  });

  it('follows the threshold setting, and threshold 0 turns suppression off', () => {
    const spec: TableSpec = { columns: [{ key: 'n', kind: 'count' }] };
    const rows = [1, 2, 3, 10].map((n) => ({ n }));
    expect(suppress(spec, rows, 2).rows.map((r) => r.n)).toEqual([C, C, 3, 10]);
    const off = suppress(rowTotal, [{ label: 'x', a: 1, b: 2, t: 3 }], 0);
    expect(grid(off.rows, ['a', 'b', 't'])).toEqual([[1, 2, 3]]);
    expect(off.primary).toEqual([]);
  });

  it('does not change the input rows', () => {
    const rows = [{ label: 'x', a: 10, b: 3, t: 13 }];
    suppress(rowTotal, rows, 5);
    expect(rows[0]).toEqual({ label: 'x', a: 10, b: 3, t: 13 });
  });
});

describe('secondary suppression', () => {
  it('one small cell in a row with a total: the other part is hidden too, so 13 - 10 cannot give the 3', () => {
    const out = suppress(rowTotal, [{ label: 'x', a: 10, b: 3, t: 13 }], 5);
    expect(grid(out.rows, ['a', 'b', 't'])).toEqual([[C, C, 13]]);
    expect(out.primary).toEqual([{ row: 0, key: 'b' }]);
    expect(out.secondary).toEqual([{ row: 0, key: 'a' }]);
  });

  it('two small cells already protect each other: nothing more is hidden', () => {
    const spec: TableSpec = {
      columns: [
        { key: 'a', kind: 'count' },
        { key: 'b', kind: 'count' },
        { key: 'c', kind: 'count' },
        { key: 't', kind: 'total', of: ['a', 'b', 'c'] },
      ],
    };
    const out = suppress(spec, [{ a: 2, b: 4, c: 20, t: 26 }], 5);
    expect(grid(out.rows, ['a', 'b', 'c', 't'])).toEqual([[C, C, 20, 26]]);
    expect(out.secondary).toEqual([]);
  });

  it('hides the smallest other non-zero part, never a zero; the total when only zeros are left', () => {
    const spec: TableSpec = {
      columns: [
        { key: 'a', kind: 'count' },
        { key: 'b', kind: 'count' },
        { key: 'c', kind: 'count' },
        { key: 't', kind: 'total', of: ['a', 'b', 'c'] },
      ],
    };
    const out = suppress(
      spec,
      [
        { a: 0, b: 3, c: 40, t: 43 },
        { a: 0, b: 3, c: 0, t: 3 },
        { a: 9, b: 3, c: 7, t: 19 },
      ],
      5,
    );
    expect(grid(out.rows, ['a', 'b', 'c', 't'])).toEqual([
      [0, C, C, 43], // 0 is skipped: hiding it would tell nothing
      [0, C, 0, C], // the 3 and its total are both small
      [9, C, C, 19], // 7 < 9
    ]);
  });

  it('small cells in both directions: a row total and a column total, worked by hand', () => {
    // Before:            After:
    //      a   b   t          a   b   t
    // r0  10   3  13     r0   c   c  13   3 is small; 10 hidden to protect it in row r0
    // r1  12  20  32     r1  12  20  32
    // r2   9   8  17     r2   c   c  17   column b: 8 hidden (smallest other); column a: 9 hidden; row r2 then has two
    // T   31  31  62     T   31  31  62
    const spec: TableSpec = { ...rowTotal, totalRows: [3] };
    const rows = [
      { label: 'r0', a: 10, b: 3, t: 13 },
      { label: 'r1', a: 12, b: 20, t: 32 },
      { label: 'r2', a: 9, b: 8, t: 17 },
      { label: 'T', a: 31, b: 31, t: 62 },
    ];
    const out = suppress(spec, rows, 5);
    expect(grid(out.rows, ['a', 'b', 't'])).toEqual([
      [C, C, 13],
      [12, 20, 32],
      [C, C, 17],
      [31, 31, 62],
    ]);
    // No sum is left with a single hidden cell.
    for (const rel of relationsOf(spec, rows.length)) {
      const n = [rel.total, ...rel.parts].filter((c) => out.hidden[c.row]!.has(c.key)).length;
      expect(n === 0 || n >= 2, JSON.stringify(rel)).toBe(true);
    }
  });

  it('a small total row cell is protected within its row and its column', () => {
    const spec: TableSpec = { ...rowTotal, totalRows: [2] };
    const rows = [
      { label: 'w1', a: 1, b: 30, t: 31 },
      { label: 'w2', a: 0, b: 40, t: 40 },
      { label: 'T', a: 1, b: 70, t: 71 },
    ];
    const out = suppress(spec, rows, 5);
    // a: 1 and its total 1 are both small; each row then needs b hidden too, which column b then accepts (two hidden).
    expect(grid(out.rows, ['a', 'b', 't'])).toEqual([
      [C, C, 31],
      [0, 40, 40],
      [C, C, 71],
    ]);
  });

  it('cascades: a cell hidden to protect one sum is itself protected in the other sums it belongs to', () => {
    const spec: TableSpec = { ...rowTotal, totalRows: [3] };
    const rows = [
      { label: 'r0', a: 2, b: 50, t: 52 },
      { label: 'r1', a: 30, b: 60, t: 90 },
      { label: 'r2', a: 40, b: 70, t: 110 },
      { label: 'T', a: 72, b: 180, t: 252 },
    ];
    const out = suppress(spec, rows, 5);
    // r0.a small -> r0.b (50) hidden in its row and r1.a (30) in column a; column b then needs r1.b (60);
    // row r1 then has two hidden and everything is stable.
    expect(grid(out.rows, ['a', 'b', 't'])).toEqual([
      [C, C, 52],
      [C, C, 90],
      [40, 70, 110],
      [72, 180, 252],
    ]);
  });
});

describe('derived figures', () => {
  it('a difference column (before, after, change) cannot give a hidden count away', () => {
    //      before after change         before after change
    // A       3    10     7      A       c     c     c    3 small; change would give it (10 - 7)
    // B      20    25     5      B      20    25     5    a change of 5 is not a count: shown
    // C      12     4    -8      C       c     c     c    4 small; 12 hidden in column before, 10 in after
    // T      35    39     4      T      35    39     4
    const spec: TableSpec = {
      columns: [
        { key: 'label', kind: 'label' },
        { key: 'before', kind: 'count' },
        { key: 'after', kind: 'count' },
        { key: 'change', kind: 'difference', from: 'before', to: 'after' },
      ],
      totalRows: [3],
    };
    const rows = [
      { label: 'A', before: 3, after: 10, change: 7 },
      { label: 'B', before: 20, after: 25, change: 5 },
      { label: 'C', before: 12, after: 4, change: -8 },
      { label: 'T', before: 35, after: 39, change: 4 },
    ];
    const out = suppress(spec, rows, 5);
    expect(grid(out.rows, ['before', 'after', 'change'])).toEqual([
      [C, C, C],
      [20, 25, 5],
      [C, C, C],
      [35, 39, 4],
    ]);
  });

  it('a percentage with a small denominator or numerator is hidden; one from large counts is kept', () => {
    const spec: TableSpec = {
      columns: [
        { key: 'n', kind: 'count' },
        { key: 'within', kind: 'count' },
        { key: 'pct', kind: 'percent', numerator: 'within', denominator: 'n' },
      ],
    };
    const out = suppress(
      spec,
      [
        { n: 4, within: 3, pct: 0.75 },
        { n: 50, within: 2, pct: 0.04 },
        { n: 40, within: 30, pct: 0.75 },
        { n: 0, within: 0, pct: null },
      ],
      5,
    );
    expect(grid(out.rows, ['n', 'within', 'pct'])).toEqual([
      [C, C, C],
      [50, C, C],
      [40, 30, 0.75],
      [0, 0, null],
    ]);
  });

  it('an average made from a small count is hidden, and so is a change worked out from it', () => {
    const spec: TableSpec = {
      columns: [
        { key: 'beforeN', kind: 'count' },
        { key: 'sinceN', kind: 'count' },
        { key: 'before', kind: 'derived', from: 'beforeN', per: 1 },
        { key: 'since', kind: 'derived', from: 'sinceN', per: 1 },
        { key: 'change', kind: 'difference', from: 'before', to: 'since' },
      ],
    };
    const out = suppress(spec, [{ beforeN: 4, sinceN: 60, before: 4 / 7, since: 5, change: 5 - 4 / 7 }], 5);
    expect(grid(out.rows, ['beforeN', 'sinceN', 'before', 'since', 'change'])).toEqual([[C, 60, C, 5, C]]);
  });
});

describe('rounding and wording', () => {
  it('rounds percentages to whole percents and averages to whole numbers, never -0', () => {
    expect(wholePercent(0.7649)).toBe(0.76);
    expect(wholePercent(0.765)).toBe(0.77);
    expect(wholePercent(null)).toBeNull();
    expect(whole(162.5)).toBe(163);
    expect(Object.is(whole(-0.2), 0)).toBe(true);
  });

  it('states the rule with the threshold in use', () => {
    expect(suppressionStatement('public', 5)).toMatch(/Counts from 1 to 5 are shown as "c"/);
    expect(suppressionStatement('public', 5)).toMatch(/secondary suppression/);
    expect(suppressionStatement('public', 0)).toMatch(/turned off/);
    expect(suppressionStatement('restricted', 5)).toMatch(/NOT suppressed/);
  });
});

describe('"x of y" complements', () => {
  it('hides the part when the whole less the part is 1 to the threshold (13 of 16 leaves out 3), and its percentage', () => {
    const spec: TableSpec = {
      columns: [
        { key: 'n', kind: 'count' },
        { key: 'within', kind: 'count' },
        { key: 'pct', kind: 'percent', numerator: 'within', denominator: 'n' },
      ],
    };
    const out = suppress(
      spec,
      [
        { n: 16, within: 13, pct: 13 / 16 },
        { n: 16, within: 10, pct: 10 / 16 },
        { n: 16, within: 16, pct: 1 },
      ],
      5,
    );
    expect(grid(out.rows, ['n', 'within', 'pct'])).toEqual([
      [16, C, C],
      [16, 10, 10 / 16],
      [16, 16, 1],
    ]);
  });
});

describe('forced suppression', () => {
  it('hides a forced cell whatever its size and protects it like any other', () => {
    const rows = [{ label: 'x', a: 40, b: 30, t: 70 }];
    const r = suppress(rowTotal, rows, 5, [{ row: 0, key: 'a' }]);
    // a is hidden because another table hid it; then b goes too, or a = t - b.
    expect(grid(r.rows, ['a', 'b', 't'])).toEqual([[C, C, 70]]);
    expect(r.secondary).toEqual([
      { row: 0, key: 'a' },
      { row: 0, key: 'b' },
    ]);
  });
});
