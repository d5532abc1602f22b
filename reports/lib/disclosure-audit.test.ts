// The audit finds what an outsider can work out from a public table, and protect() widens suppression until no
// suppressed cell can be narrowed to fewer than `protection` values. The leaks are the ones issue 14 found in the
// demo's public Appendix 3, table by table, with its figures.
import { describe, expect, it } from 'vitest';
import { auditDisclosure, protect, type DisclosureModel } from './disclosure-audit.js';
import { suppress, type TableSpec } from './suppression.js';
import { tablesModel, type AuditTable } from './table-audit.js';

const T = 5;

/** Suppress with the rule as it stood (primary + single-cell secondary), with `extra` cells hidden too. */
function published(
  name: string,
  spec: TableSpec,
  raw: Record<string, unknown>[],
  extra: ReadonlySet<string> = new Set(),
): AuditTable {
  const force = [...extra]
    .map((id) => id.split('|'))
    .filter(([t]) => t === name)
    .map(([, row, key]) => ({ row: Number(row), key: key! }));
  return { name, spec, raw, shown: suppress(spec, raw, T, force).rows };
}
const range = async (m: DisclosureModel, where: RegExp) =>
  (await auditDisclosure(m, T)).ranges.filter((r) => where.test(r.where)).map((r) => [r.where, r.min, r.max]);

const outcomesSpec: TableSpec = {
  columns: [
    { key: 'label', kind: 'label' },
    { key: 'received', kind: 'total', of: ['upheld', 'partly', 'notUpheld', 'other'] },
    { key: 'upheld', kind: 'count' },
    { key: 'partly', kind: 'count' },
    { key: 'upOrPartly', kind: 'total', of: ['upheld', 'partly'] },
    { key: 'notUpheld', kind: 'count' },
    { key: 'other', kind: 'count' },
    { key: 'upOrPartlyPct', kind: 'percent', numerator: 'upOrPartly', denominator: 'received' },
  ],
};
// Issue 14: 'Withdrawn or open' statutory = 28 - 10 - 14 = 4 and SEND = 54 - 32 - 17 = 5.
const outcomes = [
  {
    label: 'Statutory',
    received: 28,
    upheld: 7,
    partly: 3,
    upOrPartly: 10,
    notUpheld: 14,
    other: 4,
    upOrPartlyPct: 10 / 28,
  },
  {
    label: 'SEND',
    received: 54,
    upheld: 28,
    partly: 4,
    upOrPartly: 32,
    notUpheld: 17,
    other: 5,
    upOrPartlyPct: 32 / 54,
  },
];

describe('issue 14 leaks, reproduced', () => {
  it('Outcomes: "Withdrawn or open" is received less "upheld or partly" less "not upheld"', async () => {
    const t = published('Outcomes', outcomesSpec, outcomes);
    expect(t.shown.map((r) => (r as Record<string, unknown>).other)).toEqual(['c', 'c']);
    expect(await range(tablesModel([t]), /other/)).toEqual([
      ['Outcomes, Statutory, other', 4, 4],
      ['Outcomes, SEND, other', 5, 5],
    ]);
  });

  it('Ombudsman: statutory + corporate = 8 - 6 = 2, each "c" at least 1, so both are 1', async () => {
    const spec: TableSpec = {
      columns: [
        { key: 'label', kind: 'label' },
        { key: 'STAT', kind: 'count' },
        { key: 'CORP', kind: 'count' },
        { key: 'SEND', kind: 'count' },
        { key: 'total', kind: 'total', of: ['STAT', 'CORP', 'SEND'] },
      ],
    };
    const t = published('Escalations', spec, [{ label: 'Ombudsman received', STAT: 1, CORP: 1, SEND: 6, total: 8 }]);
    expect(await range(tablesModel([t]), /./)).toEqual([
      ['Escalations, Ombudsman received, STAT', 1, 1],
      ['Escalations, Ombudsman received, CORP', 1, 1],
    ]);
  });

  it('Issues: the total less the shown rows leaves 2 for two "c" cells, so both are 1', async () => {
    const spec: TableSpec = {
      columns: [
        { key: 'label', kind: 'label' },
        { key: 'n', kind: 'count' },
      ],
      totalRows: [4],
    };
    const t = published('Issues', spec, [
      { label: 'A', n: 40 },
      { label: 'B', n: 1 },
      { label: 'C', n: 1 },
      { label: 'D', n: 30 },
      { label: 'Total', n: 72 },
    ]);
    expect(await range(tablesModel([t]), /./)).toEqual([
      ['Issues, B, n', 1, 1],
      ['Issues, C, n', 1, 1],
    ]);
  });

  it('a rounded percentage narrows its hidden numerator: 9 of c shown as 64% when the denominator is 14', async () => {
    const spec: TableSpec = {
      columns: [
        { key: 'n', kind: 'count' },
        { key: 'x', kind: 'count' },
        { key: 'p', kind: 'percent', numerator: 'x', denominator: 'n' },
      ],
    };
    // A percentage left showing while its numerator is hidden (a weakened rule) gives the numerator away.
    const t: AuditTable = { name: 'P', spec, raw: [{ n: 14, x: 9, p: 9 / 14 }], shown: [{ n: 14, x: 'c', p: 0.64 }] };
    expect(await range(tablesModel([t]), /./)).toEqual([['P, row 1, x', 9, 9]]);
  });
});

describe('protect() widens suppression until the audit passes', () => {
  it('hides more of Outcomes until every "c" could be at least five values', async () => {
    const {
      published: t,
      audit,
      extra,
    } = await protect(
      (extra) => {
        const t = published('Outcomes', outcomesSpec, outcomes, extra);
        return { published: t, model: tablesModel([t]) };
      },
      T,
      'Outcomes',
    );
    expect(audit.ok).toBe(true);
    expect(extra.size).toBeGreaterThan(0);
    for (const r of audit.ranges) expect(r.span, r.where).toBeGreaterThanOrEqual(T);
    // What it still shows is the truth.
    t.shown.forEach((r, i) => {
      for (const [k, v] of Object.entries(r))
        if (typeof v === 'number' && k !== 'upOrPartlyPct') expect(v).toBe(outcomes[i]![k as 'received']);
    });
  });

  it('refuses, naming the cell, when the publisher does not hide what it is asked to (so it cannot loop or pass)', async () => {
    const spec: TableSpec = {
      columns: [
        { key: 'a', kind: 'count' },
        { key: 'b', kind: 'count' },
        { key: 't', kind: 'total', of: ['a', 'b'] },
      ],
    };
    // 'b' is 0 and shown, so a hidden 'a' is the shown total; this publisher ignores the extra cells asked for.
    const build = () => {
      const t: AuditTable = { name: 'Z', spec, raw: [{ a: 2, b: 0, t: 2 }], shown: [{ a: 'c', b: 0, t: 2 }] };
      return { published: t, model: tablesModel([t]) };
    };
    await expect(protect(build, T, 'Appendix Z')).rejects.toThrow(
      /Appendix Z: suppression cannot protect Z, row 1, a \(could only be 2\)/,
    );
  });

  it('a cell bound by nothing published is unbounded above', async () => {
    const spec: TableSpec = { columns: [{ key: 'a', kind: 'count' }] };
    const a = await auditDisclosure(tablesModel([{ name: 'U', spec, raw: [{ a: 3 }], shown: [{ a: 'c' }] }]), T);
    expect(a.ranges).toEqual([expect.objectContaining({ min: 1, max: Infinity })]);
    expect(a.ok).toBe(true);
  });
});
