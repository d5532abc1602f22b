// `csp demo`: writes a synthetic council's exports into a folder, as the council's systems would drop them.
import { mkdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { WorkingCalendar } from '../../pipelines/calendar/working-days.js';
import { addDays, type IsoDate } from '../../pipelines/calendar/dates.js';
import { generateContacts } from './contacts.js';
import { CsvWriter, ukDateTime } from './csv-writer.js';
import { rng, type Random } from './random.js';

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

export interface DemoFile {
  file: string;
  entity: string;
  rows: number;
  faults: number;
}

/** The exports are "taken" at 07:00 the morning after the period ends; file times say so (data as at). */
export const demoAsAt = (to: IsoDate): Date => new Date(`${addDays(to, 1)}T07:00:00Z`);

export async function writeDemo(opts: DemoOptions): Promise<DemoFile[]> {
  const dir = path.join(opts.out, 'case-management');
  mkdirSync(dir, { recursive: true });
  const calendar = WorkingCalendar.englandAndWales();
  const r = rng(opts.seed);
  const faults = rng(opts.seed ^ 0x5eed);

  const file = path.join(dir, 'contacts.csv');
  const w = new CsvWriter(file, ['Contact ID', 'Child ID', 'Contact Date', 'Contact Source', 'Receiving Team', 'Open Case', 'Domestic Abuse Notification', 'Decision Date', 'Contact Outcome']);
  let faulty = 0;
  for (const c of generateContacts(r, { from: opts.from, to: opts.to, asAt: opts.to, scale: opts.scale, calendar })) {
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
  return [{ file, entity: 'contacts', rows: w.rows, faults: faulty }];
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
