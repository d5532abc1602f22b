// How a KPI value is written and which values a public appendix must hide. Pure, so it is tested alone.

import { C, isSmall } from '../lib/suppression.js';

export type Unit = 'percent' | 'ratio' | 'count';
export type Rag = 'Green' | 'Amber' | 'Red';
export type Direction = 'higher' | 'lower';

/** What public appendices print instead of a suppressed figure (DfE practice): the shared suppression's mark. */
export const SUPPRESSED = C;

/**
 * Percent as a whole percent (DfE practice, and the seeds' style), average caseload to one decimal as the
 * DfE workforce statistics print it, counts as whole numbers. `null` (no denominator, no data) is a dash.
 */
export function formatValue(value: number | null, unit: Unit): string {
  if (value === null || !Number.isFinite(value)) return '–';
  if (unit === 'percent') return `${Math.round(value)}%`;
  if (unit === 'ratio') return value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return Math.round(value).toLocaleString('en-GB');
}

/**
 * A target as the improvement plan sets it: never rounded (a 49.5% target is not 50%), so at most one decimal
 * for percent and ratio; counts as whole numbers.
 */
export function formatTarget(target: number | null, unit: Unit): string {
  if (target === null || !Number.isFinite(target)) return '–';
  if (unit === 'count') return Math.round(target).toLocaleString('en-GB');
  const t = target.toLocaleString('en-GB', {
    minimumFractionDigits: unit === 'ratio' ? 1 : 0,
    maximumFractionDigits: 1,
  });
  return unit === 'percent' ? `${t}%` : t;
}

/** Excel number format for a value of this unit; percent values are stored as fractions so Excel's % applies. */
export const excelFormat = (unit: Unit): string => (unit === 'percent' ? '0%' : unit === 'ratio' ? '0.0' : '#,##0');
/** Excel number format for a target: like formatTarget, a 49.5% target keeps its decimal. */
export const excelTargetFormat = (target: number | null, unit: Unit): string =>
  target !== null && !Number.isInteger(target) && unit === 'percent' ? '0.0%' : excelFormat(unit);
/** The value as stored in Excel: a fraction for percent (0.75 shown as 75%), otherwise as it is. */
export const excelValue = (value: number | null, unit: Unit): number | null =>
  value === null ? null : unit === 'percent' ? value / 100 : value;

/**
 * The public rule, self-contained so every public scorecard applies it the same way: a value is shown as 'c'
 * when its numerator or denominator is from 1 to the threshold, since a small count (or a percentage of a small
 * group) could identify a child. A count measure's value is its numerator, so the same test covers it.
 * Zero is not suppressed: it identifies no one.
 */
export function isSuppressed(
  p: { numerator: number | null; denominator: number | null },
  threshold: number,
  unit?: Unit,
): boolean {
  // "13 of 16" names the 3 it leaves out: for a percentage (a part of a whole) the complement is a count too.
  const complement =
    unit === 'percent' && p.numerator !== null && p.denominator !== null ? p.denominator - p.numerator : null;
  return isSmall(p.numerator, threshold) || isSmall(p.denominator, threshold) || isSmall(complement, threshold);
}

/** The value as a public appendix shows it (formatValue's rounding), so the workbook holds no more than the page. */
export function displayedValue(value: number | null, unit: Unit): number | null {
  if (value === null || !Number.isFinite(value)) return value;
  if (unit === 'ratio') return Math.round(value * 10 + 1e-9) / 10;
  return Math.round(value + 1e-9);
}

/** The rule in words, for the About sheet and the PDF definitions. */
export const suppressionRule = (threshold: number): string =>
  `In the public version, any value whose numerator or denominator is between 1 and ${threshold} (and any count of 1 to ${threshold}) is shown as '${SUPPRESSED}', ` +
  `and so is a percentage that leaves out 1 to ${threshold} (e.g. "13 of 16"), ` +
  `with its numerator, denominator and RAG rating, and is left out of the 12-month chart, so that no child can be identified. ` +
  `Zero is shown. Public figures are stored in the Excel file rounded as they are shown. The restricted version, for officers only, is not suppressed.`;

export const directionText = (d: Direction): string => (d === 'higher' ? 'Higher' : 'Lower');
