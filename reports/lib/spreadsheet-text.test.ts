import { describe, expect, it } from 'vitest';
import { cellText, cellValue, EXCEL_CELL_LIMIT, inertText } from './spreadsheet-text.js';

describe('text written to a spreadsheet', () => {
  it('can never start a formula', () => {
    for (const s of [
      '=HYPERLINK("http://example.invalid","Children\'s Team")',
      "+cmd|' /C calc'!A0",
      '-2+3',
      '@SUM(A1:A9)',
      '\t=1',
      '\uff1d1+1',
    ])
      expect(inertText(s)).toBe(`'${s}`);
  });

  it('leaves ordinary text, signed numbers and percentages alone', () => {
    for (const s of ['MASH', 'c', '+87%', '-3', '-12.5', '+1,204', '–', 'Team = Assessment 1', ''])
      expect(inertText(s)).toBe(s);
  });

  it("cuts text to Excel's cell limit with a marker saying how long it was", () => {
    const big = 'x'.repeat(10_000_000);
    const cut = cellText(big);
    expect(cut.length).toBe(EXCEL_CELL_LIMIT);
    expect(cut.endsWith(" … [cut to Excel's 32,767-character cell limit: 10,000,000 characters in all]")).toBe(true);
    expect(cellText('x'.repeat(EXCEL_CELL_LIMIT))).toHaveLength(EXCEL_CELL_LIMIT);
    expect(cellValue(42)).toBe(42);
    expect(cellValue(null)).toBeNull();
  });
});
