// Which dbt seeds a build must (re)load. Seeds are full-refreshed when loaded (a seed that gains a column must not
// meet last night's table), but reloading all 38 code lists every night cost seconds for files that rarely change.
// A seed is loaded again only when its file, or the project file holding its column types, changed since the last
// build that passed, or the working warehouse has no record of it (a new or rebuilt working database).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Warehouse } from '../../core/warehouse.js';

export const SEED_STATE_TABLE = 'ops.dbt_seed_checksums';

export interface SeedFile {
  /** The seed's path under the dbt project, as dbt's `path:` selector takes it (seeds/dfe/return_codes.csv). */
  selector: string;
  /** The seed table's name (the file name without .csv). */
  name: string;
  checksum: string;
}

/** Every seed file of the project, each with a checksum of its content and of dbt_project.yml (its column types). */
export function seedFiles(projectDir: string): SeedFile[] {
  const project = readFileSync(path.join(projectDir, 'dbt_project.yml'));
  const out: SeedFile[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.csv')) {
        const checksum = createHash('sha256').update(project).update('\0').update(readFileSync(full)).digest('hex');
        out.push({
          selector: path.relative(projectDir, full).split(path.sep).join('/'),
          name: e.name.slice(0, -4),
          checksum,
        });
      }
    }
  };
  walk(path.join(projectDir, 'seeds'));
  return out.sort((a, b) => a.selector.localeCompare(b.selector));
}

/** The seeds whose table already holds exactly this file (same checksum recorded, table present): no reload. */
export function unchangedSeeds(
  files: readonly SeedFile[],
  recorded: ReadonlyMap<string, string>,
  tables: ReadonlySet<string>,
): SeedFile[] {
  return files.filter((f) => recorded.get(f.selector) === f.checksum && tables.has(f.name));
}

/** The checksums recorded by the last build that passed, and which reference tables exist. */
export async function readSeedState(db: Warehouse): Promise<{ recorded: Map<string, string>; tables: Set<string> }> {
  const [known] = await db.json<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE schema_name = 'ops' AND table_name = 'dbt_seed_checksums'`,
  );
  const recorded = new Map<string, string>();
  if (known?.n)
    for (const r of await db.json<{ seed: string; checksum: string }>(`SELECT seed, checksum FROM ${SEED_STATE_TABLE}`))
      recorded.set(r.seed, r.checksum);
  const tables = new Set(
    (await db.json<{ t: string }>(`SELECT table_name AS t FROM duckdb_tables() WHERE schema_name = 'reference'`)).map(
      (r) => r.t,
    ),
  );
  return { recorded, tables };
}

/** After a build that passed (every seed loaded and tested): what each seed table now holds. */
export async function recordSeedState(db: Warehouse, files: readonly SeedFile[]): Promise<void> {
  await db.run('CREATE SCHEMA IF NOT EXISTS ops');
  await db.run(
    `CREATE TABLE IF NOT EXISTS ${SEED_STATE_TABLE} (seed VARCHAR PRIMARY KEY, checksum VARCHAR NOT NULL, recorded_at TIMESTAMP NOT NULL)`,
  );
  await db.transaction(async () => {
    await db.run(`DELETE FROM ${SEED_STATE_TABLE}`);
    for (const f of files)
      await db.run(`INSERT INTO ${SEED_STATE_TABLE} VALUES (?, ?, now()::TIMESTAMP)`, [f.selector, f.checksum]);
  });
}
