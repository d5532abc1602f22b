// Raw tables follow their contracts. A raw table made under an earlier contract is rebuilt to the current one
// before anything lands: a renamed column (the contract's `renamedFrom`) keeps its values, an added column starts
// blank, a column whose type changed is cast. Where values could differ from what the new contract would read
// from the file (an added column, a new type), the files landed into the table are marked to be landed again
// (raw._loads.reland_due), so the next landing reads them through the new contract; one no longer on disk keeps
// its migrated rows, and the run says so (pendingRelands).
import { duckdbType, rawTableName, type Contract, type FieldSpec } from '../../sources/lib/contract.js';
import { ident, type Warehouse } from '../../core/warehouse.js';
import { LOADS_TABLE, SCHEMA_CHANGES_TABLE, rawTableDdl } from './ledger-tables.js';

export interface SchemaChange {
  source: string;
  table: string;
  kind: 'added' | 'renamed' | 'retyped' | 'dropped';
  column: string;
  /** A renamed column's old name; a retyped column's old type. */
  from?: string;
  /** A retyped column's new type. */
  to?: string;
  /** Whether the table's files are landed again to fill it. */
  relands: boolean;
  description: string;
}

/** A file landed under an earlier contract that could not be landed again: its rows stay as migrated. */
export interface PendingReland {
  file: string;
  source: string;
  rows: number;
  /** What changed (raw._loads.reland_due). */
  change: string;
  message: string;
}

interface RawColumn {
  name: string;
  type: string;
}

const META_COLUMNS = ['_load_id', '_source_file', '_file_checksum', '_line_number'];

/** What turns a raw table of `have` columns into the contract's: pure, so each rule is tested on its own. */
export function planMigration(contract: Contract, have: readonly RawColumn[]): SchemaChange[] {
  const source = `${contract.system}.${contract.entity}`;
  const table = rawTableName(contract);
  const byName = new Map(have.filter((c) => !META_COLUMNS.includes(c.name)).map((c) => [c.name, c]));
  const used = new Set<string>();
  const changes: SchemaChange[] = [];
  for (const f of contract.fields) {
    const type = duckdbType(f);
    const old =
      byName.get(f.name) ??
      (f.renamedFrom ?? [])
        .map((n) => byName.get(n))
        .find((c) => c !== undefined && !contract.fields.some((g) => g.name === c.name));
    if (!old) {
      changes.push({
        source,
        table,
        kind: 'added',
        column: f.name,
        relands: true,
        description: `${source}: column ${f.name} (${f.header}) added`,
      });
      continue;
    }
    used.add(old.name);
    if (old.name !== f.name)
      changes.push({
        source,
        table,
        kind: 'renamed',
        column: f.name,
        from: old.name,
        relands: false,
        description: `${source}: column ${old.name} renamed ${f.name}`,
      });
    if (old.type !== type)
      changes.push({
        source,
        table,
        kind: 'retyped',
        column: f.name,
        from: old.type,
        to: type,
        relands: true,
        description: `${source}: column ${f.name} changed from ${old.type} to ${type}`,
      });
  }
  for (const c of byName.values()) {
    if (!used.has(c.name))
      changes.push({
        source,
        table,
        kind: 'dropped',
        column: c.name,
        relands: false,
        description: `${source}: column ${c.name} is no longer in the contract and was dropped`,
      });
  }
  return changes;
}

/** The SELECT list that reads an old raw table's rows in the contract's column order and types. */
export function migratedColumns(contract: Contract, changes: readonly SchemaChange[]): string[] {
  const select = (f: FieldSpec): string => {
    const type = duckdbType(f);
    if (changes.some((c) => c.kind === 'added' && c.column === f.name))
      return `CAST(NULL AS ${type}) AS ${ident(f.name)}`;
    const from = changes.find((c) => c.kind === 'renamed' && c.column === f.name)?.from ?? f.name;
    // TRY_CAST: a value the new type cannot hold becomes blank here; landing the file again reads it properly.
    if (changes.some((c) => c.kind === 'retyped' && c.column === f.name))
      return `TRY_CAST(${ident(from)} AS ${type}) AS ${ident(f.name)}`;
    return from === f.name ? ident(f.name) : `${ident(from)} AS ${ident(f.name)}`;
  };
  return [...contract.fields.map(select), ...META_COLUMNS];
}

async function rawColumns(db: Warehouse): Promise<Map<string, RawColumn[]>> {
  const rows = await db.json<{ t: string; c: string; type: string }>(
    `SELECT table_name AS t, column_name AS c, data_type AS type FROM information_schema.columns WHERE table_schema = 'raw' ORDER BY table_name, ordinal_position`,
  );
  const out = new Map<string, RawColumn[]>();
  for (const r of rows) out.set(r.t, [...(out.get(r.t) ?? []), { name: r.c, type: r.type }]);
  return out;
}

/** Makes every contract's raw table, migrating any made under an earlier contract; returns what changed. */
export async function migrateRawTables(
  db: Warehouse,
  contracts: readonly Contract[],
  runId: string,
): Promise<SchemaChange[]> {
  const existing = await rawColumns(db);
  const all: SchemaChange[] = [];
  for (const contract of contracts) {
    const table = rawTableName(contract);
    const have = existing.get(table);
    if (!have) {
      await db.run(rawTableDdl(contract));
      continue;
    }
    const changes = planMigration(contract, have);
    if (changes.length === 0) continue;
    await db.transaction(async () => {
      await rebuildTable(db, contract, changes);
      await recordChanges(db, runId, changes);
    });
    all.push(...changes);
  }
  return all;
}

async function rebuildTable(db: Warehouse, contract: Contract, changes: readonly SchemaChange[]): Promise<void> {
  const table = rawTableName(contract);
  const copy = `raw.${ident(`${table}__migrating`)}`;
  await db.run(
    `CREATE OR REPLACE TABLE ${copy} AS SELECT ${migratedColumns(contract, changes).join(', ')} FROM raw.${ident(table)}`,
  );
  await db.run(`DROP TABLE raw.${ident(table)}`);
  await db.run(rawTableDdl(contract));
  await db.run(`INSERT INTO raw.${ident(table)} SELECT * FROM ${copy}`);
  await db.run(`DROP TABLE ${copy}`);
}

async function recordChanges(db: Warehouse, runId: string, changes: readonly SchemaChange[]): Promise<void> {
  for (const c of changes) {
    await db.run(`INSERT INTO ${SCHEMA_CHANGES_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP)`, [
      runId,
      c.source,
      c.table,
      c.kind,
      c.column,
      c.from ?? null,
      c.to ?? null,
      c.description,
    ]);
  }
  const relanding = changes.filter((c) => c.relands);
  if (relanding.length === 0) return;
  // Files landed under the earlier contract are landed again when next seen (land-file.ts reads reland_due).
  const why = `contract changed: ${relanding.map((c) => c.description.replace(`${c.source}: `, '')).join('; ')}`;
  await db.run(
    `UPDATE ${LOADS_TABLE} SET reland_due = CASE WHEN reland_due IS NULL THEN ? ELSE reland_due || '; ' || ? END WHERE raw_table = ? AND status = 'loaded' AND is_current`,
    [why, why, relanding[0]!.table],
  );
}

/** Current loads of the migrated tables still waiting to be landed again after this run's landing. */
export async function pendingRelands(db: Warehouse, changes: readonly SchemaChange[]): Promise<PendingReland[]> {
  const tables = [...new Set(changes.filter((c) => c.relands).map((c) => c.table))];
  if (tables.length === 0) return [];
  const rows = await db.json<{ file: string; source: string; rows: number; change: string }>(
    `SELECT source_file AS file, source, rows_landed::INTEGER AS rows, reland_due AS change FROM ${LOADS_TABLE}
     WHERE is_current AND status = 'loaded' AND reland_due IS NOT NULL AND raw_table IN (${tables.map(() => '?').join(', ')}) ORDER BY source_file`,
    tables,
  );
  return rows.map((r) => ({
    ...r,
    message: `${r.file} was landed under the earlier ${r.source} contract and could not be landed again (it is no longer in the input folder, or no longer matches): its ${r.rows.toLocaleString('en-GB')} rows are kept as they were, so a column the contract added stays blank for them (${r.change}). Put the file back in the input folder to fill it.`,
  }));
}
