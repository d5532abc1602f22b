// The operations commands on real processes, without dbt (runs that fail fast at extract): the one-line
// failure summary and the notify command, status and status.json, retry on a locked working database,
// and `csp schedule`.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StatusView } from '../pipelines/ops/status.js';
import type { RunRecord } from '../pipelines/run.js';
import { csp, logLines } from './helpers/cli.js';
import { query, startCsp, waitFor } from './helpers/ops.js';
import { tempDir } from './helpers/tmp.js';

let dir: string;
let data: string;
let config: string;
let missing: string;
let notified: string;
const env = () => ({ CSP_DATA_DIR: data });
const records = () =>
  existsSync(path.join(data, 'runs'))
    ? readdirSync(path.join(data, 'runs'))
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(path.join(data, 'runs', f), 'utf8')) as RunRecord)
    : [];

beforeAll(() => {
  dir = tempDir('ops-cli');
  data = path.join(dir, 'data');
  missing = path.join(dir, 'no-exports-tonight');
  notified = path.join(dir, 'notified.txt');
  config = path.join(dir, 'csp.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      ops: {
        notify: { command: `cat >> '${notified}'; printf '%s|%s\\n' "$CSP_RUN_STATUS" "$CSP_RUN_ID" >> '${notified}'` },
        retry: { attempts: 8, baseDelayMs: 250 },
      },
    }),
  );
});

describe('csp run when it fails', () => {
  it('stops with a one-line summary naming the stage and the cause, and runs the notify command with it', async () => {
    const r = await csp(['run', '--input', missing, '--config', config], env());
    expect(r.code).toBe(1);
    const runId = records()[0]!.runId;
    const summary = `csp run failed at extract: input folder ${missing} does not exist: put the council's exports there, or pass --input DIR. (run ${runId}; not refreshed: nothing has been published yet)`;
    expect(r.stderr.split('\n')[0]).toBe(summary);
    expect(r.stderr).toContain(`Run record: ${path.join(data, 'runs', `${runId}.json`)}`);
    expect(readFileSync(notified, 'utf8')).toBe(`${summary}\nfailed|${runId}\n`);

    expect(records()).toMatchObject([
      {
        runId,
        status: 'failed',
        failedStage: 'extract',
        published: false,
        stages: { extract: { status: 'failed', attempts: 1 } },
      },
    ]);
    const ledger = await query(
      path.join(data, 'work', 'warehouse.duckdb'),
      `SELECT status, failed_stage, published, error FROM ops.runs WHERE run_id = '${runId}'`,
    );
    expect(ledger).toEqual([
      { status: 'failed', failed_stage: 'extract', published: false, error: expect.stringContaining('does not exist') },
    ]);
  });

  it('has status.json and `csp status` say the data was not refreshed, and why', async () => {
    const runId = records()[0]!.runId;
    const file = JSON.parse(readFileSync(path.join(data, 'status.json'), 'utf8')) as StatusView;
    expect(file).toMatchObject({
      ok: false,
      refreshed: false,
      published: null,
      lastRun: { runId, state: 'failed', stage: 'extract', published: false },
    });
    const screen = await csp(['status'], env());
    expect(screen.code).toBe(0);
    expect(screen.stdout).toMatch(
      new RegExp(
        `^NOT REFRESHED: the last run \\(${runId}, started .*\\) failed at extract: input folder .* does not exist: put the council's exports there, or pass --input DIR\\. Nothing has been published yet\\.$`,
        'm',
      ),
    );
    expect(screen.stdout).toContain('Published    nothing yet');
    expect(screen.stdout).toContain('Running now  no');
    expect(screen.stdout).toMatch(new RegExp(`^  ${runId}\\s+.*manual\\s+FAILED at extract: input folder`, 'm'));
    expect((await csp(['status', '--check'], env())).code).toBe(1);
  });

  it('retries while the working database is locked by another program, then carries on', async () => {
    // An analyst (here: this test) has the pipeline's own working database open for writing.
    const holder = await DuckDBInstance.create(path.join(data, 'work', 'warehouse.duckdb'));
    const run = startCsp(['run', '--input', missing, '--config', config], env());
    try {
      await waitFor('a retry', () => run.stdout().includes('looks temporary, retrying'), run);
    } finally {
      holder.closeSync();
    }
    const { code } = await run.exit;
    expect(code).toBe(1);
    const retry = logLines(run.stdout()).find((l) => String(l.msg).includes('looks temporary'))!;
    expect(retry.msg).toMatch(
      /^extract: IO Error: Could not set lock on file .*warehouse\.duckdb.*: looks temporary, retrying in 250 ms \(try 2 of 8\)$/,
    );
    // Once the file was free the run went on, to the real problem of the night.
    expect(run.stderr().split('\n')[0]).toMatch(/^csp run failed at extract: input folder .* does not exist/);
    const latest = records().sort((a, b) => b.runId.localeCompare(a.runId))[0]!;
    expect(latest.stages.extract!.attempts).toBeGreaterThanOrEqual(2);
  });
});

describe('csp schedule', () => {
  it('starts `csp run` on its schedule, logs the next run time, and stops cleanly', async () => {
    const before = records().length;
    const sched = startCsp(['schedule', '--cron', '*/2 * * * * *', '--input', missing, '--config', config], env());
    try {
      await waitFor(
        'a scheduled run to finish',
        () =>
          records().some((r) => r.trigger === 'schedule' && r.status === 'failed') &&
          /the run failed \(exit 1\)/.test(sched.stdout()),
        sched,
        60_000,
      );
    } finally {
      sched.child.kill('SIGTERM');
    }
    expect(await sched.exit).toEqual({ code: 0, signal: null });
    const lines = logLines(sched.stdout());
    const started = lines.find((l) => String(l.msg).startsWith('schedule: running `csp run`'))!;
    expect(started.msg).toMatch(
      /^schedule: running `csp run` on '\*\/2 \* \* \* \* \*' \(Europe\/London\)\. Next run: \w{3}, \d+ \w{3} \d{4}, \d\d:\d\d:\d\d (GMT|BST)\.$/,
    );
    const next = Date.parse(String(started.nextRun));
    expect(next - Date.parse(String(started.time))).toBeGreaterThan(0);
    expect(next - Date.parse(String(started.time))).toBeLessThanOrEqual(2_000);
    expect(
      lines.some((l) => /^schedule: the run failed \(exit 1\); `csp status` says why\. Next run: /.test(String(l.msg))),
    ).toBe(true);
    expect(records().length).toBeGreaterThan(before);
    const scheduled = records().filter((r) => r.trigger === 'schedule');
    expect(scheduled.every((r) => r.status === 'failed')).toBe(true); // (the last may have been stopped with the scheduler)
    expect(
      scheduled.some((r) => r.failedStage === 'extract' && /input folder .* does not exist/.test(r.error ?? '')),
    ).toBe(true);
  });

  it('refuses a schedule it cannot understand, saying how to write one', async () => {
    const r = await csp(['schedule', '--cron', '99 3 * * *'], env());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /schedule\.cron '99 3 \* \* \*' is not a valid cron expression .*Use five fields, e\.g\. '15 3 \* \* \*'/,
    );
  });
});
