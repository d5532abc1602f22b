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
