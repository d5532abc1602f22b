// `csp demo` for the complaints system: writes its five exports into <out>/complaints/ as a Respond or
// iCasework report would drop them (labels rather than codes, dd/mm/yyyy dates, Y/N flags), with the same kind
// of low-rate data-quality faults as the case-management exports. Columns come from the contracts themselves.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { IsoDate } from '../../core/calendar/dates.js';
import { WorkingCalendar } from '../../core/calendar/working-days.js';
import {
  complaintIssueCategories,
  complaintOutcomes,
  complaintProcedures,
  complaintStages,
  ombudsmanDecisions,
} from '../complaints/codes.js';
import { commentsContract } from '../complaints/comments/contract.js';
import { complaintIssuesContract } from '../complaints/complaint-issues/contract.js';
import { complaintsContract } from '../complaints/complaints/contract.js';
import { complimentsContract } from '../complaints/compliments/contract.js';
import { ombudsmanCasesContract } from '../complaints/ombudsman-cases/contract.js';
import type { Contract } from '../lib/contract.js';
import type { CodeEntry } from '../lib/values.js';
import {
  generateComplaintsActivity,
  type DemoComment,
  type DemoComplaint,
  type DemoCompliment,
  type DemoIssue,
  type DemoOmbudsmanCase,
} from './complaints-activity.js';
import { CsvWriter, ukDateTime } from './csv-writer.js';
import type { DemoFile } from './exports.js';
import { stampDataAsAt } from './file-times.js';
import { rng, type Random } from './random.js';
import type { DemoOptions } from './write-demo.js';

/** The same options as the whole demo (write-demo.ts); a type-only import, so no import cycle at run time. */
export type ComplaintsDemoOptions = DemoOptions;

/** One export row, keyed by the contract's field names. */
type Row = Record<string, string | null>;
type Fault = (row: Row) => void;

interface ComplaintsExport<T> {
  file: string;
  contract: Contract;
  row: (x: T) => Row;
  /** The faults this export can suffer; each one makes the row fail its contract, so it is rejected. */
  faults: readonly Fault[];
}

const labeller = (codes: readonly CodeEntry[]) => {
  const labels = new Map(codes.map((c) => [c.code, c.label]));
  return (code: string | null): string | null => (code === null ? null : (labels.get(code) ?? code));
};
const procedure = labeller(complaintProcedures);
const stage = labeller(complaintStages);
const outcome = labeller(complaintOutcomes);
const category = labeller(complaintIssueCategories);
const decision = labeller(ombudsmanDecisions);
const yn = (b: boolean): string => (b ? 'Y' : 'N');
const d = ukDateTime;

/** The faults real exports have: impossible dates, blank required cells, values from an old or local list. */
const impossibleDate =
  (field: string): Fault =>
  (row) =>
    void (row[field] = (row[field] ?? '').replace(/^\d\d\/\d\d/, '31/02'));
const set =
  (field: string, value: string): Fault =>
  (row) =>
    void (row[field] = value);
const PREHISTORIC = '01/01/2000'; // before anything in the demo was received: breaks the "not before" rules

const complaintsExport: ComplaintsExport<DemoComplaint> = {
  file: 'complaints.csv',
  contract: complaintsContract,
  row: (c) => ({
    complaint_reference: c.ref,
    received_date: d(c.received),
    procedure_code: procedure(c.procedure),
    stage_code: stage(String(c.stage)),
    escalated_from: c.escalatedFrom?.ref ?? null,
    team: c.team,
    service_area: c.serviceArea,
    outcome_code: outcome(c.outcome),
    response_date: d(c.response),
    extension_agreed: yn(c.extension),
    complainant_is_young_person: yn(c.youngPerson),
  }),
  faults: [
    impossibleDate('received_date'),
    set('complaint_reference', ''),
    set('procedure_code', 'Informal resolution'),
    set('stage_code', '#N/A'),
    set('outcome_code', 'Resolved'),
    set('response_date', PREHISTORIC),
  ],
};

const issuesExport: ComplaintsExport<{ complaint: DemoComplaint; issue: DemoIssue }> = {
  file: 'complaint-issues.csv',
  contract: complaintIssuesContract,
  row: ({ complaint, issue }) => ({
    issue_id: issue.id,
    complaint_reference: complaint.ref,
    issue_category: category(issue.category),
    issue_outcome: outcome(issue.outcome),
  }),
  faults: [set('issue_category', 'Parking'), set('complaint_reference', ''), set('issue_id', '#N/A')],
};

const ombudsmanExport: ComplaintsExport<DemoOmbudsmanCase> = {
  file: 'ombudsman-cases.csv',
  contract: ombudsmanCasesContract,
  row: (o) => ({
    ombudsman_reference: o.ref,
    complaint_reference: o.complaint?.ref ?? null,
    procedure_code: procedure(o.procedure),
    received_date: d(o.received),
    decision_date: d(o.decisionDate),
    decision_code: decision(o.decision),
  }),
  faults: [
    impossibleDate('received_date'),
    set('ombudsman_reference', ''),
    set('decision_code', 'Partly upheld'),
    set('decision_date', PREHISTORIC),
  ],
};

const complimentsExport: ComplaintsExport<DemoCompliment> = {
  file: 'compliments.csv',
  contract: complimentsContract,
  row: (c) => ({
    compliment_reference: c.ref,
    received_date: d(c.received),
    team: c.team,
    service_area: c.serviceArea,
  }),
  faults: [impossibleDate('received_date'), set('team', ''), set('compliment_reference', '#N/A')],
};

const commentsExport: ComplaintsExport<DemoComment> = {
  file: 'comments.csv',
  contract: commentsContract,
  row: (c) => ({
    comment_reference: c.ref,
    received_date: d(c.received),
    team: c.team,
    comment_category: c.category,
    response_date: d(c.response),
  }),
  faults: [impossibleDate('received_date'), set('comment_category', ''), set('response_date', PREHISTORIC)],
};

async function writeExport<T>(
  dir: string,
  e: ComplaintsExport<T>,
  items: readonly T[],
  o: { faults: Random; faultRate: number; to: IsoDate },
): Promise<DemoFile | null> {
  // The extract rightly fails a header-only file (an export that did not finish), so a short period with
  // nothing to report (no Ombudsman case, say) writes no file at all, as a report scheduled on change would.
  if (items.length === 0) return null;
  const file = path.join(dir, e.file);
  const w = new CsvWriter(
    file,
    e.contract.fields.map((f) => f.header),
  );
  let faulty = 0;
  for (const item of items) {
    const row = e.row(item);
    if (o.faultRate > 0 && o.faults() < o.faultRate) {
      e.faults[Math.floor(o.faults() * e.faults.length)]!(row);
      faulty++;
    }
    await w.write(e.contract.fields.map((f) => row[f.name] ?? null));
  }
  await w.close();
  stampDataAsAt(file, o.to);
  return { file, entity: e.contract.entity, rows: w.rows, faults: faulty };
}

/** Write the complaints system's exports for the period; deterministic for a seed. */
export async function writeComplaintsDemo(opts: ComplaintsDemoOptions): Promise<DemoFile[]> {
  const dir = path.join(opts.out, 'complaints');
  mkdirSync(dir, { recursive: true });
  const activity = generateComplaintsActivity(rng(opts.seed ^ 0xc0a1), {
    from: opts.from,
    to: opts.to,
    scale: opts.scale,
    calendar: WorkingCalendar.englandAndWales(),
  });
  // Faults draw from their own stream, so turning them on or off never changes the underlying data.
  const o = { faults: rng(opts.seed ^ 0xfa17), faultRate: opts.faultRate, to: opts.to };
  const issues = activity.complaints.flatMap((complaint) => complaint.issues.map((issue) => ({ complaint, issue })));
  const files = [
    await writeExport(dir, complaintsExport, activity.complaints, o),
    await writeExport(dir, issuesExport, issues, o),
    await writeExport(dir, ombudsmanExport, activity.ombudsmanCases, o),
    await writeExport(dir, complimentsExport, activity.compliments, o),
    await writeExport(dir, commentsExport, activity.comments, o),
  ];
  return files.filter((f): f is DemoFile => f !== null);
}
