// The fast landing path for a UTF-8 CSV: DuckDB reads the file and checks every cell with the contract's SQL form
// (sources/lib/contract-sql.ts), so a big export validates at DuckDB speed instead of row by row in JS. It lands
// exactly what the JS path lands (same typed rows, same rejects with the same line numbers, reasons and record
// JSON); the extract equivalence test holds it to that. Anything it is unsure of returns null, and the caller
// falls back to the JS path (the reference).
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { cellReason, rowLengthReason, type CanonicalRow, type Contract, type HeaderMatch } from '../../sources/lib/contract.js';
import { canonicalSql, cellTrimSql, cellValueSql, lit, SQL_MACROS, onlySpaceSql, strippedValueSql, typedPerDistinctValue, typedValueSql } from '../../sources/lib/contract-sql.js';
import { ident, type Warehouse } from '../warehouse/db.js';

export interface LandedReject {
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
  record: string;
}

export interface SqlLanding {
  read: number;
  landed: number;
  rejected: number;
  rejects: LandedReject[];
  /** Inserts the good rows into `table` (the raw table, inside the caller's swap transaction). */
  insertGood(table: string): Promise<void>;
  /** Drops the step tables; call once, after insertGood. */
  dispose(): Promise<void>;
}

/** Room for rows longer than the header; a row longer still makes DuckDB stop, and the JS path takes the file. */
const EXTRA_COLUMNS = 16;
/** DuckDB otherwise reads an empty cell as NULL; csv-parse gives ''. Nothing real looks like this. */
const NO_NULL = '\u0001csp-no-null\u0001';

/** The SQL path covers a UTF-8 CSV whose every row check has a SQL form. */
export const sqlLandingFits = (contract: Contract, encoding: string): boolean => encoding === 'utf-8' && (contract.rowChecks ?? []).every((c) => c.sql !== undefined);

/** True when some quoted value holds a line break (so records and lines differ). */
function hasQuotedLineBreak(buf: Buffer): boolean {
  for (let open = buf.indexOf(0x22); open >= 0; ) {
    const close = buf.indexOf(0x22, open + 1);
    if (close < 0) return true; // unterminated: let the careful scan and DuckDB decide
    const nl = buf.indexOf(0x0a, open + 1);
    const cr = buf.indexOf(0x0d, open + 1);
    if ((nl >= 0 && nl < close) || (cr >= 0 && cr < close)) return true;
    open = buf.indexOf(0x22, close + 1);
  }
  return false;
}

/**
 * The line on which each record DuckDB reads ends (csv-parse numbers a record by its last line), or null when
 * record n is simply line n (no blank lines, no line breaks inside quotes): the common case, checked cheaply.
 */
export function recordEndLines(buf: Buffer): Int32Array | null {
  const blank = buf.indexOf('\n\n') >= 0 || buf.indexOf('\n\r\n') >= 0 || buf.indexOf('\r\r') >= 0 || buf[0] === 0x0a || buf[0] === 0x0d;
  if (!blank && !hasQuotedLineBreak(buf)) return null;
  const out: number[] = [];
  let line = 1;
  let quoted = false;
  let hasChars = false;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b === 0x0a || b === 0x0d) {
      if (b === 0x0d && buf[i + 1] === 0x0a) i++;
      if (!quoted) {
        if (hasChars) out.push(line);
        hasChars = false;
      }
      line++;
    } else {
      if (b === 0x22) quoted = !quoted;
      hasChars = true;
    }
  }
  if (hasChars) out.push(line);
  return Int32Array.from(out);
}

/**
 * True when no cell of a file whose records are its lines can need trimming: plain ASCII (so no non-breaking
 * spaces) with no space, tab or other blank at either end of any value. Then DuckDB can skip trimming every cell.
 */
export function cellsNeedNoTrim(buf: Buffer): boolean {
  const body = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  if (!isAscii(body) || body[0] === 0x20 || body[body.length - 1] === 0x20) return false;
  for (const b of [0x09, 0x0b, 0x0c]) if (body.indexOf(b) >= 0) return false;
  for (const pair of [' ,', ', ', ' "', '" ', ' \n', ' \r', '\n ', '\r ']) if (body.indexOf(pair) >= 0) return false;
  return true;
}

const macrosReady = new WeakSet<Warehouse>();

async function ensureMacros(db: Warehouse): Promise<void> {
  if (macrosReady.has(db)) return;
  for (const m of SQL_MACROS) await db.run(m);
  macrosReady.add(db);
}

export interface SqlLandingInput {
  path: string;
  contract: Contract;
  /** The header row's cells and its line (found by the JS reader, as for the JS path). */
  headers: readonly string[];
  headerLine: number;
  match: HeaderMatch;
  loadId: string;
  name: string;
  checksum: string;
}

export async function landCsvWithSql(db: Warehouse, input: SqlLandingInput): Promise<SqlLanding | null> {
  // CSP_PROFILE_LANDING=1 prints how long each step took (docs/benchmarks-notes.md has what it showed).
  const t0 = Date.now();
  const lap = (step: string) => {
    if (process.env.CSP_PROFILE_LANDING) console.error(`landing ${input.name}: ${step} done at ${Date.now() - t0} ms`);
  };
  const { contract, headers, match } = input;
  const n = headers.length;
  const suffix = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const csv = `_csv_${suffix}`;
  const lines = `_lines_${suffix}`;
  const typedTable = `_typed_${suffix}`;
  const vals = `_vals_${suffix}`;
  const dispose = async () => {
    for (const t of [typedTable, vals, lines, csv]) await db.run(`DROP TABLE IF EXISTS temp.${ident(t)}`);
  };
  await ensureMacros(db);
  let handedOver = false;
  try {
    const buf = readFileSync(input.path);
    const ends = recordEndLines(buf);
    const noTrim = ends === null && cellsNeedNoTrim(buf);
    lap('scan');
    const readCsvSql = (width: number, opts: string) =>
      `CREATE TEMP TABLE ${csv} AS SELECT * FROM read_csv(${lit(input.path)}, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', ${opts}
          nullstr = ${lit(NO_NULL)}, columns = {${Array.from({ length: width }, (_, i) => `${lit(`c${i + 1}`)}: 'VARCHAR'`).join(', ')}})`;
    // When records are lines, first read exactly the header's width below the header, strictly: no null padding keeps
    // DuckDB's fast scanner. A file with a short or long row fails that read and is read again with room to spare.
    let m = n;
    let strict = false;
    if (ends === null) {
      try {
        await db.run(readCsvSql(n, `skip = ${input.headerLine}, strict_mode = true, null_padding = false,`));
        strict = true;
      } catch {
        await db.run(`DROP TABLE IF EXISTS temp.${ident(csv)}`);
      }
      lap(strict ? 'read_csv (strict)' : 'read_csv (strict, failed)');
    }
    if (!strict) {
      m = n + EXTRA_COLUMNS;
      try {
        await db.run(readCsvSql(m, 'null_padding = true,'));
      } catch {
        return null; // a row longer than the room left, an unterminated quote, ...: the JS path says what is wrong
      }
      lap('read_csv (padded)');
    }
    const cols = Array.from({ length: m }, (_, i) => `c${i + 1}`);
    let lineExpr = strict ? `rowid + ${input.headerLine + 1}` : 'rowid + 1';
    let from = csv;
    if (ends) {
      const { rows } = (await db.json<{ rows: number }>(`SELECT count(*)::INTEGER AS rows FROM ${csv}`))[0]!;
      if (rows !== ends.length) return null; // DuckDB split records differently from our scan: do not guess
      await db.run(`CREATE TEMP TABLE ${lines} (rn BIGINT, line BIGINT)`);
      const app = await db.connection.createAppender(lines, 'main', 'temp');
      ends.forEach((line, i) => {
        app.appendBigInt(BigInt(i));
        app.appendBigInt(BigInt(line));
        app.endRow();
      });
      app.closeSync();
      lineExpr = 'l.line';
      from = `(SELECT *, rowid AS rn FROM ${csv}) r JOIN ${lines} l USING (rn)`;
    }

    // csv-parse drops a record whose every value is blank (skip_records_with_empty_values trims).
    // A first value starting with a printable ASCII character settles it cheaply for nearly every row.
    const emptyRecord = `(NOT coalesce(ascii(c1) BETWEEN 33 AND 126, false) AND ${cols.map((c) => `(${c} IS NULL OR ${onlySpaceSql(c)})`).join(' AND ')})`;
    // The strict read has exactly n cells in every row.
    const count = strict ? String(n) : cols.map((c) => `(${c} IS NOT NULL)::INTEGER`).join(' + ');
    const cellOf = (field: string): string => {
      const i = match.columns.get(field);
      return i === undefined ? 'NULL::VARCHAR' : `c${i + 1}`;
    };
    const fields = contract.fields.map((f, i) => ({ f, i }));
    // 1. Each cell cleaned (v_<i>), as cellSchema's `v`. The raw cells stay in the read table (joined back by rid
    // for the rejects only), so they are not copied.
    const where = `${lineExpr} > ${input.headerLine} AND NOT (${emptyRecord})`;
    const keep = `${ends ? 'r.rn' : 'rowid'} AS rid, ${lineExpr} AS line, ${count} AS cnt`;
    // Trim and clean in one pass: the trim's cheap test (plain ASCII, no blank at either end) settles nearly every
    // cell, so repeating it inside the clean costs less than keeping the trimmed cells in a table of their own.
    const cleaned = (f: Contract['fields'][number]) => cellValueSql(f, noTrim ? cellOf(f.name) : `(${cellTrimSql(cellOf(f.name))})`);
    await db.run(`CREATE TEMP TABLE ${vals} AS SELECT ${keep}, ${fields.map(({ f, i }) => `${cleaned(f)} AS v_${i}`).join(', ')} FROM ${from} WHERE ${where}`);
    await db.run(`DROP TABLE IF EXISTS temp.${ident(lines)}`);
    lap('cleaned');
    // 2. Typed values (x_<i>): costly rules run once per distinct value and are joined back. A text field's typed
    // value is its cleaned value, so it is not copied.
    const joins: string[] = [];
    const xOf = new Map<string, string>();
    const typed: string[] = [];
    for (const { f, i } of fields) {
      if (f.kind === 'text') {
        xOf.set(f.name, `v_${i}`);
        continue;
      }
      xOf.set(f.name, `x_${i}`);
      if (!typedPerDistinctValue(f)) {
        typed.push(`${typedValueSql(f, `v_${i}`)} AS x_${i}`);
        continue;
      }
      joins.push(`LEFT JOIN (SELECT k, ${typedValueSql(f, 'k', 's')} AS x FROM (SELECT k, ${strippedValueSql('k')} AS s FROM (SELECT DISTINCT v_${i} AS k FROM ${vals} WHERE v_${i} IS NOT NULL))) m_${i} ON m_${i}.k = v_${i}`);
      typed.push(`m_${i}.x AS x_${i}`);
    }
    const x = (f: Contract['fields'][number]) => xOf.get(f.name)!;
    const fieldOk = fields.map(({ f, i }) => `(v_${i} IS NULL${f.required ? ' AND false' : ''} OR (v_${i} IS NOT NULL AND ${x(f)} IS NOT NULL))`);
    const cellsOk = `(cnt = ${n} AND ${fieldOk.join(' AND ') || 'true'})`;
    const checks = (contract.rowChecks ?? []).map((c, k) => `(${cellsOk} AND NOT coalesce(${c.sql!((name) => xOf.get(name)!)}, false)) AS check_${k}`);
    await db.run(`CREATE TEMP TABLE ${typedTable} AS SELECT ${vals}.*${typed.length ? `, ${typed.join(', ')}` : ''} FROM ${vals} ${joins.join(' ')}`);
    await db.run(`DROP TABLE temp.${ident(vals)}`);
    lap('typed');
    const okCols = `${fieldOk.map((e, i) => `${e} AS ok_${i}`).join(', ')}${checks.length ? `, ${checks.join(', ')}` : ''}`;
    const ok = `cnt = ${n} AND ${fields.map(({ i }) => `ok_${i}`).join(' AND ') || 'true'}${checks.length ? ` AND NOT (${checks.map((_, k) => `check_${k}`).join(' OR ')})` : ''}`;
    const judged = `(SELECT *, ${okCols} FROM ${typedTable})`;

    const { read } = (await db.json<{ read: number }>(`SELECT count(*)::INTEGER AS read FROM ${typedTable}`))[0]!;
    const bad = await db.json<Record<string, unknown>>(
      `SELECT j.line::BIGINT AS line, j.cnt, ${cols.slice(0, n).map((c) => `r.${c}`).join(', ')}, ${fields.map(({ f, i }) => `${match.columns.has(f.name) ? 'r.' : ''}${cellOf(f.name)} AS raw_${i}, j.v_${i}, j.ok_${i}, ${canonicalSql(f, `j.${x(f)}`)} AS canon_${i}`).join(', ')}${checks.length ? `, ${checks.map((_, k) => `j.check_${k}`).join(', ')}` : ''}
       FROM ${judged} j JOIN (SELECT rowid AS rid, * FROM ${csv}) r USING (rid) WHERE NOT (${ok}) ORDER BY j.line`,
    );
    await db.run(`DROP TABLE temp.${ident(csv)}`);
    lap('rejects-fetch');
    const rejects: LandedReject[] = [];
    for (const r of bad) {
      const line = Number(r.line);
      const cells = cols.slice(0, n).map((c) => r[c] as string | null);
      const record = JSON.stringify(Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? null])));
      const cnt = Number(r.cnt);
      if (cnt !== n) {
        rejects.push({ line, column: null, value: null, reason: rowLengthReason(cnt, n), record });
        continue;
      }
      const raw = (i: number) => (r[`raw_${i}`] as string | null) ?? null;
      const problems = fields.filter(({ i }) => !r[`ok_${i}`]).map(({ f, i }) => ({ line, column: f.header, value: raw(i), reason: cellReason(f, (r[`v_${i}`] as string | null) ?? null), record }));
      if (problems.length === 0) {
        const row: CanonicalRow = {};
        for (const { f, i } of fields) {
          const v = r[`canon_${i}`];
          row[f.name] = v === null || v === undefined ? null : f.kind === 'integer' || f.kind === 'decimal' ? Number(v) : (v as string | boolean);
        }
        (contract.rowChecks ?? []).forEach((check, k) => {
          if (!r[`check_${k}`]) return;
          const at = fields.find((x) => x.f.name === check.field)!;
          problems.push({ line, column: at.f.header, value: raw(at.i), reason: check.message(row), record });
        });
      }
      rejects.push(...problems);
    }
    lap('rejects-build');
    const rejected = bad.length;
    // The good rows go straight from the typed step into the raw table (no landing copy in between).
    const insertGood = async (table: string) => {
      await db.run(
        `INSERT INTO ${table} SELECT ${fields.map(({ f }) => x(f)).join(', ')}, ${lit(input.loadId)}, ${lit(input.name)}, ${lit(input.checksum)}, line FROM ${judged} WHERE ${ok}`,
      );
      lap('insert');
    };
    handedOver = true;
    return { read, landed: read - rejected, rejected, rejects, insertGood, dispose };
  } finally {
    if (!handedOver) await dispose();
  }
}
