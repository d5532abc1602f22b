// Synthetic contacts for a Dudley-sized council (~10,850 contacts a year). Deterministic for a seed.
import { addDays, isoWeekday, type IsoDate } from '../../core/calendar/dates.js';
import type { WorkingCalendar } from '../../core/calendar/working-days.js';
import { readSeed } from '../lib/seed-codes.js';
import { covidFactor, inSchoolHoliday, seasonalFactor } from './calendar-effects.js';
import { int, normal, pick, poisson, type Random } from './random.js';
import { serial } from './shards.js';

/** Normal weekly contacts by source code in term time before the pandemic (sums to ~235). */
const WEEKLY_RATE: Record<string, number> = {
  '1A': 17.5,
  '1B': 0.5,
  '1C': 1,
  '1D': 0.6,
  '2A': 55,
  '2B': 6.5,
  '3A': 8,
  '3B': 9.5,
  '3C': 4,
  '3D': 5.5,
  '3E': 13.5,
  '3F': 13.5,
  '4': 6,
  '5A': 11.5,
  '5B': 9,
  '5C': 7.5,
  '6': 27.5,
  '7': 19.5,
  '8': 7.5,
  '9': 13.5,
  '10': 0.5,
};
/** Mon..Sun share of a normal week's contacts. */
const WEEKDAY_WEIGHT = [1.16, 1.1, 1.06, 1.04, 1.0, 0.3, 0.24];
const WEEKDAY_SUM = WEEKDAY_WEIGHT.reduce((a, b) => a + b, 0);

const CASE_TEAMS: ReadonlyArray<readonly [string, number]> = [
  ['Assessment Team 1', 9],
  ['Assessment Team 2', 8],
  ['Assessment Team 3', 7],
  ['Case Management 1', 12],
  ['Case Management 2', 11],
  ['Case Management 3', 10],
  ['Children in Care 1', 13],
  ['Children in Care 2', 12],
  ['Disability Service', 9],
];
const OUTCOMES: ReadonlyArray<readonly [string, number]> = [
  ['REF', 22],
  ['EH', 15],
  ['ADV', 33],
  ['NFA', 30],
];

export interface DemoContact {
  contactId: string;
  childId: string;
  contactAt: string; // YYYY-MM-DD HH:MM
  sourceCode: string;
  sourceLabel: string;
  receivingTeam: string;
  openCase: boolean;
  domesticAbuse: boolean;
  decisionAt: string | null;
  outcome: string | null;
}

export interface ContactsOptions {
  from: IsoDate;
  to: IsoDate;
  /** Data-as-at: contacts whose decision would fall after it are still undecided. */
  asAt: IsoDate;
  scale: number;
  calendar: WorkingCalendar;
  /** The shard's ID tag (shards.ts): '' for an unsharded council. */
  idTag?: string;
}

/** Share of contacts decided within one working day drifts as the service improves (69% Nov 2020 -> 76% Jan 2021). */
function withinOneDayRate(d: IsoDate): number {
  if (d < '2020-10-01') return 0.7;
  if (d < '2020-12-01') return 0.69;
  if (d < '2021-01-01') return 0.72;
  return 0.77;
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function* generateContacts(r: Random, opts: ContactsOptions): Generator<DemoContact> {
  const sources = readSeed('contact_sources');
  const labels = new Map(sources.map((s) => [s.source_code!, s.source_label!]));
  const groups = new Map(sources.map((s) => [s.source_code!, s.source_group!]));
  const { calendar, scale } = opts;
  const tag = opts.idTag ?? '';
  let seq = 0;
  // The council already holds ~1,800 open cases (scaled) when the export period starts.
  const initialOpen = Math.round(1800 * scale);
  const openCaseChildren: string[] = Array.from({ length: initialOpen }, (_, i) => `C${tag}${100_000 + i}`);
  const knownChildren: string[] = [...openCaseChildren];
  let nextChild = 100_000 + initialOpen;
  let weekNoise = 1;

  for (let d = opts.from; d <= opts.to; d = addDays(d, 1)) {
    const wd = isoWeekday(d);
    if (wd === 0 || d === opts.from) weekNoise = Math.exp(0.08 * normal(r)); // week-to-week swings, as the seed shows
    const offDay = !calendar.isWorkingDay(d);
    const dayWeight = (offDay ? Math.min(WEEKDAY_WEIGHT[wd]!, 0.27) : WEEKDAY_WEIGHT[wd]!) / WEEKDAY_SUM;
    const holiday = inSchoolHoliday(d);
    const season = seasonalFactor(d);

    const todays: Array<{ code: string; minutes: number }> = [];
    for (const [code, weekly] of Object.entries(WEEKLY_RATE)) {
      const group = groups.get(code)!;
      let rate = weekly * scale * dayWeight * season * weekNoise * covidFactor(d, group);
      if (holiday && code === '2A') rate *= 0.12;
      if (holiday && code === '2B') rate *= 0.5;
      const n = poisson(r, rate);
      for (let i = 0; i < n; i++) {
        // Working days: most contacts in office hours (09:00-17:00); a few in the evening or night to EDT.
        const outOfHours = offDay || r() < 0.035;
        const minutes = outOfHours
          ? r() < 0.8
            ? int(r, 17 * 60, 23 * 60 + 59)
            : int(r, 0, 8 * 60 + 59)
          : int(r, 9 * 60, 16 * 60 + 59);
        todays.push({ code, minutes });
      }
    }
    todays.sort((a, b) => a.minutes - b.minutes);

    for (const { code, minutes } of todays) {
      seq++;
      const outOfHours = offDay || minutes < 9 * 60 || minutes >= 17 * 60;
      const openCase = r() < (code === '6' || code === '5A' ? 0.42 : 0.31);
      let childId: string;
      if (openCase) childId = openCaseChildren[int(r, 0, openCaseChildren.length - 1)]!;
      else if (r() < 0.22) childId = knownChildren[int(r, 0, knownChildren.length - 1)]!;
      else {
        childId = `C${tag}${nextChild++}`;
        knownChildren.push(childId);
      }
      const receivingTeam = outOfHours ? 'EDT' : openCase && r() < 0.28 ? pick(r, CASE_TEAMS) : 'MASH';
      const domesticAbuse = code === '6' && r() < 0.45;

      // Decision: same day or within one working day for most, a tail of slower ones.
      const within = r() < withinOneDayRate(d);
      const delay = within
        ? r() < 0.6
          ? 0
          : 1
        : pick(r, [
            [2, 45],
            [3, 25],
            [4, 12],
            [5, 8],
            [7, 6],
            [10, 4],
          ] as const);
      const decisionDate = calendar.addWorkingDays(d, delay);
      let decisionAt: string | null = null;
      let outcome: string | null = null;
      if (decisionDate <= opts.asAt) {
        const earliest = decisionDate === d ? Math.max(minutes + 20, 9 * 60 + 30) : 9 * 60 + 30;
        const decisionMinutes = Math.min(int(r, earliest, earliest + 7 * 60), 23 * 60 + 59);
        decisionAt = `${decisionDate} ${hhmm(decisionMinutes)}`;
        outcome = pick(r, OUTCOMES);
        if (outcome === 'REF' && !openCase && r() < 0.6) openCaseChildren.push(childId);
      }
      if (openCaseChildren.length > initialOpen * 1.15) openCaseChildren.splice(0, int(r, 1, 3)); // oldest cases close
      yield {
        contactId: serial('CT', tag, seq, 7),
        childId,
        contactAt: `${d} ${hhmm(minutes)}`,
        sourceCode: code,
        sourceLabel: labels.get(code)!,
        receivingTeam,
        openCase,
        domesticAbuse,
        decisionAt,
        outcome,
      };
    }
  }
}
