import { describe, expect, it } from 'vitest';
import { collectionYearOf, isCollectionYear, validIn, validityText, yearEnd } from './collection-year.js';

describe('collection years', () => {
  it('run 1 April to 31 March', () => {
    expect(collectionYearOf('2024-03-31')).toBe('2023/24');
    expect(collectionYearOf('2024-04-01')).toBe('2024/25');
    expect(collectionYearOf('1999-12-31')).toBe('1999/00');
    expect(yearEnd('2024/25')).toBe('2025-03-31');
  });
  it('are written yyyy/yy with consecutive years', () => {
    expect(['2024/25', '1999/00', '2024/26', '2024-25', '24/25'].map(isCollectionYear)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
  it('bound when a code is valid, blank meaning open-ended', () => {
    const k3 = { validFrom: '2024/25' };
    const z1 = { validTo: '2024/25' };
    expect(['2023/24', '2024/25', '2026/27'].map((y) => [validIn(k3, y), validIn(z1, y), validIn({}, y)])).toEqual([
      [false, true, true],
      [true, true, true],
      [true, false, true],
    ]);
    expect([
      validityText(k3),
      validityText(z1),
      validityText({ validFrom: '2023/24', validTo: '2024/25' }),
      validityText({}),
    ]).toEqual(['from 2024/25', 'until 2024/25', '2023/24 to 2024/25', 'in every year']);
  });
});
