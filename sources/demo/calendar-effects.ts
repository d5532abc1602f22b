// How the calendar bends demand at the front door: school holidays and the COVID-19 lockdowns of 2020-21.
// Dates are the typical English school terms and the national lockdowns; they shape the demo, nothing else.
import type { IsoDate } from '../../core/calendar/dates.js';

const SCHOOL_HOLIDAYS: ReadonlyArray<readonly [IsoDate, IsoDate]> = [
  ['2015-12-19', '2016-01-03'],
  ['2016-07-22', '2016-09-04'],
  ['2016-12-17', '2017-01-02'],
  ['2017-07-21', '2017-09-04'],
  ['2017-12-21', '2018-01-03'],
  ['2018-07-21', '2018-09-03'],
  ['2018-12-21', '2019-01-06'],
  ['2019-04-06', '2019-04-22'],
  ['2019-05-25', '2019-06-02'],
  ['2019-07-20', '2019-09-03'],
  ['2019-10-26', '2019-11-03'],
  ['2019-12-21', '2020-01-05'],
  ['2020-02-15', '2020-02-23'],
  ['2020-04-04', '2020-04-19'],
  ['2020-05-23', '2020-05-31'],
  ['2020-07-18', '2020-09-02'],
  ['2020-10-24', '2020-11-01'],
  ['2020-12-19', '2021-01-04'],
  ['2021-02-13', '2021-02-21'],
  ['2021-03-27', '2021-04-11'],
  ['2021-05-29', '2021-06-06'],
  ['2021-07-22', '2021-09-02'],
  ['2021-10-23', '2021-10-31'],
  ['2021-12-18', '2022-01-03'],
  ['2022-02-19', '2022-02-27'],
  ['2022-04-09', '2022-04-24'],
  ['2022-05-28', '2022-06-05'],
  ['2022-07-22', '2022-09-04'],
  ['2022-10-22', '2022-10-30'],
  ['2022-12-17', '2023-01-03'],
  ['2023-02-11', '2023-02-19'],
  ['2023-04-01', '2023-04-16'],
  ['2023-05-27', '2023-06-04'],
  ['2023-07-21', '2023-09-04'],
  ['2023-10-28', '2023-11-05'],
  ['2023-12-21', '2024-01-03'],
  ['2024-02-10', '2024-02-18'],
  ['2024-03-29', '2024-04-14'],
];

export const inSchoolHoliday = (d: IsoDate): boolean => SCHOOL_HOLIDAYS.some(([a, b]) => d >= a && d <= b);

/** Multipliers on each source group's normal weekly rate during the pandemic. */
type Phase = { from: IsoDate; to: IsoDate; factors: Partial<Record<string, number>>; other: number };
const COVID: readonly Phase[] = [
  { from: '2020-03-16', to: '2020-03-22', factors: { Schools: 0.75, Health: 0.9 }, other: 0.92 },
  {
    from: '2020-03-23',
    to: '2020-05-31',
    other: 0.85,
    factors: {
      Schools: 0.21,
      Health: 1.0,
      'Family Member': 0.9,
      Police: 1.1,
      Housing: 1.05,
      'LA - Other Dept': 1.25,
      'Other Agency': 1.0,
      Other: 0.92,
      Anonymous: 1.4,
      Individual: 1.9,
      Self: 1.4,
    },
  },
  { from: '2020-06-01', to: '2020-07-17', factors: { Schools: 0.32, Health: 1.0 }, other: 1.05 },
  { from: '2020-09-03', to: '2020-12-18', factors: { Schools: 1.12 }, other: 1.0 },
  { from: '2021-01-05', to: '2021-03-07', factors: { Schools: 0.35, Health: 0.87 }, other: 0.95 },
  { from: '2021-03-08', to: '2021-07-21', factors: { Schools: 1.18 }, other: 1.0 },
];

export function covidFactor(d: IsoDate, group: string): number {
  const phase = COVID.find((p) => d >= p.from && d <= p.to);
  if (!phase) return 1;
  return phase.factors[group] ?? phase.other;
}

/** Demand through the year: highest in the spring and autumn terms, lowest in August and at Christmas. */
const MONTH_FACTOR = [1.05, 1.13, 1.15, 0.97, 1.0, 1.0, 0.95, 0.85, 1.0, 1.05, 1.08, 0.88];
export const seasonalFactor = (d: IsoDate): number => MONTH_FACTOR[Number(d.slice(5, 7)) - 1]!;
