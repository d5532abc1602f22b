// How each demo entity is written as a council export: its file, headers (the contract's own) and row shape,
// and which cells a data-quality fault may spoil.
import { csvLine, ukDateTime } from './csv-writer.js';
import type {
  AdoptionMilestones,
  Assessment,
  ClContact,
  CpPlan,
  Dated,
  Episode,
  Missing,
  PermPlan,
  Referral,
  S47,
  SgoAssessment,
} from './journeys.js';
import type { DemoChild } from './people.js';
import { rng, type Random } from './random.js';
import type { Simulation } from './simulate.js';
import type { Allocation, Supervision, Worker } from './workforce.js';

type Cell = string | null;
const yn = (b: boolean | null): Cell => (b === null ? null : b ? 'Y' : 'N');
const d = ukDateTime;

export interface ExportSpec<T> {
  file: string;
  entity: string;
  header: readonly string[];
  row: (x: T) => Cell[];
  /** Column indexes a fault may hit: a required text column and a date column. */
  faultable: { required: number; date: number };
}

export interface DemoFile {
  file: string;
  entity: string;
  rows: number;
  faults: number;
}

const spec = <T>(s: ExportSpec<T>) => s;

export const EXPORTS = {
  children: spec<DemoChild>({
    file: 'children.csv',
    entity: 'children',
    header: ['Child ID', 'Date of Birth', 'Sex', 'Ethnicity', 'Disability', 'UASC'],
    row: (c) => [c.id, d(c.dob), c.sex === '1' ? '1 - Male' : '2 - Female', c.ethnicity, yn(c.disability), yn(c.uasc)],
    faultable: { required: 0, date: 1 },
  }),
  referrals: spec<Referral>({
    file: 'referrals.csv',
    entity: 'referrals',
    header: [
      'Referral ID',
      'Child ID',
      'Referral Date',
      'Referral Source',
      'Originating Contact ID',
      'Primary Need',
      'Referral NFA',
    ],
    row: (x) => [x.id, x.childId, d(x.date), x.source, x.contactId, x.need, yn(x.nfa)],
    faultable: { required: 1, date: 2 },
  }),
  assessments: spec<Assessment>({
    file: 'assessments.csv',
    entity: 'assessments',
    header: [
      'Assessment ID',
      'Child ID',
      'Referral ID',
      'Assessment Start Date',
      'Assessment Authorised Date',
      'Assessment Outcome',
      'Team',
      'Worker ID',
    ],
    row: (x) => [x.id, x.childId, x.referralId, d(x.start), d(x.authorised), x.outcome, x.team, null],
    faultable: { required: 1, date: 3 },
  }),
  s47: spec<S47>({
    file: 's47-enquiries.csv',
    entity: 's47_enquiries',
    header: ['S47 ID', 'Child ID', 'Referral ID', 'S47 Start Date', 'ICPC Required', 'ICPC Date'],
    row: (x) => [x.id, x.childId, x.referralId, d(x.start), yn(x.icpcRequired), d(x.icpc)],
    faultable: { required: 1, date: 3 },
  }),
  cpPlans: spec<CpPlan>({
    file: 'cp-plans.csv',
    entity: 'cp_plans',
    header: ['CP Plan ID', 'Child ID', 'CP Plan Start Date', 'CP Plan End Date', 'Category of Abuse', 'S47 ID'],
    row: (x) => [x.id, x.childId, d(x.start), d(x.end), x.category, x.s47Id],
    faultable: { required: 1, date: 2 },
  }),
  coreGroups: spec<Dated>({
    file: 'cp-core-groups.csv',
    entity: 'cp_core_groups',
    header: ['Core Group ID', 'CP Plan ID', 'Core Group Date'],
    row: (x) => [x.id, x.parentId, d(x.date)],
    faultable: { required: 1, date: 2 },
  }),
  cpReviews: spec<Dated>({
    file: 'cp-reviews.csv',
    entity: 'cp_reviews',
    header: ['CP Review ID', 'CP Plan ID', 'CP Review Date'],
    row: (x) => [x.id, x.parentId, d(x.date)],
    faultable: { required: 1, date: 2 },
  }),
  episodes: spec<Episode>({
    file: 'cla-episodes.csv',
    entity: 'cla_episodes',
    header: [
      'Episode ID',
      'Child ID',
      'Episode Start Date',
      'Reason New Episode',
      'Legal Status',
      'Category of Need',
      'Placement Type',
      'Episode End Date',
      'Reason Episode Ceased',
    ],
    row: (x) => [x.id, x.childId, d(x.start), x.rne, x.ls, x.cin, x.place, d(x.end), x.rec],
    faultable: { required: 1, date: 2 },
  }),
  claReviews: spec<Dated>({
    file: 'cla-reviews.csv',
    entity: 'cla_reviews',
    header: ['CLA Review ID', 'Child ID', 'CLA Review Date'],
    row: (x) => [x.id, x.parentId, d(x.date)],
    faultable: { required: 1, date: 2 },
  }),
  permPlans: spec<PermPlan>({
    file: 'permanence-plans.csv',
    entity: 'permanence_plans',
    header: ['Permanence Plan ID', 'Child ID', 'Permanence Plan', 'Date Plan Recorded'],
    row: (x) => [x.id, x.childId, x.type, d(x.date)],
    faultable: { required: 1, date: 3 },
  }),
  adoptions: spec<AdoptionMilestones>({
    file: 'adoption-milestones.csv',
    entity: 'adoption_milestones',
    header: ['Child ID', 'ADM Decision Date', 'Matched Date', 'Placed for Adoption Date', 'Adoption Order Date'],
    row: (x) => [x.childId, d(x.adm), d(x.matched), d(x.placed), d(x.order)],
    faultable: { required: 0, date: 1 },
  }),
  sgoAssessments: spec<SgoAssessment>({
    file: 'sgo-assessments.csv',
    entity: 'sgo_assessments',
    header: ['SGO Assessment ID', 'Child ID', 'SGO Assessment Start Date', 'SGO Assessment Completed Date'],
    row: (x) => [x.id, x.childId, d(x.start), d(x.completed)],
    faultable: { required: 1, date: 2 },
  }),
  missing: spec<Missing>({
    file: 'missing-episodes.csv',
    entity: 'missing_episodes',
    header: [
      'Missing Episode ID',
      'Child ID',
      'Missing or Away',
      'Missing Start',
      'Missing End',
      'Return Interview Offered',
      'Return Interview Offered Date',
      'Return Interview Accepted',
    ],
    row: (x) => [x.id, x.childId, x.type, d(x.start), d(x.end), yn(x.offered), d(x.offeredAt), yn(x.accepted)],
    faultable: { required: 1, date: 3 },
  }),
  clContacts: spec<ClContact>({
    file: 'care-leaver-contacts.csv',
    entity: 'care_leaver_contacts',
    header: [
      'Care Leaver Contact ID',
      'Child ID',
      'Care Leaver Contact Date',
      'In Touch',
      'Main Activity',
      'Accommodation',
      'Accommodation Suitable',
    ],
    row: (x) => [x.id, x.childId, d(x.date), x.inTouch, x.activity, x.accom, yn(x.suitable)],
    faultable: { required: 1, date: 2 },
  }),
  workers: spec<Worker>({
    file: 'workers.csv',
    entity: 'workers',
    header: ['Worker ID', 'Team', 'Role', 'FTE', 'Employment Type', 'Start Date', 'Leave Date'],
    row: (x) => [x.id, x.team, x.role, String(x.fte), x.employment, d(x.start), d(x.leave)],
    faultable: { required: 1, date: 5 },
  }),
  allocations: spec<Allocation>({
    file: 'case-allocations.csv',
    entity: 'case_allocations',
    header: ['Allocation ID', 'Child ID', 'Worker ID', 'Team', 'Allocation Start Date', 'Allocation End Date'],
    row: (x) => [x.id, x.childId, x.workerId, x.team, d(x.start), d(x.end)],
    faultable: { required: 2, date: 4 },
  }),
  supervisions: spec<Supervision>({
    file: 'case-supervisions.csv',
    entity: 'case_supervisions',
    header: ['Supervision ID', 'Child ID', 'Worker ID', 'Supervisor ID', 'Supervision Date'],
    row: (x) => [x.id, x.childId, x.workerId, x.supervisorId, d(x.date)],
    faultable: { required: 1, date: 4 },
  }),
};

/** The contacts export: written first, with its own faults (it is the one the committee appendix counts). */
export const CONTACTS_FILE = {
  file: 'contacts.csv',
  entity: 'contacts',
  header: [
    'Contact ID',
    'Child ID',
    'Contact Date',
    'Contact Source',
    'Receiving Team',
    'Open Case',
    'Domestic Abuse Notification',
    'Decision Date',
    'Contact Outcome',
  ],
} as const;

/** One shard's rows of one export, as CSV text (no header). */
export interface ShardText {
  text: string;
  rows: number;
  faults: number;
}

/**
 * One shard's rows of every case-management export: contacts, then EXPORTS in order, all drawing on the shard's one
 * fault stream in that order (as an unsharded council draws it, so a scale-1 demo is byte for byte as before).
 */
export function renderShard(sim: Simulation, faultRate: number): ShardText[] {
  const faults = rng(sim.shard.seed ^ 0x5eed);
  const contacts: ShardText = { text: '', rows: 0, faults: 0 };
  const lines: string[] = [];
  for (const c of sim.contacts) {
    const row = [
      c.contactId,
      c.childId,
      ukDateTime(c.contactAt),
      `${c.sourceCode} - ${c.sourceLabel}`,
      c.receivingTeam,
      c.openCase ? 'Y' : 'N',
      c.domesticAbuse ? 'Y' : 'N',
      ukDateTime(c.decisionAt),
      c.outcome,
    ];
    if (faultRate > 0 && faults() < faultRate) {
      injectContactFault(faults, row);
      contacts.faults++;
    }
    lines.push(csvLine(row));
  }
  contacts.text = lines.join('');
  contacts.rows = lines.length;
  const { people, journeys: j, staff } = sim;
  const items: { [K in keyof typeof EXPORTS]: Iterable<ExportItem<K>> } = {
    children: people.children.values(),
    referrals: j.referrals,
    assessments: j.assessments,
    s47: j.s47s,
    cpPlans: j.cpPlans,
    coreGroups: j.coreGroups,
    cpReviews: j.cpReviews,
    episodes: j.episodes,
    claReviews: j.claReviews,
    permPlans: j.permPlans,
    adoptions: j.adoptions,
    sgoAssessments: j.sgoAssessments,
    missing: j.missing,
    clContacts: j.clContacts,
    workers: staff.workers,
    allocations: staff.allocations,
    supervisions: staff.supervisions,
  };
  const out = [contacts];
  for (const k of Object.keys(EXPORTS) as (keyof typeof EXPORTS)[])
    out.push(renderExport(EXPORTS[k] as ExportSpec<unknown>, items[k], faults, faultRate));
  return out;
}

type ExportItem<K extends keyof typeof EXPORTS> = (typeof EXPORTS)[K] extends ExportSpec<infer T> ? T : never;

/** A share of rows (faultRate) gets a blank required cell or an impossible date. */
function renderExport<T>(s: ExportSpec<T>, items: Iterable<T>, faults: Random, faultRate: number): ShardText {
  const lines: string[] = [];
  let faulty = 0;
  for (const item of items) {
    const row = s.row(item);
    if (faultRate > 0 && faults() < faultRate) {
      faulty++;
      if (faults() < 0.5) row[s.faultable.required] = '';
      else row[s.faultable.date] = '31/02/2020';
    }
    lines.push(csvLine(row));
  }
  return { text: lines.join(''), rows: lines.length, faults: faulty };
}

/** The faults real exports have: impossible dates, missing IDs, codes from an old list, typing slips. */
function injectContactFault(r: Random, row: (string | null)[]): void {
  const kind = Math.floor(r() * 5);
  if (kind === 0) row[2] = (row[2] ?? '').replace(/^\d\d\/\d\d/, '31/02');
  else if (kind === 1) row[1] = '';
  else if (kind === 2) row[3] = '12 - Voluntary sector';
  else if (kind === 3) row[5] = '#N/A';
  else row[7] = '01/01/2019 09:00';
}
