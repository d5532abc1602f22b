// The demo council's end-to-end runs, shared between test files: the case-management demo (test/pipeline.e2e and
// test/ssd.e2e compare against it) and the same council written as SSD tables. Each is made once per `vitest run`
// by whichever test file asks first (a lock folder in the run's shared folder); the others wait for its result.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { csp, type CliResult } from './cli.js';
import { tempDir } from './tmp.js';

export type DemoKind = 'case-management' | 'ssd';

export interface DemoRun {
  /** $CSP_DATA_DIR of the run. */
  data: string;
  /** The folder the demo wrote and the run read. */
  input: string;
  config: string;
  demo: CliResult;
  run: CliResult;
}

/** The meeting and period the committee papers use (29 June 2020, 19 weeks to 14 June 2020). */
export const DEMO_RUN = {
  weeks: 19,
  periodEnd: '2020-06-14',
  compareFrom: '2020-03-23',
  meetingDate: '2020-06-29',
  seed: '7',
  from: '2020-01-06',
  to: '2020-07-05',
} as const;

/** The case-management run's pseudonymisation key: the SSD run is the same installation, so its keys must match. */
const keyFileIn = (base: string): string => path.join(base, 'case-management', 'data', 'secrets', 'pseudonym.key');

async function makeRun(kind: DemoKind, base: string): Promise<DemoRun> {
  const dir = path.join(base, kind);
  const data = path.join(dir, 'data');
  const input = path.join(dir, 'exports');
  const config = path.join(dir, 'csp.config.json');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    config,
    JSON.stringify({
      council: { name: 'Testshire County Council' },
      committee: { name: 'Children and Young People Scrutiny Committee', meetingDate: DEMO_RUN.meetingDate },
      reports: {
        contactActivity: { periodEnd: DEMO_RUN.periodEnd, compareFrom: DEMO_RUN.compareFrom, weeks: DEMO_RUN.weeks },
      },
      // Whichever run starts first makes the key (csp makes it atomically), the other reads it.
      ...(kind === 'ssd' ? { pseudonymisation: { keyFile: keyFileIn(base) } } : {}),
    }),
  );
  const demo = await csp(
    [
      'demo',
      '--out',
      input,
      '--seed',
      DEMO_RUN.seed,
      '--from',
      DEMO_RUN.from,
      '--to',
      DEMO_RUN.to,
      '--no-faults',
      ...(kind === 'ssd' ? ['--ssd'] : []),
    ],
    { CSP_DATA_DIR: data },
  );
  const run =
    demo.code === 0
      ? await csp(['run', '--input', input, '--config', config], { CSP_DATA_DIR: data })
      : { code: 1, stdout: '', stderr: 'demo failed' };
  return { data, input, config, demo, run };
}

let ownBase: string | undefined;

/** The shared run of `kind`: made here if no other test file has started it, else awaited. */
export async function demoRun(kind: DemoKind): Promise<DemoRun> {
  let shared: string | undefined;
  try {
    shared = inject('sharedRunsDir');
  } catch {
    shared = undefined;
  }
  shared ??= ownBase ??= tempDir('e2e-runs'); // outside vitest's global setup: this process's own runs
  const lock = path.join(shared, `${kind}.lock`);
  const result = path.join(shared, `${kind}.json`);
  try {
    mkdirSync(lock); // atomic: exactly one test file wins and makes the run
  } catch {
    while (!existsSync(result)) await sleep(1000);
    return JSON.parse(readFileSync(result, 'utf8')) as DemoRun;
  }
  const made = await makeRun(kind, shared);
  writeFileSync(`${result}.tmp`, JSON.stringify(made));
  renameSync(`${result}.tmp`, result); // readers never see a half-written file: they wait for the name
  return made;
}
