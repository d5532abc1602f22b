// The cell rules of values.ts and contract.ts written as DuckDB SQL, so a big CSV is checked at DuckDB speed.
// This is the ONE place the SQL form of cleanCell, parseBoolean, parseCode and parseDateTime lives: a change to
// those JS rules must be mirrored here (the extract equivalence test lands the same messy files both ways and
// fails on any difference). Messages are not built here: the JS path's own functions word them.
import type { FieldSpec } from './contract.js';
import { PLAUSIBLE_YEARS } from './date-limits.js';

/** A SQL string literal. */
export const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** What JS String.prototype.trim() removes (RE2's \s is ASCII only, so the class is spelled out). */
const WS = String.raw`[\t\n\x{0B}\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]`;

/** True when `s` is only what JS trim() removes (or empty). */
export const onlySpaceSql = (s: string): string => `regexp_full_match(${s}, ${lit(`${WS}*`)})`;

/** JS `s.trim()`. */
export const trimJs = (s: string): string => `regexp_replace(${s}, ${lit(`^${WS}+|${WS}+$`)}, '', 'g')`;

/** The "no value" markers of cleanCell (values.ts BLANKS). */
const BLANKS = ['', '#n/a', 'n/a', 'na', 'null', '#null!', '-', '(blank)'];

/**
 * cleanCell's trim (non-breaking spaces become spaces, then JS trim) of a raw cell. Most cells are plain ASCII
 * with no space at either end and need neither: they skip the regular expressions.
 */
export function cellTrimSql(raw: string): string {
  const slow = trimJs(`regexp_replace(${raw}, '[\\x{A0}\\x{2007}\\x{202F}\\x{FEFF}]', ' ', 'g')`);
  return `CASE WHEN ${raw} IS NULL THEN NULL WHEN ${raw} = '' THEN '' WHEN strlen(${raw}) = length(${raw}) AND ${raw}[1] > ' ' AND ${raw}[-1] > ' ' THEN ${raw} ELSE ${slow} END`;
}

/** The rest of cleanCell (blank markers become NULL) and the council's value map, from the trimmed cell `t`. */
export function cellValueSql(f: FieldSpec, t: string): string {
  const mapped =
    f.valueMap && f.valueMap.size > 0
      ? `CASE lower(${t}) ${[...f.valueMap].map(([from, to]) => `WHEN ${lit(from)} THEN ${lit(to)}`).join(' ')} ELSE ${t} END`
      : t;
  // Every blank marker is at most 7 bytes: longer values skip the look-up. list_contains, not IN: DuckDB rewrites an
  // IN list of six or more values into a join, one per cell, which made this step several times slower.
  return `CASE WHEN strlen(${t}) <= 7 AND list_contains([${BLANKS.map(lit).join(', ')}], lower(${t})) THEN NULL ELSE ${mapped} END`;
}

/** Kinds whose typed value is worked out once per distinct value (few distinct values, costly rules; date-times are
 * nearly all distinct, so they are worked out in place). */
export const typedPerDistinctValue = (f: FieldSpec): boolean =>
  f.kind === 'code' || f.kind === 'boolean' || f.kind === 'date';

/** stripListPrefix of `v`, which code and yes/no values are read from: worked out a step before typedValueSql. */
const strippedValueSql = (v: string): string => stripListPrefixSql(v);

/**
 * The field's typed value from its cleaned value `v` (a column): NULL when `v` is NULL or not a valid value.
 * Code and yes/no values also need `s`, a column holding strippedValueSql(v) (computed once, so the long CASE
 * over the codes stays small enough for DuckDB to plan quickly).
 */
export function typedValueSql(f: FieldSpec, v: string, s = strippedValueSql(v)): string {
  switch (f.kind) {
    case 'text':
      return v;
    case 'integer':
      return `CASE WHEN regexp_full_match(${v}, '-?[0-9]+') THEN TRY_CAST(${v} AS BIGINT) END`;
    case 'decimal':
      return `CASE WHEN regexp_full_match(${v}, ${lit(String.raw`-?([0-9]+\.?[0-9]*|\.[0-9]+)`)}) THEN TRY_CAST(${v} AS DOUBLE) END`;
    case 'boolean':
      return `CASE WHEN lower(${s}) IN (${TRUE.map(lit).join(', ')}) THEN true WHEN lower(${s}) IN (${FALSE.map(lit).join(', ')}) THEN false END`;
    case 'code': {
      // parseCode: longest codes first, exact or followed by a separator; then the label alone.
      const codes = f.codes ?? [];
      const byLength = [...codes].sort((a, b) => b.code.length - a.code.length);
      const whens = byLength.map(({ code }) => {
        const up = code.toUpperCase();
        return `WHEN upper(${s}) = ${lit(up)} OR (starts_with(upper(${s}), ${lit(up)}) AND regexp_matches(substr(${s}, ${up.length + 1}, 1), ${lit(`^(${WS}|[:.\\-–)])`)})) THEN ${lit(code)}`;
      });
      const seen = new Set<string>();
      const labels = codes
        .filter((e) => !seen.has(e.label.toLowerCase()) && seen.add(e.label.toLowerCase()))
        .map((e) => `WHEN ${lit(e.label.toLowerCase())} THEN ${lit(e.code)}`);
      const byLabel = labels.length ? `CASE lower(${s}) ${labels.join(' ')} END` : 'NULL';
      return `CASE ${whens.join(' ') || 'WHEN false THEN NULL'} ELSE ${byLabel} END`;
    }
    case 'date':
      return `CAST(csp_datetime(${v}) AS DATE)`;
    case 'datetime':
      return `csp_datetime(${v})`;
  }
}

/** stripListPrefix: "b) Female" -> "Female". */
const stripListPrefixSql = (v: string): string => trimJs(`regexp_replace(${v}, ${lit(`^[a-zA-Z]{1,2}\\)${WS}*`)}, '')`);

const TRUE = ['y', 'yes', 'true', '1', 't'];
const FALSE = ['n', 'no', 'false', '0', 'f'];
// parseDateTime's patterns (values.ts UK, ISO, SERIAL), anchored for regexp_extract.
const UK = String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$`;
const ISO = String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z)?)?$`;
const SERIAL = String.raw`\d{5}(?:\.\d+)?`;

/** The usual dd/mm/yyyy hh:mm, which parseDateTime's rules settle with strptime alone. */
const USUAL_DATETIME = '[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}';
const usualDatetimeOnlySql = (v: string): string =>
  `CASE WHEN substr(${v}, 7, 4) BETWEEN '${PLAUSIBLE_YEARS.earliest}' AND '${PLAUSIBLE_YEARS.latest}' THEN try_strptime(${v}, '%d/%m/%Y %H:%M') END`;

/**
 * csp_datetime of a cell's cleaned value when the raw cell is in the usual form (which needs no cleaning: nothing to
 * trim, not a blank marker), else NULL: the caller works out the other cells from their cleaned values. Only for
 * fields without a council value map (which could map such a cell).
 */
export const usualDatetimeSql = (cell: string): string =>
  `CASE WHEN regexp_full_match(${cell}, ${lit(USUAL_DATETIME)}) THEN ${usualDatetimeOnlySql(cell)} END`;

/** Macros the typed values use; TEMP, so they live with the connection and never reach the warehouse file. */
export const SQL_MACROS: readonly string[] = [
  `CREATE OR REPLACE TEMP MACRO csp_int(s) AS TRY_CAST(nullif(s, '') AS INTEGER)`,
  // validYmd (in the plausible years, date-limits.ts) and the time limits of parseDateTime: NULL unless a real date and time (strptime refuses 31 February,
  // hour 24, minute or second 60). Written so each argument appears once or twice: DuckDB expands macros in place,
  // and repeated arguments made the expressions too big to plan quickly.
  `CREATE OR REPLACE TEMP MACRO csp_ymd_hms(y, m, d, hh, mi, ss) AS
    CASE WHEN y BETWEEN ${PLAUSIBLE_YEARS.earliest} AND ${PLAUSIBLE_YEARS.latest}
         THEN try_strptime(printf('%04d-%02d-%02d %02d:%02d:%02d', y, m, d, coalesce(hh, 0), coalesce(mi, 0), coalesce(ss, 0)), '%Y-%m-%d %H:%M:%S') END`,
  // fromExcelSerial: the 1900 date system; a fraction is the time of day (whole seconds).
  `CREATE OR REPLACE TEMP MACRO csp_serial_ts(day0, secs) AS
    CASE WHEN year(day0) BETWEEN ${PLAUSIBLE_YEARS.earliest} AND ${PLAUSIBLE_YEARS.latest}
         THEN day0::TIMESTAMP + to_seconds(CASE WHEN secs > 0 AND secs < 86400 THEN secs ELSE 0 END) END`,
  `CREATE OR REPLACE TEMP MACRO csp_serial(x) AS
    CASE WHEN x > 60 AND x < 80000 THEN csp_serial_ts(DATE '1899-12-30' + floor(x)::INTEGER, round((x - floor(x)) * 86400)::BIGINT) END`,
  // parseDateTime. The usual dd/mm/yyyy hh:mm goes straight to strptime (which checks the day exists and the time is
  // real, as validYmd does); any other form goes through the patterns.
  `CREATE OR REPLACE TEMP MACRO csp_parts(p) AS csp_ymd_hms(csp_int(p.y), csp_int(p.m), csp_int(p.d), csp_int(p.hh), csp_int(p.mi), csp_int(p.ss))`,
  `CREATE OR REPLACE TEMP MACRO csp_datetime(v) AS
    CASE
      WHEN regexp_full_match(v, ${lit(USUAL_DATETIME)}) THEN ${usualDatetimeOnlySql('v')}
      WHEN regexp_extract(v, ${lit(UK)}, ['d', 'm', 'y', 'hh', 'mi', 'ss']).y <> '' THEN csp_parts(regexp_extract(v, ${lit(UK)}, ['d', 'm', 'y', 'hh', 'mi', 'ss']))
      WHEN regexp_extract(v, ${lit(ISO)}, ['y', 'm', 'd', 'hh', 'mi', 'ss']).y <> '' THEN csp_parts(regexp_extract(v, ${lit(ISO)}, ['y', 'm', 'd', 'hh', 'mi', 'ss']))
      WHEN regexp_full_match(v, ${lit(SERIAL)}) THEN csp_serial(TRY_CAST(v AS DOUBLE))
    END`,
];

/** The typed value `x` as the JS path's canonical value prints (dates as text), for row-check messages. */
export function canonicalSql(f: FieldSpec, typed: string): string {
  switch (f.kind) {
    case 'date':
      return `strftime(${typed}, '%Y-%m-%d')`;
    case 'datetime':
      return `strftime(${typed}, '%Y-%m-%d %H:%M:%S')`;
    default:
      return typed;
  }
}
