// What an outsider can read off published tables, as a disclosure model (see disclosure-audit.ts): each count
// and total is a whole-number cell (shared between tables when they print the same figure), each row total
// and total row an equation, and each shown average, change and percentage the rounding it was shown with.
import {
  cellExpr,
  divide,
  equal,
  minus,
  percentRoundsTo,
  roundsTo,
  sumOf,
  type AuditCell,
  type DisclosureModel,
  type Expr,
  type LinearConstraint,
} from './disclosure-audit.js';
import { C, type ColumnSpec, type TableSpec } from './suppression.js';

export interface AuditTable {
  /** The table's name as printed (its sheet), for messages and cell ids. */
  name: string;
  spec: TableSpec;
  /** The true figures, row by row (what `suppress` was given). */
  raw: readonly object[];
  /** The figures as published: numbers (rounded as shown), "c" or null. */
  shown: readonly object[];
  /** The id of a figure printed in more than one table, so both are one cell; null for one printed once. */
  ids?: (row: number, key: string) => string | null;
  /** Count columns not printed (e.g. the contacts behind printed averages): unknown to a reader, nothing to protect. */
  unprinted?: readonly string[];
  /** The row's name for messages (default: its `label`). */
  rowName?: (row: number) => string;
}

const isCountKind = (c: ColumnSpec) => c.kind === 'count' || c.kind === 'total';
const get = (r: object | undefined, k: string): unknown => (r as Record<string, unknown> | undefined)?.[k];

/** Builds one model from several tables; `cellOf` gives a table cell's model id, for extra relations. */
export class TableModelBuilder {
  readonly cells = new Map<string, AuditCell>();
  readonly constraints: LinearConstraint[] = [];
  private readonly byTable = new Map<string, AuditTable>();
  /** Where each figure is printed as a number. */
  private readonly printedAt = new Map<string, string>();

  constructor(readonly lower: number) {}

  cellOf(table: string, row: number, key: string): string {
    const t = this.byTable.get(table);
    return t?.ids?.(row, key) ?? `${table}|${row}|${key}`;
  }

  /** The cell's expression, or null when the figure is not there (not applicable). */
  private expr(t: AuditTable, row: number, key: string): Expr | null {
    const col = t.spec.columns.find((c) => c.key === key);
    if (!col) return null;
    if (isCountKind(col))
      return typeof get(t.raw[row], key) === 'number' ? cellExpr(this.cellOf(t.name, row, key)) : null;
    if (col.kind === 'derived') {
      const e = this.expr(t, row, col.from);
      const per = typeof col.per === 'number' ? col.per : Number(get(t.raw[row], col.per));
      return e && per > 0 ? divide(e, per) : null;
    }
    if (col.kind === 'difference') {
      const [a, b] = [this.expr(t, row, col.from), this.expr(t, row, col.to)];
      return a && b ? minus(b, a) : null;
    }
    return null;
  }

  add(t: AuditTable): this {
    this.byTable.set(t.name, t);
    const where = (row: number, c: ColumnSpec) =>
      `${t.name}, ${t.rowName?.(row) ?? String(get(t.raw[row], 'label') ?? `row ${row + 1}`)}, ${c.key}`;
    t.raw.forEach((r, row) => {
      for (const c of t.spec.columns) {
        const v = get(r, c.key);
        if (!isCountKind(c) || typeof v !== 'number') continue;
        const id = this.cellOf(t.name, row, c.key);
        const unprinted = t.unprinted?.includes(c.key) ?? false;
        const hidden = !unprinted && get(t.shown[row], c.key) === C;
        const prev = this.cells.get(id);
        if (prev && prev.value !== v)
          throw new Error(
            `disclosure audit: ${where(row, c)} is ${v} but the same figure is ${prev.value} at ${prev.where}`,
          );
        // The same figure in two tables is one cell: a "c" in one and a number in the other gives it away.
        const cell: AuditCell = prev
          ? { ...prev, hidden: prev.hidden || hidden, unprinted: (prev.unprinted ?? false) && unprinted }
          : { id, value: v, hidden, unprinted, where: where(row, c) };
        this.cells.set(id, cell);
        if (!unprinted && !hidden) this.printedAt.set(id, where(row, c));
      }
    });
    // Row totals and total rows.
    const totals = new Set(t.spec.totalRows ?? []);
    const body = t.raw.map((_, i) => i).filter((i) => !totals.has(i));
    t.raw.forEach((_, row) => {
      for (const c of t.spec.columns) {
        if (c.kind !== 'total') continue;
        const parts = c.of.map((k) => this.expr(t, row, k));
        const whole = this.expr(t, row, c.key);
        if (whole && parts.every((p): p is Expr => p !== null))
          this.constraints.push(equal(whole, sumOf(parts), `${where(row, c)} = ${c.of.join(' + ')}`));
      }
    });
    for (const tr of totals) {
      for (const c of t.spec.columns.filter(isCountKind)) {
        const parts = body.map((row) => this.expr(t, row, c.key));
        const whole = this.expr(t, tr, c.key);
        if (whole && parts.every((p): p is Expr => p !== null))
          this.constraints.push(equal(whole, sumOf(parts), `${where(tr, c)} = sum of the rows`));
      }
    }
    // Shown averages, changes and percentages, with the rounding they were shown with.
    t.shown.forEach((r, row) => {
      for (const c of t.spec.columns) {
        const v = get(r, c.key);
        if (typeof v !== 'number') continue;
        if (c.kind === 'derived' || c.kind === 'difference') {
          const e = this.expr(t, row, c.key);
          if (e) this.constraints.push(roundsTo(e, v, `${where(row, c)} shown as ${v}`));
        } else if (c.kind === 'percent') {
          const [n, d] = [this.expr(t, row, c.numerator), this.expr(t, row, c.denominator)];
          if (n && d)
            this.constraints.push(
              ...percentRoundsTo(n, d, Math.round(v * 100), `${where(row, c)} shown as ${Math.round(v * 100)}%`),
            );
        }
      }
    });
    return this;
  }

  /**
   * total = sum of parts, for a relation between tables a reader can infer (e.g. the weekly rows and the period's
   * count). Added only when it holds for the figures, so a relation that happens not to hold is not assumed.
   */
  relate(total: string, parts: readonly string[], why: string): this {
    const cells = [total, ...parts].map((id) => this.cells.get(id));
    if (cells.some((c) => !c)) return this;
    const [t, ...ps] = cells as AuditCell[];
    if (t!.value !== ps.reduce((s, p) => s + p.value, 0)) return this;
    this.constraints.push(equal(cellExpr(total), sumOf(parts.map(cellExpr)), why));
    return this;
  }

  /** A constraint of the report's own, e.g. a printed change between two rows' averages. */
  constrain(c: LinearConstraint): this {
    this.constraints.push(c);
    return this;
  }

  model(): DisclosureModel {
    const revealed = [...this.printedAt].filter(([id]) => this.cells.get(id)!.hidden);
    const shownElsewhere = revealed.map(([id, at]) => ({
      terms: [[id, 1]] as [string, number][],
      lo: this.cells.get(id)!.value,
      hi: this.cells.get(id)!.value,
      why: `${this.cells.get(id)!.where} is printed at ${at}`,
    }));
    return { cells: this.cells, constraints: [...this.constraints, ...shownElsewhere], lower: this.lower };
  }
}

/** The model of a set of published tables (zeros are shown, so a "c" is at least 1). */
export const tablesModel = (tables: readonly AuditTable[]): DisclosureModel =>
  tables.reduce((b, t) => b.add(t), new TableModelBuilder(1)).model();
