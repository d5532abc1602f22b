// `csp demo --returns`: the same simulated council as `csp demo`, written as the statutory returns alone (no
// case-management export): the SSDA903 CSV set and the CIN census XML for the last collection year (1 April to
// the period end), with a few realistic faults. The 903 Header and Episodes hold the council's whole 903 history
// (as councils keep it, so care leavers' earlier care can be recognised); the other tables hold the year.
import { createWriteStream, mkdirSync, utimesSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { addDays, type IsoDate } from '../../core/calendar/dates.js';
import { CsvWriter, ukDateTime } from './csv-writer.js';
import type { DemoFile } from './exports.js';
import { demoAsAt } from './file-times.js';
import type { ClContact, Episode } from './journeys.js';
import { ageOn, birthday } from './people.js';
import { rng, type Random } from './random.js';
import { simulateShards, type Simulation } from './simulate.js';
import { annexASheets, writeAnnexAWorkbook, type AnnexASheet } from './annex-a.js';
import type { DemoOptions } from './write-demo.js';
import { collectionYearOf, validIn, type CollectionYear } from '../../core/calendar/collection-year.js';
import { readSeed } from '../lib/seed-codes.js';

/** The return's code for a warehouse sex code in `year` (903 SEX 1/2 until 2023/24, M/F from 2024/25; the census likewise). */
function returnSex(list: 'ssda903_sex' | 'cin_sex', sex: string, year: CollectionYear): string {
  const row = readSeed('dfe/return_codes').find(
    (c) =>
      c.list === list && c.warehouse_code === sex && validIn({ validFrom: c.valid_from, validTo: c.valid_to }, year),
  );
  return row?.code ?? sex;
}

/** Placement codes the DfE retired, as the demo's return of a later year writes them (H5 became K3, supported accommodation). */
const returnPlace = (place: string, year: CollectionYear): string =>
  place === 'H5' && year >= '2025/26' ? 'K3' : place;

const d = ukDateTime;

/** 1 April that starts the collection year holding `to`. */
export function collectionYearStart(to: IsoDate): IsoDate {
  const y = Number(to.slice(0, 4));
  return to.slice(5) >= '04-01' ? `${y}-04-01` : `${y - 1}-04-01`;
}

const overlaps = (start: IsoDate, end: IsoDate | null, from: IsoDate, to: IsoDate) =>
  start <= to && (end === null || end >= from);
const provider = (place: string) => (/^[UA]/.test(place) ? 'PR1' : place === 'P1' ? 'PR0' : 'PR4');

interface Writer {
  dir: string;
  /** Files opened so far, in the order first written: each stays open while every shard's rows are appended. */
  open: Map<string, { file: string; entity: string; writer: CsvWriter; faults: number }>;
  /** The shard's fault stream. */
  faults: Random;
  faultRate: number;
}

async function csv(
  w: Writer,
  file: string,
  entity: string,
  header: string[],
  items: Iterable<(string | null)[]>,
  spoil?: (row: (string | null)[]) => void,
): Promise<void> {
  for (const row of items) {
    let out = w.open.get(file);
    if (!out) {
      // Opened at its first row: a return has no file for a table with nothing in it.
      const full = path.join(w.dir, file);
      out = { file: full, entity, writer: new CsvWriter(full, header), faults: 0 };
      w.open.set(file, out);
    }
    // A few rows per file get a fault a return really has (a mistyped date, an end before its start).
    if (spoil && w.faultRate > 0 && w.faults() < w.faultRate * 5) {
      spoil(row);
      out.faults++;
    }
    await out.writer.write(row);
  }
}

/** Care leavers as the DfE defines them, from the episodes: left care aged 16+ after 13 weeks or more. */
function careLeavers(sim: Simulation, to: IsoDate): Map<string, IsoDate> {
  const byChild = new Map<string, Episode[]>();
  for (const e of sim.journeys.episodes)
    if (e.start <= to) byChild.set(e.childId, [...(byChild.get(e.childId) ?? []), e]);
  const leavers = new Map<string, IsoDate>();
  for (const [childId, eps] of byChild) {
    eps.sort((a, b) => a.start.localeCompare(b.start));
    let periodStart: IsoDate | null = null;
    for (const e of eps) {
      if (e.rne === 'S' || periodStart === null) periodStart = e.start;
      if (e.end && e.end <= to && e.rec && e.rec !== 'X1') {
        const dob = sim.people.children.get(childId)!.dob;
        const shortBreaks = e.ls === 'V3' || e.ls === 'V4';
        if (
          !shortBreaks &&
          ageOn(dob, e.end) >= 16 &&
          addDays(periodStart, 91) <= e.end &&
          !['E2', 'E3', 'E11', 'E12'].includes(e.rec)
        )
          leavers.set(childId, e.end);
        periodStart = null;
      }
    }
  }
  return leavers;
}

/** OC3: each care leaver whose 17th to 21st birthday falls in the year, as at that birthday (latest contact). */
function* oc3Rows(sim: Simulation, from: IsoDate, to: IsoDate): Generator<(string | null)[]> {
  const contacts = new Map<string, ClContact[]>();
  for (const c of sim.journeys.clContacts) contacts.set(c.childId, [...(contacts.get(c.childId) ?? []), c]);
  for (const [childId, left] of careLeavers(sim, to)) {
    const dob = sim.people.children.get(childId)!.dob;
    for (const age of [17, 18, 19, 20, 21]) {
      const day = birthday(dob, age);
      if (day < from || day > to || day < left) continue;
      const latest = (contacts.get(childId) ?? [])
        .filter((c) => c.date <= day)
        .sort((a, b) => b.date.localeCompare(a.date))[0];
      if (!latest || latest.inTouch === 'NO') yield [childId, d(dob), 'NO', null, null];
      else if (latest.inTouch === 'RHOM') yield [childId, d(dob), 'RHOM', '0', '0'];
      else
        yield [
          childId,
          d(dob),
          latest.inTouch,
          latest.activity,
          latest.accom ? `${latest.accom}${latest.suitable === false ? '2' : '1'}` : null,
        ];
    }
  }
}

export async function writeReturnsDemo(
  opts: DemoOptions,
  sims: Iterable<Simulation> = simulateShards(opts),
): Promise<DemoFile[]> {
  const to = opts.to;
  const from = collectionYearStart(to);
  const asAt = demoAsAt(to);
  const dir903 = path.join(opts.out, 'ssda903');
  mkdirSync(dir903, { recursive: true });
  const w: Writer = { dir: dir903, open: new Map(), faults: rng(opts.seed ^ 0x903), faultRate: opts.faultRate };
  const cinFile = path.join(opts.out, 'cin-census.xml');
  const cin = new CinCensusWriter(cinFile, to);
  // Annex A's lists are gathered from every shard and written as one workbook at the end (held in memory).
  const annexSheets: AnnexASheet[][] = [];
  const annexOpts = { asAt, from, to, faultRate: opts.faultRate > 0 ? 0.0005 : 0 };
  for (const sim of sims) {
    // Each shard draws its own streams, seeded as an unsharded council's are from --seed (shards.ts).
    w.faults = rng(sim.shard.seed ^ 0x903);
    await write903Shard(w, sim, from, to);
    await cin.addShard(sim, from, to, rng(sim.shard.seed ^ 0xc1), opts.faultRate);
    annexSheets.push(annexASheets(sim, { ...annexOpts, random: rng(sim.shard.seed ^ 0xa4), idTag: sim.shard.tag }));
  }
  const files: DemoFile[] = [];
  for (const out of w.open.values()) {
    await out.writer.close();
    utimesSync(out.file, asAt, asAt);
    files.push({ file: out.file, entity: out.entity, rows: out.writer.rows, faults: out.faults });
  }
  await cin.close();
  utimesSync(cinFile, asAt, asAt);
  files.push({ file: cinFile, entity: 'cin census', rows: cin.children, faults: cin.faults });

  // Ofsted Annex A for an inspection on the as-at date: the lists cover the 12 months before it.
  const annexA = path.join(opts.out, 'annex-a.xlsx');
  const sheets = await writeAnnexAWorkbook(annexA, annexSheets, annexOpts);
  files.push({
    file: annexA,
    entity: 'ofsted annex a',
    rows: sheets.reduce((n, s) => n + s.rows, 0),
    faults: sheets.reduce((n, s) => n + s.faults, 0),
  });
  return files;
}

/** One shard's rows of the SSDA903 files. */
async function write903Shard(w: Writer, sim: Simulation, from: IsoDate, to: IsoDate): Promise<void> {
  const { people, journeys: j } = sim;
  const episodes = j.episodes
    .filter((e) => e.start <= to)
    .sort((a, b) => a.childId.localeCompare(b.childId) || a.start.localeCompare(b.start));
  const looked = new Set(episodes.map((e) => e.childId));
  const inYear = new Set(episodes.filter((e) => overlaps(e.start, e.end, from, to)).map((e) => e.childId));
  const child = (id: string) => people.children.get(id)!;
  const year = collectionYearOf(to);

  await csv(
    w,
    'header.csv',
    'ssda903 header',
    ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
    [...looked].map((id) => [
      id,
      returnSex('ssda903_sex', child(id).sex, year),
      d(child(id).dob),
      child(id).ethnicity,
      null,
      null,
      null,
    ]),
  );
  // One row breaks a DfE validation rule on purpose (903 rule 148: REC given, DEC blank), for the return-readiness
  // checks: an episode followed by another (REC X1), so the period of care is the same whether the row lands or not.
  // One in the whole return: the first shard's.
  const recWithoutDec =
    w.faultRate > 0 && sim.shard.index === 0
      ? episodes.findIndex((e) => e.end !== null && e.end >= from && e.rec === 'X1')
      : -1;
  await csv(
    w,
    'episodes.csv',
    'ssda903 episodes',
    [
      'CHILD',
      'DECOM',
      'RNE',
      'LS',
      'CIN',
      'PLACE',
      'PLACE_PROVIDER',
      'DEC',
      'REC',
      'REASON_PLACE_CHANGE',
      'HOME_POST',
      'PL_POST',
      'URN',
    ],
    episodes.map((e, i) => [
      e.childId,
      d(e.start),
      e.rne,
      e.ls,
      e.cin,
      returnPlace(e.place, year),
      provider(e.place),
      i === recWithoutDec ? null : d(e.end),
      e.rec,
      null,
      null,
      null,
      null,
    ]),
  );
  await csv(
    w,
    'reviews.csv',
    'ssda903 reviews',
    ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
    j.claReviews
      .filter((r) => r.date >= from && r.date <= to && inYear.has(r.parentId))
      .map((r) => [
        r.parentId,
        d(child(r.parentId).dob),
        d(r.date),
        ageOn(child(r.parentId).dob, r.date) < 4 ? 'PN0' : 'PN1',
      ]),
    (row) => (row[2] = (row[2] ?? '').replace(/^\d\d\/\d\d/, '31/02')),
  );
  await csv(w, 'oc3.csv', 'ssda903 oc3', ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'], oc3Rows(sim, from, to));
  const adopted = j.adoptions.filter((a) => a.order !== null && a.order >= from && a.order <= to);
  await csv(
    w,
    'ad1.csv',
    'ssda903 ad1',
    ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
    adopted
      .filter((a) => a.matched !== null)
      .map((a) => [a.childId, d(child(a.childId).dob), d(a.adm), d(a.matched), '0', '2', 'MF', 'L11']),
  );
  await csv(
    w,
    'placed-adoption.csv',
    'ssda903 placed_adoption',
    ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
    j.adoptions
      .filter((a) => a.adm <= to && (a.order === null || a.order >= from))
      .map((a) => [
        a.childId,
        d(child(a.childId).dob),
        d(a.adm),
        d(a.order && a.order <= to ? a.order : null),
        a.order && a.order <= to ? 'RD1' : null,
      ]),
  );
  await csv(
    w,
    'missing.csv',
    'ssda903 missing',
    ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
    j.missing
      .filter((m) => m.lookedAfter && m.start.slice(0, 10) >= from && m.start.slice(0, 10) <= to)
      .map((m) => [
        m.childId,
        d(child(m.childId).dob),
        m.type === 'AWAY' ? 'A' : 'M',
        d(m.start.slice(0, 10)),
        d(m.end?.slice(0, 10) ?? null),
      ]),
    (row) => {
      row[4] = d(addDays(`${row[3]!.slice(6)}-${row[3]!.slice(3, 5)}-${row[3]!.slice(0, 2)}`, -2)); // back before going
    },
  );
  await csv(
    w,
    'uasc.csv',
    'ssda903 uasc',
    ['CHILD', 'SEX', 'DOB', 'DUC'],
    [...inYear]
      .filter((id) => child(id).uasc)
      .map((id) => [
        id,
        returnSex('ssda903_sex', child(id).sex, year),
        d(child(id).dob),
        d(birthday(child(id).dob, 18)),
      ]),
  );
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const el = (name: string, value: string | null | undefined) =>
  value === null || value === undefined || value === '' ? `<${name}/>` : `<${name}>${esc(value)}</${name}>`;

/** CIN census XML (COLLECT layout), written shard by shard: every referral in the year, or whose assessment or plan was open in it. */
class CinCensusWriter {
  private readonly out: WriteStream;
  private readonly year: CollectionYear;
  children = 0;
  faults = 0;
  constructor(file: string, to: IsoDate) {
    this.out = createWriteStream(file);
    this.year = collectionYearOf(to);
    this.out.write(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<Message>',
        `<Header><CollectionDetails><Collection>CIN</Collection><Year>${to.slice(0, 4)}</Year><ReferenceDate>${to}</ReferenceDate></CollectionDetails>` +
          `<Source><SourceLevel>L</SourceLevel><LEA>999</LEA><SoftwareCode>Local Authority</SoftwareCode><Release>csp demo</Release><SerialNo>001</SerialNo><DateTime>${addDays(to, 1)}T07:00:00</DateTime></Source></Header>`,
        '<Children>',
      ].join('\n') + '\n',
    );
  }

  async addShard(sim: Simulation, from: IsoDate, to: IsoDate, faults: Random, faultRate: number): Promise<void> {
    const { text, children, faulty } = cinShardXml(sim, from, to, faults, faultRate, this.year);
    this.children += children;
    this.faults += faulty;
    if (!this.out.write(text)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    this.out.end('</Children>\n</Message>\n');
    await once(this.out, 'finish');
  }
}

/** One shard's children of the CIN census, as XML lines. */
function cinShardXml(
  sim: Simulation,
  from: IsoDate,
  to: IsoDate,
  faults: Random,
  faultRate: number,
  year: CollectionYear,
): { text: string; children: number; faulty: number } {
  const j = sim.journeys;
  const group = <T>(items: T[], key: (x: T) => string | null) => {
    const m = new Map<string, T[]>();
    for (const x of items) {
      const k = key(x);
      if (k !== null) m.set(k, [...(m.get(k) ?? []), x]);
    }
    return m;
  };
  const assessments = group(j.assessments, (a) => a.referralId);
  const s47s = group(j.s47s, (s) => s.referralId);
  const plansByS47 = group(j.cpPlans, (p) => p.s47Id);
  const reviews = group(j.cpReviews, (r) => r.parentId);
  const spoil = () => faultRate > 0 && faults() < faultRate * 5;
  let faulty = 0;
  // One episode of need and one assessment break a DfE validation rule on purpose, for the return-readiness checks:
  // an unknown PrimaryNeedCode (CIN rule 8650) and an assessment authorised the day before it started (rule 8608).
  // One of each in the whole return: the first shard's.
  let unknownNeed = faultRate > 0 && sim.shard.index === 0;
  let authorisedBeforeStart = unknownNeed;

  const planXml = (p: (typeof j.cpPlans)[number]) =>
    `<ChildProtectionPlans>${el('CPPstartDate', p.start)}${el('CPPendDate', p.end)}${el('InitialCategoryOfAbuse', p.category)}${el('LatestCategoryOfAbuse', p.category)}${el('NumberOfPreviousCPP', '0')}` +
    `<Reviews>${(reviews.get(p.id) ?? [])
      .filter((r) => r.date <= to)
      .map((r) => el('CPPreviewDate', r.date))
      .join('')}</Reviews></ChildProtectionPlans>`;

  const details = new Map<string, string[]>();
  const add = (childId: string, xml: string) => details.set(childId, [...(details.get(childId) ?? []), xml]);
  for (const ref of j.referrals) {
    const as = assessments.get(ref.id) ?? [];
    const ss = s47s.get(ref.id) ?? [];
    const plans = ss.flatMap((s) => plansByS47.get(s.id) ?? []);
    const open =
      ref.date >= from ||
      as.some((a) => overlaps(a.start, a.authorised, from, to)) ||
      plans.some((p) => overlaps(p.start, p.end, from, to));
    if (!open || ref.date > to) continue;
    let source = ref.source;
    if (spoil()) {
      source = '12'; // not a DfE code (a local code the export forgot to map)
      faulty++;
    }
    let need: string = ref.need;
    if (unknownNeed && ref.date >= from) {
      need = 'N10'; // the DfE's codes are N0 to N9
      unknownNeed = false;
      faulty++;
    }
    const assessmentXml = as.map((a) => {
      let auth = a.authorised;
      if (auth && spoil()) {
        auth = `${auth.slice(0, 4)}-02-30`; // a date that does not exist
        faulty++;
      } else if (auth && authorisedBeforeStart && a.start >= from) {
        auth = addDays(a.start, -1);
        authorisedBeforeStart = false;
        faulty++;
      }
      return `<Assessments>${el('AssessmentActualStartDate', a.start)}<AssessmentInternalReviewDate/>${el('AssessmentAuthorisationDate', auth)}<FactorsIdentifiedAtAssessment><AssessmentFactors>${ref.need === 'N1' ? '2A' : '21'}</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>`;
    });
    const s47Xml = ss.map(
      (s) =>
        `<Section47>${el('S47ActualStartDate', s.start)}${el('InitialCPCtarget', sim.calendar.addWorkingDays(s.start, 15))}${el('DateOfInitialCPC', s.icpc)}${el('ICPCnotRequired', s.icpcRequired ? 'false' : 'true')}</Section47>`,
    );
    add(
      ref.childId,
      `<CINdetails>${el('CINreferralDate', ref.date)}${el('ReferralSource', source)}${el('PrimaryNeedCode', need)}<CINclosureDate/>${el('ReferralNFA', ref.nfa ? '1' : '0')}` +
        assessmentXml.join('') +
        s47Xml.join('') +
        plans
          .filter((p) => p.start <= to)
          .map(planXml)
          .join('') +
        '</CINdetails>',
    );
  }
  // Plans already running when the period began came from referrals the exports do not hold: the census still
  // lists them, under an episode of need dated six weeks before the plan (synthetic, as the rest).
  for (const p of j.cpPlans.filter((x) => x.s47Id === null && overlaps(x.start, x.end, from, to))) {
    add(
      p.childId,
      `<CINdetails>${el('CINreferralDate', addDays(p.start, -42))}${el('ReferralSource', '5A')}${el('PrimaryNeedCode', 'N1')}<CINclosureDate/>${el('ReferralNFA', '0')}${planXml(p)}</CINdetails>`,
    );
  }

  // GenderCurrent until 2023/24; the element is Sex (M/F/U) from 2024/25.
  const sexElement = year >= '2024/25' ? 'Sex' : 'GenderCurrent';
  const lines: string[] = [];
  for (const [childId, xml] of details) {
    const c = sim.people.children.get(childId)!;
    lines.push(
      `<Child><ChildIdentifiers>${el('LAchildID', childId)}<UPN/>${el('PersonBirthDate', c.dob)}${el(sexElement, returnSex('cin_sex', c.sex, year))}<PersonDeathDate/></ChildIdentifiers>` +
        `<ChildCharacteristics>${el('Ethnicity', c.ethnicity)}<Disabilities>${el('Disability', c.disability ? 'MOB' : 'NONE')}</Disabilities></ChildCharacteristics>`,
    );
    for (const x of xml) lines.push(`  ${x}`);
    lines.push('</Child>');
  }
  return { text: lines.map((l) => `${l}\n`).join(''), children: details.size, faulty };
}
