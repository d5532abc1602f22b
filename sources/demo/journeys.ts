// Children's journeys through social care after a referral, and the caseload already open when the export
// period starts: assessments, S47s, CP plans (core groups, reviews), care episodes (reviews, permanence
// plans, missing episodes) and care leavers. Every record follows from an earlier one, on realistic timescales.
import { addDays, daysBetween, type IsoDate } from '../../core/calendar/dates.js';
import type { WorkingCalendar } from '../../core/calendar/working-days.js';
import { ageOn, birthday, ChildRegister } from './people.js';
import { int, normal, pick, type Random } from './random.js';
import { serial } from './shards.js';

export interface Referral {
  id: string;
  childId: string;
  date: IsoDate;
  source: string;
  contactId: string | null;
  need: string;
  nfa: boolean;
}
export interface Assessment {
  id: string;
  childId: string;
  referralId: string | null;
  start: IsoDate;
  authorised: IsoDate | null;
  outcome: string | null;
  team: string;
}
export interface S47 {
  id: string;
  childId: string;
  referralId: string | null;
  start: IsoDate;
  icpcRequired: boolean;
  icpc: IsoDate | null;
}
export interface CpPlan {
  id: string;
  childId: string;
  start: IsoDate;
  end: IsoDate | null;
  category: string;
  s47Id: string | null;
}
export interface Dated {
  id: string;
  parentId: string;
  date: IsoDate;
}
export interface Episode {
  id: string;
  childId: string;
  start: IsoDate;
  rne: string;
  ls: string;
  cin: string;
  place: string;
  end: IsoDate | null;
  rec: string | null;
}
export interface PermPlan {
  id: string;
  childId: string;
  type: string;
  date: IsoDate;
}
/** offeredAt and lookedAfter are filled in by completeMissingEpisodes (missing.ts), from a random stream of their own. */
export interface Missing {
  id: string;
  childId: string;
  type: string;
  start: string;
  end: string | null;
  offered: boolean;
  accepted: boolean | null;
  offeredAt: string | null;
  lookedAfter: boolean;
}
export interface AdoptionMilestones {
  childId: string;
  adm: IsoDate;
  matched: IsoDate | null;
  placed: IsoDate | null;
  order: IsoDate | null;
}
export interface SgoAssessment {
  id: string;
  childId: string;
  start: IsoDate;
  completed: IsoDate | null;
}
export interface ClContact {
  id: string;
  childId: string;
  date: IsoDate;
  inTouch: string;
  activity: string | null;
  accom: string | null;
  suitable: boolean | null;
}
/** A stretch of time a case needs an allocated worker in a kind of team. */
export interface CasePeriod {
  childId: string;
  serviceArea: 'Assessment' | 'Case Management' | 'CLA' | 'Disability' | 'Leaving Care';
  start: IsoDate;
  end: IsoDate | null;
}

export interface ReferralContact {
  contactId: string;
  childId: string;
  decisionDate: IsoDate;
  sourceCode: string;
}

export interface Journeys {
  referrals: Referral[];
  assessments: Assessment[];
  s47s: S47[];
  cpPlans: CpPlan[];
  coreGroups: Dated[];
  cpReviews: Dated[];
  episodes: Episode[];
  claReviews: Dated[];
  permPlans: PermPlan[];
  missing: Missing[];
  clContacts: ClContact[];
  periods: CasePeriod[];
  adoptions: AdoptionMilestones[];
  sgoAssessments: SgoAssessment[];
}

/** idTag: the shard's ID tag (shards.ts), '' or absent for an unsharded council. */
interface Opts {
  from: IsoDate;
  to: IsoDate;
  scale: number;
  calendar: WorkingCalendar;
  idTag?: string;
}

/** Timeliness improves through the improvement plan (the seed papers' trajectories). */
const improving = (d: IsoDate, before: number, after: number, from = '2020-11-01', to = '2021-05-01'): number =>
  d <= from ? before : d >= to ? after : before + ((after - before) * daysBetween(from, d)) / daysBetween(from, to);

const NEED: ReadonlyArray<readonly [string, number]> = [
  ['N1', 55],
  ['N2', 6],
  ['N3', 5],
  ['N4', 12],
  ['N5', 15],
  ['N6', 3],
  ['N7', 1],
  ['N8', 3],
];
const ABUSE: ReadonlyArray<readonly [string, number]> = [
  ['NEG', 50],
  ['EMO', 35],
  ['PHY', 8],
  ['SAB', 4],
  ['MUL', 3],
];

export function generateJourneys(
  r: Random,
  people: ChildRegister,
  referralContacts: readonly ReferralContact[],
  o: Opts,
): Journeys {
  const { calendar: cal, from, to } = o;
  const j: Journeys = {
    referrals: [],
    assessments: [],
    s47s: [],
    cpPlans: [],
    coreGroups: [],
    cpReviews: [],
    episodes: [],
    claReviews: [],
    permPlans: [],
    missing: [],
    clContacts: [],
    periods: [],
    adoptions: [],
    sgoAssessments: [],
  };
  const seq: Record<string, number> = {};
  const id = (prefix: string) => serial(prefix, o.idTag ?? '', (seq[prefix] = (seq[prefix] ?? 0) + 1), 6);
  const wd = (d: IsoDate, n: number) => cal.addWorkingDays(d, n);
  const known = (d: IsoDate | null) => (d !== null && d <= to ? d : null); // nothing after the export was taken

  // ---- child protection -------------------------------------------------------------------------
  function cpPlan(childId: string, start: IsoDate, s47Id: string | null): void {
    const months = Math.exp(Math.log(7.5) + 0.75 * normal(r));
    const end = known(addDays(start, Math.round(months * 30.4)));
    const plan: CpPlan = { id: id('CPP'), childId, start, end, category: pick(r, ABUSE), s47Id };
    j.cpPlans.push(plan);
    const stop = end ?? to;
    // First core group within 10 working days of the conference, then every 4 weeks.
    const onTime = improving(start, 0.78, 0.9);
    for (
      let d = wd(start, r() < onTime ? int(r, 3, 10) : int(r, 11, 18));
      d <= stop;
      d = cal.rollForward(addDays(d, r() < onTime ? int(r, 21, 26) : int(r, 29, 45)))
    ) {
      j.coreGroups.push({ id: id('CG'), parentId: plan.id, date: d });
    }
    // Review conferences: within 3 months of the initial conference, then every 6 months.
    for (let d = addDays(start, int(r, 70, 95)); d <= stop; d = addDays(d, int(r, 160, 190)))
      j.cpReviews.push({ id: id('CPR'), parentId: plan.id, date: d });
    j.periods.push({ childId, serviceArea: 'Case Management', start, end });
    if (end && r() < 0.12) careEpisodes(childId, end, 'C1');
  }

  // ---- children looked after --------------------------------------------------------------------
  const inCareUntil = new Map<string, IsoDate>();
  function careEpisodes(childId: string, entry: IsoDate, firstLs?: string): void {
    const child = people.children.get(childId)!;
    if ((inCareUntil.get(childId) ?? '0000') >= entry) return; // already in care: no overlapping episodes
    if (birthday(child.dob, 18) <= addDays(entry, 30)) return; // too close to adulthood to come into care
    const age = ageOn(child.dob, entry);
    const plan =
      age < 5
        ? pick(r, [
            ['ADOP', 40],
            ['SGO', 25],
            ['RTF', 20],
            ['LTFC', 15],
          ] as const)
        : age < 13
          ? pick(r, [
              ['LTFC', 45],
              ['SGO', 20],
              ['RTF', 25],
              ['CAO', 5],
              ['RES', 5],
            ] as const)
          : pick(r, [
              ['LTFC', 40],
              ['RES', 15],
              ['INDL', 20],
              ['RTF', 20],
              ['OTH', 5],
            ] as const);
    const shortStay = plan === 'RTF' && r() < 0.6;
    const months = shortStay ? int(r, 1, 8) : Math.exp(Math.log(40) + 0.6 * normal(r));
    let exit = addDays(entry, Math.round(months * 30.4));
    const eighteen = birthday(child.dob, 18);
    let rec: string;
    if (exit >= eighteen || plan === 'INDL') {
      exit = exit >= eighteen ? eighteen : exit;
      rec = pick(r, [
        ['E17', 25],
        ['E5', 35],
        ['E6', 10],
        ['E8', 15],
        ['E7', 5],
        ['E4A', 10],
      ] as const);
    } else {
      rec =
        {
          ADOP: r() < 0.7 ? 'E11' : 'E12',
          SGO: pick(r, [
            ['E45', 40],
            ['E46', 10],
            ['E47', 40],
            ['E48', 10],
          ] as const),
          CAO: 'E41',
          RTF: r() < 0.85 ? 'E4A' : 'E4B',
        }[plan as 'ADOP'] ??
        pick(r, [
          ['E4A', 40],
          ['E8', 30],
          ['E3', 20],
          ['E13', 10],
        ] as const);
    }
    const exitKnown = known(exit);
    inCareUntil.set(childId, exitKnown ?? '9999-12-31');
    const cin = child.disability && r() < 0.4 ? 'N2' : pick(r, NEED);
    // Episodes: a legal-status change (interim to full order) and placement moves along the way.
    let ls: string =
      firstLs ??
      (age >= 16 && r() < 0.5
        ? 'V2'
        : pick(r, [
            ['C1', 55],
            ['V2', 30],
            ['L2', 8],
            ['J1', 2],
            ['L1', 5],
          ] as const));
    let place: string =
      age >= 16
        ? pick(r, [
            ['H5', 40],
            ['U6', 30],
            ['K2', 30],
          ] as const)
        : age < 1
          ? 'U6'
          : pick(r, [
              ['U6', 55],
              ['U3', 20],
              ['K2', 10],
              ['P1', 5],
              ['U4', 10],
            ] as const);
    let rne = 'S';
    let start = entry;
    const stop = exitKnown ?? to;
    for (let guard = 0; guard < 40; guard++) {
      const nextLegal = ls === 'C1' || ls === 'L2' || ls === 'L1' ? addDays(start, int(r, 60, 270)) : null;
      const nextMove = addDays(start, int(r, 120, 600));
      const change = [nextLegal, nextMove].filter((d): d is IsoDate => d !== null && d < stop).sort()[0];
      const episode: Episode = { id: id('EP'), childId, start, rne, ls, cin, place, end: null, rec: null };
      j.episodes.push(episode);
      if (!change) {
        episode.end = exitKnown;
        episode.rec = exitKnown ? rec : null;
        break;
      }
      episode.end = change;
      episode.rec = 'X1';
      start = change;
      if (change === nextLegal) {
        ls = plan === 'ADOP' && r() < 0.6 ? 'E1' : 'C2';
        rne = 'L';
      } else {
        place =
          plan === 'ADOP' && ls === 'E1'
            ? pick(r, [
                ['A5', 40],
                ['A6', 60],
              ] as const)
            : plan === 'LTFC'
              ? pick(r, [
                  ['U4', 70],
                  ['U1', 30],
                ] as const)
              : pick(r, [
                  ['U6', 60],
                  ['K2', 20],
                  ['U3', 20],
                ] as const);
        rne = 'P';
      }
    }
    // Statutory reviews: within 20 working days, then 3 months, then every 6 months.
    const reviewDates: IsoDate[] = [];
    const onTime = improving(entry, 0.85, 0.93);
    let review = wd(entry, r() < onTime ? int(r, 10, 20) : int(r, 21, 30));
    reviewDates.push(review);
    review = addDays(review, r() < onTime ? int(r, 70, 91) : int(r, 92, 120));
    while (review <= stop) {
      reviewDates.push(review);
      review = addDays(review, r() < onTime ? int(r, 150, 182) : int(r, 183, 220));
    }
    for (const d of reviewDates.filter((x) => x <= stop))
      j.claReviews.push({ id: id('LAR'), parentId: childId, date: d });
    // Permanence plan: due by the second review (71% on time in 2020, target 90%).
    const second = reviewDates[1];
    if (second) {
      const byReview = r() < improving(entry, 0.71, 0.9);
      const planDate = byReview ? addDays(second, -int(r, 0, 20)) : addDays(second, int(r, 10, 120));
      if (planDate <= stop) j.permPlans.push({ id: id('PP'), childId, type: plan, date: planDate });
    }
    // Adoption: ADM decision a few months in, then match, placement with adopters and the order (the exit).
    if (rec === 'E11' || rec === 'E12' || (plan === 'ADOP' && !exitKnown)) {
      const adm = addDays(entry, int(r, 90, 240));
      const orderDate = rec === 'E11' || rec === 'E12' ? exit : null;
      const matched = orderDate ? addDays(orderDate, -int(r, 150, 320)) : addDays(adm, int(r, 120, 400));
      const placed = addDays(matched, int(r, 10, 45));
      if (adm <= stop && adm < matched) {
        j.adoptions.push({
          childId,
          adm,
          matched: known(matched),
          placed: known(placed),
          order: orderDate ? known(orderDate) : null,
        });
      }
    }
    // Special guardianship: the carers are assessed in the months before the order.
    if (plan === 'SGO') {
      const orderDate = ['E45', 'E46', 'E47', 'E48'].includes(rec) ? exit : addDays(entry, int(r, 300, 700));
      const start = addDays(orderDate, -int(r, 90, 200));
      if (start <= stop && start > entry)
        j.sgoAssessments.push({ id: id('SGO'), childId, start, completed: known(addDays(orderDate, -int(r, 10, 40))) });
    }
    // Missing episodes: mostly teenagers, a few of them often.
    if (age >= 11 || ageOn(child.dob, stop) >= 13) {
      const rate = r() < 0.2 ? 0.5 : 0.03; // episodes a month
      for (
        let d = addDays(entry, int(r, 5, 60));
        d <= stop;
        d = addDays(d, Math.max(1, Math.round(-Math.log(Math.max(r(), 1e-9)) * (30.4 / rate))))
      ) {
        if (ageOn(child.dob, d) < 11) continue;
        const startAt = `${d} ${String(int(r, 14, 23)).padStart(2, '0')}:${String(int(r, 0, 59)).padStart(2, '0')}`;
        const back = addDays(d, int(r, 0, 3));
        const offered = r() < 0.95;
        j.missing.push({
          id: id('MIS'),
          childId,
          type: r() < 0.85 ? 'MISSING' : 'AWAY',
          start: startAt,
          end:
            back <= to
              ? `${back} ${String(int(r, 0, 23)).padStart(2, '0')}:${String(int(r, 0, 59)).padStart(2, '0')}`
              : null,
          offered,
          accepted: offered ? r() < 0.8 : null,
          offeredAt: null,
          lookedAfter: true,
        });
      }
    }
    j.periods.push({
      childId,
      serviceArea: child.disability && r() < 0.3 ? 'Disability' : 'CLA',
      start: entry,
      end: exitKnown,
    });
    // Care leavers: in care 13+ weeks and left at 16 or older (leaving at 18 in most cases).
    if (
      exitKnown &&
      ageOn(child.dob, exit) >= 16 &&
      daysBetween(entry, exit) >= 91 &&
      !['E11', 'E12', 'E2', 'E3'].includes(rec)
    )
      careLeaver(childId, exit);
  }

  function careLeaver(childId: string, left: IsoDate): void {
    const child = people.children.get(childId)!;
    const until = birthday(child.dob, r() < 0.3 ? 25 : 21);
    const start = left > from ? left : addDays(from, -int(r, 0, 60));
    const end = until < to ? until : to;
    let activity = '';
    let accom = pick(r, [
      ['U', 40],
      ['D', 25],
      ['B', 10],
      ['E', 8],
      ['Z', 7],
      ['T', 5],
      ['S', 2],
      ['W', 1],
      ['X', 2],
    ] as const);
    for (let d = start; d <= end; d = addDays(d, int(r, 35, 75))) {
      const age = ageOn(child.dob, d);
      if (!activity || r() < 0.15) {
        const eet = age < 19 ? 0.75 : 0.45;
        const x = r();
        activity =
          x < eet
            ? pick(r, [
                ['F2', 35],
                ['F1', 10],
                ['F5', 25],
                ['P5', 10],
                ['F4', 10],
                ['P2', 5],
                ['P1', 5],
              ] as const)
            : x < eet + (age < 19 ? 0.15 : 0.45)
              ? pick(r, [
                  ['G5', 60],
                  ['G4', 25],
                  ['G6', 15],
                ] as const)
              : 'unknown';
      }
      if (r() < 0.05)
        accom = pick(r, [
          ['U', 50],
          ['D', 20],
          ['B', 15],
          ['S', 5],
          ['X', 5],
          ['W', 5],
        ] as const);
      const inTouch = pick(r, [
        ['YES', 88],
        ['NO', 6],
        ['REFU', 3],
        ['NREQ', 2.5],
        ['RHOM', 0.5],
      ] as const);
      const contacted = inTouch === 'YES';
      j.clContacts.push({
        id: id('CLC'),
        childId,
        date: d,
        inTouch,
        activity: inTouch === 'RHOM' ? '0' : contacted && activity !== 'unknown' ? activity : null,
        accom: contacted ? accom : null,
        suitable: contacted ? !['S', 'W', 'X'].includes(accom) && r() < 0.95 : null,
      });
    }
    j.periods.push({
      childId,
      serviceArea: 'Leaving Care',
      start: left > from ? left : from,
      end: until <= to ? until : null,
    });
  }

  // ---- the caseload already open when the export period starts ----------------------------------
  const s = o.scale;
  for (let i = 0; i < Math.round(1300 * s); i++) {
    const entry = addDays(from, -Math.round(Math.pow(r(), 1.3) * 7 * 365));
    const child = people.create(entry, 0, 17.5);
    careEpisodes(child.id, entry);
  }
  for (let i = 0; i < Math.round(200 * s); i++) {
    const left = addDays(from, -int(r, 0, 3 * 365));
    const child = people.create(left, 17.5, 18);
    const entry = addDays(left, -int(r, 200, 2500));
    j.episodes.push({
      id: id('EP'),
      childId: child.id,
      start: entry,
      rne: 'S',
      ls: 'C2',
      cin: 'N1',
      place: 'U4',
      end: left,
      rec: pick(r, [
        ['E17', 30],
        ['E5', 40],
        ['E6', 10],
        ['E8', 20],
      ] as const),
    });
    careLeaver(child.id, left);
  }
  for (let i = 0; i < Math.round(420 * s); i++) {
    const start = addDays(from, -int(r, 0, 720));
    const child = people.create(start, 0, 16);
    cpPlan(child.id, start, null);
  }
  for (let i = 0; i < Math.round(900 * s); i++) {
    const start = addDays(from, -int(r, 0, 365));
    const child = people.create(start, 0, 17);
    j.periods.push({
      childId: child.id,
      serviceArea: child.disability ? 'Disability' : 'Case Management',
      start,
      end: known(addDays(start, int(r, 60, 540))),
    });
  }

  // ---- new referrals during the period ----------------------------------------------------------
  for (const c of referralContacts) {
    people.ensure(c.childId, c.decisionDate);
    const ref: Referral = {
      id: id('REF'),
      childId: c.childId,
      date: c.decisionDate,
      source: c.sourceCode,
      contactId: c.contactId,
      need: pick(r, NEED),
      nfa: false,
    };
    j.referrals.push(ref);
    const start = wd(ref.date, int(r, 0, 2));
    if (start > to) continue;
    const within45 = r() < improving(start, 0.72, 0.86, '2020-11-01', '2021-08-01');
    const authorised = known(wd(start, within45 ? int(r, 10, 45) : int(r, 46, 85)));
    const outcome = authorised
      ? pick(r, [
          ['NFA', 33],
          ['EH', 10],
          ['CIN', 22],
          ['S47', 28],
          ['CLA', 7],
        ] as const)
      : null;
    const a: Assessment = {
      id: id('ASM'),
      childId: c.childId,
      referralId: ref.id,
      start,
      authorised,
      outcome,
      team: `Assessment Team ${int(r, 1, 3)}`,
    };
    j.assessments.push(a);
    j.periods.push({ childId: c.childId, serviceArea: 'Assessment', start, end: authorised });
    if (outcome === 'NFA') ref.nfa = true;
    if (outcome === 'CIN')
      j.periods.push({
        childId: c.childId,
        serviceArea: 'Case Management',
        start: authorised!,
        end: known(addDays(authorised!, int(r, 60, 400))),
      });
    if (outcome === 'S47') {
      const s47Start = wd(start, int(r, 0, 8));
      const required = r() < 0.65;
      const icpc = required ? known(wd(s47Start, r() < 0.75 ? int(r, 5, 15) : int(r, 16, 30))) : null;
      const enquiry: S47 = {
        id: id('S47'),
        childId: c.childId,
        referralId: ref.id,
        start: s47Start,
        icpcRequired: required,
        icpc,
      };
      j.s47s.push(enquiry);
      if (icpc && r() < 0.95) cpPlan(c.childId, icpc, enquiry.id);
    }
    if (outcome === 'CLA') careEpisodes(c.childId, authorised!);
  }
  return j;
}
