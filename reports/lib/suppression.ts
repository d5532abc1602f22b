// Small-number suppression for public appendices (DfE practice): counts from 1 to the threshold are shown as
// "c", and further cells are hidden so that no "c" can be worked back out by subtraction from a total or a
// derived figure. Pure functions over a described table, so every report can use them and they are tested alone.

/** What a published cell holds: a figure, "c" (suppressed), or nothing (not applicable). */
export const C = 'c' as const;
export type Shown = number | typeof C | null;

/**
 * A column of a table of counts. Counts and totals are the only figures suppression judges by size; every
 * other kind is derived from them in the same row and is hidden whenever anything it is derived from is.
 */
export type ColumnSpec =
  /** A count of people or events (a non-negative integer). */
  | { key: string; kind: 'count' }
  /** A count that is the sum of other count columns in the same row. */
  | { key: string; kind: 'total'; of: readonly string[] }
  /** `to - from`, e.g. the change between a before and an after column. */
  | { key: string; kind: 'difference'; from: string; to: string }
  /** numerator / denominator as a fraction (0.76 = 76%). */
  | { key: string; kind: 'percent'; numerator: string; denominator: string }
  /**
   * A figure worked out from one count, e.g. a weekly average: count / `per`, where `per` is a number or the key of
   * a column of the row that holds it (the number of weeks). Public tables show it rounded to a whole number.
   */
  | { key: string; kind: 'derived'; from: string; per: number | string }
  /** Not a figure: a label or a date, never touched. */
  | { key: string; kind: 'label' };

export interface TableSpec {
  columns: readonly ColumnSpec[];
  /** Rows (0-based) that are totals of every other non-total row, e.g. a "Total" row at the foot. */
  totalRows?: readonly number[];
}

/** Any row object; an interface works too (no index signature needed). */
export type Row = object;

/** A cell: row index and column key. */
export interface CellRef {
  row: number;
  key: string;
}

/** Cells bound by one sum: total = sum of parts. Knowing all but one of them gives the last one away. */
export interface Relation {
  total: CellRef;
  parts: CellRef[];
}

export interface SuppressionResult<R extends Row> {
  /** The rows with every hidden figure replaced by "c"; labels untouched. */
  rows: { [K in keyof R]: R[K] | typeof C }[];
  /** hidden[row] is the set of column keys hidden in that row. */
  hidden: Set<string>[];
  /** Cells hidden because they were small (primary) and hidden only to protect them (secondary). */
  primary: CellRef[];
  secondary: CellRef[];
}

const isCount = (c: ColumnSpec): boolean => c.kind === 'count' || c.kind === 'total';

/** A count that must be shown as "c": 1 to threshold. Zero is never suppressed; threshold 0 turns it off. */
export const isSmall = (n: unknown, threshold: number): boolean => typeof n === 'number' && n >= 1 && n <= threshold;

/** Every sum in the table: each total row over the other rows (per count column), each total column over its parts (per row). */
export function relationsOf(spec: TableSpec, rowCount: number): Relation[] {
  const totals = new Set(spec.totalRows ?? []);
  const bodyRows = [...Array(rowCount).keys()].filter((r) => !totals.has(r));
  const out: Relation[] = [];
  for (const t of totals) {
    for (const c of spec.columns.filter(isCount))
      out.push({ total: { row: t, key: c.key }, parts: bodyRows.map((row) => ({ row, key: c.key })) });
  }
  for (const c of spec.columns) {
    if (c.kind !== 'total') continue;
    for (let row = 0; row < rowCount; row++)
      out.push({ total: { row, key: c.key }, parts: c.of.map((key) => ({ row, key })) });
  }
  return out;
}

/**
 * Primary then secondary suppression, then hiding of derived figures. `force` lists cells to hide whatever their
 * size, e.g. because the same figure is hidden in another table of the appendix and showing it here would undo that.
 * Forced cells count as secondary.
 *
 * Secondary rule: while some sum has exactly one hidden cell among its total and parts, hide the smallest other
 * non-zero part not yet hidden (a zero tells nothing, so hiding it would not help), or the total itself when no
 * such part exists. The smallest is chosen so the table loses as little as possible; ties go to the first.
 */
export function suppress<R extends Row>(
  spec: TableSpec,
  rows: readonly R[],
  threshold: number,
  force: readonly CellRef[] = [],
): SuppressionResult<R> {
  const hidden = rows.map(() => new Set<string>());
  const primary: CellRef[] = [];
  const secondary: CellRef[] = [];
  const value = (c: CellRef): number => {
    const v = (rows[c.row] as Record<string, unknown> | undefined)?.[c.key];
    return typeof v === 'number' ? v : 0;
  };
  const isHidden = (c: CellRef) => hidden[c.row]!.has(c.key);
  const hide = (c: CellRef, list: CellRef[]) => {
    hidden[c.row]!.add(c.key);
    list.push(c);
  };

  if (threshold > 0) {
    rows.forEach((r, row) => {
      for (const c of spec.columns)
        if (isCount(c) && isSmall((r as Record<string, unknown>)[c.key], threshold)) hide({ row, key: c.key }, primary);
      // "x of y" names y - x too: when that is small, the part is hidden (its share goes with it).
      for (const c of spec.columns) {
        if (
          c.kind !== 'percent' ||
          !spec.columns.some((n) => n.key === c.numerator && isCount(n)) ||
          !spec.columns.some((d) => d.key === c.denominator && isCount(d))
        )
          continue;
        const [n, d] = [(r as Record<string, unknown>)[c.numerator], (r as Record<string, unknown>)[c.denominator]];
        if (
          typeof n === 'number' &&
          typeof d === 'number' &&
          isSmall(d - n, threshold) &&
          !hidden[row]!.has(c.numerator)
        )
          hide({ row, key: c.numerator }, primary);
      }
    });
    // Cells hidden elsewhere: the same figure in another table of the appendix (see `force` in the docs above).
    for (const c of force) if (!isHidden(c)) hide(c, secondary);
    const relations = relationsOf(spec, rows.length);
    for (let changed = true; changed;) {
      changed = false;
      for (const rel of relations) {
        const cells = [rel.total, ...rel.parts];
        if (cells.filter(isHidden).length !== 1) continue;
        const candidates = rel.parts.filter((p) => !isHidden(p) && value(p) !== 0);
        const pick =
          candidates.length > 0
            ? candidates.reduce((a, b) => (value(b) < value(a) ? b : a))
            : !isHidden(rel.total) && value(rel.total) !== 0
              ? rel.total
              : null;
        if (pick) {
          hide(pick, secondary);
          changed = true;
        }
      }
    }
  }

  // Derived figures follow what they are made from, in column order so a difference of averages follows the averages.
  const inputs = (c: ColumnSpec): string[] =>
    c.kind === 'difference'
      ? [c.from, c.to]
      : c.kind === 'percent'
        ? [c.numerator, c.denominator]
        : c.kind === 'derived'
          ? [c.from]
          : [];
  rows.forEach((_, row) => {
    for (const c of spec.columns) if (inputs(c).some((k) => hidden[row]!.has(k))) hidden[row]!.add(c.key);
  });

  const out = rows.map((r, row) => {
    const o: Record<string, unknown> = { ...(r as Record<string, unknown>) };
    for (const key of hidden[row]!) o[key] = C;
    return o as { [K in keyof R]: R[K] | typeof C };
  });
  return { rows: out, hidden, primary, secondary };
}

/**
 * A table as published: suppressed (public only; a threshold of 0 also turns it off) and then rounded, so public
 * tables show whole numbers and whole percentages while restricted ones keep exact figures analysts can check.
 */
export function publishRows(
  spec: TableSpec,
  rows: readonly Row[],
  variant: 'public' | 'restricted',
  threshold: number,
  force: readonly CellRef[] = [],
): Record<string, Shown | string>[] {
  const shown = suppress(spec, rows, variant === 'public' ? threshold : 0, force).rows as Record<string, unknown>[];
  if (variant !== 'public') return shown as Record<string, Shown | string>[];
  return shown.map((r) => {
    const o = { ...r };
    for (const c of spec.columns) {
      const v = o[c.key];
      if (typeof v !== 'number') continue;
      if (c.kind === 'percent') o[c.key] = wholePercent(v);
      else if (c.kind === 'derived' || c.kind === 'difference') o[c.key] = whole(v);
    }
    return o as Record<string, Shown | string>;
  });
}

/** Public appendices show percentages as whole numbers: 0.7649 -> 0.76 (a fraction, for Excel's 0% format). */
// The tiny nudge makes an exact half (57/200 = 28.5%) round up although 0.285 * 100 is 28.499999999999996 in floating
// point; a ratio of counts is never that close to a half otherwise. The disclosure audit relies on exact half-up.
export const wholePercent = (fraction: number | null): number | null =>
  fraction === null ? null : Math.round(fraction * 100 + 1e-9) / 100;

/** Whole numbers for public tables (averages, differences); never "-0". */
export const whole = (n: number | null): number | null => (n === null ? null : Math.round(n) || 0);

/** What the appendix says about suppression, in the About sheet and the PDF definitions. */
export function suppressionStatement(variant: 'public' | 'restricted', threshold: number, protection?: number): string {
  if (variant === 'restricted')
    return 'RESTRICTED version for officers: not for publication. Small numbers are NOT suppressed and figures are unrounded in the Excel file.';
  if (threshold <= 0)
    return "Small-number suppression is turned off in this council's settings (suppression.threshold = 0): all counts are shown.";
  return (
    `Counts from 1 to ${threshold} are shown as "c" to protect children's identities (DfE practice); 0 is shown as 0. ` +
    'Where a single "c" could be worked out from a total or a change, the next smallest figure (or the total) is also shown as "c" (secondary suppression). ' +
    `A percentage whose numerator or denominator is suppressed is shown as "c", and an average or change is shown as "c" when the count it is worked out from is 1 to ${threshold} or suppressed. ` +
    `A count that leaves out 1 to ${threshold} of the whole it is a share of (e.g. 13 of 16) is shown as "c" too. ` +
    'Percentages, averages and changes are rounded to whole numbers.' +
    (protection
      ? ` Before publication an exact audit worked out, from every total, change, percentage and repeated figure in this appendix, the smallest and largest value each "c" could be, and hid more figures until every "c" could be any of at least ${protection} values.`
      : '')
  );
}
