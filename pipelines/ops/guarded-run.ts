// `csp run` as the nightly job: take the lock (or say which run holds it), recover from whatever an earlier
// run left, run the pipeline, prune old published runs, write status.json, and tell someone if it went wrong.
import path from 'node:path';
import type { ReportRequest } from '../../reports/catalog.js';
import type { Config } from '../../core/config.js';
import type { Logger } from '../../core/logger.js';
import type { DataPaths } from '../../core/paths.js';
import { runPipeline, runRecordFile, type RunRecord } from '../run.js';
import { writeJsonAtomic } from '../../core/atomic.js';
import { describeHeld } from '../extract/completeness.js';
import { describeStaleSources } from './freshness.js';
import { acquireRunLock, isProcessAlive, type RunLock } from './lock.js';
import { runNotify, shouldNotify } from './notify.js';
import { readRunRecord, recoverBeforeRun } from './recover.js';
import { applyRetention } from './retention.js';
import { formatTime, writeStatus, type StatusView } from './status.js';
import { describeValidation, returnName, risenReturns } from '../validate/validate.js';

/** Exit code when another run holds the lock (EX_TEMPFAIL: try again later). */
export const EXIT_LOCKED = 75;

export interface GuardedRunResult {
  record: RunRecord;
  status: StatusView | null;
  /** One line naming the stage and the cause (or what was published); also what the notify command gets. */
  summary: string;
  exitCode: number;
}

const firstLine = (s: string) => s.split('\n')[0]!.trim();

export function summaryLine(record: RunRecord, status: StatusView | null, timezone: string): string {
  const stale = describeStaleSources(status?.sources ?? record.freshness ?? []);
  const held = record.held ?? [];
  const heldText = held.length
    ? `; HELD (the previous data kept): ${describeHeld(held)}; \`csp status\` says why, \`csp accept SOURCE\` takes a shrink that is real`
    : '';
  const staleText = `${heldText}${stale ? `; STALE: ${stale}` : ''}`;
  if (record.status !== 'succeeded') {
    const still = status?.published
      ? `analysts still see run ${status.published.runId} (published ${formatTime(status.published.publishedAt, timezone)})`
      : 'nothing has been published yet';
    return `csp run failed at ${record.failedStage ?? 'start'}: ${firstLine(record.error ?? 'no reason recorded')} (run ${record.runId}; not refreshed: ${still})${staleText}`;
  }
  const e = record.stages.extract;
  const t = record.stages.transform;
  const risen = risenReturns(record.validation);
  const validation = describeValidation(record.validation);
  const validationText =
    (validation ? `; ${validation}` : '') +
    (risen.length
      ? `; OPEN DfE VALIDATION ERRORS ROSE: ${risen.map((r) => `${returnName(r)} ${r.previousOpen} -> ${r.open}`).join(', ')}`
      : '');
  if (record.unchanged) {
    return `csp run ${record.runId} found nothing changed since run ${record.unchanged.keptRunId} (every export, the dbt project, settings and code the same): kept its warehouse and ${record.files?.length ?? 0} appendix file(s); \`csp run --force\` rebuilds anyway${staleText}`;
  }
  return `csp run ${record.runId} succeeded and published ${record.files?.length ?? 0} appendix file(s): ${e?.read ?? 0} rows read, ${e?.rejected ?? 0} rejected, ${t?.testsPassed ?? 0} dbt tests passed${validationText}${staleText}`;
}

/** If the run is stopped (Ctrl-C, systemd stop), record why, stop dbt and free the lock before exiting. */
function onStopSignals(paths: DataPaths, lock: RunLock, runId: string): () => void {
  const handler = (signal: NodeJS.Signals) => {
    for (const c of lock.info.children) if (isProcessAlive(c.pid)) process.kill(c.pid, 'SIGTERM');
    const file = runRecordFile(paths, runId);
    const r = readRunRecord(file);
    if (r && r.status === 'running') {
      const stage = (Object.entries(r.stages).find(([, s]) => s?.status === 'running')?.[0] ??
        undefined) as RunRecord['failedStage'];
      const error = `stopped by ${signal}`;
      Object.assign(r, {
        status: 'failed',
        published: false,
        failedStage: stage,
        error,
        finishedAt: new Date().toISOString(),
      });
      if (stage) Object.assign(r.stages[stage]!, { status: 'failed', error });
      writeJsonAtomic(file, r);
    }
    lock.release();
    console.error(
      `csp run ${runId} stopped by ${signal}: nothing was published; the warehouse and appendices are the last good ones.`,
    );
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

export async function guardedRun(opts: {
  config: Config;
  paths: DataPaths;
  runId: string;
  log: Logger;
  reports: ReportRequest[];
  mappings?: Readonly<Record<string, string>>;
  pseudonymKeyFile: string;
  trigger?: string;
  /** Rebuild and publish even when nothing changed. */
  force?: boolean;
  /** Where the exports are; called once the lock is held (the demo writes its exports then). */
  prepareInput: () => Promise<string>;
}): Promise<GuardedRunResult> {
  const { config, paths, runId, log } = opts;
  const lock = await acquireRunLock(paths.lock, runId); // throws LockHeldError naming the running run
  const restoreSignals = onStopSignals(paths, lock, runId);
  try {
    const recovered = await recoverBeforeRun({ paths, runId, previous: lock.previous, log });
    const inputDir = await opts.prepareInput();
    const record = await runPipeline({
      config,
      paths,
      inputDir,
      runId,
      log,
      reports: opts.reports,
      mappings: opts.mappings,
      pseudonymKeyFile: opts.pseudonymKeyFile,
      trigger: opts.trigger,
      force: opts.force,
      recovered,
      children: { add: (pid, command) => lock.addChild(pid, command), remove: (pid) => lock.removeChild(pid) },
    });
    if (record.status === 'succeeded') applyRetention(paths, config.ops.retention.keep, log);
    let status: StatusView | null = null;
    try {
      status = await writeStatus(paths, config);
    } catch (e) {
      log.warn({ err: (e as Error).message }, `status: could not write ${paths.status} (${(e as Error).message})`);
    }
    const summary = summaryLine(record, status, config.schedule.timezone);
    const stale = (status?.sources ?? []).some((f) => f.stale);
    const held = record.held ?? [];
    if (
      shouldNotify(config.ops.notify, {
        failed: record.status !== 'succeeded',
        stale,
        held: held.length > 0,
        validationErrorsRose: risenReturns(record.validation).length > 0,
      })
    ) {
      await runNotify(
        config.ops.notify,
        summary,
        {
          CSP_HELD: held.map((h) => h.source).join(','),
          CSP_RUN_ID: runId,
          CSP_RUN_STATUS: record.status,
          CSP_REFRESHED: String(record.status === 'succeeded'),
          CSP_STATUS_FILE: paths.status,
          CSP_DATA_DIR: paths.root,
          CSP_RUN_RECORD: path.join(paths.runs, `${runId}.json`),
        },
        log,
      );
    }
    return { record, status, summary, exitCode: record.status === 'succeeded' ? 0 : 1 };
  } finally {
    restoreSignals();
    lock.release();
  }
}
