// A run whose exports, dbt project, settings and code are all unchanged since the published run keeps that run's
// warehouse and appendices (transform, report and publish are skipped and recorded as such); --force rebuilds.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StatusView } from '../pipelines/ops/status.js';
import { runFingerprint } from '../pipelines/ops/unchanged.js';
import { demoConfig, parseConfig } from '../core/config.js';
import type { RunRecord } from '../pipelines/run.js';
import { csp } from './helpers/cli.js';
import { query } from './helpers/ops.js';
import { tempDir } from './helpers/tmp.js';

let dir: string;
let data: string;
let input: string;
const env = () => ({ CSP_DATA_DIR: data });
const runIds = () =>
  readdirSync(path.join(data, 'runs'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
const record = (id: string) => JSON.parse(readFileSync(path.join(data, 'runs', `${id}.json`), 'utf8')) as RunRecord;
const status = async () => JSON.parse((await csp(['status', '--json'], env())).stdout) as StatusView;

beforeAll(async () => {
  dir = tempDir('unchanged');
  data = path.join(dir, 'data');
  input = path.join(dir, 'in');
  const demo = await csp(['demo', '--out', input, '--from', '2020-10-01', '--to', '2021-03-31'], env());
  expect(demo.code).toBe(0);
}, 120_000);

describe('a run with nothing new', () => {
  it('keeps the published run, skips transform and report, and says so in the record, ledger and status', async () => {
    const first = await csp(['run', '--input', input], env());
    expect(first.code, first.stderr).toBe(0);
    const [firstId] = runIds();
    expect(record(firstId!).published).toBe(true);

    const second = await csp(['run', '--input', input], env());
    expect(second.code, second.stderr).toBe(0);
    const secondId = runIds()[1]!;
    expect(second.stdout).toContain(`found nothing changed since run ${firstId}`);
    const r = record(secondId);
    expect(r.status).toBe('succeeded');
    expect(r.published).toBe(false);
    expect(r.unchanged).toEqual({ keptRunId: firstId });
    expect(r.fingerprint).toBe(record(firstId!).fingerprint);
    expect(r.stages.extract).toMatchObject({ status: 'succeeded', landed: 0 });
    expect(r.stages.extract!.skipped).toBe(r.stages.extract!.files);
    expect([r.stages.transform?.status, r.stages.report?.status, r.stages.publish?.status]).toEqual([
      'skipped',
      'skipped',
      'skipped',
    ]);

    const ledger = await query(
      path.join(data, 'work', 'warehouse.duckdb'),
      `SELECT stage, status FROM ops.run_stages WHERE run_id = '${secondId}' ORDER BY stage`,
    );
    expect(ledger).toEqual([
      { stage: 'extract', status: 'succeeded' },
      { stage: 'publish', status: 'skipped' },
      { stage: 'report', status: 'skipped' },
      { stage: 'transform', status: 'skipped' },
    ]);

    const s = await status();
    expect(s.published?.runId).toBe(firstId);
    expect(s.refreshed).toBe(true);
    expect(s.lastRun).toMatchObject({ runId: secondId, state: 'succeeded', keptRunId: firstId });
    expect(s.published?.files.length).toBe(record(firstId!).files?.length);
    expect((await csp(['status'], env())).stdout).toContain(`unchanged: nothing new since run ${firstId}`);
  }, 600_000);

  it('rebuilds and publishes anyway with --force', async () => {
    const forced = await csp(['run', '--input', input, '--force'], env());
    expect(forced.code, forced.stderr).toBe(0);
    const forcedId = runIds().at(-1)!;
    const r = record(forcedId);
    expect(r.unchanged).toBeUndefined();
    expect(r.stages.transform?.status).toBe('succeeded');
    expect((await status()).published?.runId).toBe(forcedId);
    // Rebuilt with the same key file, every pseudonymous key is what the first run made: analysts' saved keys still match.
    const keys = (run: string) =>
      query<{ k: string }>(
        path.join(data, 'published', run, 'warehouse.duckdb'),
        'SELECT child_key AS k FROM marts.dim_child UNION ALL SELECT DISTINCT worker_key FROM marts.fct_caseloads ORDER BY 1',
      );
    const firstKeys = await keys(runIds()[0]!);
    expect(firstKeys.length).toBeGreaterThan(1000);
    expect(await keys(forcedId)).toEqual(firstKeys);
  }, 600_000);
});

describe('the run fingerprint', () => {
  const config = parseConfig(demoConfig);
  const files = [
    { file: 'a.csv', checksum: 'aa' },
    { file: 'b.csv', checksum: 'bb' },
  ];
  it('is the same for the same inputs, in any order, and changes with any export or setting', () => {
    const base = runFingerprint({ config, reports: [], files });
    expect(runFingerprint({ config, reports: [], files: [...files].reverse() })).toBe(base);
    expect(runFingerprint({ config, reports: [], files: [files[0]!, { file: 'b.csv', checksum: 'bc' }] })).not.toBe(
      base,
    );
    expect(runFingerprint({ config, reports: [], files: [files[0]!] })).not.toBe(base);
    expect(
      runFingerprint({ config: parseConfig({ ...demoConfig, inputDir: 'elsewhere' }), reports: [], files }),
    ).not.toBe(base);
    // A new pseudonymisation key changes every key in the marts, so the run must rebuild.
    expect(runFingerprint({ config, reports: [], files, pseudonymKeyId: 'aaaa' })).not.toBe(
      runFingerprint({ config, reports: [], files, pseudonymKeyId: 'bbbb' }),
    );
  });
});
