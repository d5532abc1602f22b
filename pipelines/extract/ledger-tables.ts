// DDL for the raw schema: one typed table per contract (from the contract itself), plus the load ledger and rejects.
import { duckdbType, rawTableName, type Contract } from '../../sources/lib/contract.js';
import { ident, type Warehouse } from '../../core/warehouse.js';

export const LOADS_TABLE = 'raw._loads';
export const REJECTS_TABLE = 'raw._rejects';
/** Exports the completeness guard held back (extract/completeness.ts), one row each time one is held. */
export const HOLDS_TABLE = 'raw._holds';
/** Held exports the performance team accepted with `csp accept SOURCE`, by content (checksum). */
export const ACCEPTS_TABLE = 'raw._accepts';

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
  // The published specification a file was checked against (e.g. 'SSD 1.4.5'); added to older ledgers in place.
  await db.run(`ALTER TABLE ${LOADS_TABLE} ADD COLUMN IF NOT EXISTS spec_version VARCHAR`);
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
  for (const c of contracts) await db.run(rawTableDdl(c));
  // A column the DfE added to a return (SWEpisodes' DOB): a table made before it is rebuilt in the contract's
  // column order (rows landing are appended in that order), its rows kept with the new column blank.
  const have = new Set((await db.json<{ t: string; c: string }>(`SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'raw'`)).map((r) => `${r.t}.${r.c}`));
  for (const c of contracts) {
    const table = rawTableName(c);
    if (c.fields.every((f) => have.has(`${table}.${f.name}`))) continue;
    const cols = [...c.fields.map((f) => (have.has(`${table}.${f.name}`) ? ident(f.name) : `CAST(NULL AS ${duckdbType(f)}) AS ${ident(f.name)}`)), '_load_id', '_source_file', '_file_checksum', '_line_number'];
    await db.run(`CREATE OR REPLACE TABLE raw.${ident(`${table}__rebuilt`)} AS SELECT ${cols.join(', ')} FROM raw.${ident(table)}`);
    await db.run(`DROP TABLE raw.${ident(table)}`);
    await db.run(rawTableDdl(c));
    await db.run(`INSERT INTO raw.${ident(table)} SELECT * FROM raw.${ident(`${table}__rebuilt`)}`);
    await db.run(`DROP TABLE raw.${ident(`${table}__rebuilt`)}`);
  }
}
