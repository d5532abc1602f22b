// `csp demo`: writes a synthetic council's exports into a folder, as the council's systems would drop them.
import { mkdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import type { IsoDate } from '../../core/calendar/dates.js';
import { demoAsAt } from './file-times.js';
import { writeComplaintsDemo } from './complaints.js';
import { CsvWriter } from './csv-writer.js';
import { CONTACTS_FILE, EXPORTS, type DemoFile } from './exports.js';
import { renderedShards } from './shard-pool.js';

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

export const DEMO_DEFAULTS: Omit<DemoOptions, 'out'> = {
  seed: 2020,
  scale: 1,
  from: '2019-04-01',
  to: '2021-03-31',
  faultRate: 0.002,
};

export { demoAsAt };

/**
 * Writes the case-management exports shard by shard (shard-pool.ts): every file stays open while each shard's rows
 * are appended in shard order, so memory is a few shards' whatever the scale. A scale of 1 or less is one shard,
 * written exactly as before sharding.
 */
export async function writeDemo(opts: DemoOptions): Promise<DemoFile[]> {
  const dir = path.join(opts.out, 'case-management');
  mkdirSync(dir, { recursive: true });
  const asAt = demoAsAt(opts.to);
  const specs = [CONTACTS_FILE, ...Object.values(EXPORTS)];
  const outs = specs.map((s) => ({
    file: path.join(dir, s.file),
    entity: s.entity,
    writer: new CsvWriter(path.join(dir, s.file), s.header),
    faults: 0,
  }));
  for await (const shard of renderedShards(opts)) {
    for (const [i, part] of shard.entries()) {
      await outs[i]!.writer.append(part.text, part.rows);
      outs[i]!.faults += part.faults;
    }
  }
  const files: DemoFile[] = [];
  for (const o of outs) {
    await o.writer.close();
    utimesSync(o.file, asAt, asAt);
    files.push({ file: o.file, entity: o.entity, rows: o.writer.rows, faults: o.faults });
  }
  files.push(...(await writeComplaintsDemo(opts)));
  return files;
}
