import { describe, expect, it } from 'vitest';
import { planPages } from './pages.js';

// A page band of 60 to 540 (480 points); headings 40, rows as given. Worked by hand in each case.
const plan = (areas: { head: number; rows: number[] }[], first = 300) =>
  planPages(areas, first, 60, 540).map((c) => [c.area, c.from, c.to, c.newPage, c.continued]);

describe('planPages', () => {
  it('carries an area on to the next page under its heading "(continued)" rather than leaving the page half blank', () => {
    // Area 0 ends at 300 + 40 + 60 = 400; area 1's heading and first row end at 500, its second would end at 560 > 540:
    // the first stays on page 1, the second carries on on page 2.
    expect(
      plan([
        { head: 40, rows: [60] },
        { head: 40, rows: [60, 60] },
      ]),
    ).toEqual([
      [0, 0, 1, false, false],
      [1, 0, 1, false, false],
      [1, 1, 2, true, true],
    ]);
    // Rows of 40: heading and two rows end at 520, the third would end at 560, so it and the fourth carry on.
    expect(
      plan([
        { head: 40, rows: [60] },
        { head: 40, rows: [40, 40, 40, 40] },
      ]),
    ).toEqual([
      [0, 0, 1, false, false],
      [1, 0, 2, false, false],
      [1, 2, 4, true, true],
    ]);
  });

  it('never leaves the last measure alone on a page when the part before it can spare one', () => {
    // From 60: heading 40, rows of 100: 100, 200, 300, 400 fit (ending 500), the fifth (600) would be alone: move the fourth too.
    expect(plan([{ head: 40, rows: [100, 100, 100, 100, 100] }], 60)).toEqual([
      [0, 0, 3, false, false],
      [0, 3, 5, true, true],
    ]);
  });

  it('never ends a page with a heading: with no room for its first measure the area starts the next page', () => {
    expect(plan([{ head: 40, rows: [200] }], 400)).toEqual([[0, 0, 1, true, false]]);
  });
});
