// Recovery at the start of a run, once it holds the lock: whatever an earlier run left behind is put right
// before anything new is written. A run killed part-way published nothing (publishing is one rename at its
// very end), so recovery only has to stop its leftover dbt, say what happened, and tidy temporary files.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../core/logger.js';
import type { DataPaths } from '../../core/paths.js';
import { ensurePublicLinks, publishedRunId, SNAPSHOT_FILE } from '../publish.js';
import { PSEUDONYMISED_FILE } from '../pseudonymise.js';
import type { RunRecord, Stage } from '../run.js';
import { writeJsonAtomic } from '../../core/atomic.js';
import { isProcessAlive, processCommandLine, type LockChild, type LockInfo } from './lock.js';
import { sleep } from './retry.js';

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isProcessAlive(pid)) return true;
    await sleep(100);
  }
  return !isProcessAlive(pid);
}

/** Stops a child (dbt) a killed run left running, but only if the pid still belongs to that program. */
export async function stopOrphan(child: LockChild, runId: string, log: Logger): Promise<void> {
  if (!isProcessAlive(child.pid)) return;
  const cmdline = processCommandLine(child.pid);
  if (cmdline === null || !cmdline.includes(child.command)) {
    log.warn(
      { pid: child.pid },
      `recovery: run ${runId} had started ${path.basename(child.command)} as pid ${child.pid}; that pid is now ${cmdline === null ? 'not checkable' : 'another program'}, so it was left alone`,
    );
    return;
  }
  process.kill(child.pid, 'SIGTERM');
  if (!(await waitForExit(child.pid, 10_000))) {
    process.kill(child.pid, 'SIGKILL');
    await waitForExit(child.pid, 5_000);
  }
  log.warn(
    { pid: child.pid, runId },
    `recovery: stopped ${path.basename(child.command)} (pid ${child.pid}), left running by run ${runId}`,
  );
}

export const readRunRecord = (file: string): RunRecord | null => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunRecord;
  } catch {
    return null;
  }
};

/** Run records, newest first (run ids start with their UTC start time, so they sort by it). */
export function listRunRecords(paths: DataPaths, limit = Infinity): RunRecord[] {
  if (!existsSync(paths.runs)) return [];
  const names = readdirSync(paths.runs)
    .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
    .sort()
    .reverse()
    .slice(0, limit);
  return names.map((n) => readRunRecord(path.join(paths.runs, n))).filter((r): r is RunRecord => r !== null);
}

const runningStage = (r: RunRecord): Stage | undefined =>
  (Object.entries(r.stages).find(([, s]) => s?.status === 'running')?.[0] as Stage | undefined) ?? undefined;

/**
 * Marks run records left "running" (by runs that no longer hold the lock) as failed, or as published if the
 * run got as far as the switch. Returns the corrected records for the ledger.
 */
export function closeUnfinishedRuns(
  paths: DataPaths,
  thisRunId: string,
  why: (runId: string) => string,
  log: Logger,
): RunRecord[] {
  const published = publishedRunId(paths);
  const fixed: RunRecord[] = [];
  for (const r of listRunRecords(paths, 50)) {
    if (r.runId === thisRunId || r.status !== 'running') continue;
    const stage = runningStage(r);
    if (published === r.runId) {
      // Killed after its switch: it did publish; only its last bookkeeping is missing.
      Object.assign(r, { status: 'succeeded', published: true });
      if (stage) Object.assign(r.stages[stage]!, { status: 'succeeded' });
      log.warn(
        { runId: r.runId },
        `recovery: run ${r.runId} published but stopped before recording it (${why(r.runId)}); recorded it as published`,
      );
    } else {
      const error = `did not finish: ${why(r.runId)}${stage ? ` during ${stage}` : ''}`;
      Object.assign(r, { status: 'failed', published: false, failedStage: stage ?? r.failedStage, error });
      if (stage) Object.assign(r.stages[stage]!, { status: 'failed', error });
      log.warn(
        { runId: r.runId, stage },
        `recovery: run ${r.runId} ${error}; it published nothing, so the warehouse and appendices are still the last good ones`,
      );
    }
    writeJsonAtomic(path.join(paths.runs, `${r.runId}.json`), r);
    fixed.push(r);
  }
  return fixed;
}

/** Temporary names only exist between a write and its rename; any found now belong to a run that died there. */
export function removeLeftovers(paths: DataPaths): string[] {
  const removed: string[] = [];
  const drop = (file: string) => {
    rmSync(file, { force: true, recursive: true });
    removed.push(file);
  };
  const leftover = /^(current|warehouse\.duckdb|warehouse-pseudonymised\.duckdb|appendices)\..+\.tmp$|^\..+\.\d+\.tmp$/;
  if (existsSync(paths.root))
    for (const n of readdirSync(paths.root)) if (leftover.test(n)) drop(path.join(paths.root, n));
  if (existsSync(paths.published)) {
    for (const run of readdirSync(paths.published)) {
      for (const file of [SNAPSHOT_FILE, PSEUDONYMISED_FILE]) {
        for (const tmp of [`${file}.tmp`, `${file}.tmp.wal`].map((f) => path.join(paths.published, run, f)))
          if (existsSync(tmp)) drop(tmp);
      }
    }
  }
  if (existsSync(paths.runs))
    for (const n of readdirSync(paths.runs)) if (/^\..*\.tmp$/.test(n)) drop(path.join(paths.runs, n));
  return removed;
}

export async function recoverBeforeRun(opts: {
  paths: DataPaths;
  runId: string;
  previous?: { info: LockInfo | null; why: string };
  log: Logger;
}): Promise<RunRecord[]> {
  const { paths, log, previous } = opts;
  if (previous) {
    log.warn(
      { previous: previous.info?.runId },
      `recovery: cleared the lock of ${previous.info ? `run ${previous.info.runId}` : 'an unknown run'}: ${previous.why}`,
    );
    for (const child of previous.info?.children ?? []) await stopOrphan(child, previous.info!.runId, log);
  }
  const why = (runId: string) => (previous?.info?.runId === runId ? previous.why : 'its process is no longer running');
  const fixed = closeUnfinishedRuns(paths, opts.runId, why, log);
  const removed = removeLeftovers(paths);
  if (removed.length)
    log.info({ removed }, `recovery: removed ${removed.length} temporary file(s) left by an interrupted run`);
  ensurePublicLinks(paths);
  return fixed;
}
