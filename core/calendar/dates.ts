// Calendar arithmetic on plain ISO dates (YYYY-MM-DD), at UTC so time zones and DST never shift a day.

export type IsoDate = string;

export const toIsoDate = (d: Date): IsoDate => d.toISOString().slice(0, 10);
export const fromIsoDate = (s: IsoDate): Date => new Date(`${s}T00:00:00Z`);

// Day arithmetic goes through the day number since 1970-01-01, each date's number and text worked out once and
// remembered: building a Date for every step was most of the demo generator's time. An invalid date still throws.
const MS_DAY = 86_400_000;
const CACHE_LIMIT = 500_000;
const dayNumbers = new Map<IsoDate, number>();
const dayTexts = new Map<number, IsoDate>();
const dayNumber = (s: IsoDate): number => {
  let n = dayNumbers.get(s);
  if (n === undefined) {
    n = Math.round(fromIsoDate(s).getTime() / MS_DAY);
    if (dayNumbers.size >= CACHE_LIMIT) dayNumbers.clear();
    dayNumbers.set(s, n);
  }
  return n;
};
const dayText = (n: number): IsoDate => {
  let s = dayTexts.get(n);
  if (s === undefined) {
    s = toIsoDate(new Date(n * MS_DAY));
    if (dayTexts.size >= CACHE_LIMIT) dayTexts.clear();
    dayTexts.set(n, s);
  }
  return s;
};
export const addDays = (s: IsoDate, n: number): IsoDate => dayText(dayNumber(s) + n);
/** 0 = Monday ... 6 = Sunday (ISO). 1970-01-01 was a Thursday. */
export const isoWeekday = (s: IsoDate): number => (((dayNumber(s) + 3) % 7) + 7) % 7;
/** Monday of the Mon-Sun week holding the date. */
export const weekStart = (s: IsoDate): IsoDate => addDays(s, -isoWeekday(s));
export const daysBetween = (a: IsoDate, b: IsoDate): number => dayNumber(b) - dayNumber(a);

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
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
};

/** "3rd Feb" in the committee papers' style. */
export function shortDayMonth(s: IsoDate): string {
  const d = fromIsoDate(s);
  return `${ordinal(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]}`;
}

/** "12 March 2021" for titles and cover lines. */
export function longDate(s: IsoDate): string {
  const long = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
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

/**
 * The last day of a period as officers write it: a day (2020-06-14), a month (2020-05 -> 2020-05-31) or a
 * financial year (2019-20, 2019/20 or 2019-2020 -> 2020-03-31). Null when the text is none of these.
 */
export function periodEndOf(text: string): IsoDate | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    const d = new Date(`${t}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && toIsoDate(d) === t ? t : null;
  }
  // 2020-05 is a month; 2019-20 cannot be one, so it is a financial year (2011-12 reads as December 2011).
  const month = /^(\d{4})-(\d{2})$/.exec(t);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12)
    return toIsoDate(new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)));
  const fy = /^(\d{4})[-/](\d{2}|\d{4})$/.exec(t);
  if (fy) {
    const start = Number(fy[1]);
    const end =
      fy[2]!.length === 2
        ? Math.floor(start / 100) * 100 + Number(fy[2]) + (Number(fy[2]) < start % 100 ? 100 : 0)
        : Number(fy[2]);
    return end === start + 1 ? `${end}-03-31` : null;
  }
  return null;
}
