// Lands one export file: every row is validated against its contract and either landed in raw.<table> or kept
// in raw._rejects with its line, column, value and reason. Each table's swap is one transaction, so a failed
// file leaves the source's previous data in place. A CSV is one table; a workbook is one table per sheet.
import { createHash } from 'node:crypto';
import { createReadStream, statSync, type Stats } from 'node:fs';
import type { CollectionYear } from '../../core/calendar/collection-year.js';
import {
  compileContract,
  rawTableName,
  rowLengthReason,
  type Contract,
  type HeaderMatch,
} from '../../sources/lib/contract.js';
import { returnContractForYear } from '../../sources/lib/return-fields.js';
import { readCsv, sniffEncoding, type CsvRecord } from '../../sources/lib/csv-reader.js';
import { ambiguityReason, ambiguousFields } from '../../sources/lib/header-ambiguity.js';
import { readXlsxSheets } from '../../sources/lib/xlsx-reader.js';
import { ident, type Warehouse } from '../../core/warehouse.js';
import { detectContract, type Detection } from '../../sources/lib/detect.js';
import { landCsvWithSql, sqlLandingFits, type SqlLanding } from './land-csv-sql.js';
import { LOADS_TABLE, REJECTS_TABLE } from './ledger-tables.js';
import {
  DEFAULT_COMPLETENESS,
  isCutOff,
  judgeExport,
  truncatedExport,
  type CompletenessRules,
  type ExportFacts,
  type HeldExport,
} from './completeness.js';
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
  /** Why DuckDB could not land a CSV the SQL way, so the JS path did. */
  landingFallback?: string;
  /** Set when the file was landed again because its contract changed: what changed. */
  schemaChange?: string;
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
  /** The current loads of this content (any name), oldest first: read once per file, not once per question. */
  landedAs: readonly LandedAs[];
}

/** A current `loaded` ledger row with the file's checksum. */
interface LandedAs {
  load_id: string;
  reland_due: string | null;
  raw_table: string | null;
  source_file: string;
  source: string | null;
}

/** How many rows above the header may be titles, notes or blanks before we give up looking for it. */
const HEADER_SEARCH_ROWS = 20;

export const isWorkbook = (file: string): boolean => /\.xlsx$/i.test(file);

export async function landFile(db: Warehouse, opts: LandOptions): Promise<FileLoadResult[]> {
  const checksum = await sha256File(opts.path);
  const facts: FileFacts = {
    checksum,
    stat: statSync(opts.path),
    encoding: isWorkbook(opts.path) ? 'xlsx' : isXml(opts.path) ? 'xml' : await sniffEncoding(opts.path),
    startedAt: new Date().toISOString(),
    // One ledger query answers the twin check here and each table's prior load below (landing a table changes only
    // its own name's rows, after its own question). A query apiece cost 5-130 ms each on a busy machine.
    landedAs: await db.json<LandedAs & Record<string, unknown>>(
      `SELECT load_id, reland_due, raw_table, source_file, source FROM ${LOADS_TABLE} WHERE file_checksum = ? AND status = 'loaded' AND is_current ORDER BY finished_at`,
      [checksum],
    ),
  };
  // The same content under a second name (a copy in another folder, a renamed re-send) would count every row twice.
  const twin = facts.landedAs.find((l) => l.source_file.split('#')[0] !== opts.name);
  if (twin) {
    const sameAs = twin.source_file.split('#')[0]!;
    return [
      {
        file: opts.name,
        source: null,
        checksum: facts.checksum,
        status: 'skipped',
        read: 0,
        landed: 0,
        rejected: 0,
        duplicateOf: sameAs,
        error: `${opts.name} has exactly the same content as ${sameAs}, already landed: skipped, so its rows are not counted twice. Remove one of the two copies from the input folder.`,
        durationMs: Date.now() - Date.parse(facts.startedAt),
      },
    ];
  }
  if (isXml(opts.path)) {
    // A return XML: one table per entity stream, like a workbook's sheets (see land-xml.ts).
    let loadNo = 0;
    return landReturnXml(
      opts.path,
      opts.name,
      opts.contracts,
      {
        land: (name, contract, records) =>
          landTable(
            db,
            { ...opts, contracts: [contract], loadId: `${opts.loadId}.${++loadNo}` },
            facts,
            name,
            records,
            false,
          ),
        fail: (error) => failed(db, opts, facts, opts.name, null, error),
      },
      opts.returnYears,
    );
  }
  if (!isWorkbook(opts.path)) {
    try {
      return [await landTable(db, opts, facts, opts.name, readCsv(opts.path), false)];
    } catch (e) {
      // However broken the bytes (not CSV at all, binary, a quote never closed near the top), the file is named
      // and gets its ledger row; a temporary problem (a locked file) is left for the stage's retry.
      if (isTransientError(e)) throw e;
      const why = (e as Error).message.split('\n')[0]!.slice(0, 300);
      return [
        await failed(
          db,
          opts,
          facts,
          opts.name,
          null,
          `${opts.name} could not be read as a CSV export (${why}). It may be damaged or not a CSV file at all: export it again as CSV and run again.`,
        ),
      ];
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
      else
        results.push(
          await landTable(
            db,
            { ...opts, loadId: `${opts.loadId}.${++loadNo}` },
            facts,
            name,
            sheet.records[Symbol.asyncIterator](),
            true,
          ),
        );
    }
  } catch (e) {
    return [
      await failed(
        db,
        opts,
        facts,
        opts.name,
        null,
        `${opts.name} could not be read as an Excel workbook (${(e as Error).message}). Re-save it as .xlsx from Excel and run again.`,
      ),
    ];
  }
  if (results.every((r) => r.status === 'passed_over')) {
    const sheets = results.map((r) => r.file.slice(opts.name.length + 1));
    return [
      await failed(
        db,
        opts,
        facts,
        opts.name,
        null,
        `${opts.name}: none of its sheets (${sheets.join(', ') || 'none'}) has a header row matching a known export. Check the workbook is the right report, or add a header mapping.`,
      ),
    ];
  }
  return results;
}

const passedOver = (facts: FileFacts, name: string, reason: string): FileLoadResult => ({
  file: name,
  checksum: facts.checksum,
  source: null,
  status: 'passed_over',
  read: 0,
  landed: 0,
  rejected: 0,
  error: reason,
  durationMs: 0,
});

async function failed(
  db: Warehouse,
  opts: LandOptions,
  facts: FileFacts,
  name: string,
  source: string | null,
  error: string,
): Promise<FileLoadResult> {
  await recordLoad(db, {
    loadId: opts.loadId,
    runId: opts.runId,
    name,
    source,
    table: null,
    facts,
    status: 'failed',
    read: 0,
    landed: 0,
    rejected: 0,
    error,
  });
  return {
    file: name,
    checksum: facts.checksum,
    source,
    status: 'failed',
    read: 0,
    landed: 0,
    rejected: 0,
    error,
    durationMs: Date.now() - Date.parse(facts.startedAt),
  };
}

/** Finds the header row: the first of the first rows that matches a contract (titles and blanks above it are passed over). */
async function findHeader(
  records: AsyncIterator<CsvRecord>,
  name: string,
  contracts: readonly Contract[],
): Promise<{ header: CsvRecord; detection: Detection } | null> {
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

/** A table whose header matched a contract: what the landing steps below share. */
interface TableLanding {
  db: Warehouse;
  opts: LandOptions;
  facts: FileFacts;
  name: string;
  workbook: boolean;
  started: number;
  headers: readonly string[];
  headerLine: number;
  match: HeaderMatch;
  contract: Contract;
  source: string;
  table: string;
  /** Set when the file is landed again because its contract changed (raw._loads.reland_due of the load it replaces). */
  schemaChange: string | null;
}

/** What a landing path read: every row is landed or rejected. */
interface Tally {
  read: number;
  landed: number;
  rejected: number;
  rejects: Reject[];
  lastLine: number;
}

/** Lands one table (a CSV, a workbook sheet or a return XML stream). A workbook sheet that matches no contract is passed over, not failed. */
async function landTable(
  db: Warehouse,
  opts: LandOptions,
  facts: FileFacts,
  name: string,
  records: AsyncIterator<CsvRecord>,
  workbook: boolean,
): Promise<FileLoadResult> {
  const started = Date.now();
  const recognised = await recogniseTable(db, opts, facts, name, records, workbook);
  if ('status' in recognised) return recognised;
  const prior = priorLoad(facts, recognised.table, name);
  if (prior && prior.relandDue === null) {
    // Closed unread (reading it through cost most of a run with nothing new: 40 s of csv-parse at scale 50).
    await records.return?.(undefined);
    return {
      file: name,
      checksum: facts.checksum,
      source: recognised.source,
      status: 'skipped',
      read: 0,
      landed: 0,
      rejected: 0,
      durationMs: Date.now() - started,
    };
  }
  // A file landed again keeps its place among the source's loads (staging's latest load wins by load id).
  const loadId = prior ? relandLoadId(prior.loadId, opts.runId) : opts.loadId;
  const t: TableLanding = {
    db,
    opts: { ...opts, loadId },
    facts,
    name,
    workbook,
    started,
    ...recognised,
    schemaChange: prior?.relandDue ?? null,
  };
  const sql = await trySqlLanding(t, records);
  if (sql.landed) return finishSqlLanding(t, sql.landed);
  return landWithJs(t, sql.records, sql.fallback);
}

/** `R1-003` landed again in run R3 is `R1-003~R3`: after R1-003, before anything landed after it. */
export const relandLoadId = (previous: string, runId: string): string => `${previous.split('~')[0]}~${runId}`;

/** The header row and the contract it matches, or the result for a table that matches none. */
async function recogniseTable(
  db: Warehouse,
  opts: LandOptions,
  facts: FileFacts,
  name: string,
  records: AsyncIterator<CsvRecord>,
  workbook: boolean,
): Promise<
  FileLoadResult | Omit<TableLanding, 'db' | 'opts' | 'facts' | 'name' | 'workbook' | 'started' | 'schemaChange'>
> {
  const found = await findHeader(records, name, opts.contracts);
  if (!found) {
    if (workbook) return passedOver(facts, name, `${name} is empty`);
    return failed(
      db,
      opts,
      facts,
      name,
      null,
      `${name} is empty: expected a header row and at least one data row. Re-export the file and run again.`,
    );
  }
  if (!found.detection.ok) {
    if (workbook) {
      await records.return?.(undefined); // sheets are read independently: no need to read this one through
      // A sheet that resembles an export says which columns it lacks; a cover or notes sheet just says so.
      const reason = /looks like a/.test(found.detection.reason)
        ? found.detection.reason
        : `${name}: none of its first ${HEADER_SEARCH_ROWS} rows is the header row of a known export (its first row: ${found.header.cells
            .slice(0, 4)
            .map((c) => `'${c}'`)
            .join(', ')})`;
      return keptUnderEarlierContract(facts, name, reason) ?? passedOver(facts, name, reason);
    }
    return (
      keptUnderEarlierContract(facts, name, found.detection.reason) ??
      failed(db, opts, facts, name, null, found.detection.reason)
    );
  }
  const headers = found.header.cells;
  const year = opts.returnYears?.[found.detection.contract.system];
  const contract = year ? returnContractForYear(found.detection.contract, year) : found.detection.contract;
  const source = `${contract.system}.${contract.entity}`;
  const ambiguous = ambiguousFields(contract, headers);
  if (ambiguous.length > 0) {
    await records.return?.(undefined);
    const reason = ambiguityReason(name, contract, ambiguous);
    return keptUnderEarlierContract(facts, name, reason) ?? failed(db, opts, facts, name, source, reason);
  }
  return {
    headers,
    headerLine: found.header.line,
    match: found.detection.match,
    contract,
    source,
    table: rawTableName(contract),
  };
}

/** The current load of this very file (name and content) into the table, if any (the newest), and whether it is due to be landed again. */
function priorLoad(facts: FileFacts, table: string, name: string): { loadId: string; relandDue: string | null } | null {
  const row = facts.landedAs.findLast((l) => l.raw_table === table && l.source_file === name);
  return row ? { loadId: row.load_id, relandDue: row.reland_due } : null;
}

/**
 * A file landed under an earlier contract that the changed contract no longer recognises is not failed: its rows
 * stay as landed (and migrated), it stays due to be landed again, and the run lists it (raw-migrations.ts).
 */
function keptUnderEarlierContract(facts: FileFacts, name: string, reason: string): FileLoadResult | null {
  const row = facts.landedAs.find((l) => l.source_file === name && l.reland_due !== null);
  if (!row) return null;
  const error = `${name} was landed under an earlier contract and cannot be landed again under the changed one (${reason}): its rows are kept as landed.`;
  return {
    file: name,
    checksum: facts.checksum,
    source: row.source,
    status: 'skipped',
    read: 0,
    landed: 0,
    rejected: 0,
    error,
    durationMs: Date.now() - Date.parse(facts.startedAt),
  };
}

/** The fast path: DuckDB checks a UTF-8 CSV itself. Otherwise (or when DuckDB stumbles) the JS reader's records, and why. */
async function trySqlLanding(
  t: TableLanding,
  records: AsyncIterator<CsvRecord>,
): Promise<
  | { landed: SqlLanding; records?: undefined; fallback?: undefined }
  | { landed: null; records: AsyncIterator<CsvRecord>; fallback?: string }
> {
  if (t.workbook || (t.opts.landing ?? 'auto') !== 'auto' || !sqlLandingFits(t.contract, t.facts.encoding))
    return { landed: null, records };
  await records.return?.(undefined); // DuckDB reads the file itself; stop the JS reader
  let fallback: string;
  try {
    const { opts, contract, headers, headerLine, match, name, facts } = t;
    const landed = await landCsvWithSql(t.db, {
      path: opts.path,
      contract,
      headers: [...headers],
      headerLine,
      match,
      loadId: opts.loadId,
      name,
      checksum: facts.checksum,
    });
    if (landed) return { landed };
    fallback = 'its layout is one DuckDB would not split into records as the JS reader does';
  } catch (e) {
    // Whatever DuckDB stumbled on, the JS path (the reference) still lands the file, or says what is wrong with it.
    fallback = (e as Error).message.split('\n')[0]!.slice(0, 300);
  }
  // The JS reader takes the file from just below its header.
  const again = readCsv(t.opts.path);
  for (let r = await again.next(); !r.done && r.value.line < t.headerLine; r = await again.next());
  return { landed: null, records: again, fallback };
}

async function finishSqlLanding(t: TableLanding, sql: SqlLanding): Promise<FileLoadResult> {
  // The SQL path's typed rows go straight from its step table into raw.* (no landing copy).
  const tally: Tally = {
    read: sql.read,
    landed: sql.landed,
    rejected: sql.rejected,
    rejects: sql.rejects,
    lastLine: sql.lastLine,
  };
  try {
    if (tally.read === 0) return await noRows(t);
    return (await cutOff(t, tally)) ?? (await swap(t, tally, () => sql.insertGood(`raw.${ident(t.table)}`), 'sql'));
  } finally {
    await sql.dispose();
  }
}

const noRows = (t: TableLanding): Promise<FileLoadResult> =>
  failed(
    t.db,
    t.opts,
    t.facts,
    t.name,
    t.source,
    `${t.name} has a header row but no data rows. Check the export finished, then run again.`,
  );

/** A CSV whose last record stops mid-row is cut off: refused whole, held back when the source has data to keep. */
async function cutOff(t: TableLanding, tally: Tally): Promise<FileLoadResult | null> {
  const csv = !t.workbook && t.facts.encoding !== 'xml';
  if (
    !csv ||
    tally.read === 0 ||
    !isCutOff(
      await endsWithLineBreak(t.opts.path),
      tally.rejects.some((r) => r.line === tally.lastLine),
    )
  )
    return null;
  const previous = await previousExport(t.db, t.contract, t.name, t.opts.runId);
  const held = truncatedExport(
    t.source,
    { file: t.name, rows: tally.read, latestDate: null },
    tally.lastLine,
    previous,
  );
  if (!previous) return failed(t.db, t.opts, t.facts, t.name, t.source, held.message);
  return holdBack(t.db, t.opts, t.facts, t.table, held, { ...tally, started: t.started });
}

/** The swap: one transaction replaces the file's earlier rows, rejects and ledger entry, unless the completeness guard holds it back. */
async function swap(
  t: TableLanding,
  tally: Tally,
  insertGood: () => Promise<void>,
  path: 'sql' | 'js',
): Promise<FileLoadResult> {
  const { db, opts, facts, name, source, table, contract } = t;
  const { read, landed, rejected } = tally;
  if (read !== landed + rejected)
    throw new Error(`internal check failed for ${name}: read ${read} != landed ${landed} + rejected ${rejected}`);
  const previous = await previousExport(db, contract, name, opts.runId);
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
      await insertRejects(db, opts.loadId, source, name, tally.rejects);
      await db.run(`UPDATE ${LOADS_TABLE} SET is_current = false WHERE raw_table = ? AND source_file = ?`, [
        table,
        name,
      ]);
      await recordLoad(db, {
        loadId: opts.loadId,
        runId: opts.runId,
        name,
        source,
        table,
        facts,
        status: 'loaded',
        read,
        landed,
        rejected,
        error: null,
        specVersion: contract.specVersion ?? null,
        schemaChange: t.schemaChange,
      });
    });
  } catch (e) {
    if (!(e instanceof HeldBack)) throw e;
  }
  if (verdict.held)
    return holdBack(db, opts, facts, table, verdict.held, { read, landed, rejected, started: t.started });
  return {
    file: name,
    checksum: facts.checksum,
    source,
    status: 'loaded',
    read,
    landed,
    rejected,
    durationMs: Date.now() - t.started,
    landing: path,
    ...(t.schemaChange ? { schemaChange: t.schemaChange } : {}),
  };
}

/** The JS path (the reference): every row checked by the compiled contract, good rows appended to a landing table copied into raw.* in the swap. */
async function landWithJs(
  t: TableLanding,
  records: AsyncIterator<CsvRecord>,
  fallback?: string,
): Promise<FileLoadResult> {
  const landing = `raw.${ident(`_landing__${t.table}`)}`;
  await t.db.run(`CREATE OR REPLACE TABLE ${landing} AS SELECT * FROM raw.${ident(t.table)} LIMIT 0`);
  let tally: Tally;
  try {
    tally = await appendRows(t, records);
  } catch (e) {
    await t.db.run(`DROP TABLE ${landing}`);
    if (e instanceof UnreadableFileError) return failed(t.db, t.opts, t.facts, t.name, t.source, e.message);
    throw e;
  }
  try {
    if (tally.read === 0) return await noRows(t);
    const result =
      (await cutOff(t, tally)) ??
      (await swap(t, tally, () => t.db.run(`INSERT INTO raw.${ident(t.table)} SELECT * FROM ${landing}`), 'js'));
    return fallback && result.status === 'loaded' ? { ...result, landingFallback: fallback } : result;
  } finally {
    await t.db.run(`DROP TABLE IF EXISTS ${landing}`);
  }
}

/** Reads every record, validating each against the contract: good rows go to the landing table, bad ones to the tally's rejects. */
async function appendRows(t: TableLanding, records: AsyncIterator<CsvRecord>): Promise<Tally> {
  const { contract, headers, match, name, workbook } = t;
  const compiled = compileContract(contract);
  const tally: Tally = { read: 0, landed: 0, rejected: 0, rejects: [], lastLine: t.headerLine };
  const appender = await t.db.connection.createAppender(`_landing__${t.table}`, 'raw');
  const nextRecord = async () => {
    try {
      return await records.next();
    } catch (e) {
      // csv-parse stops on an unterminated quote: the file was cut off or is not really CSV.
      throw new UnreadableFileError(
        `${name} looks cut off or damaged after line ${tally.lastLine}: ${(e as Error).message}. Nothing from it was landed; export it again and run again.`,
      );
    }
  };
  try {
    for (let next = await nextRecord(); !next.done; next = await nextRecord()) {
      const rec = next.value;
      tally.lastLine = rec.line;
      tally.read++;
      const record = JSON.stringify(Object.fromEntries(headers.map((h, i) => [h, rec.cells[i] ?? null])));
      // Excel drops trailing empty cells, so a short row is normal in a workbook; in a CSV it means a broken line.
      if (rec.cells.length > headers.length || (!workbook && rec.cells.length !== headers.length)) {
        tally.rejected++;
        tally.rejects.push({
          line: rec.line,
          column: null,
          value: null,
          reason: rowLengthReason(rec.cells.length, headers.length),
          record,
        });
        continue;
      }
      const raw: Record<string, string | undefined> = {};
      for (const [field, i] of match.columns) raw[field] = rec.cells[i];
      const result = compiled.validate(raw);
      if (!result.ok) {
        tally.rejected++;
        for (const p of result.problems)
          tally.rejects.push({ line: rec.line, column: p.header, value: p.value, reason: p.reason, record });
        continue;
      }
      for (const f of contract.fields) {
        const v = result.row[f.name];
        if (v === null || v === undefined) appender.appendNull();
        else appender.appendVarchar(String(v));
      }
      appender.appendVarchar(t.opts.loadId);
      appender.appendVarchar(name);
      appender.appendVarchar(t.facts.checksum);
      appender.appendVarchar(String(rec.line));
      appender.endRow();
      tally.landed++;
    }
  } finally {
    appender.closeSync();
  }
  return tally;
}

/** Thrown inside the swap's transaction to roll a held-back export out again. */
class HeldBack extends Error {}

/** Records a held-back export (a `held` ledger row, not current, with what it would have landed) and says so. */
async function holdBack(
  db: Warehouse,
  opts: LandOptions,
  facts: FileFacts,
  table: string,
  held: HeldExport,
  n: { read: number; landed: number; rejected: number; started: number },
): Promise<FileLoadResult> {
  await db.transaction(async () => {
    await recordLoad(db, {
      loadId: opts.loadId,
      runId: opts.runId,
      name: held.file,
      source: held.source,
      table,
      facts,
      status: 'held',
      read: n.read,
      landed: n.landed,
      rejected: n.rejected,
      error: held.message,
    });
    await recordHold(db, held, { loadId: opts.loadId, runId: opts.runId, checksum: facts.checksum });
  });
  return {
    file: held.file,
    source: held.source,
    checksum: facts.checksum,
    status: 'held',
    read: n.read,
    landed: 0,
    rejected: 0,
    error: held.message,
    held,
    durationMs: Date.now() - n.started,
  };
}

async function insertRejects(
  db: Warehouse,
  loadId: string,
  source: string,
  file: string,
  rejects: Reject[],
): Promise<void> {
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
  l: {
    loadId: string;
    runId: string;
    name: string;
    source: string | null;
    table: string | null;
    facts: FileFacts;
    status: string;
    read: number;
    landed: number;
    rejected: number;
    error: string | null;
    specVersion?: string | null;
    schemaChange?: string | null;
  },
): Promise<void> {
  await db.run(
    `INSERT INTO ${LOADS_TABLE} (load_id, run_id, source, raw_table, source_file, file_checksum, file_bytes, file_modified_at, encoding, status, is_current,
       rows_read, rows_landed, rows_rejected, error, started_at, finished_at, spec_version, schema_change)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?::TIMESTAMP, ?, ?, ?, ?, ?, ?, ?, ?::TIMESTAMP, now()::TIMESTAMP, ?, ?)`,
    [
      l.loadId,
      l.runId,
      l.source,
      l.table,
      l.name,
      l.facts.checksum,
      l.facts.stat.size,
      l.facts.stat.mtime.toISOString(),
      l.facts.encoding,
      l.status,
      l.status === 'loaded',
      l.read,
      l.landed,
      l.rejected,
      l.error,
      l.facts.startedAt,
      l.specVersion ?? null,
      l.schemaChange ?? null,
    ],
  );
}
