// Missing episodes beyond the ones drawn with each child's care (journeys.ts): whether the child was looked after
// at the time, when the return home interview was offered (most within the 72 hours after the return, fewer late
// before the improvement plan), and children missing from home while open to social care but not looked after.
// Drawn from their own random stream, so the other exports stay exactly as they were.
import { addDays, daysBetween, type IsoDate } from '../../core/calendar/dates.js';
import type { Episode, Journeys } from './journeys.js';
import { ageOn, type ChildRegister } from './people.js';
import { int, type Random } from './random.js';
import { serial } from './shards.js';

interface Opts {
  from: IsoDate;
  to: IsoDate;
  idTag?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** 'yyyy-mm-dd hh:mm' plus some hours. */
function addHours(at: string, hours: number): string {
  const t = new Date(`${at.slice(0, 10)}T${at.slice(11, 16)}:00Z`).getTime() + hours * 3_600_000;
  const d = new Date(t);
  return `${d.toISOString().slice(0, 10)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Looked after on a day: an episode of care that started by then and had not ended (the end day is not in care). */
export function lookedAfterOn(episodes: readonly Episode[] | undefined, day: IsoDate): boolean {
  return (episodes ?? []).some((e) => e.start <= day && (e.end === null || e.end > day));
}

/** Share of offers made within 72 hours: improving through the improvement plan, as the other timescales do. */
const onTimeShare = (d: IsoDate): number =>
  d <= '2020-11-01'
    ? 0.82
    : d >= '2021-05-01'
      ? 0.95
      : 0.82 + (0.13 * daysBetween('2020-11-01', d)) / daysBetween('2020-11-01', '2021-05-01');

export function completeMissingEpisodes(r: Random, j: Journeys, people: ChildRegister, o: Opts): void {
  const byChild = new Map<string, Episode[]>();
  for (const e of j.episodes) byChild.set(e.childId, [...(byChild.get(e.childId) ?? []), e]);
  let next = j.missing.length;
  const id = () => serial('MIS', o.idTag ?? '', ++next, 6);

  // Children open to social care (child in need, child protection) who go missing from home: teenagers, a few often.
  for (const p of j.periods) {
    if (p.serviceArea !== 'Case Management') continue;
    const child = people.children.get(p.childId)!;
    const stop = p.end ?? o.to;
    if (ageOn(child.dob, stop) < 12 || r() > 0.12) continue;
    const rate = r() < 0.25 ? 0.6 : 0.15; // episodes a month
    for (
      let d = addDays(p.start, int(r, 3, 45));
      d <= stop;
      d = addDays(d, Math.max(1, Math.round(-Math.log(Math.max(r(), 1e-9)) * (30.4 / rate))))
    ) {
      if (ageOn(child.dob, d) < 11 || lookedAfterOn(byChild.get(p.childId), d)) continue;
      const start = `${d} ${pad(int(r, 15, 23))}:${pad(int(r, 0, 59))}`;
      const back = addHours(start, int(r, 3, 60));
      j.missing.push({
        id: id(),
        childId: p.childId,
        type: 'MISSING',
        start,
        end: back.slice(0, 10) <= o.to ? back : null,
        offered: true,
        accepted: null,
        offeredAt: null,
        lookedAfter: false,
      });
    }
  }

  for (const m of j.missing) {
    // A return drawn earlier in the same day than the child went: a few hours after instead.
    if (m.end !== null && m.end < m.start) {
      const back = addHours(m.start, int(r, 1, 12));
      m.end = back.slice(0, 10) <= o.to ? back : null;
    }
    m.lookedAfter = lookedAfterOn(byChild.get(m.childId), m.start.slice(0, 10));
    // Offered some hours after the return: within 72 hours mostly, a few days late otherwise; not yet if after the export.
    const offeredAt =
      m.end && m.offered
        ? addHours(m.end, r() < onTimeShare(m.end.slice(0, 10)) ? int(r, 2, 72) : int(r, 73, 200))
        : null;
    const made = offeredAt !== null && offeredAt.slice(0, 10) <= o.to;
    m.offered = made;
    m.offeredAt = made ? offeredAt : null;
    m.accepted = made ? (m.accepted ?? r() < 0.8) : null;
  }
}
