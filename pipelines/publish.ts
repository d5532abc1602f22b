// Publishing never leaves a half-written file visible: the warehouse is copied beside its final name and
// renamed over it (readers holding the old file keep their session), and the appendices folder is a symlink
// switched with one rename.
import { copyFileSync, existsSync, lstatSync, mkdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

export function publishWarehouse(workDb: string, target: string, runId: string): void {
  const tmp = `${target}.${runId}.tmp`;
  copyFileSync(workDb, tmp);
  renameSync(tmp, target);
}

/** Point `link` at `dir` atomically. A real folder left by an older version is moved aside first. */
export function publishAppendices(dir: string, link: string, runId: string): void {
  mkdirSync(path.dirname(link), { recursive: true });
  if (existsSync(link) && !lstatSync(link).isSymbolicLink()) renameSync(link, `${link}.before-${runId}`);
  const tmp = `${link}.${runId}.tmp`;
  rmSync(tmp, { force: true });
  symlinkSync(path.relative(path.dirname(link), dir), tmp);
  renameSync(tmp, link);
}

export function currentAppendicesDir(link: string): string | null {
  if (!existsSync(link)) return null;
  return lstatSync(link).isSymbolicLink() ? path.resolve(path.dirname(link), readlinkSync(link)) : link;
}
