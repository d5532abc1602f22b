import { describe, expect, it } from 'vitest';
import { excelTargetFormat, excelValue, formatTarget, formatValue, isSuppressed } from './format.js';

describe('formatValue', () => {
  it('writes percent as a whole percent, ratio to one decimal and counts as whole numbers', () => {
    expect(formatValue(74.67, 'percent')).toBe('75%');
    expect(formatValue(41.5, 'percent')).toBe('42%');
    expect(formatValue(0, 'percent')).toBe('0%');
    expect(formatValue(100, 'percent')).toBe('100%');
    expect(formatValue(25.87155, 'ratio')).toBe('25.9');
    expect(formatValue(18, 'ratio')).toBe('18.0');
    expect(formatValue(1234, 'count')).toBe('1,234');
    expect(formatValue(8, 'count')).toBe('8');
  });

  it('never rounds a target away from what the plan set', () => {
    expect(formatTarget(49.5, 'percent')).toBe('49.5%');
    expect(formatTarget(85, 'percent')).toBe('85%');
    expect(formatTarget(18, 'ratio')).toBe('18.0');
    expect(formatTarget(null, 'percent')).toBe('–');
    expect(excelTargetFormat(49.5, 'percent')).toBe('0.0%');
    expect(excelTargetFormat(85, 'percent')).toBe('0%');
  });

  it('writes a missing value as a dash', () => {
    expect(formatValue(null, 'percent')).toBe('–');
    expect(formatValue(Number.NaN, 'ratio')).toBe('–');
  });

  it('stores percent as a fraction for Excel and other units unchanged', () => {
    expect(excelValue(75, 'percent')).toBe(0.75);
    expect(excelValue(25.9, 'ratio')).toBe(25.9);
    expect(excelValue(null, 'count')).toBeNull();
  });
});

describe('public suppression rule', () => {
  it('hides a value whose numerator or denominator is 1 to the threshold', () => {
    for (const n of [1, 2, 3, 4, 5]) {
      expect(isSuppressed({ numerator: n, denominator: 100 }, 5)).toBe(true);
      expect(isSuppressed({ numerator: 0, denominator: n }, 5)).toBe(true);
    }
  });

  it('shows zero and anything above the threshold', () => {
    expect(isSuppressed({ numerator: 0, denominator: 100 }, 5)).toBe(false);
    expect(isSuppressed({ numerator: 6, denominator: 6 }, 5)).toBe(false);
    expect(isSuppressed({ numerator: 0, denominator: 0 }, 5)).toBe(false);
    expect(isSuppressed({ numerator: null, denominator: null }, 5)).toBe(false);
  });

  it('covers count measures (no denominator) by their numerator', () => {
    expect(isSuppressed({ numerator: 3, denominator: null }, 5)).toBe(true);
    expect(isSuppressed({ numerator: 8, denominator: null }, 5)).toBe(false);
  });

  it('follows the configured threshold, fractional FTE denominators included', () => {
    expect(isSuppressed({ numerator: 9, denominator: 100 }, 10)).toBe(true);
    expect(isSuppressed({ numerator: 60, denominator: 4.5 }, 5)).toBe(true);
    expect(isSuppressed({ numerator: 3, denominator: 100 }, 0)).toBe(false);
  });
});
