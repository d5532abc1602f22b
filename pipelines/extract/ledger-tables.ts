// DDL for the raw schema: one typed table per contract (from the contract itself), plus the load ledger and rejects.
import { duckdbType, rawTableName, type Contract } from '../../sources/lib/contract.js';
import { ident, type Warehouse } from '../warehouse/db.js';

export const LOADS_TABLE = 'raw._loads';
export const REJECTS_TABLE = 'raw._rejects';

export const rawTableDdl = (c: Contract): string => {
  const cols = c.fields.map((f) => `${ident(f.name)} ${duckdbType(f)}`);
  return `CREATE TABLE IF NOT EXISTS raw.${ident(rawTableName(c))} (
    ${cols.join(',\n    ')},
    _load_id VARCHAR NOT NULL,
    _source_file VARCHAR NOT NULL,
    _file_checksum VARCHAR NOT NULL,
    _line_number BIGINT NOT NULL
  )`;
};

export async function ensureRawSchema(db: Warehouse, contracts: readonly Contract[]): Promise<void> {
  await db.run('CREATE SCHEMA IF NOT EXISTS raw');
  await db.run(`CREATE TABLE IF NOT EXISTS ${LOADS_TABLE} (
    load_id VARCHAR PRIMARY KEY,
    run_id VARCHAR,
    source VARCHAR,
    raw_table VARCHAR,
    source_file VARCHAR NOT NULL,
    file_checksum VARCHAR NOT NULL,
    file_bytes BIGINT,
    file_modified_at TIMESTAMP,
    encoding VARCHAR,
    status VARCHAR NOT NULL,
    is_current BOOLEAN NOT NULL,
    rows_read BIGINT,
    rows_landed BIGINT,
    rows_rejected BIGINT,
    error VARCHAR,
    started_at TIMESTAMP,
    finished_at TIMESTAMP
  )`);
  await db.run(`CREATE TABLE IF NOT EXISTS ${REJECTS_TABLE} (
    load_id VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL,
    line_number BIGINT NOT NULL,
    column_name VARCHAR,
    raw_value VARCHAR,
    reason VARCHAR NOT NULL,
    raw_record VARCHAR NOT NULL
  )`);
  for (const c of contracts) await db.run(rawTableDdl(c));
  await addNewContractColumns(db, contracts);
}

/**
 * A contract that gained a column since a working warehouse was made: rebuild its raw table in the contract's
 * column order (landing inserts by position), keeping the earlier loads' rows with the new column null.
 */
async function addNewContractColumns(db: Warehouse, contracts: readonly Contract[]): Promise<void> {
  const existing = await db.json<{ table_name: string; column_name: string }>(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'raw'",
  );
  const have = new Set(existing.map((r) => `${r.table_name}.${r.column_name}`));
  for (const c of contracts) {
    const table = rawTableName(c);
    if (c.fields.every((f) => have.has(`${table}.${f.name}`))) continue;
    const old = ident(`${table}__before_new_columns`);
    await db.run(`ALTER TABLE raw.${ident(table)} RENAME TO ${old}`);
    await db.run(rawTableDdl(c));
    await db.run(`INSERT INTO raw.${ident(table)} BY NAME SELECT * FROM raw.${old}`);
    await db.run(`DROP TABLE raw.${old}`);
  }
}
