// What a variant shows: the public scorecard hides small numbers; the restricted one shows everything.
// Pure, so the rule is tested alone and the PDF and Excel writers cannot disagree about it.
import type { Variant } from '../lib/appendix.js';
import type { Kpi, KpiPoint, ScorecardData } from './data.js';
import { displayedValue, isSuppressed, type Unit } from './format.js';

export interface ShownPoint extends KpiPoint {
  /** True when the public rule hid this month: value, numerator, denominator and RAG are then null. */
  suppressed: boolean;
}

export interface ShownKpi extends Omit<Kpi, 'points'> {
  points: ShownPoint[];
  /** The point the scorecard reports: the scorecard month, or the latest earlier month in the trend with a value. */
  latest: ShownPoint | null;
}

export function shownPoint(p: KpiPoint, variant: Variant, threshold: number, unit?: Unit): ShownPoint {
  if (variant === 'restricted') return { ...p, suppressed: false };
  // Public values are kept as shown (rounded), so a stored 0.9375 cannot give away 15 of 16.
  if (!isSuppressed(p, threshold, unit))
    return { ...p, value: unit ? displayedValue(p.value, unit) : p.value, suppressed: false };
  // RAG goes too: with a small denominator, knowing the value is above or below the target narrows it to a few children.
  return { ...p, numerator: null, denominator: null, value: null, rag: null, suppressed: true };
}

/**
 * The reported month for a KPI: the scorecard month when it has a value (or was suppressed, which still counts as
 * that month's figure), otherwise the latest earlier month in the trend that has one, so a measure whose source is
 * a month behind still shows its latest figure with its own month label. Null when none of the 12 months has a value.
 */
export function latestPoint(points: readonly ShownPoint[]): ShownPoint | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i]!;
    if (p.value !== null || p.suppressed) return p;
  }
  return null;
}

export function scorecardView(d: ScorecardData, variant: Variant, threshold: number): ShownKpi[] {
  return d.kpis.map((k) => {
    const points = k.points.map((p) => shownPoint(p, variant, threshold, k.unit));
    return { ...k, points, latest: latestPoint(points) };
  });
}

/** KPIs grouped by priority area, keeping the order they come in. */
export function byArea<T extends { priorityArea: string }>(kpis: readonly T[]): { area: string; kpis: T[] }[] {
  const groups: { area: string; kpis: T[] }[] = [];
  for (const k of kpis) {
    const g = groups.find((x) => x.area === k.priorityArea);
    if (g) g.kpis.push(k);
    else groups.push({ area: k.priorityArea, kpis: [k] });
  }
  return groups;
}
