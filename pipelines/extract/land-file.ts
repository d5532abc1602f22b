// Lands one export file: every row is validated against its contract and either landed in raw.<table> or kept
// in raw._rejects with its line, column, value and reason. Each table's swap is one transaction, so a failed
// file leaves the source's previous data in place. A CSV is one table; a workbook is one table per sheet.
import { createHash } from 'node:crypto';
import { createReadStream, statSync, type Stats } from 'node:fs';
import type { CollectionYear } from '../../core/calendar/collection-year.js';
import { compileContract, rawTableName, rowLengthReason, type Contract } from '../../sources/lib/contract.js';
import { returnContractForYear } from '../../sources/lib/return-fields.js';
import { readCsv, sniffEncoding, type CsvRecord } from '../../sources/lib/csv-reader.js';
import { ambiguityReason, ambiguousFields } from '../../sources/lib/header-ambiguity.js';
import { readXlsxSheets } from '../../sources/lib/xlsx-reader.js';
import { ident, type Warehouse } from '../../core/warehouse.js';
import { detectContract, type Detection } from '../../sources/lib/detect.js';
import { landCsvWithSql, sqlLandingFits, type SqlLanding } from './land-csv-sql.js';
import { LOADS_TABLE, REJECTS_TABLE } from './ledger-tables.js';
import { DEFAULT_COMPLETENESS, isCutOff, judgeExport, truncatedExport, type CompletenessRules, type ExportFacts, type HeldExport } from './completeness.js';
import { endsWithLineBreak, isAccepted, latestDateOf, previousExport, recordHold } from './guard-facts.js';
import { landReturnXml } from './land-xml.js';
import { isXml } from '../../sources/lib/return-xml.js';
import { isTransientError } from '../ops/retry.js';

export interface FileLoadResult {
  /** File name relative to the input folder; `book.xlsx#Sheet` for a worksheet. */
  file: string;
  source: string | null;
  /** `held`: read but held back by the completeness guard (completeness.ts); the source keeps its previous data. */
  /** `passed_over`: a workbook sheet that holds no known export (a cover or notes sheet); `error` says why. */
  status: 'loaded' | 'skipped' | 'failed' | 'held' | 'passed_over';
  read: number;
  landed: number;
  rejected: number;
  error?: string;
  checksum: string;
  durationMs: number;
  /** How a loaded file was checked: in DuckDB (`sql`, land-csv-sql.ts) or row by row in JS (`js`). */
  landing?: 'sql' | 'js';
  /** Why a held file was held back, and what analysts see instead. */
  held?: HeldExport;
  /** A skipped file whose content was already landed under another name: that name. */
  duplicateOf?: string;
}

class UnreadableFileError extends Error {}

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

interface LandOptions {
  path: string;
  name: string;
  loadId: string;
  runId: string;
  contracts: readonly Contract[];
  /** `js` checks every row in JS (the reference); `auto` lets DuckDB check a UTF-8 CSV (land-csv-sql.ts). */
  landing?: LandingPath;
  /** When a new export is held back (default: more than 20% fewer rows than the previous one, or older). */
  completeness?: CompletenessRules;
  /** The collection year each return's rows are checked against, by system (e.g. ssda903: '2024/25'). */
  returnYears?: Readonly<Record<string, CollectionYear>>;
}

export type LandingPath = 'auto' | 'js';

interface FileFacts {
  checksum: string;
  stat: Stats;
  encoding: string;
  startedAt: string;
}

/** How many rows above the header may be titles, notes or blanks before we give up looking for it. */
const HEADER_SEARCH_ROWS = 20;

export const isWorkbook = (file: string): boolean => /\.xlsx$/i.test(file);

export async function landFile(db: Warehouse, opts: LandOptions): Promise<FileLoadResult[]> {
  const facts: FileFacts = {
    checksum: await sha256File(opts.path),
    stat: statSync(opts.path),
    encoding: isWorkbook(opts.path) ? 'xlsx' : isXml(opts.path) ? 'xml' : await sniffEncoding(opts.path),
    startedAt: new Date().toISOString(),
  };
  // The same content under a second name (a copy in another folder, a renamed re-send) would count every row twice.
  const [twin] = await db.json<{ source_file: string }>(
    `SELECT source_file FROM ${LOADS_TABLE} WHERE file_checksum = ? AND status = 'loaded' AND is_current AND split_part(source_file, '#', 1) <> ? ORDER BY finished_at LIMIT 1`,
    [facts.checksum, opts.name],
  );
  if (twin) {
    const sameAs = twin.source_file.split('#')[0]!;
    return [{ file: opts.name, source: null, checksum: facts.checksum, status: 'skipped', read: 0, landed: 0, rejected: 0, duplicateOf: sameAs, error: `${opts.name} has exactly the same content as ${sameAs}, already landed: skipped, so its rows are not counted twice. Remove one of the two copies from the input folder.`, durationMs: Date.now() - Date.parse(facts.startedAt) }];
  }
  if (isXml(opts.path)) {
    // A return XML: one table per entity stream, like a workbook's sheets (see land-xml.ts).
    let loadNo = 0;
    return landReturnXml(opts.path, opts.name, opts.contracts, {
      land: (name, contract, records) => landTable(db, { ...opts, contracts: [contract], loadId: `${opts.loadId}.${++loadNo}` }, facts, name, records, false),
      fail: (error) => failed(db, opts, facts, opts.name, null, error),
    }, opts.returnYears);
  }
  if (!isWorkbook(opts.path)) {
    try {
      return [await landTable(db, opts, facts, opts.name, readCsv(opts.path), false)];
    } catch (e) {
      // However broken the bytes (not CSV at all, binary, a quote never closed near the top), the file is named
      // and gets its ledger row; a temporary problem (a locked file) is left for the stage's retry.
      if (isTransientError(e)) throw e;
      const why = (e as Error).message.split('\n')[0]!.slice(0, 300);
      return [await failed(db, opts, facts, opts.name, null, `${opts.name} could not be read as a CSV export (${why}). It may be damaged or not a CSV file at all: export it again as CSV and run again.`)];
    }
  }

  // A workbook: every sheet that matches a contract lands; any other sheet (cover, notes, chart) is passed over,
  // and listed with the reason.
  const results: FileLoadResult[] = [];
  let loadNo = 0;
  try {
    for await (const sheet of readXlsxSheets(opts.path)) {
      const name = `${opts.name}#${sheet.sheet}`;
      if (sheet.passedOver) results.push(passedOver(facts, name, `${name} ${sheet.passedOver}`));
      else results.push(await landTable(db, { ...opts, loadId: `${opts.loadId}.${++loadNo}` }, facts, name, sheet.records[Symbol.asyncIterator](), true));
    }
  } catch (e) {
    return [await failed(db, opts, facts, opts.name, null, `${opts.name} could not be read as an Excel workbook (${(e as Error).message}). Re-save it as .xlsx from Excel and run again.`)];
  }
  if (results.every((r) => r.status === 'passed_over')) {
    const sheets = results.map((r) => r.file.slice(opts.name.length + 1));
    return [await failed(db, opts, facts, opts.name, null, `${opts.name}: none of its sheets (${sheets.join(', ') || 'none'}) has a header row matching a known export. Check the workbook is the right report, or add a header mapping.`)];
  }
  return results;
}

const passedOver = (facts: FileFacts, name: string, reason: string): FileLoadResult =>
  ({ file: name, checksum: facts.checksum, source: null, status: 'passed_over', read: 0, landed: 0, rejected: 0, error: reason, durationMs: 0 });

async function failed(db: Warehouse, opts: LandOptions, facts: FileFacts, name: string, source: string | null, error: string): Promise<FileLoadResult> {
  await recordLoad(db, { loadId: opts.loadId, runId: opts.runId, name, source, table: null, facts, status: 'failed', read: 0, landed: 0, rejected: 0, error });
  return { file: name, checksum: facts.checksum, source, status: 'failed', read: 0, landed: 0, rejected: 0, error, durationMs: Date.now() - Date.parse(facts.startedAt) };
}

/** Finds the header row: the first of the first rows that matches a contract (titles and blanks above it are passed over). */
async function findHeader(records: AsyncIterator<CsvRecord>, name: string, contracts: readonly Contract[]): Promise<{ header: CsvRecord; detection: Detection } | null> {
  let first: { header: CsvRecord; detection: Detection } | null = null;
  for (let i = 0; i < HEADER_SEARCH_ROWS; i++) {
    const next = await records.next();
    if (next.done) break;
    const detection = detectContract(name, next.value.cells, contracts);
    if (detection.ok) return { header: next.value, detection };
    first ??= { header: next.value, detection };
  }
  return first;
}

/** Lands one table (a CSV, a workbook sheet or a return XML stream). A workbook sheet that matches no contract is passed over, not failed. */
async function landTable(db: Warehouse, opts: LandOptions, facts: FileFacts, name: string, records: AsyncIterator<CsvRecord>, workbook: boolean): Promise<FileLoadResult> {
  const started = Date.now();
  const found = await findHeader(records, name, opts.contracts);
  if (!found) {
    if (workbook) return passedOver(facts, name, `${name} is empty`);
    return failed(db, opts, facts, name, null, `${name} is empty: expected a header row and at least one data row. Re-export the file and run again.`);
  }
  if (!found.detection.ok) {
    if (workbook) {
      await records.return?.(undefined); // sheets are read independently: no need to read this one through
      // A sheet that resembles an export says which columns it lacks; a cover or notes sheet just says so.
      const reason = /looks like a/.test(found.detection.reason)
        ? found.detection.reason
        : `${name}: none of its first ${HEADER_SEARCH_ROWS} rows is the header row of a known export (its first row: ${found.header.cells.slice(0, 4).map((c) => `'${c}'`).join(', ')})`;
      return passedOver(facts, name, reason);
    }
    return failed(db, opts, facts, name, null, found.detection.reason);
  }
  const headers = found.header.cells;
  const { match } = found.detection;
  const year = opts.returnYears?.[found.detection.contract.system];
  const contract = year ? returnContractForYear(found.detection.contract, year) : found.detection.contract;
  const source = `${contract.system}.${contract.entity}`;
  const ambiguous = ambiguousFields(contract, headers);
  if (ambiguous.length > 0) {
    await records.return?.(undefined);
    return failed(db, opts, facts, name, source, ambiguityReason(name, contract, ambiguous));
  }
  const table = rawTableName(contract);
  const base = { file: name, checksum: facts.checksum, source };

  const already = await db.json<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM ${LOADS_TABLE} WHERE raw_table = ? AND source_file = ? AND file_checksum = ? AND status = 'loaded' AND is_current`,
    [table, name, facts.checksum],
  );
  if ((already[0]?.n ?? 0) > 0) {
    // Closed unread (reading it through cost most of a run with nothing new: 40 s of csv-parse at scale 50).
    await records.return?.(undefined);
    return { ...base, status: 'skipped', read: 0, landed: 0, rejected: 0, durationMs: Date.now() - started };
  }

  const compiled = compileContract(contract);
  const rejects: Reject[] = [];
  let read = 0;
  let landed = 0;
  let rejectedRows = 0;

  let sql: SqlLanding | null = null;
  if (!workbook && (opts.landing ?? 'auto') === 'auto' && sqlLandingFits(contract, facts.encoding)) {
    await records.return?.(undefined); // DuckDB reads the file itself; stop the JS reader
    try {
      sql = await landCsvWithSql(db, { path: opts.path, contract, headers, headerLine: found.header.line, match, loadId: opts.loadId, name, checksum: facts.checksum });
    } catch {
      // Whatever DuckDB stumbled on, the JS path (the reference) still lands the file, or says what is wrong with it.
    }
    if (sql) {
      ({ read, landed, rejected: rejectedRows } = sql);
      rejects.push(...sql.rejects);
    } else {
      // Something DuckDB would not read as we do: the JS reader takes the file from just below its header.
      records = readCsv(opts.path);
      for (let r = await records.next(); !r.done && r.value.line < found.header.line; r = await records.next());
    }
  }
  // The swap: one transaction replaces the file's earlier rows, rejects and ledger entry.
  const noRows = () => failed(db, opts, facts, name, source, `${name} has a header row but no data rows. Check the export finished, then run again.`);
  const csv = !workbook && facts.encoding !== 'xml';
  const previous = await previousExport(db, contract, name, opts.runId);
  /** A CSV whose last record stops mid-row is cut off: refused whole, held back when the source has data to keep. */
  const cutOff = async (lastLine: number): Promise<FileLoadResult | null> => {
    if (!csv || read === 0 || !isCutOff(await endsWithLineBreak(opts.path), rejects.some((r) => r.line === lastLine))) return null;
    const held = truncatedExport(source, { file: name, rows: read, latestDate: null }, lastLine, previous);
    if (!previous) return failed(db, opts, facts, name, source, held.message);
    return holdBack(db, opts, facts, table, held, { read, landed, rejected: rejectedRows, started });
  };
  const swap = async (insertGood: () => Promise<void>, path: 'sql' | 'js'): Promise<FileLoadResult> => {
    if (read !== landed + rejectedRows) throw new Error(`internal check failed for ${name}: read ${read} != landed ${landed} + rejected ${rejectedRows}`);
    const accepted = previous ? await isAccepted(db, source, facts.checksum) : false;
    const verdict: { held: HeldExport | null } = { held: null };
    try {
      await db.transaction(async () => {
      // A corrected file replaces its earlier version (same name) and only that.
      await db.run(`DELETE FROM raw.${ident(table)} WHERE _source_file = ?`, [name]);
      await insertGood();
      if (previous) {
        // Judged on the rows as landed (the latest date needs them typed); a held export is rolled back whole.
        const next: ExportFacts = { file: name, rows: read, latestDate: await latestDateOf(db, contract, opts.loadId) };
        verdict.held = judgeExport(source, next, previous, opts.completeness ?? DEFAULT_COMPLETENESS, accepted);
        if (verdict.held) throw new HeldBack();
      }
      await db.run(`DELETE FROM ${REJECTS_TABLE} WHERE source = ? AND source_file = ?`, [source, name]);
      await insertRejects(db, opts.loadId, source, name, rejects);
      await db.run(`UPDATE ${LOADS_TABLE} SET is_current = false WHERE raw_table = ? AND source_file = ?`, [table, name]);
      await recordLoad(db, { loadId: opts.loadId, runId: opts.runId, name, source, table, facts, status: 'loaded', read, landed, rejected: rejectedRows, error: null, specVersion: contract.specVersion ?? null });
      });
    } catch (e) {
      if (!(e instanceof HeldBack)) throw e;
    }
    if (verdict.held) return holdBack(db, opts, facts, table, verdict.held, { read, landed, rejected: rejectedRows, started });
    return { ...base, status: 'loaded', read, landed, rejected: rejectedRows, durationMs: Date.now() - started, landing: path };
  };
  if (sql) {
    // The SQL path's typed rows go straight from its step table into raw.* (no landing copy).
    const landedSql = sql;
    try {
      if (read === 0) return await noRows();
      return (await cutOff(landedSql.lastLine)) ?? (await swap(() => landedSql.insertGood(`raw.${ident(table)}`), 'sql'));
    } finally {
      await landedSql.dispose();
    }
  }

  // The JS path appends its good rows to a landing table, copied into raw.* in the swap.
  const landingName = `_landing__${table}`;
  const landing = `raw.${ident(landingName)}`;
  await db.run(`CREATE OR REPLACE TABLE ${landing} AS SELECT * FROM raw.${ident(table)} LIMIT 0`);
  const appender = await db.connection.createAppender(landingName, 'raw');
  let lastLine = found.header.line;
  const nextRecord = async () => {
    try {
      return await records.next();
    } catch (e) {
      // csv-parse stops on an unterminated quote: the file was cut off or is not really CSV.
      throw new UnreadableFileError(`${name} looks cut off or damaged after line ${lastLine}: ${(e as Error).message}. Nothing from it was landed; export it again and run again.`);
    }
  };
  try {
  for (let next = await nextRecord(); !next.done; next = await nextRecord()) {
    const rec = next.value;
    lastLine = rec.line;
    read++;
    const record = JSON.stringify(Object.fromEntries(headers.map((h, i) => [h, rec.cells[i] ?? null])));
    // Excel drops trailing empty cells, so a short row is normal in a workbook; in a CSV it means a broken line.
    if (rec.cells.length > headers.length || (!workbook && rec.cells.length !== headers.length)) {
      rejectedRows++;
      rejects.push({ line: rec.line, column: null, value: null, reason: rowLengthReason(rec.cells.length, headers.length), record });
      continue;
    }
    const raw: Record<string, string | undefined> = {};
    for (const [field, i] of match.columns) raw[field] = rec.cells[i];
    const result = compiled.validate(raw);
    if (!result.ok) {
      rejectedRows++;
      for (const p of result.problems) rejects.push({ line: rec.line, column: p.header, value: p.value, reason: p.reason, record });
      continue;
    }
    for (const f of contract.fields) {
      const v = result.row[f.name];
      if (v === null || v === undefined) appender.appendNull();
      else appender.appendVarchar(String(v));
    }
    appender.appendVarchar(opts.loadId);
    appender.appendVarchar(name);
    appender.appendVarchar(facts.checksum);
    appender.appendVarchar(String(rec.line));
    appender.endRow();
    landed++;
  }
  } catch (e) {
    appender.closeSync();
    await db.run(`DROP TABLE ${landing}`);
    if (e instanceof UnreadableFileError) return failed(db, opts, facts, name, source, e.message);
    throw e;
  }
  appender.closeSync();

  if (read === 0) {
    await db.run(`DROP TABLE ${landing}`);
    return noRows();
  }
  const cut = await cutOff(lastLine);
  if (cut) {
    await db.run(`DROP TABLE ${landing}`);
    return cut;
  }
  const result = await swap(() => db.run(`INSERT INTO raw.${ident(table)} SELECT * FROM ${landing}`), 'js');
  await db.run(`DROP TABLE ${landing}`);
  return result;
}

/** Thrown inside the swap's transaction to roll a held-back export out again. */
class HeldBack extends Error {}

/** Records a held-back export (a `held` ledger row, not current, with what it would have landed) and says so. */
async function holdBack(db: Warehouse, opts: LandOptions, facts: FileFacts, table: string, held: HeldExport, n: { read: number; landed: number; rejected: number; started: number }): Promise<FileLoadResult> {
  await db.transaction(async () => {
    await recordLoad(db, { loadId: opts.loadId, runId: opts.runId, name: held.file, source: held.source, table, facts, status: 'held', read: n.read, landed: n.landed, rejected: n.rejected, error: held.message });
    await recordHold(db, held, { loadId: opts.loadId, runId: opts.runId, checksum: facts.checksum });
  });
  return { file: held.file, source: held.source, checksum: facts.checksum, status: 'held', read: n.read, landed: 0, rejected: 0, error: held.message, held, durationMs: Date.now() - n.started };
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
  l: { loadId: string; runId: string; name: string; source: string | null; table: string | null; facts: FileFacts; status: string; read: number; landed: number; rejected: number; error: string | null; specVersion?: string | null },
): Promise<void> {
  await db.run(
    `INSERT INTO ${LOADS_TABLE} (load_id, run_id, source, raw_table, source_file, file_checksum, file_bytes, file_modified_at, encoding, status, is_current,
       rows_read, rows_landed, rows_rejected, error, started_at, finished_at, spec_version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?::TIMESTAMP, ?, ?, ?, ?, ?, ?, ?, ?::TIMESTAMP, now()::TIMESTAMP, ?)`,
    [l.loadId, l.runId, l.source, l.table, l.name, l.facts.checksum, l.facts.stat.size, l.facts.stat.mtime.toISOString(), l.facts.encoding, l.status, l.status === 'loaded', l.read, l.landed, l.rejected, l.error, l.facts.startedAt, l.specVersion ?? null],
  );
}
