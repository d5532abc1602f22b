// Calendar arithmetic on plain ISO dates (YYYY-MM-DD), at UTC so time zones and DST never shift a day.

export type IsoDate = string;

export const toIsoDate = (d: Date): IsoDate => d.toISOString().slice(0, 10);
export const fromIsoDate = (s: IsoDate): Date => new Date(`${s}T00:00:00Z`);
export const addDays = (s: IsoDate, n: number): IsoDate => toIsoDate(new Date(fromIsoDate(s).getTime() + n * 86_400_000));
/** 0 = Monday ... 6 = Sunday (ISO). */
export const isoWeekday = (s: IsoDate): number => (fromIsoDate(s).getUTCDay() + 6) % 7;
/** Monday of the Mon-Sun week holding the date. */
export const weekStart = (s: IsoDate): IsoDate => addDays(s, -isoWeekday(s));
export const daysBetween = (a: IsoDate, b: IsoDate): number => Math.round((fromIsoDate(b).getTime() - fromIsoDate(a).getTime()) / 86_400_000);

/** Financial year label as councils write it: 2020-04-01..2021-03-31 is "2020/21". */
export function financialYear(s: IsoDate): string {
  const [y, m] = s.split('-').map(Number) as [number, number];
  const start = m >= 4 ? y : y - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Financial quarter 1-4, Q1 = April-June. */
export function financialQuarter(s: IsoDate): number {
  const m = Number(s.slice(5, 7));
  return Math.floor(((m + 8) % 12) / 3) + 1;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const ordinal = (n: number): string => {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
};

/** "3rd Feb" in the committee papers' style. */
export function shortDayMonth(s: IsoDate): string {
  const d = fromIsoDate(s);
  return `${ordinal(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]}`;
}

/** "12 March 2021" for titles and cover lines. */
export function longDate(s: IsoDate): string {
  const long = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const d = fromIsoDate(s);
  return `${d.getUTCDate()} ${long[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Letters a..z, then aa, ab, ... so a long weekly table keeps the seed's "a. 3rd Feb to 9th Feb" labels. */
export function rowLetter(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

/** "a. 3rd Feb to 9th Feb" for the week starting on the given Monday. */
export const weekLabel = (index: number, monday: IsoDate): string =>
  `${rowLetter(index)}. ${shortDayMonth(monday)} to ${shortDayMonth(addDays(monday, 6))}`;
