// Where the scorecard's area tables break across pages, planned from measured heights so pages fill: an area
// carries on under its heading "(continued)" rather than leaving half a page blank, a heading never ends a page
// without a measure under it, and an area never leaves its last measure alone on a page when the part before can
// spare one (both parts keep two). Pure, so the rule is tested alone.

/** Heights in points: an area's heading (its name and the column headings) and each measure's row. */
export interface AreaHeights {
  head: number;
  rows: readonly number[];
}

/** Rows [from, to) of area `area` under one heading; `newPage` starts a page, `continued` repeats the heading. */
export interface Chunk {
  area: number;
  from: number;
  to: number;
  newPage: boolean;
  continued: boolean;
}

/** `firstTop`: where the first heading starts on page 1; `pageTop` / `pageBottom`: a page's usable band. */
export function planPages(
  areas: readonly AreaHeights[],
  firstTop: number,
  pageTop: number,
  pageBottom: number,
): Chunk[] {
  const chunks: Chunk[] = [];
  let y = firstTop;
  areas.forEach((a, area) => {
    const n = a.rows.length;
    const rowsFrom = (i: number, k: number) => a.rows.slice(i, i + k).reduce((s, h) => s + h, 0);
    for (let i = 0, continued = false; i < n || (n === 0 && !continued); continued = true) {
      // The heading goes where it has room for a measure under it; else on a new page.
      const need = a.head + rowsFrom(i, Math.min(1, n - i));
      const newPage = y + need > pageBottom && y > pageTop;
      if (newPage) y = pageTop;
      y += a.head;
      let j = i;
      while (j < n && (j === i || y + a.rows[j]! <= pageBottom)) y += a.rows[j++]!;
      // Never the last measure alone on the next page when this part can spare one.
      if (n - j === 1 && j - i >= 3) y -= a.rows[--j]!;
      chunks.push({ area, from: i, to: j, newPage, continued });
      if (j < n) y = pageBottom + 1; // the rest starts the next page
      if (n === 0) break;
      i = j;
    }
  });
  return chunks;
}
