// "Nothing changed": a run whose exports, dbt project, settings and code are all what the published run was built
// from can keep that run's warehouse and appendices instead of rebuilding them (dbt alone is most of a run).
// The fingerprint is a hash of all of those; each run records its own, and the next run compares.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ReportRequest } from '../../reports/catalog.js';
import type { Config } from '../../core/config.js';
import { projectRoot, sqlDir } from '../../core/paths.js';

/** Folders of the dbt project that dbt (and Python, for the plugins) write: not part of what the run is built from. */
const DBT_OUTPUT = new Set(['target', 'logs', 'dbt_packages', '__pycache__']);

function addTree(hash: ReturnType<typeof createHash>, root: string, dir: string, skip: ReadonlySet<string>): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (skip.has(e.name) || e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) addTree(hash, root, full, skip);
    else if (e.isFile()) {
      hash.update(`\0${path.relative(root, full)}\0`);
      hash.update(readFileSync(full));
    }
  }
}

export interface FingerprintInput {
  config: Config;
  reports: readonly ReportRequest[];
  mappings?: Readonly<Record<string, string>>;
  /** Every export the run saw: its name and checksum. */
  files: readonly { file: string; checksum: string }[];
  /** Names the pseudonymisation key (pseudonymKeyId, not the key): a new key changes every key in the marts. */
  pseudonymKeyId?: string;
}

/** One hash of everything a run's warehouse and appendices are made from. */
export function runFingerprint(input: FingerprintInput): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      config: input.config,
      reports: input.reports,
      mappings: input.mappings ?? {},
      pseudonymKeyId: input.pseudonymKeyId ?? null,
    }),
  );
  for (const file of Object.values(input.mappings ?? {}).sort()) {
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update(`missing ${file}`);
    }
  }
  for (const f of [...input.files].sort((a, b) => (a.file < b.file ? -1 : 1)))
    hash.update(`\0export ${f.file} ${f.checksum}`);
  addTree(hash, sqlDir, sqlDir, DBT_OUTPUT);
  // The code: what `csp` runs (dist/) and the dependencies it was built against.
  addTree(hash, projectRoot, path.join(projectRoot, 'dist'), new Set());
  for (const f of ['package.json', 'package-lock.json']) {
    const p = path.join(projectRoot, f);
    if (statSync(p, { throwIfNoEntry: false })) hash.update(readFileSync(p));
  }
  return hash.digest('hex');
}
