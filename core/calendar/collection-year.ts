// A statutory return's collection year runs 1 April to 31 March and is written '2024/25'. Codes and fields of
// the returns are valid from one collection year to another (sql/seeds: valid_from, valid_to; blank = open).

export type CollectionYear = string;

const YEAR = /^(\d{4})\/(\d{2})$/;

export const isCollectionYear = (s: string): boolean => {
  const m = YEAR.exec(s);
  return m !== null && (Number(m[1]) + 1) % 100 === Number(m[2]);
};

/** The collection year a day (yyyy-mm-dd) falls in: 2024-04-01 .. 2025-03-31 is 2024/25. */
export function collectionYearOf(day: string): CollectionYear {
  const y = Number(day.slice(0, 4));
  const start = day.slice(5, 10) >= '04-01' ? y : y - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** 31 March that ends the year: '2024/25' -> '2025-03-31'. */
export const yearEnd = (year: CollectionYear): string => `${Number(year.slice(0, 4)) + 1}-03-31`;

/** Whether something valid from `from` to `to` (either blank for open) holds in `year` ('yyyy/yy' compares as text). */
export const validIn = (v: { validFrom?: string; validTo?: string }, year: CollectionYear): boolean =>
  (!v.validFrom || v.validFrom <= year) && (!v.validTo || year <= v.validTo);

/** 'from 2024/25', 'until 2023/24', '2023/24 to 2024/25': when a code is valid, for messages. */
export function validityText(v: { validFrom?: string; validTo?: string }): string {
  if (v.validFrom && v.validTo) return `${v.validFrom} to ${v.validTo}`;
  if (v.validFrom) return `from ${v.validFrom}`;
  if (v.validTo) return `until ${v.validTo}`;
  return 'in every year';
}
