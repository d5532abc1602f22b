// DDL for the raw schema: one typed table per contract (from the contract itself), plus the load ledger and rejects.
import { duckdbType, rawTableName, type Contract } from '../../sources/lib/contract.js';
import { ident, type Warehouse } from '../../core/warehouse.js';

export const LOADS_TABLE = 'raw._loads';
export const REJECTS_TABLE = 'raw._rejects';
/** Exports the completeness guard held back (extract/completeness.ts), one row each time one is held. */
export const HOLDS_TABLE = 'raw._holds';
/** Held exports the performance team accepted with `csp accept SOURCE`, by content (checksum). */
export const ACCEPTS_TABLE = 'raw._accepts';
/** Each change a contract made to its raw table (raw-migrations.ts). */
export const SCHEMA_CHANGES_TABLE = 'raw._schema_changes';

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

/** The ledger tables; each contract's raw table is made (or migrated) by raw-migrations.ts. */
export async function ensureRawSchema(db: Warehouse): Promise<void> {
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
  // The published specification a file was checked against (e.g. 'SSD 1.4.5'); added to older ledgers in place.
  await db.run(`ALTER TABLE ${LOADS_TABLE} ADD COLUMN IF NOT EXISTS spec_version VARCHAR`);
  // Set on a current load when its table's contract changed (what changed): the file is landed again when next seen.
  await db.run(`ALTER TABLE ${LOADS_TABLE} ADD COLUMN IF NOT EXISTS reland_due VARCHAR`);
  // On a load that landed a file again because its contract changed: what changed.
  await db.run(`ALTER TABLE ${LOADS_TABLE} ADD COLUMN IF NOT EXISTS schema_change VARCHAR`);
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
  await db.run(`CREATE TABLE IF NOT EXISTS ${HOLDS_TABLE} (
    load_id VARCHAR NOT NULL,
    run_id VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL,
    file_checksum VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,          -- truncated, shrunk, older
    rows_read BIGINT,
    latest_date DATE,
    previous_file VARCHAR,
    previous_rows BIGINT,
    previous_latest_date DATE,
    message VARCHAR NOT NULL,
    held_at TIMESTAMP NOT NULL
  )`);
  await db.run(`CREATE TABLE IF NOT EXISTS ${ACCEPTS_TABLE} (
    source VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL,
    file_checksum VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    accepted_at TIMESTAMP NOT NULL,
    accepted_by VARCHAR
  )`);
  // Contract changes applied to raw tables (raw-migrations.ts), one row per column changed.
  await db.run(`CREATE TABLE IF NOT EXISTS ${SCHEMA_CHANGES_TABLE} (
    run_id VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    raw_table VARCHAR NOT NULL,
    change VARCHAR NOT NULL,          -- added, renamed, retyped, dropped
    column_name VARCHAR NOT NULL,
    from_value VARCHAR,               -- a renamed column's old name, a retyped column's old type
    to_value VARCHAR,
    description VARCHAR NOT NULL,
    changed_at TIMESTAMP NOT NULL
  )`);
}
