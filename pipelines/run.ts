// One pipeline run: extract -> transform -> report into the working area, then publish only if all passed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildReports, writeManifest, type ReportRequest } from '../reports/catalog.js';
import type { ManifestEntry } from '../reports/lib/appendix.js';
import type { Config } from './config.js';
import { extract, type ExtractSummary } from './extract/extract.js';
import type { Logger } from './logger.js';
import type { DataPaths } from './paths.js';
import { publishAppendices, publishWarehouse } from './publish.js';
import { dbtBuild, type DbtSummary } from './transform/dbt.js';
import { withWarehouse } from './warehouse/db.js';

export type Stage = 'extract' | 'transform' | 'report' | 'publish';

export class StageError extends Error {
  constructor(readonly stage: Stage, message: string) {
    super(message);
  }
}

export interface RunRecord {
  runId: string;
  status: 'succeeded' | 'failed';
  startedAt: string;
  finishedAt?: string;
  inputDir: string;
  stages: Partial<Record<Stage, { ms: number; [k: string]: unknown }>>;
  failedStage?: Stage;
  error?: string;
  warehouse?: string;
  appendices?: string;
  files?: ManifestEntry[];
}

export const newRunId = (now = new Date()): string =>
  `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${Math.random().toString(16).slice(2, 6)}`;

async function timed<T>(record: RunRecord, stage: Stage, work: () => Promise<T>, describe: (r: T) => Record<string, unknown>): Promise<T> {
  const started = Date.now();
  try {
    const result = await work();
    record.stages[stage] = { ms: Date.now() - started, ...describe(result) };
    return result;
  } catch (e) {
    record.stages[stage] = { ms: Date.now() - started };
    throw e instanceof StageError ? e : new StageError(stage, (e as Error).message);
  }
}

export async function extractStage(paths: DataPaths, inputDir: string, runId: string, log: Logger): Promise<ExtractSummary> {
  const summary = await withWarehouse(paths.workWarehouse, {}, (db) => extract(db, { inputDir, runId, log }));
  const msg = `extract: ${summary.files.length} file(s), ${summary.read.toLocaleString('en-GB')} rows read, ${summary.landed.toLocaleString('en-GB')} landed, ${summary.rejected.toLocaleString('en-GB')} rejected`;
  if (summary.failed > 0) {
    throw new StageError('extract', `${summary.failed} file(s) could not be loaded: ${summary.files.filter((f) => f.status === 'failed').map((f) => f.error).join(' | ')}`);
  }
  log.info({ stage: 'extract', ...summary, files: undefined }, msg);
  return summary;
}

export async function transformStage(paths: DataPaths, log: Logger): Promise<DbtSummary> {
  const summary = await dbtBuild({ warehouse: paths.workWarehouse, workDir: paths.workDir, logDir: paths.logs, log });
  if (!summary.ok) {
    throw new StageError('transform', `dbt build failed (${summary.failed} of ${summary.models + summary.tests + summary.seeds} nodes): ${summary.failures.slice(0, 5).join('; ')}`);
  }
  log.info({ stage: 'transform', ...summary, failures: undefined }, `transform: dbt build passed: ${summary.seeds} seeds, ${summary.models} models, ${summary.tests} tests (${summary.warned} warnings) in ${(summary.durationMs / 1000).toFixed(1)} s`);
  return summary;
}

export async function runPipeline(opts: { config: Config; paths: DataPaths; inputDir: string; runId: string; log: Logger; reports: ReportRequest[] }): Promise<RunRecord> {
  const { paths, log, runId } = opts;
  const record: RunRecord = { runId, status: 'failed', startedAt: new Date().toISOString(), inputDir: opts.inputDir, stages: {} };
  mkdirSync(paths.runs, { recursive: true });
  const save = () => writeFileSync(path.join(paths.runs, `${runId}.json`), JSON.stringify(record, null, 2) + '\n');
  const started = Date.now();
  log.info({ runId, input: opts.inputDir, data: paths.root }, `run ${runId}: starting (exports from ${opts.inputDir})`);
  try {
    await timed(record, 'extract', () => extractStage(paths, opts.inputDir, runId, log), (s) => ({ files: s.files.length, read: s.read, landed: s.landed, rejected: s.rejected, skipped: s.files.filter((f) => f.status === 'skipped').length }));
    await timed(record, 'transform', () => transformStage(paths, log), (s) => ({ models: s.models, tests: s.tests, seeds: s.seeds, warned: s.warned }));
    const outDir = path.join(paths.published, runId, 'appendices');
    const files = await timed(
      record,
      'report',
      async () => {
        const entries = await withWarehouse(paths.workWarehouse, { readOnly: true }, (db) =>
          buildReports(db, { config: opts.config, dataRoot: paths.root, outDir, runId, log, requests: opts.reports }),
        );
        writeManifest(outDir, entries, runId);
        return entries;
      },
      (e) => ({ files: e.length }),
    );
    await timed(
      record,
      'publish',
      async () => {
        publishWarehouse(paths.workWarehouse, paths.warehouse, runId);
        publishAppendices(outDir, paths.appendices, runId);
      },
      () => ({}),
    );
    record.status = 'succeeded';
    record.warehouse = paths.warehouse;
    record.appendices = paths.appendices;
    record.files = files;
    log.info({ runId, ms: Date.now() - started }, `run ${runId}: succeeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return record;
  } catch (e) {
    const err = e as StageError;
    record.failedStage = err.stage;
    record.error = err.message;
    log.error({ runId, stage: err.stage, err: err.message }, `run ${runId}: FAILED at ${err.stage ?? 'start'}: ${err.message}. The published warehouse and appendices were left as they were.`);
    return record;
  } finally {
    record.finishedAt = new Date().toISOString();
    save();
  }
}
