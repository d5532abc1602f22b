// `csp demo`: writes a synthetic council's exports into a folder, as the council's systems would drop them.
import { mkdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import type { IsoDate } from '../../core/calendar/dates.js';
import { demoAsAt } from './file-times.js';
import { writeComplaintsDemo } from './complaints.js';
import { CsvWriter, ukDateTime } from './csv-writer.js';
import { EXPORTS, writeExport, type DemoFile } from './exports.js';
import { rng, type Random } from './random.js';
import { simulate, type Simulation } from './simulate.js';

export type { DemoFile };

export interface DemoOptions {
  out: string;
  seed: number;
  scale: number;
  from: IsoDate;
  to: IsoDate;
  /** Share of rows given a realistic data-quality fault (0 turns them off). */
  faultRate: number;
}

export const DEMO_DEFAULTS: Omit<DemoOptions, 'out'> = { seed: 2020, scale: 1, from: '2019-04-01', to: '2021-03-31', faultRate: 0.002 };

export { demoAsAt };

export async function writeDemo(opts: DemoOptions, sim: Simulation = simulate(opts)): Promise<DemoFile[]> {
  const dir = path.join(opts.out, 'case-management');
  mkdirSync(dir, { recursive: true });
  const faults = rng(opts.seed ^ 0x5eed);

  const file = path.join(dir, 'contacts.csv');
  const w = new CsvWriter(file, ['Contact ID', 'Child ID', 'Contact Date', 'Contact Source', 'Receiving Team', 'Open Case', 'Domestic Abuse Notification', 'Decision Date', 'Contact Outcome']);
  let faulty = 0;
  for (const c of sim.contacts) {
    const row = [c.contactId, c.childId, ukDateTime(c.contactAt), `${c.sourceCode} - ${c.sourceLabel}`, c.receivingTeam, c.openCase ? 'Y' : 'N', c.domesticAbuse ? 'Y' : 'N', ukDateTime(c.decisionAt), c.outcome];
    if (opts.faultRate > 0 && faults() < opts.faultRate) {
      injectFault(faults, row);
      faulty++;
    }
    await w.write(row);
  }
  await w.close();
  const asAt = demoAsAt(opts.to);
  utimesSync(file, asAt, asAt);
  const files: DemoFile[] = [{ file, entity: 'contacts', rows: w.rows, faults: faulty }];

  const { people, journeys: j, staff } = sim;
  const out = { faults, faultRate: opts.faultRate, asAt };
  const write = <T>(s: Parameters<typeof writeExport<T>>[1], items: Iterable<T>) => writeExport(dir, s, items, out);
  files.push(
    await write(EXPORTS.children, people.children.values()),
    await write(EXPORTS.referrals, j.referrals),
    await write(EXPORTS.assessments, j.assessments),
    await write(EXPORTS.s47, j.s47s),
    await write(EXPORTS.cpPlans, j.cpPlans),
    await write(EXPORTS.coreGroups, j.coreGroups),
    await write(EXPORTS.cpReviews, j.cpReviews),
    await write(EXPORTS.episodes, j.episodes),
    await write(EXPORTS.claReviews, j.claReviews),
    await write(EXPORTS.permPlans, j.permPlans),
    await write(EXPORTS.adoptions, j.adoptions),
    await write(EXPORTS.sgoAssessments, j.sgoAssessments),
    await write(EXPORTS.missing, j.missing),
    await write(EXPORTS.clContacts, j.clContacts),
    await write(EXPORTS.workers, staff.workers),
    await write(EXPORTS.allocations, staff.allocations),
    await write(EXPORTS.supervisions, staff.supervisions),
  );
  files.push(...(await writeComplaintsDemo(opts)));
  return files;
}

/** The faults real exports have: impossible dates, missing IDs, codes from an old list, typing slips. */
function injectFault(r: Random, row: (string | null)[]): void {
  const kind = Math.floor(r() * 5);
  if (kind === 0) row[2] = (row[2] ?? '').replace(/^\d\d\/\d\d/, '31/02');
  else if (kind === 1) row[1] = '';
  else if (kind === 2) row[3] = '12 - Voluntary sector';
  else if (kind === 3) row[5] = '#N/A';
  else row[7] = '01/01/2019 09:00';
}
