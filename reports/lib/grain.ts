// Coarser grain for a public table that suppression would leave mostly "c": the table is built at each grain of
// a list, finest first, and the first at which at most a set share of its figures is "c" is shown (else the
// coarsest). A wall of "c" tells a reader nothing; a coarser table tells them something true.
import { C, type Shown, type TableSpec } from './suppression.js';

/** Share of a published table's counts and totals that are "c" (0 when it has none). */
export function suppressedShare(spec: TableSpec, rows: readonly Record<string, Shown | string>[]): number {
  const keys = spec.columns.filter((c) => c.kind === 'count' || c.kind === 'total').map((c) => c.key);
  const cells = rows.flatMap((r) => keys.map((k) => r[k]));
  return cells.length === 0 ? 0 : cells.filter((v) => v === C).length / cells.length;
}

export interface GrainChoice<G, T> {
  grain: G;
  built: T;
  /** The share of "c" at each grain tried, finest first, up to the one chosen. */
  tried: { grain: G; share: number }[];
}

/**
 * The finest grain (first of `grains`) whose built table has at most `maxShare` of its figures "c"; when none
 * does, the last (coarsest). Grains after the chosen one are not built.
 */
export async function finestGrain<G, T>(
  grains: readonly G[],
  build: (g: G) => Promise<T>,
  share: (t: T) => number,
  maxShare: number,
): Promise<GrainChoice<G, T>> {
  if (grains.length === 0) throw new Error('finestGrain: no grains to choose from');
  const tried: { grain: G; share: number }[] = [];
  for (const [i, grain] of grains.entries()) {
    const built = await build(grain);
    tried.push({ grain, share: share(built) });
    if (tried.at(-1)!.share <= maxShare || i === grains.length - 1) return { grain, built, tried };
  }
  throw new Error('unreachable');
}

/** "68%" for a share, as the page says it. */
export const sharePercent = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * What the page says when a coarser grain was chosen: what is shown and why, e.g. "Shown by 4 weeks and service
 * group: the finest grain at which no more than 25% of the figures are "c" (by week and service area 68% would
 * be "c")." Null when the finest grain was shown. `words` names a grain; `restricted` how the restricted one is.
 */
export function grainNote<G>(
  tried: readonly { grain: G; share: number }[],
  maxShare: number,
  words: (g: G) => string,
  restricted: string,
): string | null {
  const chosen = tried.at(-1);
  if (!chosen || tried.length === 1) return null;
  const finer = tried.slice(0, -1).map((t) => `by ${words(t.grain)} ${sharePercent(t.share)}`);
  const why =
    chosen.share <= maxShare
      ? `the finest grain at which no more than ${sharePercent(maxShare)} of the figures are "c"`
      : `the coarsest grain configured; ${sharePercent(chosen.share)} of its figures are still "c"`;
  return `Shown by ${words(chosen.grain)}: ${why} (${finer.join(', ')} would be "c"). The restricted appendix is ${restricted}.`;
}
