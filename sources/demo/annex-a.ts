// A synthetic Ofsted ILACS Annex A workbook made from the demo simulation, as messy as real ones: sheet names that
// vary, a title row above each header, list letters before values ("b) Female"), Excel serial dates beside real
// date cells, fractional ages, #N/A, non-breaking and trailing spaces in headers, and curly quotes.
import { utimesSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { addDays, daysBetween, fromIsoDate, type IsoDate } from '../../core/calendar/dates.js';
import { readSeed } from '../lib/seed-codes.js';
import type { DemoContact } from './contacts.js';
import type { Journeys } from './journeys.js';
import { ageOn, type ChildRegister, type DemoChild } from './people.js';
import { int, type Random } from './random.js';

export interface AnnexASim {
  contacts: readonly DemoContact[];
  people: ChildRegister;
  journeys: Journeys;
}

export interface AnnexAOptions {
  /** When the workbook was produced (also its file time, which the pipeline reports as "data as at"). */
  asAt: Date;
  /** The 12 months the lists cover. */
  from: IsoDate;
  to: IsoDate;
  random: Random;
  /** Share of List 1 rows whose contact date is #N/A (rejected on landing, as in real returns). Default 1 in 2,000. */
  faultRate?: number;
  /** The shard's ID tag (shards.ts), so adopters' IDs differ between shards; '' or absent for an unsharded council. */
  idTag?: string;
}

export interface AnnexASheetSummary {
  sheet: string;
  rows: number;
  /** Rows given a deliberate fault (a #N/A contact date on List 1). */
  faults: number;
}

const NBSP = '\u00a0';
const ETHNIC_ORDER = [
  'WBRI',
  'WIRI',
  'WIRT',
  'WOTH',
  'WROM',
  'MWBC',
  'MWBA',
  'MWAS',
  'MOTH',
  'AIND',
  'APKN',
  'ABAN',
  'AOTH',
  'BCRB',
  'BAFR',
  'BOTH',
  'CHNE',
  'OOTH',
  'REFU',
  'NOBT',
];
const letter = (i: number) => String.fromCharCode(97 + i);
const yesNo = (b: boolean | null | undefined) => (b === null || b === undefined ? null : b ? 'a) Yes' : 'b) No');
const overlaps = (start: IsoDate, end: IsoDate | null, from: IsoDate, to: IsoDate) =>
  start <= to && (end === null || end >= from);
const within = (d: IsoDate | null | undefined, from: IsoDate, to: IsoDate) => !!d && d >= from && d <= to;

/** One list's sheet from one shard of the council: its rows, and how many were spoiled on purpose. */
export interface AnnexASheet {
  name: string;
  title: string;
  headers: string[];
  rows: ExcelJS.CellValue[][];
  faults: number;
}

/** Writes the Annex A workbook and returns each list sheet with its row count. */
export async function writeAnnexA(file: string, sim: AnnexASim, o: AnnexAOptions): Promise<AnnexASheetSummary[]> {
  return writeAnnexAWorkbook(file, [annexASheets(sim, o)], o);
}

/** The workbook from every shard's sheets (annexASheets, same lists in the same order): each list's rows shard by shard. */
export async function writeAnnexAWorkbook(
  file: string,
  shards: readonly AnnexASheet[][],
  o: Pick<AnnexAOptions, 'asAt' | 'from' | 'to'>,
): Promise<AnnexASheetSummary[]> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'csp demo';
  const cover = wb.addWorksheet('Cover');
  cover.addRow(['Ofsted ILACS Annex A']);
  cover.addRow([`Lists for the 12 months ${o.from} to ${o.to}`]);
  cover.addRow(['Synthetic demonstration data: no real child is described.']);
  const summary: AnnexASheetSummary[] = [];
  for (const [i, first] of (shards[0] ?? []).entries()) {
    const parts = shards.map((s) => s[i]!);
    const rows = parts.reduce((n, p) => n + p.rows.length, 0);
    if (rows === 0) continue; // a list with nothing in it is left out, as councils do
    const ws = wb.addWorksheet(first.name);
    ws.addRow([first.title]);
    ws.addRow([]);
    ws.addRow(first.headers);
    for (const p of parts) for (const row of p.rows) ws.addRow(row);
    summary.push({ sheet: first.name, rows, faults: parts.reduce((n, p) => n + p.faults, 0) });
  }
  await wb.xlsx.writeFile(file);
  utimesSync(file, o.asAt, o.asAt);
  return summary;
}

/** Every list's rows for one shard of the council (empty lists included), drawing `o.random` in list order. */
export function annexASheets(sim: AnnexASim, o: AnnexAOptions): AnnexASheet[] {
  const r = o.random;
  const faultRate = o.faultRate ?? 0.0005;
  const asAtDay = o.asAt.toISOString().slice(0, 10);
  const labels = (seed: string) => new Map(readSeed(seed).map((x) => [x.code!, x.label!]));
  const sourceSeed = new Map(readSeed('contact_sources').map((s) => [s.source_code!, s]));
  const legal = labels('dfe/cla_legal_status');
  const place = labels('dfe/cla_placement_types');
  const need = labels('dfe/category_of_need');
  const activity = labels('dfe/care_leaver_activity');
  const accom = labels('dfe/care_leaver_accommodation');

  // Dates are written three ways, as councils' macros and copy-pastes leave them.
  const dateCell = (d: IsoDate | null | undefined): ExcelJS.CellValue => {
    if (!d) return null;
    const k = r();
    if (k < 0.6) return fromIsoDate(d);
    if (k < 0.85) return daysBetween('1899-12-30', d); // an Excel serial left as a number
    return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  };
  const na = <T>(v: T, rate = 0.01): T | string => (r() < rate ? '#N/A' : v);
  const fractionalAge = (dob: IsoDate) => Math.floor((daysBetween(dob, asAtDay) / 365.25) * 10) / 10;
  const child = (id: string, on: IsoDate): DemoChild => sim.people.ensure(id, on);
  const childCells = (c: DemoChild): ExcelJS.CellValue[] => [
    c.id,
    c.sex === '1' ? 'a) Male' : 'b) Female',
    na(`${letter(Math.max(0, ETHNIC_ORDER.indexOf(c.ethnicity)))}) ${c.ethnicity}`),
    dateCell(c.dob),
    c.dob > asAtDay ? null : fractionalAge(c.dob),
  ];
  const CHILD_HEADERS = ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)'];
  const disability = (c: DemoChild) => (c.disability ? 'a) Yes' : 'b) No');

  const sheets: AnnexASheet[] = [];
  const faulty = new Map<string, number>(); // rows spoiled on purpose, by sheet
  const sheet = (name: string, title: string, headers: string[], rows: ExcelJS.CellValue[][]) =>
    sheets.push({ name, title, headers, rows, faults: faulty.get(name) ?? 0 });

  // ---- List 1: contacts ----
  const contacts = sim.contacts.filter((c) => within(c.contactAt.slice(0, 10), o.from, o.to));
  sheet(
    'List 1 - Contacts',
    `Annex A List 1: Contacts ${o.from} to ${o.to}`,
    [
      `Child Unique ID${NBSP}`,
      'Gender ',
      'Ethnicity',
      'Date of Birth',
      `Age of Child (Years)${NBSP}`,
      'Date of Contact ',
      'Contact Source',
    ],
    contacts.map((c) => {
      const s = sourceSeed.get(c.sourceCode)!;
      const day = c.contactAt.slice(0, 10);
      const spoil = r() < faultRate;
      if (spoil) faulty.set('List 1 - Contacts', (faulty.get('List 1 - Contacts') ?? 0) + 1);
      return [
        ...childCells(child(c.childId, day)),
        spoil ? '#N/A' : dateCell(day),
        `${s.annex_a_letter}) ${c.sourceCode}: ${s.source_label}`,
      ];
    }),
  );

  // ---- List 2: early help (contacts passed to early help) ----
  const earlyHelp = contacts.filter((c) => c.outcome === 'EH' && c.decisionAt);
  sheet(
    'L2 Early Help',
    'Annex A List 2: Early Help',
    [...CHILD_HEADERS, 'Assessment start date', 'Assessment completion date', 'Organisation completing assessment'],
    earlyHelp.map((c) => {
      const start = c.decisionAt!.slice(0, 10);
      const done = addDays(start, int(r, 20, 70));
      return [
        ...childCells(child(c.childId, start)),
        dateCell(start),
        done <= asAtDay ? dateCell(done) : null,
        r() < 0.7 ? 'Early Help Hub' : 'School',
      ];
    }),
  );

  // ---- List 3: referrals ----
  const j = sim.journeys;
  const referrals = j.referrals.filter((x) => within(x.date, o.from, o.to));
  const referralCount = (childId: string, date: IsoDate) =>
    j.referrals.filter((x) => x.childId === childId && x.date < date && x.date >= addDays(date, -365)).length;
  sheet(
    'List 3 Referrals',
    'Annex A List 3: Referrals',
    [
      ...CHILD_HEADERS,
      'Date of referral',
      'Referral Source',
      'Referral NFA?',
      'Number of Referrals in Last 12 Months',
      'Allocated Team',
      'Allocated Worker',
    ],
    referrals.map((x) => {
      const s = sourceSeed.get(x.source);
      const team = j.assessments.find((a) => a.referralId === x.id)?.team ?? null;
      return [
        ...childCells(child(x.childId, x.date)),
        dateCell(x.date),
        s ? `${s.annex_a_letter}) ${x.source}: ${s.source_label}` : x.source,
        yesNo(x.nfa),
        referralCount(x.childId, x.date),
        team,
        team ? `W${int(r, 100, 199)}` : null,
      ];
    }),
  );

  // ---- List 4: assessments (started in the year, or still open) ----
  const assessments = j.assessments.filter((a) => overlaps(a.start, a.authorised, o.from, o.to));
  sheet(
    'L4 Assessments',
    'Annex A List 4: Assessments',
    [
      ...CHILD_HEADERS,
      'Does the Child have a Disability',
      'Continuous Assessment Start Date',
      'Child Seen During Continuous Assessment',
      'Continuous Assessment Date of Authorisation',
      "Was the child assessed as requiring LA children's social care support?",
      'Allocated Team',
      'Allocated Worker',
    ],
    assessments.map((a) => {
      const c = child(a.childId, a.start);
      const outcome = a.outcome === null ? null : a.outcome === 'NFA' || a.outcome === 'EH' ? 'b) No' : 'a) Yes';
      return [
        ...childCells(c),
        disability(c),
        dateCell(a.start),
        r() < 0.97 ? 'a) Yes' : 'b) No',
        dateCell(a.authorised),
        outcome,
        a.team,
        `W${int(r, 100, 199)}`,
      ];
    }),
  );

  // ---- List 5: section 47 enquiries ----
  const s47s = j.s47s.filter((s) => within(s.start, o.from, o.to));
  sheet(
    'List 5 - S47',
    'Annex A List 5: Section 47 enquiries and ICPCs',
    [
      ...CHILD_HEADERS,
      'Does the Child have a Disability',
      'Strategy discussion initiating Section 47 Enquiry Start Date',
      'Was an Initial Child Protection Conference deemed unnecessary?',
      'Date of Initial Child Protection Conference',
      'Did the Initial Child Protection Conference Result in a Child Protection Plan',
      'Number of Section 47 Enquiries in the last 12 months',
      'Number of ICPCs in the last 12 months',
      'Allocated Team',
      'Allocated Worker',
    ],
    s47s.map((s) => {
      const c = child(s.childId, s.start);
      const before = j.s47s.filter(
        (x) => x.childId === s.childId && x.start <= s.start && x.start > addDays(s.start, -365),
      );
      return [
        ...childCells(c),
        disability(c),
        dateCell(s.start),
        yesNo(!s.icpcRequired),
        dateCell(s.icpc),
        s.icpc ? yesNo(j.cpPlans.some((p) => p.s47Id === s.id)) : null,
        before.length,
        before.filter((x) => x.icpc).length,
        'Assessment Team 1',
        `W${int(r, 100, 199)}`,
      ];
    }),
  );

  // ---- List 6: children in need (case-managed periods open in the year) ----
  const cin = j.periods.filter(
    (p) =>
      (p.serviceArea === 'Case Management' || p.serviceArea === 'Disability') && overlaps(p.start, p.end, o.from, o.to),
  );
  sheet(
    'List 6 CIN',
    'Annex A List 6: Children in Need',
    [
      ...CHILD_HEADERS,
      'Does the Child have a Disability',
      'CIN Start Date',
      'Primary Need Code',
      'Date Child Was Last Seen',
      'CIN Closure Date',
      'Reason for Closure',
      'Case Status',
      'Allocated Team',
      'Allocated Worker',
    ],
    cin.map((p) => {
      const c = child(p.childId, p.start);
      const n = j.referrals.find((x) => x.childId === p.childId)?.need ?? 'N1';
      const closed = p.end !== null && p.end <= o.to;
      const seen = addDays(closed ? p.end! : o.to, -int(r, 1, 40));
      return [
        ...childCells(c),
        disability(c),
        dateCell(p.start),
        `${n} - ${need.get(n) ?? ''}`,
        dateCell(seen < p.start ? p.start : seen),
        closed ? dateCell(p.end) : null,
        closed ? 'RC7 - Services ceased for any other reason, including child no longer in need' : null,
        closed ? 'e) Closed episode' : 'c) Child in need plan',
        p.serviceArea === 'Disability' ? 'Disability Service' : 'Case Management 1',
        `W${int(r, 100, 199)}`,
      ];
    }),
  );

  // ---- List 7: child protection plans ----
  const abuse: Record<string, string> = {
    NEG: 'a) Neglect',
    PHY: 'b) Physical abuse',
    SAB: 'c) Sexual abuse',
    EMO: 'd) Emotional abuse',
    MUL: 'e) Multiple/not recommended',
  };
  const plans = j.cpPlans.filter((p) => overlaps(p.start, p.end, o.from, o.to));
  sheet(
    'L7 CP',
    'Annex A List 7: Child Protection',
    [
      ...CHILD_HEADERS,
      'Does the Child have a Disability',
      'Child Protection Plan Start Date',
      'Initial Category of Abuse',
      'Latest Category of Abuse',
      'Date of the Last Statutory Visit',
      'Was the Child Seen Alone?',
      'Date of latest review conference',
      'Child Protection Plan End Date',
      'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)',
      'Number of Previous Child Protection Plans',
      'Allocated Team',
      'Allocated Worker',
    ],
    plans.map((p) => {
      const c = child(p.childId, p.start);
      const ended = p.end !== null && p.end <= o.to;
      const review = j.cpReviews.filter((x) => x.parentId === p.id && x.date <= o.to).at(-1)?.date ?? null;
      const previous = j.cpPlans.filter((x) => x.childId === p.childId && x.start < p.start).length;
      return [
        ...childCells(c),
        disability(c),
        dateCell(p.start),
        abuse[p.category] ?? p.category,
        abuse[p.category] ?? p.category,
        dateCell(addDays(ended ? p.end! : o.to, -int(r, 1, 12))),
        r() < 0.8 ? 'a) Yes' : 'c) Unknown',
        dateCell(review),
        ended ? dateCell(p.end) : null,
        'b) No',
        previous,
        'Case Management 2',
        `W${int(r, 100, 199)}`,
      ];
    }),
  );

  // ---- List 8: children in care (one row per child: their latest episode in the year) ----
  const latestEpisode = new Map<string, Journeys['episodes'][number]>();
  for (const e of j.episodes)
    if (
      overlaps(e.start, e.end, o.from, o.to) &&
      e.start <= o.to &&
      (latestEpisode.get(e.childId)?.start ?? '') < e.start
    )
      latestEpisode.set(e.childId, e);
  const periodStart = (e: Journeys['episodes'][number]) => {
    let start = e.start;
    for (
      let prev = j.episodes.find((x) => x.childId === e.childId && x.end === start);
      prev;
      prev = j.episodes.find((x) => x.childId === e.childId && x.end === start && x.start < start)
    )
      start = prev.start;
    return start;
  };
  const perm: Record<string, string> = {
    RTF: 'a) Return to family',
    ADOP: 'b) Adoption',
    SGO: 'c) SGO/CAO',
    CAO: 'c) SGO/CAO',
    INDL: 'd) Supported living in the community',
    RES: 'e) Long-term residential placement',
    LTFC: 'f) Long-term fostering',
    OTH: 'g) Other',
  };
  sheet(
    'List 8 - CLA',
    'Annex A List 8: Children in Care',
    [
      ...CHILD_HEADERS,
      'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)',
      'Does the Child have a Disability',
      'Date Started to be Looked After',
      'Child\u2019s Category of Need',
      'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)',
      'Start date of current legal status',
      'Child\u2019s Legal Status',
      'Date of Latest Statutory Review',
      'Date of Last Social Work Visit',
      'What is the permanence plan for this child?',
      'Number of Placements in the Last 12 months',
      'Date Ceased to be Looked After',
      'Reason Ceased to be Looked After',
      'Start Date of Most Recent Placement',
      'Placement Type',
      'Number of Episodes the Child has been \u2018Missing\u2019 from their Placement in the last 12 months',
      'Allocated Team',
      'Allocated Worker',
    ],
    [...latestEpisode.values()].map((e) => {
      const c = child(e.childId, e.start);
      const started = periodStart(e);
      const ended = e.end !== null && e.end <= o.to;
      const review = j.claReviews.filter((x) => x.parentId === e.id && x.date <= o.to).at(-1)?.date ?? null;
      const plan = j.permPlans.filter((x) => x.childId === e.childId && x.date <= o.to).at(-1)?.type ?? null;
      const placements = j.episodes.filter((x) => x.childId === e.childId && within(x.start, o.from, o.to)).length;
      const missing = j.missing.filter(
        (m) => m.lookedAfter && m.childId === e.childId && within(m.start.slice(0, 10), o.from, o.to),
      ).length;
      return [
        ...childCells(c),
        yesNo(c.uasc),
        disability(c),
        dateCell(started),
        `${e.cin} - ${need.get(e.cin) ?? ''}`,
        'b) No',
        dateCell(e.start),
        `${e.ls}: ${legal.get(e.ls) ?? ''}`,
        dateCell(review),
        dateCell(addDays(ended ? e.end! : o.to, -int(r, 1, 40))),
        plan ? na(perm[plan] ?? 'g) Other', 0.02) : null,
        Math.max(1, placements),
        ended ? dateCell(e.end) : null,
        ended && e.rec ? e.rec : null,
        dateCell(e.start),
        `${e.place}: ${(place.get(e.place) ?? '').replace(/'/g, '\u2019')}`,
        missing,
        'Children in Care 1',
        `W${int(r, 100, 199)}`,
      ];
    }),
  );

  // ---- List 9: care leavers (current version), from the latest keeping-in-touch record in the year ----
  const latestCl = new Map<string, Journeys['clContacts'][number]>();
  for (const x of j.clContacts)
    if (within(x.date, o.from, o.to) && (latestCl.get(x.childId)?.date ?? '') < x.date) latestCl.set(x.childId, x);
  const inTouch: Record<string, string> = {
    YES: 'a) Yes',
    NO: 'b) No',
    DIED: 'c) Died',
    REFU: 'd) Refu',
    NREQ: 'e) NREQ',
    RHOM: 'f) Rhom',
  };
  sheet(
    'List 9 Care Leavers',
    'Annex A List 9: Care Leavers',
    [
      ...CHILD_HEADERS,
      'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)',
      'Does the Child have a Disability',
      'Allocated Team',
      'Allocated Worker',
      'Allocated Personal Advisor ',
      'Eligibility Category',
      'Latest Pathway Plan Review Date',
      'LA in Touch',
      'Latest Date of Contact',
      'Type of Accommodation',
      'Suitability of Accommodation',
      'Activity Status',
    ],
    [...latestCl.values()].map((x) => {
      const c = child(x.childId, x.date);
      const age = ageOn(c.dob, x.date);
      const a = x.activity && x.activity !== '0' ? `${x.activity}: ${activity.get(x.activity) ?? ''}` : null;
      const acc = x.accom && x.accom !== '0' ? `${x.accom}: ${accom.get(x.accom) ?? ''}` : null;
      return [
        ...childCells(c),
        yesNo(c.uasc),
        disability(c),
        'Leaving Care',
        `W${int(r, 100, 199)}`,
        `PA${int(r, 1, 30)}`,
        age >= 18 ? 'b) Former relevant child' : 'a) Relevant child',
        dateCell(addDays(x.date, -int(r, 0, 150))),
        inTouch[x.inTouch] ?? x.inTouch,
        dateCell(x.date),
        acc,
        acc && x.suitable !== null ? (x.suitable ? 'a) Suitable' : 'b) Unsuitable') : null,
        a,
      ];
    }),
  );

  // ---- List 10: adoption ----
  const firstEntry = (childId: string) =>
    j.episodes
      .filter((e) => e.childId === childId)
      .map((e) => e.start)
      .sort()[0] ?? null;
  const adoptions = j.adoptions.filter((x) => x.adm <= o.to && (x.order === null || x.order >= o.from));
  sheet(
    'L10 Adoption',
    'Annex A List 10: Adoption',
    [
      CHILD_HEADERS[0]!,
      'Family identifier',
      ...CHILD_HEADERS.slice(1),
      'Does the Child have a Disability',
      'Date the Child Entered Care',
      'Date of Decision that Child Should be Placed for Adoption',
      'Date of Placement Order',
      'Date of Matching Child and Prospective Adopters',
      'Date Placed for Adoption',
      'Date of Adoption Order',
      'Date of Decision that Child Should No Longer be Placed for Adoption',
      'Reason Why Child No Longer Placed for Adoption',
      'Date the child was placed for fostering in FFA or concurrent planning placement',
    ],
    adoptions.flatMap((x) => {
      const entered = firstEntry(x.childId);
      if (!entered || entered > x.adm) return [];
      const c = child(x.childId, x.adm);
      const [id, ...rest] = childCells(c);
      const known = (d: IsoDate | null) => (d && d <= o.to ? dateCell(d) : null);
      return [
        [
          id,
          `F${x.childId.slice(1)}`,
          ...rest,
          disability(c),
          dateCell(entered),
          dateCell(x.adm),
          known(addDays(x.adm, int(r, 20, 90))),
          known(x.matched),
          known(x.placed),
          known(x.order),
          null,
          null,
          null,
        ],
      ];
    }),
  );

  // ---- List 11: adopters (one approved household per matched child) ----
  const matched = j.adoptions.filter((x) => x.matched && x.matched <= o.to && x.matched >= addDays(o.from, -365));
  sheet(
    'List 11 Adopters',
    'Annex A List 11: Adopters',
    [
      'Individual adopter identifier',
      'Family identifier',
      'Gender',
      'Ethnicity',
      'Disability',
      'Is the (prospective) adopter fostering for adoption?',
      'Date enquiry received',
      'Date Stage 1 started',
      'Date Stage 1 ended',
      'Date Stage 2 started',
      'Date Stage 2 ended',
      'Date application submitted',
      'Date application approved',
      'Date adopter matched with child(ren)',
      'Date child/children placed with adopter(s)',
      'No. of children placed',
      'Date of Adoption Order',
      'Date of leaving adoption process',
      'Reason for leaving adoption process',
    ],
    matched.map((x, i) => {
      const approved = addDays(x.matched!, -int(r, 30, 150));
      const enquiry = addDays(approved, -int(r, 150, 240));
      const s1 = addDays(enquiry, int(r, 7, 30));
      const s2 = addDays(s1, int(r, 60, 70));
      const known = (d: IsoDate | null) => (d && d <= o.to ? dateCell(d) : null);
      return [
        `AD${o.idTag ?? ''}${1000 + i}`,
        `AF${o.idTag ?? ''}${1000 + i}`,
        r() < 0.5 ? 'a) Male' : 'b) Female',
        'a) WBRI',
        'b) No',
        r() < 0.1 ? 'a) Yes' : 'b) No',
        dateCell(enquiry),
        dateCell(s1),
        dateCell(addDays(s2, -1)),
        dateCell(s2),
        dateCell(addDays(approved, -7)),
        dateCell(addDays(s2, 14)),
        dateCell(approved),
        dateCell(x.matched),
        known(x.placed),
        x.placed && x.placed <= o.to ? 1 : null,
        known(x.order),
        null,
        null,
      ];
    }),
  );

  return sheets;
}
