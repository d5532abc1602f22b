// The pseudonymised warehouse, for analysts and BI beyond the performance team: the marts and reference data
// only (no raw, staging, intermediate or ops schema), keyed pseudonymous keys, month of birth instead of date of
// birth, and no column that names, locates or identifies a person or holds free text. In the spirit of the
// "degrade" step of Social Finance's liia-tools. The marts are built that way already; these rules are the
// second lock, for a column a new mart adds without thinking of it. A column that still holds a child's or
// worker's system ID, whatever its name, is left out too (and the run log says so).
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/logger.js';
import { fsyncDir, fsyncFile } from '../core/atomic.js';
import { ident, withWarehouse, type Warehouse } from '../core/warehouse.js';

export const PSEUDONYMISED_FILE = 'warehouse-pseudonymised.duckdb';

/** The only schemas copied. */
export const PSEUDONYMISED_SCHEMAS = ['marts', 'reference'] as const;

export interface ColumnRule {
  pattern: RegExp;
  action: 'drop' | 'birth-month';
  why: string;
}

/** Matched against each column's name in lower case; the first rule that matches decides. */
export const COLUMN_RULES: readonly ColumnRule[] = [
  {
    pattern: /(^|_)(date_of_birth|dob|birth_date)$/,
    action: 'birth-month',
    why: 'date of birth: only its month is kept',
  },
  {
    pattern:
      /(^|_)(id|upn|former_upn|uln|unique_learner_number|nhs_number|ni_number|national_insurance_number|reference|case_number)$/,
    action: 'drop',
    why: 'a system identifier',
  },
  {
    pattern:
      /(^|_)(forenames?|first_names?|surname|last_name|full_name|family_name|given_names?|[a-z]+_name_text)$|^(child|worker|carer|person|young_person|parent|adopter|social_worker)_name$/,
    action: 'drop',
    why: "a person's name",
  },
  {
    pattern: /postcode|post_code|address|(^|_)(uprn|lsoa|latitude|longitude|easting|northing)$/,
    action: 'drop',
    why: 'where someone lives or is placed',
  },
  {
    pattern: /(^|_)(notes?|free_text|narrative|comments?|details|summary|reason_text|description_text)$/,
    action: 'drop',
    why: 'free text',
  },
];

/** Columns named like identifiers that are code-list keys (a measure's code), not anyone's ID. */
export const CODE_COLUMNS: ReadonlySet<string> = new Set(['measure_id']);

export type ColumnPlan =
  { action: 'keep' } | { action: 'drop'; why: string } | { action: 'birth-month'; as: string; why: string };

/** What the pseudonymised copy does with one column. */
export function planColumn(name: string): ColumnPlan {
  const n = name.toLowerCase();
  if (CODE_COLUMNS.has(n)) return { action: 'keep' };
  const rule = COLUMN_RULES.find((r) => r.pattern.test(n));
  if (!rule) return { action: 'keep' };
  if (rule.action === 'birth-month')
    return {
      action: 'birth-month',
      as: /^(date_of_birth|dob|birth_date)$/.test(n) ? 'birth_month' : `${n}_month`,
      why: rule.why,
    };
  return { action: 'drop', why: rule.why };
}

export interface PseudonymisedSummary {
  tables: number;
  columns: number;
  /** `schema.table.column: why` for each column left out by its name (COLUMN_RULES). */
  dropped: string[];
  /** Columns left out because they hold system IDs under another name: a mart to mend. */
  leaking: string[];
}

/** System IDs of children and workers in the full warehouse, which no value in the copy may equal. */
const IDENTIFIER_SOURCES = [
  { relation: 'intermediate.int_children', column: 'child_id' },
  { relation: 'staging.stg_case_management__workers', column: 'worker_id' },
] as const;

type Column = {
  table_schema: string;
  table_name: string;
  column_name: string;
  data_type: string;
};

async function loadIdentifiers(db: Warehouse, full: string): Promise<void> {
  const present = await db.json<{ name: string }>(
    `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables WHERE table_catalog = ${sqlString(full)}`,
  );
  const names = new Set(present.map((r) => r.name));
  const selects = IDENTIFIER_SOURCES.filter((s) => names.has(s.relation)).map(
    (s) => `SELECT DISTINCT CAST(${ident(s.column)} AS VARCHAR) AS id FROM ${ident(full)}.${s.relation}`,
  );
  // Very short values (a code such as '1') are not anyone's ID and would only make false alarms.
  await db.run(
    `CREATE TEMP TABLE system_ids AS SELECT DISTINCT id FROM (${selects.length ? selects.join(' UNION ALL ') : 'SELECT NULL::VARCHAR AS id'}) WHERE length(id) >= 4`,
  );
}

/**
 * The columns of `source` (among `text`) holding a value equal to a system ID. One query and one join for the
 * whole table: each column is read once (the tables are columnar) into a stream of (column, value) that meets
 * `system_ids` in a single semi join. A separate `IN (SELECT id FROM system_ids)` per column built the ID set's
 * hash table once per column: at scale 10 that check took 17 s, this one 1.6 s (docs/benchmarks-notes.md).
 */
async function leakingColumns(db: Warehouse, source: string, text: readonly Column[]): Promise<Set<string>> {
  if (!text.length) return new Set();
  const values = text
    .map((c) => `SELECT ${sqlString(c.column_name)} AS column_name, ${ident(c.column_name)} AS value FROM ${source}`)
    .join(' UNION ALL ');
  const found = await db.json<{ column_name: string }>(
    `SELECT DISTINCT v.column_name FROM (${values}) v SEMI JOIN system_ids s ON v.value = s.id`,
  );
  return new Set(found.map((r) => r.column_name));
}

/**
 * Writes the pseudonymised copy of the (closed) warehouse `fullFile` to `target`, under a temporary name renamed
 * into place, so a crash leaves no half-written file under the real name.
 */
export async function writePseudonymisedWarehouse(
  fullFile: string,
  target: string,
  log: Logger,
): Promise<PseudonymisedSummary> {
  const tmp = `${target}.tmp`;
  for (const f of [tmp, `${tmp}.wal`]) rmSync(f, { force: true });
  const summary: PseudonymisedSummary = { tables: 0, columns: 0, dropped: [], leaking: [] };
  const started = Date.now();
  await withWarehouse(tmp, {}, async (db) => {
    // Under the name dbt built it with (its file's), so the views it holds (int_children) still resolve.
    const full = path.basename(fullFile).replace(/\.[^.]+$/, '');
    await db.run(`ATTACH ${sqlString(fullFile)} AS ${ident(full)} (READ_ONLY)`);
    // duckdb_tables() lists base tables only: no views come across.
    const columns = await db.json<Column>(
      `SELECT c.schema_name AS table_schema, c.table_name, c.column_name, c.data_type
       FROM duckdb_columns() c JOIN duckdb_tables() t USING (database_name, schema_name, table_name)
       WHERE c.database_name = ${sqlString(full)} AND c.schema_name IN (${PSEUDONYMISED_SCHEMAS.map(sqlString).join(', ')})
       ORDER BY c.schema_name, c.table_name, c.column_index`,
    );
    await loadIdentifiers(db, full);
    const tables = new Map<string, Column[]>();
    for (const c of columns)
      tables.set(`${c.table_schema}.${c.table_name}`, [...(tables.get(`${c.table_schema}.${c.table_name}`) ?? []), c]);
    for (const schema of PSEUDONYMISED_SCHEMAS) await db.run(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
    for (const [name, cols] of tables) {
      const [schema, table] = name.split('.') as [string, string];
      const source = `${ident(full)}.${ident(schema)}.${ident(table)}`;
      // A text column holding any child's or worker's system ID is left out, whatever it is called.
      const text = cols.filter((c) => c.data_type === 'VARCHAR' && planColumn(c.column_name).action === 'keep');
      const leaking = await leakingColumns(db, source, text);
      const select: string[] = [];
      for (const c of cols) {
        const plan = planColumn(c.column_name);
        if (leaking.has(c.column_name)) summary.leaking.push(`${name}.${c.column_name}`);
        else if (plan.action === 'keep') select.push(ident(c.column_name));
        else if (plan.action === 'birth-month')
          select.push(`CAST(date_trunc('month', ${ident(c.column_name)}) AS DATE) AS ${ident(plan.as)}`);
        else summary.dropped.push(`${name}.${c.column_name}: ${plan.why}`);
      }
      if (!select.length) continue;
      await db.run(`CREATE TABLE ${ident(schema)}.${ident(table)} AS SELECT ${select.join(', ')} FROM ${source}`);
      summary.tables++;
      summary.columns += select.length;
    }
    await db.run(`DETACH ${ident(full)}`);
    await db.run('CHECKPOINT');
  });
  log.info(
    { dropped: summary.dropped, tables: summary.tables, ms: Date.now() - started },
    `publish: pseudonymised warehouse: ${summary.tables} tables (${Date.now() - started} ms)${summary.dropped.length ? `; left out ${summary.dropped.join('; ')}` : ''}`,
  );
  for (const c of summary.leaking)
    log.warn(
      { column: c },
      `publish: left ${c} out of the pseudonymised warehouse: it holds children's or workers' system IDs. Give the mart a pseudonym_key instead.`,
    );
  if (existsSync(`${tmp}.wal`))
    throw new Error(`the pseudonymised warehouse ${tmp} was not closed cleanly: nothing was published. Run again.`);
  fsyncFile(tmp);
  renameSync(tmp, target);
  fsyncDir(path.dirname(target));
  return summary;
}

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;
