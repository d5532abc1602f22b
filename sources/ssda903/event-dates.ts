// The 903 items that date an event of the collection year (not a birth, nor a future date such as DUC, the
// 18th birthday): the latest of them, up to today, tells which year a set of 903 files is.
export const SSDA903_EVENT_DATES: ReadonlySet<string> = new Set([
  'DECOM',
  'DEC',
  'REVIEW',
  'MIS_START',
  'MIS_END',
  'DATE_INT',
  'DATE_MATCH',
  'DATE_PLACED',
  'DATE_PLACED_CEASED',
  'SW_DECOM',
  'SW_DEC',
  'DOLO_START',
  'DOLO_END',
]);
