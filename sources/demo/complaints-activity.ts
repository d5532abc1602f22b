// Synthetic complaints-system activity for a Dudley-sized council, at the rates of its 2019/20 annual report:
// 28 statutory, 174 corporate and 54 SEND complaints, 108 compliments, ~19 comments and a few Ombudsman cases a
// year. Deterministic for a seed. Records carry ISO dates; complaints.ts turns them into export rows.
import { addDays, financialYear, type IsoDate } from '../../core/calendar/dates.js';
import type { WorkingCalendar } from '../../core/calendar/working-days.js';
import { readSeed } from '../lib/seed-codes.js';
import { int, pick, poisson, type Random } from './random.js';
import { yearlyQuotaDates } from './yearly-quota.js';

export type Procedure = 'STAT' | 'CORP' | 'SEND';
type Weights<T> = ReadonlyArray<readonly [T, number]>;

/** Stage 1 complaints a year by procedure (annual report 2019/20). */
export const ANNUAL_COMPLAINTS: Record<Procedure, number> = { STAT: 28, CORP: 174, SEND: 54 };
export const ANNUAL_COMPLIMENTS = 108;
/** 12 about social care plus 7 about SEND. */
export const ANNUAL_COMMENTS = 19;
/** Ombudsman cases opened without a council complaint first (sent back as premature, or closed early). */
const ANNUAL_DIRECT_OMBUDSMAN = 0.7;

/** Most are registered on working days; web forms and emails logged at weekends are the exception. */
const OFF_DAY_WEIGHT = 0.08;

/** Outcome shares: statutory 4 / 5 of 28, corporate 23 / 34 of 174, SEND 24 / 14 of 54 upheld / partly. */
const OUTCOMES: Record<Procedure, Weights<string>> = {
  STAT: [
    ['UP', 4],
    ['PU', 5],
    ['NU', 14],
    ['WD', 5],
  ],
  CORP: [
    ['UP', 23],
    ['PU', 34],
    ['NU', 96],
    ['WD', 21],
  ],
  SEND: [
    ['UP', 24],
    ['PU', 14],
    ['NU', 12],
    ['WD', 4],
  ],
};
const LATER_STAGE_OUTCOMES: Weights<string> = [
  ['UP', 15],
  ['PU', 30],
  ['NU', 50],
  ['WD', 5],
];

/** Issue categories by procedure, in the proportions the annual report's charts show. */
const ISSUES: Record<Procedure, Weights<string>> = {
  STAT: [
    ['QOS', 12],
    ['COM', 5],
    ['SBH', 5],
    ['DEL', 3],
    ['DEC', 3],
    ['CON', 2],
    ['FIN', 1],
    ['POL', 1],
    ['INF', 1],
    ['PLC', 1],
  ],
  CORP: [
    ['SBH', 43],
    ['COM', 38],
    ['SAT', 23],
    ['QOS', 21],
    ['DEC', 15],
    ['DEL', 14],
    ['CON', 12],
    ['INF', 10],
    ['POL', 8],
    ['FIN', 6],
    ['PLC', 4],
    ['TRN', 3],
    ['TRP', 2],
    ['OTH', 3],
  ],
  SEND: [
    ['EHC', 17],
    ['COM', 10],
    ['QOS', 9],
    ['DEL', 6],
    ['DEC', 5],
    ['TRP', 4],
    ['FIN', 2],
    ['POL', 2],
    ['SBH', 1],
  ],
};
/** Issues per complaint: mostly one (the report: 33 issues for 28 statutory complaints, 202 for 174 corporate). */
const ISSUE_COUNT: Weights<number> = [
  [1, 82],
  [2, 14],
  [3, 4],
];

/** Which service areas (sql/seeds/teams.csv) each kind of record is about. The seed has no SEND team: the
 * Disability Service is the nearest, so SEND complaints go there. */
const AREA_WEIGHTS: Record<Procedure | 'compliment' | 'comment', Readonly<Record<string, number>>> = {
  STAT: { Assessment: 3, 'Case Management': 4, CLA: 4, 'Leaving Care': 2, Disability: 1.5, MASH: 0.5, EDT: 0.2 },
  CORP: { Assessment: 3, 'Case Management': 3, CLA: 2, 'Leaving Care': 1, Disability: 1, MASH: 2, EDT: 0.7 },
  SEND: { Disability: 1 },
  compliment: { Assessment: 2, 'Case Management': 3, CLA: 3, 'Leaving Care': 2, Disability: 2, MASH: 1.5, EDT: 0.5 },
  comment: { Assessment: 2, 'Case Management': 2, CLA: 2, 'Leaving Care': 1, Disability: 3.5, MASH: 1.5, EDT: 0.5 },
};
/** 14 of the 202 statutory and corporate complaints came from young people; statutory ones far more often. */
const YOUNG_PERSON: Record<Procedure, number> = { STAT: 0.18, CORP: 0.05, SEND: 0.02 };

/** Share answered within the normal timescale, then within the extended one (statutory only). */
const ON_TIME: Record<Procedure, { normal: number; extended: number }> = {
  STAT: { normal: 0.5, extended: 0.8 },
  CORP: { normal: 0.66, extended: 0.66 },
  SEND: { normal: 0.6, extended: 0.6 },
};
/** How many working days past the timescale the late ones are. */
const LATE_BY: Weights<readonly [number, number]> = [
  [[1, 5], 50],
  [[6, 15], 35],
  [[16, 30], 15],
];
/** Chance a dissatisfied complainant escalates to the next stage (2 stage 2s and 1 stage 3 in 2019/20). */
const ESCALATE_TO_2: Record<Procedure, number> = { STAT: 0.15, CORP: 0.01, SEND: 0.03 };
const ESCALATE_TO_3 = 0.6;
/** Chance a complaint ends at the Ombudsman (2 social-care and 3 SEND cases in 2019/20). */
const TO_OMBUDSMAN: Record<Procedure, number> = { STAT: 0.04, CORP: 0.008, SEND: 0.07 };
const OMBUDSMAN_DECISIONS: Record<'social' | 'SEND', Weights<string>> = {
  social: [
    ['UMI', 2],
    ['UMN', 1],
    ['NU', 3],
    ['CIE', 3],
    ['PREM', 1],
    ['ADV', 0.5],
    ['INV', 0.5],
  ],
  SEND: [
    ['UMI', 6],
    ['UMN', 1],
    ['NU', 1],
    ['CIE', 1],
  ],
};
const COMMENT_CATEGORIES: Weights<string> = [
  ['Contact arrangements', 4],
  ['Request for information', 3],
  ['Communication', 3],
  ['Quality of service', 2],
  ['Suggestion', 2],
  ['EHC plan process', 3],
  ['Other', 2],
];

export interface DemoIssue {
  id: string;
  category: string;
  outcome: string | null;
}

export interface DemoComplaint {
  ref: string;
  received: IsoDate;
  procedure: Procedure;
  stage: 1 | 2 | 3;
  escalatedFrom: DemoComplaint | null;
  team: string;
  serviceArea: string;
  outcome: string | null;
  response: IsoDate | null;
  extension: boolean;
  youngPerson: boolean;
  issues: DemoIssue[];
}

export interface DemoOmbudsmanCase {
  ref: string;
  complaint: DemoComplaint | null;
  procedure: Procedure;
  received: IsoDate;
  decisionDate: IsoDate | null;
  decision: string | null;
}

export interface DemoCompliment {
  ref: string;
  received: IsoDate;
  team: string;
  serviceArea: string;
}

export interface DemoComment {
  ref: string;
  received: IsoDate;
  team: string;
  category: string;
  response: IsoDate | null;
}

export interface ComplaintsActivity {
  complaints: DemoComplaint[];
  ombudsmanCases: DemoOmbudsmanCase[];
  compliments: DemoCompliment[];
  comments: DemoComment[];
}

export interface ComplaintsOptions {
  from: IsoDate;
  to: IsoDate;
  scale: number;
  calendar: WorkingCalendar;
}

interface Team {
  name: string;
  area: string;
}

/** Teams weighted so each service area gets its share however many teams it has. */
function teamWeights(teams: readonly Team[], areaWeights: Readonly<Record<string, number>>): Weights<Team> {
  const perArea = new Map<string, number>();
  for (const t of teams) perArea.set(t.area, (perArea.get(t.area) ?? 0) + 1);
  const weighted = teams.map((t) => [t, (areaWeights[t.area] ?? 0) / perArea.get(t.area)!] as const);
  // A renamed seed with none of the expected areas still gets complaints, spread evenly.
  return weighted.some(([, w]) => w > 0) ? weighted : teams.map((t) => [t, 1] as const);
}

/** Draw n distinct values by weight. */
function pickDistinct<T>(r: Random, weights: Weights<T>, n: number): T[] {
  const left = [...weights];
  const out: T[] = [];
  while (out.length < n && left.length > 0) {
    const v = pick(r, left);
    out.push(v);
    left.splice(
      left.findIndex(([x]) => x === v),
      1,
    );
  }
  return out;
}

export function generateComplaintsActivity(r: Random, opts: ComplaintsOptions): ComplaintsActivity {
  const { calendar, scale } = opts;
  const teams: Team[] = readSeed('teams').map((t) => ({ name: t.team_name!, area: t.service_area! }));
  const teamsFor = Object.fromEntries(
    Object.entries(AREA_WEIGHTS).map(([k, w]) => [k, teamWeights(teams, w)]),
  ) as Record<keyof typeof AREA_WEIGHTS, Weights<Team>>;
  const timescales = new Map(
    readSeed('complaints/complaint_procedures').map((p) => [
      p.procedure_code!,
      {
        due: Number(p.stage_1_due_working_days),
        extended: Number(p.stage_1_extended_due_working_days || p.stage_1_due_working_days),
      },
    ]),
  );

  const complaints: DemoComplaint[] = [];
  const ombudsman: DemoOmbudsmanCase[] = [];
  const compliments: DemoCompliment[] = [];
  const comments: DemoComment[] = [];
  const known = (d: IsoDate | null): IsoDate | null => (d !== null && d <= opts.to ? d : null);

  /** Working days to respond: most within the timescale, a tail of late ones. */
  const responseDays = (p: Procedure): { days: number; extension: boolean } => {
    const t = timescales.get(p) ?? { due: 20, extended: 20 };
    const x = r();
    if (x < ON_TIME[p].normal) return { days: int(r, 2, t.due), extension: false };
    if (x < ON_TIME[p].extended) return { days: int(r, t.due + 1, t.extended), extension: r() < 0.85 };
    const [lo, hi] = pick(r, LATE_BY);
    return { days: t.extended + int(r, lo, hi), extension: p === 'STAT' ? r() < 0.5 : r() < 0.1 };
  };

  const issuesFor = (p: Procedure, outcome: string | null, categories?: readonly string[]): DemoIssue[] => {
    const cats = categories ?? pickDistinct(r, ISSUES[p], pick(r, ISSUE_COUNT));
    return cats.map((category, i) => {
      let o = outcome;
      // A partly upheld complaint upholds some issues and not others; an upheld one may not uphold every issue.
      if (outcome === 'PU' && i > 0)
        o = pick(r, [
          ['UP', 3],
          ['PU', 3],
          ['NU', 4],
        ] as const);
      if (outcome === 'UP' && i > 0)
        o = pick(r, [
          ['UP', 6],
          ['PU', 2],
          ['NU', 2],
        ] as const);
      return { id: '', category, outcome: o };
    });
  };

  /** Decide a record: its outcome and response date as at the end of the period (open ones have neither). */
  const decide = (c: DemoComplaint, outcome: string, days: number): void => {
    const withdrawnSilently = outcome === 'WD' && r() < 0.65; // withdrawn before any response was sent
    const planned = calendar.addWorkingDays(c.received, days);
    if (planned > opts.to) return; // still open when the export was taken
    c.outcome = outcome;
    c.response = withdrawnSilently ? null : planned;
    if (withdrawnSilently) c.extension = false; // nothing was answered, late or not
  };

  const escalate = (from: DemoComplaint, stage: 2 | 3): DemoComplaint | null => {
    const received = calendar.addWorkingDays(from.response!, int(r, 3, 20));
    if (received > opts.to) return null;
    const c: DemoComplaint = {
      ...from,
      ref: '',
      received,
      stage,
      escalatedFrom: from,
      outcome: null,
      response: null,
      extension: false,
      issues: [],
    };
    // Stage 2: 25 working days (statutory, extendable to 65) or 20 (corporate, SEND); stage 3: a panel within 30.
    const due = stage === 3 ? 30 : from.procedure === 'STAT' ? 25 : 20;
    const onTime = r() < 0.7;
    const days = onTime ? int(r, 10, due) : due + int(r, 1, 30);
    c.extension = !onTime && from.procedure === 'STAT' && stage === 2;
    const outcome = pick(r, LATER_STAGE_OUTCOMES);
    decide(c, outcome, days);
    c.issues = issuesFor(
      c.procedure,
      c.outcome,
      from.issues.map((i) => i.category),
    );
    complaints.push(c);
    return c;
  };

  const toOmbudsman = (last: DemoComplaint): void => {
    if (!last.response || last.outcome === 'WD' || r() >= TO_OMBUDSMAN[last.procedure]) return;
    const received = calendar.rollForward(addDays(last.response, int(r, 14, 90)));
    if (received > opts.to) return;
    const decisionDate = known(calendar.rollForward(addDays(received, int(r, 30, 200))));
    const decision = decisionDate ? pick(r, OMBUDSMAN_DECISIONS[last.procedure === 'SEND' ? 'SEND' : 'social']) : null;
    ombudsman.push({ ref: '', complaint: last, procedure: last.procedure, received, decisionDate, decision });
  };

  // Each year's counts are the annual report's (scaled); the days they fall on are random, mostly working days.
  const dayWeight = (d: IsoDate) => (calendar.isWorkingDay(d) ? 1 : OFF_DAY_WEIGHT);
  const quota = (perYear: number) => yearlyQuotaDates(r, perYear * scale, opts.from, opts.to, dayWeight);
  const arrivals = (Object.keys(ANNUAL_COMPLAINTS) as Procedure[])
    .flatMap((p) => quota(ANNUAL_COMPLAINTS[p]).map((d) => ({ d, p })))
    .sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : 0));

  for (const { d, p } of arrivals) {
    const team = pick(r, teamsFor[p]);
    const c: DemoComplaint = {
      ref: '',
      received: d,
      procedure: p,
      stage: 1,
      escalatedFrom: null,
      team: team.name,
      serviceArea: team.area,
      outcome: null,
      response: null,
      extension: false,
      youngPerson: r() < YOUNG_PERSON[p],
      issues: [],
    };
    const { days, extension } = responseDays(p);
    c.extension = extension;
    decide(c, pick(r, OUTCOMES[p]), days);
    c.issues = issuesFor(p, c.outcome);
    complaints.push(c);
    // Dissatisfied complainants may go on to stage 2 (and, under the statutory procedure, a stage 3 panel).
    let last = c;
    if (c.response && (c.outcome === 'NU' || c.outcome === 'PU') && r() < ESCALATE_TO_2[p]) {
      const s2 = escalate(c, 2);
      if (s2) last = s2;
      if (s2?.response && p === 'STAT' && (s2.outcome === 'NU' || s2.outcome === 'PU') && r() < ESCALATE_TO_3)
        last = escalate(s2, 3) ?? last;
    }
    toOmbudsman(last);
  }
  for (const d of quota(ANNUAL_COMPLIMENTS)) {
    const team = pick(r, teamsFor.compliment);
    compliments.push({ ref: '', received: d, team: team.name, serviceArea: team.area });
  }
  for (const d of quota(ANNUAL_COMMENTS)) {
    const team = pick(r, teamsFor.comment);
    const days = r() < 0.85 ? int(r, 3, 15) : int(r, 16, 40);
    comments.push({
      ref: '',
      received: d,
      team: team.name,
      category: pick(r, COMMENT_CATEGORIES),
      response: known(calendar.addWorkingDays(d, days)),
    });
  }
  // A few people go straight to the Ombudsman, who sends most of them back to the council first.
  for (let d = opts.from; d <= opts.to; d = addDays(d, 1)) {
    if (!calendar.isWorkingDay(d)) continue;
    for (let n = poisson(r, (ANNUAL_DIRECT_OMBUDSMAN * scale) / 253); n > 0; n--) {
      const decisionDate = known(calendar.rollForward(addDays(d, int(r, 10, 40))));
      ombudsman.push({
        ref: '',
        complaint: null,
        procedure: pick(r, [
          ['CORP', 3],
          ['STAT', 1],
          ['SEND', 2],
        ] as const),
        received: d,
        decisionDate,
        decision: decisionDate
          ? pick(r, [
              ['PREM', 3],
              ['CIE', 1],
            ] as const)
          : null,
      });
    }
  }

  // References are given in the order records were received, numbered within each financial year.
  complaints.sort((a, b) => (a.received < b.received ? -1 : a.received > b.received ? 1 : 0));
  numberByYear(complaints, 'CS');
  let issueSeq = 0;
  for (const c of complaints) for (const i of c.issues) i.id = `CI${String(++issueSeq).padStart(6, '0')}`;
  numberByYear(compliments, 'CP');
  numberByYear(comments, 'CM');
  ombudsman.sort((a, b) => (a.received < b.received ? -1 : a.received > b.received ? 1 : 0));
  const used = new Set<string>();
  for (const o of ombudsman) {
    // The Ombudsman's own style: two-digit year, then a six-digit case number in two groups.
    do
      o.ref = `${o.received.slice(2, 4)} ${String(int(r, 0, 999)).padStart(3, '0')} ${String(int(r, 0, 999)).padStart(3, '0')}`;
    while (used.has(o.ref));
    used.add(o.ref);
  }
  return { complaints, ombudsmanCases: ombudsman, compliments, comments };
}

/** CS-19-0001 ...: prefix, financial year it was received in, number within that year. */
function numberByYear(records: Array<{ ref: string; received: IsoDate }>, prefix: string): void {
  const seq = new Map<string, number>();
  for (const x of records) {
    const fy = financialYear(x.received).slice(2, 4);
    const n = (seq.get(fy) ?? 0) + 1;
    seq.set(fy, n);
    x.ref = `${prefix}-${fy}-${String(n).padStart(4, '0')}`;
  }
}
