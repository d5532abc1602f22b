// One run at a time, across processes: two `csp run` started together; exactly one runs, the other exits
// non-zero naming it. Then the running one is stopped with SIGTERM (as systemd would) and says so.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LockInfo } from '../pipelines/ops/lock.js';
import type { StatusView } from '../pipelines/ops/status.js';
import type { RunRecord } from '../pipelines/run.js';
import { csp } from './helpers/cli.js';
import { startCsp, waitFor, type Running } from './helpers/ops.js';
import { tempDir } from './helpers/tmp.js';

let data: string;
let input: string;

beforeAll(async () => {
  const dir = tempDir('ops-lock');
  data = path.join(dir, 'data');
  input = path.join(dir, 'exports');
  const demo = await csp(
    ['demo', '--out', input, '--seed', '5', '--from', '2020-05-04', '--to', '2020-06-28', '--no-faults'],
    { CSP_DATA_DIR: data },
  );
  expect(demo.code, demo.stderr).toBe(0);
});

describe('one run at a time', () => {
  it('two concurrent `csp run`: one runs, the other exits non-zero naming the running run', async () => {
    // Both stop inside extract (test-only pause) so the one that gets the lock holds it until we say.
    const env = { CSP_DATA_DIR: data, CSP_FAULT_PAUSE: 'extract' };
    const runs: Running[] = [startCsp(['run', '--input', input], env), startCsp(['run', '--input', input], env)];
    let loser: Running | undefined;
    for (const r of runs) void r.exit.then(() => (loser ??= r));
    await waitFor('one run to give up', () => loser !== undefined);
    const winner = runs.find((r) => r !== loser)!;
    await waitFor('the other to be running', () => existsSync(path.join(data, '.paused-extract')), winner);

    const lock = JSON.parse(readFileSync(path.join(data, 'run.lock'), 'utf8')) as LockInfo;
    expect(lock.pid).toBe(winner.child.pid);
    expect(await loser!.exit).toEqual({ code: 75, signal: null });
    expect(loser!.stderr()).toContain(
      `csp run: another run is in progress: run ${lock.runId} (pid ${lock.pid} on ${lock.hostname}, started ${lock.startedAt}): process ${lock.pid} is still running. Wait for it to finish`,
    );
    // The refused run left no trace: one run record, the lock untouched.
    expect(readdirSync(path.join(data, 'runs'))).toEqual([`${lock.runId}.json`]);

    const status = JSON.parse((await csp(['status', '--json'], { CSP_DATA_DIR: data })).stdout) as StatusView;
    expect(status.running).toMatchObject({ runId: lock.runId, pid: lock.pid, stage: 'extract' });
    expect(status.lastRun).toBeNull();

    winner.child.kill('SIGTERM');
    expect(await winner.exit).toEqual({ code: 143, signal: null });
    expect(winner.stderr()).toContain(`csp run ${lock.runId} stopped by SIGTERM: nothing was published`);
    const record = JSON.parse(readFileSync(path.join(data, 'runs', `${lock.runId}.json`), 'utf8')) as RunRecord;
    expect(record).toMatchObject({
      status: 'failed',
      failedStage: 'extract',
      error: 'stopped by SIGTERM',
      published: false,
    });
    expect(existsSync(path.join(data, 'run.lock'))).toBe(false);
  });
});
