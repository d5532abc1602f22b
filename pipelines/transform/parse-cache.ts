// dbt's parse of the project (partial_parse.msgpack), shared between data folders. Parsing 123 models and 950
// tests takes dbt 8-25 s; a data folder's own target keeps it between nights, but a new data folder (a first
// night, every end-to-end test, the bench) parsed from scratch. dbt checks every file's checksum, its version, the
// profile and the vars against the saved parse and re-parses what differs, so starting from another folder's parse
// is safe: it only saves the work where nothing changed. dbt is run from the warehouse's folder with a relative
// path (dbtLocation) because the profile's connection settings, the path included, are part of that check.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../core/paths.js';

export const PARSE_FILE = 'partial_parse.msgpack';
/** Inside the project (gitignored), so every data folder of this installation shares it. */
export const parseCacheDir = path.join(projectRoot, '.cache', 'dbt-parse');

/**
 * One shared parse per profile as dbt sees it (the warehouse's file name and the memory limit are in it), so a test
 * naming its warehouse w.duckdb does not replace the parse every warehouse.duckdb uses.
 */
export const cachedParse = (cacheDir: string, warehouse: string): string =>
  path.join(
    cacheDir,
    `${dbtLocation(warehouse).warehouse}-${(process.env.CSP_DUCKDB_MEMORY_LIMIT ?? '1GB').replace(/[^\w.-]/g, '_')}.${PARSE_FILE}`,
  );

/** Before dbt runs in a target folder with no parse of its own: start it from the shared parse, if there is one. */
export function seedTargetParse(targetPath: string, warehouse: string, cacheDir = parseCacheDir): boolean {
  const own = path.join(targetPath, PARSE_FILE);
  const cached = cachedParse(cacheDir, warehouse);
  if (existsSync(own) || !existsSync(cached)) return false;
  try {
    mkdirSync(targetPath, { recursive: true });
    copyFileSync(cached, own);
    return true;
  } catch {
    return false; // an unwritable or vanished cache only costs a full parse
  }
}

/** After dbt ran: the target's parse becomes the shared one (atomically: another run may be reading it). */
export function saveTargetParse(targetPath: string, warehouse: string, cacheDir = parseCacheDir): void {
  const own = path.join(targetPath, PARSE_FILE);
  const cached = cachedParse(cacheDir, warehouse);
  if (!existsSync(own)) return;
  try {
    if (existsSync(cached) && statSync(cached).mtimeMs >= statSync(own).mtimeMs) return;
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${cached}.${process.pid}.${Math.random().toString(36).slice(2, 8)}`;
    copyFileSync(own, tmp);
    try {
      renameSync(tmp, cached);
    } finally {
      rmSync(tmp, { force: true });
    }
  } catch {
    // An installation folder the service user cannot write to: each new data folder parses in full, as before.
  }
}

/**
 * Where dbt runs and how the profile names the warehouse: from the warehouse's folder, by its file name, so the
 * profile (and with it the saved parse) is the same for every data folder.
 */
export const dbtLocation = (warehouse: string): { cwd: string; warehouse: string } => ({
  cwd: path.dirname(path.resolve(warehouse)),
  warehouse: path.basename(warehouse),
});
