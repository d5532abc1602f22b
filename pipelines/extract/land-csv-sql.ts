// The fast landing path for a UTF-8 CSV: DuckDB reads the file and checks every cell with the contract's SQL form
// (sources/lib/contract-sql.ts), so a big export validates at DuckDB speed instead of row by row in JS. It lands
// exactly what the JS path lands (same typed rows, same rejects with the same line numbers, reasons and record
// JSON); the extract equivalence test holds it to that. Anything it is unsure of returns null, and the caller
// falls back to the JS path (the reference).
import { isAscii } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  cellReason,
  cellSchema,
  cleanedValue,
  duckdbType,
  rowLengthReason,
  type CanonicalRow,
  type Contract,
  type HeaderMatch,
} from '../../sources/lib/contract.js';
import {
  canonicalSql,
  cellTrimSql,
  cellValueSql,
  lit,
  SQL_MACROS,
  onlySpaceSql,
  typedPerDistinctValue,
  typedValueSql,
  usualDatetimeSql,
} from '../../sources/lib/contract-sql.js';
import { ident, type Warehouse } from '../../core/warehouse.js';

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
  /** The line of the file's last record (0 when it has none). */
  lastLine: number;
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
// The cell of a column the file leaves out. Parenthesised because the cleaning SQL indexes a cell (`cell[-1]`), and
// `NULL::VARCHAR[-1]` would parse as an array type: a contract's new optional field then sent every file to JS.
const ABSENT_CELL = '(NULL::VARCHAR)';

export const sqlLandingFits = (contract: Contract, encoding: string): boolean =>
  encoding === 'utf-8' && (contract.rowChecks ?? []).every((c) => c.sql !== undefined);

/** True when some quoted value holds a line break (so records and lines differ). */
function hasQuotedLineBreak(buf: Buffer): boolean {
  // Without a CR anywhere, looking for the next one after every quote would scan to the end of the file each time.
  const anyCr = buf.indexOf(0x0d) >= 0;
  for (let open = buf.indexOf(0x22); open >= 0;) {
    const close = buf.indexOf(0x22, open + 1);
    if (close < 0) return true; // unterminated: let the careful scan and DuckDB decide
    const nl = buf.indexOf(0x0a, open + 1);
    const cr = anyCr ? buf.indexOf(0x0d, open + 1) : -1;
    if ((nl >= 0 && nl < close) || (cr >= 0 && cr < close)) return true;
    open = buf.indexOf(0x22, close + 1);
  }
  return false;
}

/**
 * True when a file ends its lines in more than one way (CRLF with a bare LF or CR among them, or both bare kinds).
 * Each still ends a record (as the JS reader and Excel read it), but DuckDB's reader takes one kind per file and,
 * outside its strict mode, misreads the rest; such a file goes to the JS path.
 */
export function hasMixedLineEndings(buf: Buffer): boolean {
  // A file with only one of the two bytes has one kind (the usual case: settled by two native searches).
  const firstCr = buf.indexOf(0x0d);
  const firstLf = buf.indexOf(0x0a);
  if (firstCr < 0 || firstLf < 0) return false;
  // One pass from the first line break, stopping at the second kind (a search per line cost 0.13-0.27 s at 30 MB).
  let crlf = false;
  let bareLf = false;
  let bareCr = false;
  for (let i = Math.min(firstCr, firstLf); i < buf.length; i++) {
    const b = buf[i];
    if (b === 0x0d) {
      if (buf[i + 1] === 0x0a) {
        crlf = true;
        i++;
      } else bareCr = true;
    } else if (b === 0x0a) bareLf = true;
    else continue;
    if (Number(crlf) + Number(bareLf) + Number(bareCr) > 1) return true;
  }
  return false;
}

/**
 * The line on which each record DuckDB reads ends (csv-parse numbers a record by its last line), or null when
 * record n is simply line n (no blank lines, no line breaks inside quotes): the common case, checked cheaply.
 */
export function recordEndLines(buf: Buffer): Int32Array | null {
  const blank =
    buf.indexOf('\n\n') >= 0 ||
    buf.indexOf('\n\r\n') >= 0 ||
    buf.indexOf('\r\r') >= 0 ||
    buf[0] === 0x0a ||
    buf[0] === 0x0d;
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
  await db.run(SQL_MACROS.join(';\n'));
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

/** Runs a statement; with CSP_PROFILE_LANDING=explain, saves DuckDB's profile of it to /tmp/landing-plan-<step>.json. */
async function runProfiled(db: Warehouse, sql: string, step: string): Promise<void> {
  if (process.env.CSP_PROFILE_LANDING !== 'explain') return db.run(sql);
  const plan = await db.json(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`);
  writeFileSync(path.join(tmpdir(), `landing-plan-${step}.json`), String(Object.values(plan[0]!)[1]));
}

/**
 * Reads the file into `table`, every cell VARCHAR. When records are lines, first exactly the header's width below
 * the header, strictly: no null padding keeps DuckDB's fast scanner. A file with a short or long row fails that read
 * and is read again with room to spare (null when even that fails).
 */
async function readIntoTable(
  db: Warehouse,
  input: SqlLandingInput,
  table: string,
  recordsAreLines: boolean,
  lap: (step: string) => void,
): Promise<{ width: number; strict: boolean } | null> {
  const n = input.headers.length;
  const readCsvSql = (width: number, opts: string) =>
    `CREATE TEMP TABLE ${table} AS SELECT * FROM read_csv(${lit(input.path)}, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', ${opts}
        nullstr = ${lit(NO_NULL)}, columns = {${Array.from({ length: width }, (_, i) => `${lit(`c${i + 1}`)}: 'VARCHAR'`).join(', ')}})`;
  if (recordsAreLines) {
    try {
      await runProfiled(
        db,
        readCsvSql(n, `skip = ${input.headerLine}, strict_mode = true, null_padding = false,`),
        'read',
      );
      lap('read_csv (strict)');
      return { width: n, strict: true };
    } catch {
      await db.run(`DROP TABLE IF EXISTS temp.${ident(table)}`);
      lap('read_csv (strict, failed)');
    }
  }
  try {
    await db.run(readCsvSql(n + EXTRA_COLUMNS, 'null_padding = true,'));
  } catch {
    return null;
  }
  lap('read_csv (padded)');
  return { width: n + EXTRA_COLUMNS, strict: false };
}

type Field = Contract['fields'][number];

/**
 * One pass from the read table to cleaned (v_<i>, as cellSchema's `v`) and typed (x_<i>) values. Codes, yes/no
 * values and dates have few distinct raw cells: each is cleaned and typed once, in a small map (made here) joined
 * back on the raw cell. Other cells are cleaned in place; a text field's typed value is its cleaned value (not
 * copied). Also each field's own test (present when required, a valid value when given) and, for the rejects
 * query, how to get each field's cleaned value back.
 */
async function typedProjection(
  db: Warehouse,
  ctx: {
    fields: readonly { f: Field; i: number }[];
    csv: string;
    suffix: string;
    maps: string[];
    cellOf: (field: string) => string;
    cleaned: (f: Field, cell: string) => string;
  },
) {
  const { fields, csv, suffix, maps, cellOf, cleaned } = ctx;
  const joins: string[] = [];
  const xOf = new Map<string, string>();
  const outs: string[] = [];
  /** The cleaned value of each field in the rejects query (`j` the typed row, `r` the raw cells). */
  const rejectV: string[] = [];
  const rejectJoins: string[] = [];
  // A field's own test (present when required, and a valid value when given), over the typed table's columns.
  const fieldOk: string[] = [];
  /** Date-time fields, whose cells not in the usual form are typed in a second statement. */
  const retype: number[] = [];
  /** The maps to fill, each with the raw column its keys come from. */
  const toFill: { map: string; f: Field; cell: string }[] = [];
  for (const { f, i } of fields) {
    const cell = cellOf(f.name);
    if (typedPerDistinctValue(f) && cell !== ABSENT_CELL) {
      // The map, a table so DuckDB knows it is small (it hashes the map, not the file's rows), also holds the
      // field's test, so the rows carry only the typed value and that test; a reject gets its cleaned value back
      // from the map.
      const map = `_m${i}_${suffix}`;
      maps.push(map);
      toFill.push({ map, f, cell });
      joins.push(`LEFT JOIN ${map} m_${i} ON m_${i}.k = ${cell}`);
      // A missing cell (a short row) is blank.
      outs.push(`m_${i}.x AS x_${i}`, `coalesce(m_${i}.ok, ${!f.required}) AS fok_${i}`);
      fieldOk.push(`fok_${i}`);
      rejectJoins.push(`LEFT JOIN ${map} m_${i} ON m_${i}.k = r.${cell}`);
      rejectV.push(`m_${i}.v`);
      xOf.set(f.name, `x_${i}`);
      continue;
    }
    if (f.kind === 'text') {
      outs.push(`${cleaned(f, cell)} AS v_${i}`);
      xOf.set(f.name, `v_${i}`);
      fieldOk.push(f.required ? `(v_${i} IS NOT NULL)` : 'true');
    } else {
      // Date-times are nearly all distinct, so they are typed in place. The usual dd/mm/yyyy hh:mm needs no
      // cleaning and goes straight to strptime on the raw cell; every other cell is typed from its cleaned value
      // just after (few rows; written into this projection, the full rules made it too big to plan quickly).
      if (f.kind === 'datetime') {
        const usual = !(f.valueMap && f.valueMap.size > 0);
        outs.push(
          `${cleaned(f, cell)} AS v_${i}`,
          `${usual ? usualDatetimeSql(cell) : `NULL::${duckdbType(f)}`} AS x_${i}`,
        );
        retype.push(i);
      } else {
        // Numbers (and a code, yes/no or date column the file leaves out): simple rules, typed in place.
        outs.push(`${cleaned(f, cell)} AS v_${i}`, `${typedValueSql(f, `(${cleaned(f, cell)})`)} AS x_${i}`);
      }
      xOf.set(f.name, `x_${i}`);
      fieldOk.push(`(v_${i} IS NULL${f.required ? ' AND false' : ''} OR (v_${i} IS NOT NULL AND x_${i} IS NOT NULL))`);
    }
    rejectV.push(`j.v_${i}`);
  }
  await fillMaps(db, csv, toFill);
  return { joins, outs, rejectV, rejectJoins, fieldOk, retype, xOf };
}

/**
 * Fills each code, yes/no or date field's map: its distinct raw cells, each cleaned, typed and tested by the
 * contract's own zod cell schema (so the map holds exactly what the JS path decides for that cell). A few
 * statements in all, whatever the number of maps: written as SQL, each map's rules were a statement of their own
 * that took 5-30 ms just to plan.
 */
async function fillMaps(db: Warehouse, csv: string, toFill: readonly { map: string; f: Field; cell: string }[]) {
  if (toFill.length === 0) return;
  await db.run(
    toFill
      .map(({ map, f }) => `CREATE TEMP TABLE ${map} (k VARCHAR, v VARCHAR, x ${duckdbType(f)}, ok BOOLEAN)`)
      .join(';\n'),
  );
  const distinct = await db.json<{ i: number; k: string | null }>(
    toFill
      .map(({ cell }, i) => `SELECT ${i} AS i, k FROM (SELECT DISTINCT ${cell} AS k FROM ${csv})`)
      .join(' UNION ALL '),
  );
  const keys = toFill.map(() => [] as string[]);
  for (const { i, k } of distinct) if (k !== null) keys[i]!.push(k); // a missing cell (NULL) matches no key
  for (const [i, { map, f }] of toFill.entries()) {
    const schema = cellSchema(f);
    const app = await db.connection.createAppender(map, 'main', 'temp');
    for (const k of keys[i]!) {
      const v = cleanedValue(f, k);
      const parsed = schema.safeParse(k);
      const x = parsed.success ? parsed.data : null;
      app.appendVarchar(k);
      if (v === null) app.appendNull();
      else app.appendVarchar(v);
      if (x === null) app.appendNull();
      else app.appendVarchar(String(x));
      app.appendBoolean(parsed.success);
      app.endRow();
    }
    app.closeSync();
  }
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
  const badTable = `_bad_${suffix}`;
  const maps: string[] = [];
  const dispose = async () => {
    // One call: each statement is still its own, but the round trips go.
    await db.run(
      [typedTable, badTable, lines, csv, ...maps].map((t) => `DROP TABLE IF EXISTS temp.${ident(t)}`).join('; '),
    );
  };
  await ensureMacros(db);
  let handedOver = false;
  try {
    const buf = readFileSync(input.path);
    if (hasMixedLineEndings(buf)) return null;
    const ends = recordEndLines(buf);
    const noTrim = ends === null && cellsNeedNoTrim(buf);
    lap('scan');
    const shape = await readIntoTable(db, input, csv, ends === null, lap);
    if (!shape) return null; // a row longer than the room left, an unterminated quote, ...: the JS path says what is wrong
    const { width: m, strict } = shape;
    // From here every table carries its rows' line numbers, so row order means nothing, and DuckDB writes
    // unordered results in parallel (reset below).
    await db.run('SET preserve_insertion_order = false');
    const cols = Array.from({ length: m }, (_, i) => `c${i + 1}`);
    let lineExpr = `${csv}.rowid + ${strict ? input.headerLine + 1 : 1}`;
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
    // Spelled as an OR, so DuckDB stops at the first test for nearly every row: as NOT over an AND it ran every cell's
    // blank test on every row (0.18-0.29 s of the typed step at scale 10; 0.07 s as an OR).
    const notEmptyRecord = `(coalesce(ascii(c1) BETWEEN 33 AND 126, false) OR NOT (${cols.map((c) => `(${c} IS NULL OR ${onlySpaceSql(c)})`).join(' AND ')}))`;
    // The strict read has exactly n cells in every row.
    const count = strict ? String(n) : cols.map((c) => `(${c} IS NOT NULL)::INTEGER`).join(' + ');
    const cellOf = (field: string): string => {
      const i = match.columns.get(field);
      return i === undefined ? ABSENT_CELL : `c${i + 1}`;
    };
    const fields = contract.fields.map((f, i) => ({ f, i }));
    // One pass from the read table to cleaned (v_<i>, as cellSchema's `v`) and typed (x_<i>) values. Codes, yes/no
    // values and dates have few distinct raw cells: each is cleaned and typed once, in a small map joined back on the
    // raw cell. Other cells are cleaned in place; a text field's typed value is its cleaned value (not copied). The
    // raw cells stay in the read table (joined back by rid for the rejects only). The strict read starts below the
    // header already.
    const where = `${strict ? '' : `${lineExpr} > ${input.headerLine} AND `}${notEmptyRecord}`;
    const keep = `${ends ? 'r.rn' : `${csv}.rowid`} AS rid, ${lineExpr} AS line, ${count} AS cnt`;
    // Trim and clean in one pass: the trim's cheap test (plain ASCII, no blank at either end) settles nearly every
    // cell, so repeating it inside the clean costs less than keeping the trimmed cells in a table of their own.
    const cleaned = (f: Contract['fields'][number], cell: string) =>
      cellValueSql(f, noTrim ? cell : `(${cellTrimSql(cell)})`);
    const { joins, outs, rejectV, rejectJoins, fieldOk, retype, xOf } = await typedProjection(db, {
      fields,
      csv,
      suffix,
      maps,
      cellOf,
      cleaned,
    });
    const x = (f: Contract['fields'][number]) => xOf.get(f.name)!;
    const cellsOk = `(cnt = ${n} AND ${fieldOk.join(' AND ') || 'true'})`;
    const checkSql = (contract.rowChecks ?? []).map((c) => `coalesce(${c.sql!((name) => xOf.get(name)!)}, false)`);
    lap('maps');
    const typedSql = `CREATE TEMP TABLE ${typedTable} AS SELECT ${keep}, ${outs.join(', ')} FROM ${from} ${joins.join(' ')} WHERE ${where}`;
    await runProfiled(db, typedSql, 'typed');
    if (ends) await db.run(`DROP TABLE IF EXISTS temp.${ident(lines)}`);
    lap('typed');
    // A good row: the right number of cells, every field's test, and every row check.
    const ok = [cellsOk, ...checkSql].join(' AND ');

    // With the count, how many rows fail the first pass: a file with none (most files) needs no rejects step.
    const { read, lastLine, failing } = (
      await db.json<{ read: number; lastLine: number | null; failing: number }>(
        `SELECT count(*)::INTEGER AS read, max(line)::BIGINT::DOUBLE AS "lastLine", (count(*) FILTER (WHERE NOT (${ok})))::INTEGER AS failing FROM ${typedTable}`,
      )
    )[0]!;
    // The rows that fail the first pass, with every cell it left untyped now typed by the full rules (one whose usual
    // form failed strptime fails them too). Some of them are good after all: they are inserted with the rest.
    const untyped = (i: number) => `(x_${i} IS NULL AND v_${i} IS NOT NULL)`;
    const byField = new Map(fields.map(({ f, i }) => [i, f]));
    const retyped = retype.length
      ? ` REPLACE (${retype.map((i) => `CASE WHEN ${untyped(i)} THEN ${typedValueSql(byField.get(i)!, `v_${i}`)} ELSE x_${i} END AS x_${i}`).join(', ')})`
      : '';
    let bad: Record<string, unknown>[] = [];
    if (failing > 0) {
      await db.run(`CREATE TEMP TABLE ${badTable} AS SELECT *${retyped} FROM ${typedTable} WHERE NOT (${ok})`);
      // For a reject: which field tests failed, and which row checks fired on an otherwise valid row.
      const judged = `(SELECT *, ${ok} AS good, ${fieldOk.map((e, i) => `${e} AS ok_${i}`).join(', ')}${checkSql.map((c, k) => `, (${cellsOk} AND NOT ${c}) AS check_${k}`).join('')} FROM ${badTable})`;
      bad = await db.json<Record<string, unknown>>(
        `SELECT j.line::BIGINT AS line, j.cnt, ${cols
          .slice(0, n)
          .map((c) => `r.${c}`)
          .join(
            ', ',
          )}, ${fields.map(({ f, i }) => `${match.columns.has(f.name) ? 'r.' : ''}${cellOf(f.name)} AS raw_${i}, ${rejectV[i]} AS v_${i}, j.ok_${i}, ${canonicalSql(f, `j.${x(f)}`)} AS canon_${i}`).join(', ')}${checkSql.length ? `, ${checkSql.map((_, k) => `j.check_${k}`).join(', ')}` : ''}
         FROM ${judged} j JOIN (SELECT rowid AS rid, * FROM ${csv}) r USING (rid) ${rejectJoins.join(' ')} WHERE NOT j.good ORDER BY j.line`,
      );
    }
    await db.run(`DROP TABLE temp.${ident(csv)}`);
    lap('rejects-fetch');
    const rejects = wordRejects(bad, { contract, headers, fields, cols: cols.slice(0, n) });
    lap('rejects-build');
    const rejected = bad.length;
    // The good rows go straight from the typed step into the raw table (no landing copy in between).
    const insertGood = async (table: string) => {
      const good = (from: string) =>
        `SELECT ${fields.map(({ f }) => x(f)).join(', ')}, ${lit(input.loadId)}, ${lit(input.name)}, ${lit(input.checksum)}, line FROM ${from} WHERE ${ok}`;
      // Raw row order means nothing (staging orders by load and line), and an unordered insert runs in parallel.
      await db.run('SET preserve_insertion_order = false');
      try {
        await runProfiled(
          db,
          `INSERT INTO ${table} ${good(typedTable)}${failing > 0 ? ` UNION ALL ${good(badTable)}` : ''}`,
          'insert',
        );
      } finally {
        await db.run('RESET preserve_insertion_order');
      }
      lap('insert');
    };
    handedOver = true;
    return { read, landed: read - rejected, rejected, rejects, lastLine: Number(lastLine ?? 0), insertGood, dispose };
  } finally {
    await db.run('RESET preserve_insertion_order');
    if (!handedOver) await dispose();
  }
}

/**
 * The rejects of the failing rows, worded by the JS path's own functions (so both paths give the same reasons): a
 * row of the wrong length, each field whose test failed, or else each row check that fired.
 */
function wordRejects(
  bad: readonly Record<string, unknown>[],
  ctx: {
    contract: Contract;
    headers: readonly string[];
    fields: readonly { f: Contract['fields'][number]; i: number }[];
    cols: readonly string[];
  },
): LandedReject[] {
  const { contract, headers, fields, cols } = ctx;
  const n = headers.length;
  const rejects: LandedReject[] = [];
  for (const r of bad) {
    const line = Number(r.line);
    const cells = cols.map((c) => r[c] as string | null);
    const record = JSON.stringify(Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? null])));
    const cnt = Number(r.cnt);
    if (cnt !== n) {
      rejects.push({ line, column: null, value: null, reason: rowLengthReason(cnt, n), record });
      continue;
    }
    const raw = (i: number) => (r[`raw_${i}`] as string | null) ?? null;
    const problems = fields
      .filter(({ i }) => !r[`ok_${i}`])
      .map(({ f, i }) => ({
        line,
        column: f.header,
        value: raw(i),
        reason: cellReason(f, (r[`v_${i}`] as string | null) ?? null),
        record,
      }));
    if (problems.length === 0) {
      const row: CanonicalRow = {};
      for (const { f, i } of fields) {
        const v = r[`canon_${i}`];
        row[f.name] =
          v === null || v === undefined
            ? null
            : f.kind === 'integer' || f.kind === 'decimal'
              ? Number(v)
              : (v as string | boolean);
      }
      (contract.rowChecks ?? []).forEach((check, k) => {
        if (!r[`check_${k}`]) return;
        const at = fields.find((x) => x.f.name === check.field)!;
        problems.push({ line, column: at.f.header, value: raw(at.i), reason: check.message(row), record });
      });
    }
    rejects.push(...problems);
  }
  return rejects;
}
