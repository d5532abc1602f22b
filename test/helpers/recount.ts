// Recounts of the missing, CLA review, initial conference and children-in-care measures, month by month, from
// the exports' own rows. Written here from the rules (statutory guidance, the DfE's counting), not borrowed from
// the SQL, so the end-to-end tests compare two separate implementations. Only the working-day calendar is shared
// (pipeline.e2e.test.ts checks it against the SQL one separately).
import type { WorkingCalendar } from '../../core/calendar/working-days.js';

export type Monthly = Map<string, { numerator: number; denominator: number | null }>;

/** 'dd/mm/yyyy' or 'dd/mm/yyyy hh:mm' -> 'yyyy-mm-dd' (null when blank or not a real date). */
export function isoDay(uk: string | undefined): string | null {
  const m = /^(\d\d)\/(\d\d)\/(\d{4})/.exec(uk ?? '');
  if (!m) return null;
  const [, d, mo, y] = m;
  const t = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return t.getUTCDate() === Number(d) && t.getUTCMonth() === Number(mo) - 1 ? `${y}-${mo}-${d}` : null;
}

/** 'dd/mm/yyyy hh:mm' -> minutes since the epoch, times taken as written (no time zone). */
export function minutesOf(uk: string): number {
  const day = isoDay(uk)!;
  const [h, mi] = (uk.slice(11, 16) || '00:00').split(':').map(Number) as [number, number];
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), h, mi) / 60_000;
}

/** The same day n months later, or that month's last day when it is shorter (31 Aug + 6 months = 28 Feb). */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + n, Math.min(d, last))).toISOString().slice(0, 10);
}

const monthEnd = (month: string): string =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

export interface MissingRow {
  child: string;
  missing: boolean;
  start: string;
  end: string | null;
  offered: boolean | null;
  offeredAt: string | null;
  accepted: boolean | null;
}

/** Children (each once) and episodes of going missing (not away) by the month they went. */
export function missingCounts(
  rows: readonly MissingRow[],
  months: readonly string[],
): { children: Monthly; episodes: Monthly; childrenTwice: number } {
  const children: Monthly = new Map();
  const episodes: Monthly = new Map();
  let childrenTwice = 0;
  for (const month of months) {
    const inMonth = rows.filter((r) => r.missing && isoDay(r.start)!.slice(0, 7) === month);
    const kids = new Set(inMonth.map((r) => r.child));
    childrenTwice += kids.size < inMonth.length ? 1 : 0;
    children.set(month, { numerator: kids.size, denominator: null });
    episodes.set(month, { numerator: inMonth.length, denominator: null });
  }
  return { children, episodes, childrenTwice };
}

/** Return interviews by the month the child came back: offered within 72 hours of the return; accepted when offered. */
export function returnInterviews(
  rows: readonly MissingRow[],
  months: readonly string[],
): { within72: Monthly; accepted: Monthly } {
  const within72: Monthly = new Map();
  const accepted: Monthly = new Map();
  for (const month of months) {
    const back = rows.filter(
      (r) => r.missing && r.end !== null && r.offered !== null && isoDay(r.end)!.slice(0, 7) === month,
    );
    if (back.length === 0) continue;
    within72.set(month, {
      numerator: back.filter((r) => r.offered && r.offeredAt && minutesOf(r.offeredAt) - minutesOf(r.end!) <= 72 * 60)
        .length,
      denominator: back.length,
    });
    const offered = back.filter((r) => r.offered);
    if (offered.length)
      accepted.set(month, { numerator: offered.filter((r) => r.accepted).length, denominator: offered.length });
  }
  return { within72, accepted };
}

export interface EpisodeRow {
  child: string;
  start: string;
  rne: string;
  ls: string;
  end: string | null;
  rec: string | null;
}
export interface Period {
  child: string;
  start: string;
  end: string | null;
  shortBreaksOnly: boolean;
}

/** Periods of care: from an episode starting care (RNE S) to the last before the next one; ended unless it rolled over (X1). */
export function periodsOfCare(episodes: readonly EpisodeRow[]): Period[] {
  const byChild = new Map<string, EpisodeRow[]>();
  for (const e of episodes) byChild.set(e.child, [...(byChild.get(e.child) ?? []), e]);
  const periods: Period[] = [];
  for (const [child, eps] of byChild) {
    let current: EpisodeRow[] | null = null;
    const close = () => {
      if (!current) return;
      const last = current.at(-1)!;
      periods.push({
        child,
        start: current[0]!.start,
        end: last.rec === 'X1' ? null : last.end,
        shortBreaksOnly: current.every((e) => e.ls === 'V3' || e.ls === 'V4'),
      });
    };
    for (const e of [...eps].sort((a, b) => a.start.localeCompare(b.start))) {
      if (e.rne === 'S') {
        close();
        current = [e];
      } else current?.push(e);
    }
    close();
  }
  return periods;
}

export interface TimedReview {
  date: string;
  timescale: 'first' | 'second' | 'subsequent';
  onTime: boolean;
}

/**
 * Each review in a period of care (short breaks left out) against its timescale: the first within 20 working days
 * of entering care, the second within 3 months of the first, later ones within 6 months of the previous. When the
 * reviews are known only from `knownFrom` and the period began earlier, its first recorded review is not counted
 * and the later ones are held to 6 months.
 */
export function timedReviews(
  periods: readonly Period[],
  reviews: readonly { child: string; date: string }[],
  cal: WorkingCalendar,
  knownFrom: string | null = null,
): TimedReview[] {
  const out: TimedReview[] = [];
  for (const p of periods.filter((x) => !x.shortBreaksOnly)) {
    const dates = reviews
      .filter((r) => r.child === p.child && r.date >= p.start && (p.end === null || r.date <= p.end))
      .map((r) => r.date)
      .sort();
    const known = knownFrom === null || p.start >= knownFrom;
    dates.forEach((date, i) => {
      if (i === 0 && !known) return;
      if (known && i === 0) out.push({ date, timescale: 'first', onTime: cal.workingDaysBetween(p.start, date) <= 20 });
      else if (known && i === 1) out.push({ date, timescale: 'second', onTime: date <= addMonths(dates[0]!, 3) });
      else out.push({ date, timescale: 'subsequent', onTime: date <= addMonths(dates[i - 1]!, 6) });
    });
  }
  return out;
}

/** Share of reviews on time by the month held: all, or one timescale. */
export function reviewsOnTime(
  reviews: readonly TimedReview[],
  months: readonly string[],
  timescale?: TimedReview['timescale'],
): Monthly {
  const m: Monthly = new Map();
  for (const month of months) {
    const held = reviews.filter((r) => r.date.slice(0, 7) === month && (!timescale || r.timescale === timescale));
    if (held.length) m.set(month, { numerator: held.filter((r) => r.onTime).length, denominator: held.length });
  }
  return m;
}

/** Initial conferences by the month held, within 15 working days of the strategy discussion (the S47's start). */
export function conferencesInTime(
  s47s: readonly { start: string; icpc: string | null }[],
  months: readonly string[],
  cal: WorkingCalendar,
): Monthly {
  const m: Monthly = new Map();
  for (const month of months) {
    const held = s47s.filter((s) => s.icpc !== null && s.icpc.slice(0, 7) === month);
    if (held.length)
      m.set(month, {
        numerator: held.filter((s) => cal.workingDaysBetween(s.start, s.icpc!) <= 15).length,
        denominator: held.length,
      });
  }
  return m;
}

/** Children looked after at each month end, and children starting care in each month (short breaks only left out). */
export function childrenInCare(
  periods: readonly Period[],
  months: readonly string[],
): { lookedAfter: Monthly; starting: Monthly } {
  const lookedAfter: Monthly = new Map();
  const starting: Monthly = new Map();
  const counted = periods.filter((p) => !p.shortBreaksOnly);
  for (const month of months) {
    const end = monthEnd(month);
    lookedAfter.set(month, {
      numerator: new Set(counted.filter((p) => p.start <= end && (p.end === null || p.end > end)).map((p) => p.child))
        .size,
      denominator: null,
    });
    starting.set(month, {
      numerator: new Set(counted.filter((p) => p.start.slice(0, 7) === month).map((p) => p.child)).size,
      denominator: null,
    });
  }
  return { lookedAfter, starting };
}

/** Every measure the case-management export and the returns both give, by measure id then month. */
export function recountMeasures(o: {
  missing: readonly MissingRow[];
  periods: readonly Period[];
  reviews: readonly TimedReview[];
  s47s: readonly { start: string; icpc: string | null }[];
  months: readonly string[];
  cal: WorkingCalendar;
}): Record<string, Monthly> {
  const { months } = o;
  const counts = missingCounts(o.missing, months);
  const inCare = childrenInCare(o.periods, months);
  return {
    children_missing: counts.children,
    missing_episodes: counts.episodes,
    cla_reviews_on_time: reviewsOnTime(o.reviews, months),
    cla_first_reviews_on_time: reviewsOnTime(o.reviews, months, 'first'),
    cla_second_reviews_on_time: reviewsOnTime(o.reviews, months, 'second'),
    cla_later_reviews_on_time: reviewsOnTime(o.reviews, months, 'subsequent'),
    icpc_within_15_wd: conferencesInTime(o.s47s, months, o.cal),
    children_looked_after: inCare.lookedAfter,
    children_starting_care: inCare.starting,
  };
}

/** kpi_monthly rows (measure, yyyy-mm, numerator, denominator or '') in the same shape, for the measures asked. */
export function shownMeasures(rows: readonly string[][], measures: readonly string[]): Record<string, Monthly> {
  const shown: Record<string, Monthly> = Object.fromEntries(measures.map((k) => [k, new Map()]));
  for (const [measure, month, numerator, denominator] of rows)
    shown[measure!]?.set(month!, {
      numerator: Number(numerator),
      denominator: denominator === '' ? null : Number(denominator),
    });
  return shown;
}
