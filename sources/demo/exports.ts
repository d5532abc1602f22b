// How each demo entity is written as a council export: its file, headers (the contract's own) and row shape,
// and which cells a data-quality fault may spoil.
import { utimesSync } from 'node:fs';
import path from 'node:path';
import { CsvWriter, ukDateTime } from './csv-writer.js';
import type { AdoptionMilestones, Assessment, ClContact, CpPlan, Dated, Episode, Missing, PermPlan, Referral, S47, SgoAssessment } from './journeys.js';
import type { DemoChild } from './people.js';
import type { Random } from './random.js';
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
  children: spec<DemoChild>({ file: 'children.csv', entity: 'children', header: ['Child ID', 'Date of Birth', 'Sex', 'Ethnicity', 'Disability', 'UASC'], row: (c) => [c.id, d(c.dob), c.sex === '1' ? '1 - Male' : '2 - Female', c.ethnicity, yn(c.disability), yn(c.uasc)], faultable: { required: 0, date: 1 } }),
  referrals: spec<Referral>({ file: 'referrals.csv', entity: 'referrals', header: ['Referral ID', 'Child ID', 'Referral Date', 'Referral Source', 'Originating Contact ID', 'Primary Need', 'Referral NFA'], row: (x) => [x.id, x.childId, d(x.date), x.source, x.contactId, x.need, yn(x.nfa)], faultable: { required: 1, date: 2 } }),
  assessments: spec<Assessment>({ file: 'assessments.csv', entity: 'assessments', header: ['Assessment ID', 'Child ID', 'Referral ID', 'Assessment Start Date', 'Assessment Authorised Date', 'Assessment Outcome', 'Team', 'Worker ID'], row: (x) => [x.id, x.childId, x.referralId, d(x.start), d(x.authorised), x.outcome, x.team, null], faultable: { required: 1, date: 3 } }),
  s47: spec<S47>({ file: 's47-enquiries.csv', entity: 's47_enquiries', header: ['S47 ID', 'Child ID', 'Referral ID', 'S47 Start Date', 'ICPC Required', 'ICPC Date'], row: (x) => [x.id, x.childId, x.referralId, d(x.start), yn(x.icpcRequired), d(x.icpc)], faultable: { required: 1, date: 3 } }),
  cpPlans: spec<CpPlan>({ file: 'cp-plans.csv', entity: 'cp_plans', header: ['CP Plan ID', 'Child ID', 'CP Plan Start Date', 'CP Plan End Date', 'Category of Abuse', 'S47 ID'], row: (x) => [x.id, x.childId, d(x.start), d(x.end), x.category, x.s47Id], faultable: { required: 1, date: 2 } }),
  coreGroups: spec<Dated>({ file: 'cp-core-groups.csv', entity: 'cp_core_groups', header: ['Core Group ID', 'CP Plan ID', 'Core Group Date'], row: (x) => [x.id, x.parentId, d(x.date)], faultable: { required: 1, date: 2 } }),
  cpReviews: spec<Dated>({ file: 'cp-reviews.csv', entity: 'cp_reviews', header: ['CP Review ID', 'CP Plan ID', 'CP Review Date'], row: (x) => [x.id, x.parentId, d(x.date)], faultable: { required: 1, date: 2 } }),
  episodes: spec<Episode>({ file: 'cla-episodes.csv', entity: 'cla_episodes', header: ['Episode ID', 'Child ID', 'Episode Start Date', 'Reason New Episode', 'Legal Status', 'Category of Need', 'Placement Type', 'Episode End Date', 'Reason Episode Ceased'], row: (x) => [x.id, x.childId, d(x.start), x.rne, x.ls, x.cin, x.place, d(x.end), x.rec], faultable: { required: 1, date: 2 } }),
  claReviews: spec<Dated>({ file: 'cla-reviews.csv', entity: 'cla_reviews', header: ['CLA Review ID', 'Child ID', 'CLA Review Date'], row: (x) => [x.id, x.parentId, d(x.date)], faultable: { required: 1, date: 2 } }),
  permPlans: spec<PermPlan>({ file: 'permanence-plans.csv', entity: 'permanence_plans', header: ['Permanence Plan ID', 'Child ID', 'Permanence Plan', 'Date Plan Recorded'], row: (x) => [x.id, x.childId, x.type, d(x.date)], faultable: { required: 1, date: 3 } }),
  adoptions: spec<AdoptionMilestones>({ file: 'adoption-milestones.csv', entity: 'adoption_milestones', header: ['Child ID', 'ADM Decision Date', 'Matched Date', 'Placed for Adoption Date', 'Adoption Order Date'], row: (x) => [x.childId, d(x.adm), d(x.matched), d(x.placed), d(x.order)], faultable: { required: 0, date: 1 } }),
  sgoAssessments: spec<SgoAssessment>({ file: 'sgo-assessments.csv', entity: 'sgo_assessments', header: ['SGO Assessment ID', 'Child ID', 'SGO Assessment Start Date', 'SGO Assessment Completed Date'], row: (x) => [x.id, x.childId, d(x.start), d(x.completed)], faultable: { required: 1, date: 2 } }),
  missing: spec<Missing>({ file: 'missing-episodes.csv', entity: 'missing_episodes', header: ['Missing Episode ID', 'Child ID', 'Missing or Away', 'Missing Start', 'Missing End', 'Return Interview Offered', 'Return Interview Offered Date', 'Return Interview Accepted'], row: (x) => [x.id, x.childId, x.type, d(x.start), d(x.end), yn(x.offered), d(x.offeredAt), yn(x.accepted)], faultable: { required: 1, date: 3 } }),
  clContacts: spec<ClContact>({ file: 'care-leaver-contacts.csv', entity: 'care_leaver_contacts', header: ['Care Leaver Contact ID', 'Child ID', 'Care Leaver Contact Date', 'In Touch', 'Main Activity', 'Accommodation', 'Accommodation Suitable'], row: (x) => [x.id, x.childId, d(x.date), x.inTouch, x.activity, x.accom, yn(x.suitable)], faultable: { required: 1, date: 2 } }),
  workers: spec<Worker>({ file: 'workers.csv', entity: 'workers', header: ['Worker ID', 'Team', 'Role', 'FTE', 'Employment Type', 'Start Date', 'Leave Date'], row: (x) => [x.id, x.team, x.role, String(x.fte), x.employment, d(x.start), d(x.leave)], faultable: { required: 1, date: 5 } }),
  allocations: spec<Allocation>({ file: 'case-allocations.csv', entity: 'case_allocations', header: ['Allocation ID', 'Child ID', 'Worker ID', 'Team', 'Allocation Start Date', 'Allocation End Date'], row: (x) => [x.id, x.childId, x.workerId, x.team, d(x.start), d(x.end)], faultable: { required: 2, date: 4 } }),
  supervisions: spec<Supervision>({ file: 'case-supervisions.csv', entity: 'case_supervisions', header: ['Supervision ID', 'Child ID', 'Worker ID', 'Supervisor ID', 'Supervision Date'], row: (x) => [x.id, x.childId, x.workerId, x.supervisorId, d(x.date)], faultable: { required: 1, date: 4 } }),
};

/** Write one export; a share of rows (faultRate) gets a blank required cell or an impossible date. */
export async function writeExport<T>(dir: string, s: ExportSpec<T>, items: Iterable<T>, o: { faults: Random; faultRate: number; asAt: Date }): Promise<DemoFile> {
  const file = path.join(dir, s.file);
  const w = new CsvWriter(file, s.header);
  let faults = 0;
  for (const item of items) {
    const row = s.row(item);
    if (o.faultRate > 0 && o.faults() < o.faultRate) {
      faults++;
      if (o.faults() < 0.5) row[s.faultable.required] = '';
      else row[s.faultable.date] = '31/02/2020';
    }
    await w.write(row);
  }
  await w.close();
  utimesSync(file, o.asAt, o.asAt);
  return { file, entity: s.entity, rows: w.rows, faults };
}
