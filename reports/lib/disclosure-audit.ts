// An exact audit of a public appendix's suppression: everything an outsider can read off the published tables
// (totals, differences, the same figure in two tables, rounded percentages and averages) is written as linear
// constraints over whole-number cells, and an integer program (HiGHS, in WebAssembly) finds the smallest and
// largest value each suppressed cell could take. A cell is protected when that range spans at least
// `protection` values. Pure apart from the solver, so reports and tests share it.
// highs ships ESM at run time but CommonJS-style types, so its loader is reached as the namespace's default.
import * as highsModule from 'highs';

// Only what the audit uses of highs' persistent model API.
interface Model {
  options: { set(o: Record<string, unknown>): void };
  changeColCost(col: number, cost: number): void;
  changeObjectiveSense(sense: unknown): void;
  run(): void;
  getModelStatus(): number;
  getSolution(): { colValue: Float64Array };
  dispose(): void;
}
type Highs = {
  createModel(source: { format: 'lp'; data: string }): Model;
  constants: { objectiveSense: { minimize: unknown; maximize: unknown }; modelStatus: { optimal: number } };
};
const loadHighs = (highsModule as unknown as { default: () => Promise<Highs> }).default;

/**
 * A whole-number figure of an appendix: printed (known to an outsider), printed as "c" (hidden: audited), or a
 * count behind a printed figure that is not itself printed (e.g. the contacts behind a weekly average: unknown, but
 * not a "c" to protect).
 */
export interface AuditCell {
  id: string;
  /** The true value (the audit never publishes it; it checks the model holds at the truth). */
  value: number;
  /** Printed as "c": unknown to an outsider, and must be protected. */
  hidden: boolean;
  /** Not printed at all: unknown to an outsider, nothing to protect. */
  unprinted?: boolean;
  /** Where a reader finds it, for messages: e.g. "Outcomes, Statutory, Partly upheld". */
  where: string;
}

/** lo <= sum(coef * cell) <= hi, with whole-number coefficients (so strict bounds are exact). */
export interface LinearConstraint {
  terms: [string, number][];
  lo: number;
  hi: number;
  /** What published relation this is, for messages. */
  why: string;
}

export interface DisclosureModel {
  cells: Map<string, AuditCell>;
  constraints: LinearConstraint[];
  /** Smallest value a hidden cell can have: 1 when the appendix shows zeros (so a "c" is not 0). */
  lower: number;
}

export interface CellRange {
  id: string;
  where: string;
  min: number;
  /** Infinity when nothing published bounds it from above. */
  max: number;
  /** How many whole values it could take. */
  span: number;
}

export interface AuditResult {
  ok: boolean;
  protection: number;
  ranges: CellRange[];
  failures: CellRange[];
}

// ---- Linear expressions with exact rational coefficients: sum(terms) / den ----

export interface Expr {
  terms: Map<string, number>;
  den: number;
}
const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));
export const cellExpr = (id: string): Expr => ({ terms: new Map([[id, 1]]), den: 1 });
export function combine(a: Expr, ka: number, b: Expr, kb: number): Expr {
  const den = (a.den / gcd(a.den, b.den)) * b.den;
  const terms = new Map<string, number>();
  for (const [id, c] of a.terms) terms.set(id, (terms.get(id) ?? 0) + c * ka * (den / a.den));
  for (const [id, c] of b.terms) terms.set(id, (terms.get(id) ?? 0) + c * kb * (den / b.den));
  for (const [id, c] of terms) if (c === 0) terms.delete(id);
  return { terms, den };
}
export const plus = (a: Expr, b: Expr): Expr => combine(a, 1, b, 1);
export const minus = (a: Expr, b: Expr): Expr => combine(a, 1, b, -1);
export const sumOf = (xs: readonly Expr[]): Expr => xs.reduce(plus, { terms: new Map(), den: 1 });
export const divide = (a: Expr, n: number): Expr => ({ terms: new Map(a.terms), den: a.den * n });

/** a == b exactly. */
export function equal(a: Expr, b: Expr, why: string): LinearConstraint {
  const d = minus(a, b);
  return { terms: [...d.terms], lo: 0, hi: 0, why };
}

/**
 * `shown` is e rounded to a whole number half up (Math.round): 2*shown - 1 <= 2e < 2*shown + 1. With e = N/den and
 * N whole, the strict bound is N*2 <= (2*shown + 1)*den - 1.
 */
export function roundsTo(e: Expr, shown: number, why: string): LinearConstraint {
  return {
    terms: [...e.terms].map(([id, c]) => [id, 2 * c]),
    lo: (2 * shown - 1) * e.den,
    hi: (2 * shown + 1) * e.den - 1,
    why,
  };
}

/**
 * `percent` (a whole percent) is 100 * num / den rounded half up, den > 0:
 * (2p - 1) * den <= 200 * num and 200 * num <= (2p + 1) * den - 1 (whole numbers once both sides are scaled).
 */
export function percentRoundsTo(num: Expr, den: Expr, percent: number, why: string): LinearConstraint[] {
  // Each side's terms are the expression times its common denominator (> 0): whole coefficients, same sign.
  const lowSide = combine(num, 200, den, -(2 * percent - 1));
  const highSide = combine(num, 200, den, -(2 * percent + 1));
  return [
    { terms: [...lowSide.terms], lo: 0, hi: Infinity, why },
    { terms: [...highSide.terms], lo: -Infinity, hi: -1, why },
  ];
}

// ---- The solver ----

const BIG = 1_000_000; // an upper bound no appendix count reaches; a cell that can reach it is unbounded

let highs: Promise<Highs> | null = null;
const solver = (): Promise<Highs> => (highs ??= loadHighs());

const lpNumber = (n: number) => (Number.isFinite(n) ? String(n) : n > 0 ? '1e30' : '-1e30');

interface Row {
  terms: [number, number][];
  lo: number;
  hi: number;
}

/**
 * Exact bounds of one cell of a group: the LP relaxation first (a simplex solve is ~1 ms, a MIP ~10 ms here);
 * when its optimum is a whole-number point that satisfies every constraint exactly, that point is also the integer
 * optimum (the relaxation's bound is attained by an integer point). Otherwise the integer program decides.
 */
function groupSolver(h: Highs, members: number[], rows: Row[], lowerOf: (i: number) => number) {
  const col = new Map(members.map((m, j) => [m, j]));
  const name = (j: number) => `x${j}`;
  const expr = (terms: [number, number][]) =>
    terms.map(([i, k]) => `${k < 0 ? '-' : '+'} ${Math.abs(k)} ${name(col.get(i)!)}`).join(' ');
  const body: string[] = ['Minimize', ' obj: 0 x0', 'Subject To'];
  rows.forEach((c, r) => {
    if (c.lo === c.hi) body.push(` e${r}: ${expr(c.terms)} = ${lpNumber(c.lo)}`);
    else {
      if (Number.isFinite(c.lo)) body.push(` l${r}: ${expr(c.terms)} >= ${lpNumber(c.lo)}`);
      if (Number.isFinite(c.hi)) body.push(` u${r}: ${expr(c.terms)} <= ${lpNumber(c.hi)}`);
    }
  });
  body.push('Bounds', ...members.map((i, j) => ` ${lowerOf(i)} <= ${name(j)} <= ${BIG}`));
  const lpText = [...body, 'End'].join('\n');
  const mipText = [...body, 'Generals', ` ${members.map((_, j) => name(j)).join(' ')}`, 'End'].join('\n');
  const open = (data: string, opts: Record<string, unknown>) => {
    const m = h.createModel({ format: 'lp', data });
    m.options.set({ output_flag: false, ...opts });
    return m;
  };
  const lp = open(lpText, { solver: 'simplex', presolve: 'off' });
  let mip: Model | null = null;
  let costed: { model: Model; col: number }[] = [];
  const run = (m: Model, j: number, sense: 'min' | 'max', where: string): Float64Array => {
    for (const c of costed.filter((c) => c.model === m)) m.changeColCost(c.col, 0);
    costed = [...costed.filter((c) => c.model !== m), { model: m, col: j }];
    m.changeColCost(j, 1);
    m.changeObjectiveSense(sense === 'min' ? h.constants.objectiveSense.minimize : h.constants.objectiveSense.maximize);
    m.run();
    if (m.getModelStatus() !== h.constants.modelStatus.optimal)
      throw new Error(`disclosure audit: the solver found no optimum (status ${m.getModelStatus()}) for ${where}`);
    return m.getSolution().colValue;
  };
  const wholeAndFeasible = (x: Float64Array): number[] | null => {
    const r = [...x].map((v) => Math.round(v));
    if (r.some((v, j) => Math.abs(v - x[j]!) > 1e-7 || v < lowerOf(members[j]!) || v > BIG)) return null;
    for (const c of rows) {
      const v = c.terms.reduce((s, [i, k]) => s + k * r[col.get(i)!]!, 0);
      if (v < c.lo || v > c.hi) return null;
    }
    return r;
  };
  /** The bound, and the whole-number point that attains it (every member's value, in `members` order). */
  const solve = (i: number, sense: 'min' | 'max', where: string): { value: number; point: number[] | null } => {
    const j = col.get(i)!;
    const relaxed = wholeAndFeasible(run(lp, j, sense, where));
    if (relaxed) return { value: relaxed[j]!, point: relaxed };
    mip ??= open(mipText, { mip_rel_gap: 0, mip_abs_gap: 0 });
    const x = run(mip, j, sense, where);
    return { value: Math.round(x[j]!), point: wholeAndFeasible(x) };
  };
  return Object.assign(solve, {
    dispose: () => {
      lp.dispose();
      mip?.dispose();
    },
  });
}

/** Does every constraint hold at the true values? If not, the model misdescribes the appendix: a bug, never a pass. */
export function checkAtTruth(model: DisclosureModel): void {
  for (const c of model.constraints) {
    let v = 0;
    for (const [id, k] of c.terms) {
      const cell = model.cells.get(id);
      if (!cell) throw new Error(`disclosure audit: constraint "${c.why}" names unknown cell ${id}`);
      v += k * cell.value;
    }
    if (v < c.lo || v > c.hi)
      throw new Error(
        `disclosure audit: "${c.why}" does not hold for the figures themselves (${v} not in [${c.lo}, ${c.hi}]): the audit model is wrong`,
      );
  }
}

/** Smallest and largest value of every hidden cell consistent with the shown cells and every constraint. */
/**
 * `quick`: for deciding what to hide next, a cell already seen to take `protection` values in solutions found for
 * other cells is not solved for (its range is then at least what was seen); exact ranges otherwise.
 */
export async function auditDisclosure(
  model: DisclosureModel,
  protection: number,
  opts: { quick?: boolean } = {},
): Promise<AuditResult> {
  checkAtTruth(model);
  const h = await solver();
  const hidden = [...model.cells.values()].filter((c) => c.hidden || c.unprinted);
  const index = new Map(hidden.map((c, i) => [c.id, i]));
  // Shown cells become constants; what is left binds hidden cells only.
  const reduced = model.constraints
    .map((c) => {
      let constant = 0;
      const terms: [number, number][] = [];
      for (const [id, k] of c.terms) {
        const i = index.get(id);
        if (i === undefined) constant += k * model.cells.get(id)!.value;
        else terms.push([i, k]);
      }
      return { terms, lo: c.lo - constant, hi: c.hi - constant };
    })
    .filter((c) => c.terms.length > 0);
  // Independent groups of hidden cells (joined by a constraint) are solved separately: small programs.
  const parent = hidden.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const c of reduced) for (const [i] of c.terms.slice(1)) parent[find(i)] = find(c.terms[0]![0]);
  const groups = new Map<number, number[]>();
  hidden.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));

  const ranges: CellRange[] = [];
  for (const members of groups.values()) {
    const rows = reduced.filter((c) => find(c.terms[0]![0]) === find(members[0]!));
    if (rows.length === 0) {
      for (const i of members)
        if (hidden[i]!.hidden)
          ranges.push({ id: hidden[i]!.id, where: hidden[i]!.where, min: model.lower, max: Infinity, span: Infinity });
      continue;
    }
    // A "c" is at least `lower` (zeros are shown); a count that is not printed at all can be 0.
    const solve = groupSolver(h, members, rows, (i) => (hidden[i]!.hidden ? model.lower : 0));
    // Values seen for each member in the whole-number solutions found so far (all genuinely feasible).
    const seen = new Map<number, { lo: number; hi: number }>();
    const note = (point: number[] | null) =>
      point?.forEach((v, j) => {
        const m = members[j]!;
        const s = seen.get(m);
        seen.set(m, { lo: Math.min(s?.lo ?? v, v), hi: Math.max(s?.hi ?? v, v) });
      });
    const seenSpan = (i: number) => (seen.has(i) ? seen.get(i)!.hi - seen.get(i)!.lo + 1 : 0);
    try {
      for (const i of members) {
        const cell = hidden[i]!;
        if (!cell.hidden) continue;
        if (opts.quick && seenSpan(i) >= protection) {
          const s = seen.get(i)!;
          ranges.push({ id: cell.id, where: cell.where, min: s.lo, max: s.hi, span: s.hi - s.lo + 1 });
          continue;
        }
        const lo = solve(i, 'min', cell.where);
        note(lo.point);
        const hi = solve(i, 'max', cell.where);
        note(hi.point);
        const max = hi.value >= BIG ? Infinity : hi.value;
        ranges.push({ id: cell.id, where: cell.where, min: lo.value, max, span: max - lo.value + 1 });
      }
    } finally {
      solve.dispose();
    }
  }
  const failures = ranges.filter((r) => r.span < protection);
  return { ok: failures.length === 0, protection, ranges, failures };
}

/**
 * The figure to hide next to protect a failing cell: the smallest non-zero figure not yet "c" that appears in a
 * constraint with it (or, failing that, with another unknown cell it is bound to); an unprinted count is hidden by
 * hiding what is printed from it. Null when there is none outside `tried`.
 */
export function nextToHide(
  model: DisclosureModel,
  failing: string,
  tried: ReadonlySet<string> = new Set(),
): string | null {
  const seen = new Set<string>([failing]);
  let frontier = [failing];
  while (frontier.length > 0) {
    const near = new Set<string>();
    for (const c of model.constraints)
      if (c.terms.some(([id]) => frontier.includes(id))) for (const [id] of c.terms) if (!seen.has(id)) near.add(id);
    const shown = [...near]
      .map((id) => model.cells.get(id)!)
      .filter((c) => !c.hidden && c.value > 0 && !tried.has(c.id));
    if (shown.length > 0) return shown.reduce((a, b) => (b.value < a.value ? b : a)).id;
    for (const id of near) seen.add(id);
    frontier = [...near];
  }
  return null;
}

export class DisclosureError extends Error {}

/**
 * Widen suppression until the audit passes: `build(extra)` publishes with the ids in `extra` hidden as well and
 * returns its model. Each round hides, for every failing cell, the next figure `nextToHide` names. Throws
 * DisclosureError (naming the cells) when nothing more can be hidden, so a failing appendix is never written.
 */
export async function protect<T>(
  build: (extra: ReadonlySet<string>) => { published: T; model: DisclosureModel },
  protection: number,
  what: string,
): Promise<{ published: T; audit: AuditResult; extra: Set<string> }> {
  const extra = new Set<string>();
  for (;;) {
    const { published, model } = build(extra);
    const quick = await auditDisclosure(model, protection, { quick: true });
    // Passing quickly means passing exactly (seen values are feasible); the exact ranges are what is reported.
    if (quick.ok) return { published, audit: await auditDisclosure(model, protection), extra };
    const audit = quick;
    let grew = false;
    for (const f of audit.failures) {
      const next = nextToHide(model, f.id, extra);
      if (next && !extra.has(next)) {
        extra.add(next);
        grew = true;
      }
    }
    if (!grew) {
      const list = audit.failures
        .map((f) => `${f.where} (could only be ${f.min}${f.max === f.min ? '' : ` to ${f.max}`})`)
        .join('; ');
      throw new DisclosureError(
        `${what}: suppression cannot protect ${list}. The public appendix was not written; raise it with the performance team (the restricted one is unaffected).`,
      );
    }
  }
}
