// Publishing never leaves a half-written file visible, and switches the warehouse and the appendices together.
//
// Each run that passes everything gets its own folder, published/<run>/ (warehouse.duckdb, its pseudonymised copy
// warehouse-pseudonymised.duckdb, appendices/). `current` is a symlink to the published run's folder, and
// `warehouse.duckdb`, `warehouse-pseudonymised.duckdb` and `appendices` are fixed symlinks through it. Publishing is one rename of a new
// `current` over the old: analysts opening the warehouse or the appendices afterwards get the new run, all of
// it; anyone with the old file open keeps reading it (we never write to, or truncate, a published file).
import {
  constants,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import path from 'node:path';
import { DOCS_DIR, PARQUET_DIR } from './analyst-files.js';
import { fsyncDir, fsyncFile, writeJsonAtomic } from '../core/atomic.js';
import type { DataPaths } from '../core/paths.js';
import { PSEUDONYMISED_FILE } from './pseudonymise.js';
import { withWarehouse } from '../core/warehouse.js';

export const SNAPSHOT_FILE = 'warehouse.duckdb';
export const PUBLISHED_MARKER = 'published.json';

export const runFolder = (paths: DataPaths, runId: string): string => path.join(paths.published, runId);

/**
 * Copies the (closed, checkpointed) working database to published/<run>/warehouse.duckdb and checks the copy
 * opens and holds the marts. The copy is written under a temporary name and renamed, so a crash leaves no
 * half-copied snapshot behind under the real name.
 */
export async function snapshotWarehouse(paths: DataPaths, runId: string): Promise<string> {
  const wal = `${paths.workWarehouse}.wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new Error(
      `the working database still has unwritten changes (${wal}): it was not closed cleanly. Run again; if this repeats, another program has ${paths.workWarehouse} open.`,
    );
  }
  const dir = runFolder(paths, runId);
  mkdirSync(dir, { recursive: true });
  const target = path.join(dir, SNAPSHOT_FILE);
  const tmp = `${target}.tmp`;
  rmSync(tmp, { force: true });
  copyFileSync(paths.workWarehouse, tmp, constants.COPYFILE_FICLONE); // a reflink where the file system can, else a copy
  fsyncFile(tmp);
  const marts = await withWarehouse(tmp, { readOnly: true }, (db) =>
    db.json<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_schema = 'marts'`),
  );
  if (!marts[0]?.n)
    throw new Error(
      `the warehouse copy ${tmp} has no marts tables: the working database is incomplete, so nothing was published.`,
    );
  renameSync(tmp, target);
  fsyncDir(dir);
  return target;
}

/** Point `link` at `target` (relative) with one rename: readers see the old link or the new, never none. */
export function replaceSymlink(link: string, target: string, tag: string): void {
  const tmp = `${link}.${tag}.tmp`;
  rmSync(tmp, { force: true });
  symlinkSync(target, tmp);
  renameSync(tmp, link);
}

/** The run whose folder `current` points at (or, in a data folder from before `current`, the appendices link). */
export function publishedRunId(paths: DataPaths): string | null {
  for (const link of [paths.current, paths.appendices]) {
    const st = lstatSync(link, { throwIfNoEntry: false });
    if (!st?.isSymbolicLink()) continue;
    const target = path.resolve(path.dirname(link), readlinkSync(link));
    const rel = path.relative(paths.published, link === paths.current ? target : path.dirname(target));
    if (rel && !rel.startsWith('..') && !rel.includes(path.sep)) return rel;
  }
  return null;
}

/**
 * A data folder from before `current` has a real warehouse.duckdb and appendices -> published/<run>/appendices.
 * Keep that warehouse as its run's snapshot (a hard link: no copy) so retention and analysts still have it.
 */
function adoptLegacyWarehouse(paths: DataPaths): void {
  const st = lstatSync(paths.warehouse, { throwIfNoEntry: false });
  if (!st?.isFile() || existsSync(paths.current)) return;
  const previous = publishedRunId(paths);
  if (!previous) return;
  const snapshot = path.join(runFolder(paths, previous), SNAPSHOT_FILE);
  if (existsSync(snapshot)) return;
  try {
    linkSync(paths.warehouse, snapshot);
  } catch {
    // Another file system or no hard links: the old warehouse simply is not kept as a snapshot.
  }
}

/** Make warehouse.duckdb and appendices the fixed links through `current` (a no-op once they are). */
export function ensurePublicLinks(paths: DataPaths): void {
  if (!existsSync(paths.current)) return;
  const want: [string, string][] = [
    [paths.warehouse, path.join(path.basename(paths.current), SNAPSHOT_FILE)],
    [paths.pseudonymisedWarehouse, path.join(path.basename(paths.current), PSEUDONYMISED_FILE)],
    [paths.appendices, path.join(path.basename(paths.current), 'appendices')],
    // Analysts' extras (pipelines/analyst-files.ts); a link to a folder a run did not write simply dangles.
    [paths.parquet, path.join(path.basename(paths.current), PARQUET_DIR)],
    [paths.docs, path.join(path.basename(paths.current), DOCS_DIR)],
  ];
  for (const [link, target] of want) {
    const st = lstatSync(link, { throwIfNoEntry: false });
    if (st?.isSymbolicLink() && readlinkSync(link) === target) continue;
    if (st?.isDirectory()) renameSync(link, `${link}.before-current`); // a real folder from an older version: keep it aside
    replaceSymlink(link, target, 'link');
  }
  fsyncDir(paths.root);
}

/**
 * The commit point: `current` -> published/<run>. Everything the run wrote must already be complete in its
 * folder. After this returns, the run is published; nothing after it can un-publish it.
 */
export function switchCurrent(paths: DataPaths, runId: string): void {
  const dir = runFolder(paths, runId);
  if (![SNAPSHOT_FILE, PSEUDONYMISED_FILE, 'appendices'].every((f) => existsSync(path.join(dir, f)))) {
    throw new Error(
      `published/${runId} is incomplete (needs ${SNAPSHOT_FILE}, ${PSEUDONYMISED_FILE} and appendices/): nothing was published.`,
    );
  }
  adoptLegacyWarehouse(paths);
  replaceSymlink(paths.current, path.relative(paths.root, dir), runId);
  fsyncDir(paths.root);
}

/** Written after the switch: retention keeps only folders that really were published. */
export function markPublished(paths: DataPaths, runId: string, publishedAt: string): void {
  writeJsonAtomic(path.join(runFolder(paths, runId), PUBLISHED_MARKER), { runId, publishedAt });
}

/** The real folder of the current appendices (so `csp report` writes into one run's folder, not through links). */
export function currentAppendicesDir(link: string): string | null {
  if (!existsSync(link)) return null;
  return lstatSync(link).isSymbolicLink() ? realpathSync(link) : link;
}
