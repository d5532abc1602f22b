// Retention: keep the last N published runs (their warehouse snapshot and appendices under published/<run>/),
// prune the rest, and prune folders of runs that never published (failed or killed after writing appendices).
// The folder `current` points at is never pruned. Pruning a folder an analyst has open is safe: the files
// disappear from the folder but their open session keeps reading them until it closes.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../core/logger.js';
import type { DataPaths } from '../../core/paths.js';
import { PUBLISHED_MARKER, publishedRunId, runFolder } from '../publish.js';
import { readRunRecord } from './recover.js';

export interface PublishedFolder {
  runId: string;
  /** It really was published at some point (not merely written by a run that then failed). */
  published: boolean;
}

export function planRetention(
  folders: PublishedFolder[],
  opts: { current: string | null; keep: number; inProgress?: string },
): { keep: string[]; prune: string[] } {
  const newestFirst = [...folders].sort((a, b) => (a.runId < b.runId ? 1 : a.runId > b.runId ? -1 : 0));
  const keep = new Set(
    newestFirst
      .filter((f) => f.published)
      .slice(0, opts.keep)
      .map((f) => f.runId),
  );
  if (opts.current) keep.add(opts.current);
  if (opts.inProgress) keep.add(opts.inProgress);
  return {
    keep: newestFirst.filter((f) => keep.has(f.runId)).map((f) => f.runId),
    prune: newestFirst.filter((f) => !keep.has(f.runId)).map((f) => f.runId),
  };
}

export function listPublishedFolders(paths: DataPaths): PublishedFolder[] {
  if (!existsSync(paths.published)) return [];
  return readdirSync(paths.published, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const runId = d.name;
      if (existsSync(path.join(runFolder(paths, runId), PUBLISHED_MARKER))) return { runId, published: true };
      // Folders published before the marker existed: their run record says so.
      const record = readRunRecord(path.join(paths.runs, `${runId}.json`));
      return { runId, published: record?.status === 'succeeded' && record.published !== false };
    });
}

export function applyRetention(paths: DataPaths, keep: number, log: Logger): string[] {
  const plan = planRetention(listPublishedFolders(paths), { current: publishedRunId(paths), keep });
  const pruned: string[] = [];
  for (const runId of plan.prune) {
    try {
      rmSync(runFolder(paths, runId), { recursive: true, force: true });
      pruned.push(runId);
    } catch (e) {
      log.warn(
        { runId, err: (e as Error).message },
        `retention: could not remove published/${runId} (${(e as Error).message}); the next run tries again`,
      );
    }
  }
  if (pruned.length)
    log.info(
      { pruned, kept: plan.keep },
      `retention: kept the last ${plan.keep.length} published run(s), removed ${pruned.length} older or unpublished folder(s)`,
    );
  return pruned;
}
