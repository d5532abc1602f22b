// Lands one export file: every row is validated against its contract and either landed in raw.<table> or kept
// in raw._rejects with its line, column, value and reason. The swap is one transaction, so a failed file
// leaves the source's previous data in place.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { compileContract, rawTableName, type Contract } from '../../sources/lib/contract.js';
import { readCsv, sniffEncoding } from '../../sources/lib/csv-reader.js';
import { ident, type Warehouse } from '../warehouse/db.js';
import { detectContract } from './detect.js';
import { LOADS_TABLE, REJECTS_TABLE } from './ledger-tables.js';

export interface FileLoadResult {
  file: string;
  source: string | null;
  status: 'loaded' | 'skipped' | 'failed';
  read: number;
  landed: number;
  rejected: number;
  error?: string;
  checksum: string;
  durationMs: number;
}

export class FileRejectedError extends Error {}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

interface Reject {
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
  record: string;
}

export async function landFile(
  db: Warehouse,
  opts: { path: string; name: string; loadId: string; runId: string; contracts: readonly Contract[] },
): Promise<FileLoadResult> {
  const started = Date.now();
  const startedAt = new Date().toISOString();
  const checksum = await sha256File(opts.path);
  const stat = statSync(opts.path);
  const encoding = await sniffEncoding(opts.path);
  const base = { file: opts.name, checksum };
  let source: string | null = null;

  const fail = async (error: string): Promise<FileLoadResult> => {
    await recordLoad(db, { ...opts, source, table: null, checksum, bytes: stat.size, mtime: stat.mtime, encoding, status: 'failed', read: 0, landed: 0, rejected: 0, error, startedAt });
    return { ...base, source, status: 'failed', read: 0, landed: 0, rejected: 0, error, durationMs: Date.now() - started };
  };

  const records = readCsv(opts.path);
  const first = await records.next();
  if (first.done) return fail(`${opts.name} is empty: expected a header row and at least one data row. Re-export the file and run again.`);
  const headers = first.value.cells;
  const detected = detectContract(opts.name, headers, opts.contracts);
  if (!detected.ok) return fail(detected.reason);
  const { contract, match } = detected;
  source = `${contract.system}.${contract.entity}`;
  const table = rawTableName(contract);

  const previous = await db.json<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM ${LOADS_TABLE} WHERE raw_table = ? AND source_file = ? AND file_checksum = ? AND status = 'loaded' AND is_current`,
    [table, opts.name, checksum],
  );
  if ((previous[0]?.n ?? 0) > 0) {
    await records.return(undefined);
    return { ...base, source, status: 'skipped', read: 0, landed: 0, rejected: 0, durationMs: Date.now() - started };
  }

  const compiled = compileContract(contract);
  const landing = `raw.${ident(`_landing__${table}`)}`;
  await db.run(`CREATE OR REPLACE TABLE ${landing} AS SELECT * FROM raw.${ident(table)} LIMIT 0`);
  const appender = await db.connection.createAppender(`_landing__${table}`, 'raw');
  const rejects: Reject[] = [];
  let read = 0;
  let landed = 0;
  let rejectedRows = 0;
  const fieldOrder = contract.fields;

  for await (const rec of records) {
    read++;
    const record = JSON.stringify(Object.fromEntries(headers.map((h, i) => [h, rec.cells[i] ?? null])));
    if (rec.cells.length !== headers.length) {
      rejectedRows++;
      rejects.push({ line: rec.line, column: null, value: null, reason: `row has ${rec.cells.length} values but the header has ${headers.length} columns (a stray comma or a cut-off line?)`, record });
      continue;
    }
    const raw: Record<string, string | undefined> = {};
    for (const [name, i] of match.columns) raw[name] = rec.cells[i];
    const result = compiled.validate(raw);
    if (!result.ok) {
      rejectedRows++;
      for (const p of result.problems) rejects.push({ line: rec.line, column: p.header, value: p.value, reason: p.reason, record });
      continue;
    }
    for (const f of fieldOrder) {
      const v = result.row[f.name];
      if (v === null || v === undefined) appender.appendNull();
      else appender.appendVarchar(String(v));
    }
    appender.appendVarchar(opts.loadId);
    appender.appendVarchar(opts.name);
    appender.appendVarchar(checksum);
    appender.appendVarchar(String(rec.line));
    appender.endRow();
    landed++;
  }
  appender.closeSync();

  if (read === 0) {
    await db.run(`DROP TABLE ${landing}`);
    return fail(`${opts.name} has a header row but no data rows. Check the export finished, then run again.`);
  }
  if (read !== landed + rejectedRows) throw new Error(`internal check failed for ${opts.name}: read ${read} != landed ${landed} + rejected ${rejectedRows}`);

  await db.transaction(async () => {
    // A corrected file replaces its earlier version (same name) and only that.
    await db.run(`DELETE FROM raw.${ident(table)} WHERE _source_file = ?`, [opts.name]);
    await db.run(`INSERT INTO raw.${ident(table)} SELECT * FROM ${landing}`);
    await db.run(`DELETE FROM ${REJECTS_TABLE} WHERE source = ? AND source_file = ?`, [source!, opts.name]);
    await insertRejects(db, opts.loadId, source!, opts.name, rejects);
    await db.run(`UPDATE ${LOADS_TABLE} SET is_current = false WHERE raw_table = ? AND source_file = ?`, [table, opts.name]);
    await recordLoad(db, { ...opts, source, table, checksum, bytes: stat.size, mtime: stat.mtime, encoding, status: 'loaded', read, landed, rejected: rejectedRows, error: null, startedAt });
  });
  await db.run(`DROP TABLE ${landing}`);
  return { ...base, source, status: 'loaded', read, landed, rejected: rejectedRows, durationMs: Date.now() - started };
}

async function insertRejects(db: Warehouse, loadId: string, source: string, file: string, rejects: Reject[]): Promise<void> {
  if (rejects.length === 0) return;
  const appender = await db.connection.createAppender('_rejects', 'raw');
  for (const r of rejects) {
    appender.appendVarchar(loadId);
    appender.appendVarchar(source);
    appender.appendVarchar(file);
    appender.appendVarchar(String(r.line));
    if (r.column === null) appender.appendNull();
    else appender.appendVarchar(r.column);
    if (r.value === null || r.value === undefined) appender.appendNull();
    else appender.appendVarchar(r.value);
    appender.appendVarchar(r.reason);
    appender.appendVarchar(r.record);
    appender.endRow();
  }
  appender.closeSync();
}

async function recordLoad(
  db: Warehouse,
  l: { loadId: string; runId: string; name: string; source: string | null; table: string | null; checksum: string; bytes: number; mtime: Date; encoding: string; status: string; read: number; landed: number; rejected: number; error: string | null; startedAt: string },
): Promise<void> {
  await db.run(
    `INSERT INTO ${LOADS_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?, ?::TIMESTAMP, ?, ?, ?, ?, ?, ?, ?, ?::TIMESTAMP, now()::TIMESTAMP)`,
    [l.loadId, l.runId, l.source, l.table, l.name, l.checksum, l.bytes, l.mtime.toISOString(), l.encoding, l.status, l.status === 'loaded', l.read, l.landed, l.rejected, l.error, l.startedAt],
  );
}
