// The workforce behind the cases: workers per team (with turnover and agency staff), allocation of every case
// period to a worker in the right kind of team, and case supervisions at the compliance the seed papers report.
import { addDays, type IsoDate } from '../../core/calendar/dates.js';
import type { CasePeriod } from './journeys.js';
import { int, pick, type Random } from './random.js';
import { serial } from './shards.js';

export interface Worker {
  id: string;
  team: string;
  role: string;
  fte: number;
  employment: 'PERM' | 'AGENCY';
  start: IsoDate;
  leave: IsoDate | null;
}
export interface Allocation {
  id: string;
  childId: string;
  workerId: string;
  team: string;
  start: IsoDate;
  end: IsoDate | null;
}
export interface Supervision {
  id: string;
  childId: string;
  workerId: string;
  supervisorId: string;
  date: IsoDate;
}

/** Case-holding workers per team at scale 1 (caseloads come out near the seed's 24 per worker). */
const TEAMS: ReadonlyArray<
  readonly [team: string, area: CasePeriod['serviceArea'] | 'Front door', workers: number, role: string]
> = [
  ['Assessment Team 1', 'Assessment', 6, 'SW'],
  ['Assessment Team 2', 'Assessment', 5, 'SW'],
  ['Assessment Team 3', 'Assessment', 5, 'SW'],
  ['Case Management 1', 'Case Management', 9, 'SW'],
  ['Case Management 2', 'Case Management', 9, 'SW'],
  ['Case Management 3', 'Case Management', 8, 'SW'],
  ['Children in Care 1', 'CLA', 12, 'SW'],
  ['Children in Care 2', 'CLA', 12, 'SW'],
  ['Disability Service', 'Disability', 6, 'SW'],
  ['Leaving Care', 'Leaving Care', 9, 'PA'],
  ['MASH', 'Front door', 10, 'SW'],
  ['EDT', 'Front door', 6, 'SW'],
];

/** Share of supervisions that come within a month of the last: 45% in November 2020, then the recovery plan. */
function supervisionCompliance(d: IsoDate): number {
  if (d < '2020-08-01') return 0.5;
  if (d < '2020-12-01') return 0.28;
  if (d < '2021-02-01') return 0.45;
  if (d < '2021-03-01') return 0.62;
  if (d < '2021-04-01') return 0.8;
  return 0.93;
}

export interface Workforce {
  workers: Worker[];
  allocations: Allocation[];
  supervisions: Supervision[];
}

export function generateWorkforce(
  r: Random,
  periods: readonly CasePeriod[],
  o: { from: IsoDate; to: IsoDate; scale: number; idTag?: string },
): Workforce {
  const tag = o.idTag ?? '';
  let seq = 0;
  const workerId = () => serial('W', tag, ++seq, 5);
  const workers: Worker[] = [];
  const managers = new Map<string, string>();
  const hire = (team: string, role: string, start: IsoDate, employment: Worker['employment']): Worker => {
    const role2 =
      role === 'SW'
        ? pick(r, [
            ['SW', 60],
            ['SSW', 20],
            ['ASYE', 15],
            ['PP', 5],
          ] as const)
        : role;
    const w: Worker = {
      id: workerId(),
      team,
      role: role2,
      fte:
        r() < 0.82
          ? 1
          : pick(r, [
              [0.5, 30],
              [0.6, 30],
              [0.8, 40],
            ] as const),
      employment,
      start,
      leave: null,
    };
    // Turnover: agency staff move on sooner than permanent staff.
    const years = -Math.log(Math.max(r(), 1e-9)) * (w.employment === 'AGENCY' ? 1.2 : 5);
    const leave = addDays(start, Math.round(years * 365) + 30);
    w.leave = leave <= o.to ? leave : null;
    workers.push(w);
    return w;
  };
  const byArea = new Map<string, Worker[]>();
  for (const [team, area, n, role] of TEAMS) {
    const manager: Worker = {
      id: workerId(),
      team,
      role: 'TM',
      fte: 1,
      employment: r() < 0.2 ? 'AGENCY' : 'PERM',
      start: addDays(o.from, -int(r, 200, 3000)),
      leave: null,
    };
    workers.push(manager);
    managers.set(team, manager.id);
    const list = byArea.get(area) ?? [];
    for (let i = 0; i < Math.max(1, Math.round(n * o.scale)); i++) {
      // Each post is filled continuously: when a worker leaves, a new one starts a few weeks later. About a
      // quarter of posts are covered by agency staff (73% permanent in the seed), and mostly stay so.
      const agencyPost = r() < 0.33;
      const employment = (): Worker['employment'] => ((agencyPost ? r() < 0.95 : r() < 0.05) ? 'AGENCY' : 'PERM');
      let w = hire(team, role, addDays(o.from, -int(r, 30, 3000)), employment());
      list.push(w);
      while (w.leave) {
        w = hire(team, role, addDays(w.leave, int(r, 7, 45)), employment());
        list.push(w);
      }
    }
    byArea.set(area, list);
  }

  const allocations: Allocation[] = [];
  const supervisions: Supervision[] = [];
  let a = 0;
  let s = 0;
  const activeOn = (list: Worker[], d: IsoDate) =>
    list.filter((w) => w.start <= d && (w.leave === null || w.leave > d));
  for (const p of periods) {
    const list = byArea.get(p.serviceArea) ?? [];
    const end = p.end ?? o.to;
    let d = p.start;
    let lastSupervision: IsoDate | null = null;
    for (let guard = 0; guard < 30 && d <= end; guard++) {
      const active = activeOn(list, d);
      if (active.length === 0) break;
      const w = active[int(r, 0, active.length - 1)]!;
      const allocEnd = w.leave !== null && w.leave < end ? w.leave : p.end;
      allocations.push({
        id: serial('AL', tag, ++a, 7),
        childId: p.childId,
        workerId: w.id,
        team: w.team,
        start: d,
        end: allocEnd,
      });
      // Supervision of the case while this worker holds it; only within the export period.
      const stop = allocEnd ?? o.to;
      let next = addDays(lastSupervision ?? d, int(r, 10, 30));
      while (next <= stop) {
        if (next >= o.from)
          supervisions.push({
            id: serial('SUP', tag, ++s, 7),
            childId: p.childId,
            workerId: w.id,
            supervisorId: managers.get(w.team)!,
            date: next,
          });
        lastSupervision = next;
        next = addDays(next, r() < supervisionCompliance(next) ? int(r, 18, 30) : int(r, 35, 110));
      }
      if (allocEnd === null || allocEnd >= end) break;
      d = allocEnd;
    }
  }
  return { workers, allocations, supervisions };
}
