// A contract describes one export: its columns, their types and codes. From it we derive the zod row schema
// (every row is checked), the raw DuckDB table (types), header matching, and the spec an officer can read.
import { z } from 'zod';
import { validIn, validityText, type CollectionYear } from '../../core/calendar/collection-year.js';
import { implausibleDateReason, PLAUSIBLE_YEARS } from './date-limits.js';
import { cleanCell, normaliseHeader, parseBoolean, parseCode, parseDateTime, type CodeEntry } from './values.js';

export type FieldKind = 'text' | 'date' | 'datetime' | 'boolean' | 'code' | 'integer' | 'decimal';

export interface FieldSpec {
  /** Column name in the raw table (snake_case). */
  name: string;
  /** The header the export is expected to have. */
  header: string;
  /** Other spellings seen in councils' exports. */
  aliases?: readonly string[];
  /** The column's earlier names in the raw table: a raw table made under an earlier contract is renamed, not refilled (raw-migrations.ts). */
  renamedFrom?: readonly string[];
  kind: FieldKind;
  required: boolean;
  /** Allowed codes for `code` fields. */
  codes?: readonly CodeEntry[];
  /** The council's own values for this field, lower-cased, mapped to contract values (from a mapping file). */
  valueMap?: ReadonlyMap<string, string>;
  /**
   * Set when a return's contract is resolved for its collection year (contractForYear): `codes` then holds that
   * year's codes only, and these every year's, so a code of another year is refused saying when it is valid.
   */
  year?: { year: CollectionYear; allCodes: readonly CodeEntry[] };
  description: string;
}

export type Canonical = string | boolean | number | null;
export type CanonicalRow = Record<string, Canonical>;

export interface RowCheck {
  /** The field the problem is reported against. */
  field: string;
  /** The rule in plain English, for the spec. */
  rule: string;
  test: (row: CanonicalRow) => boolean;
  message: (row: CanonicalRow) => string;
  /**
   * The same test as SQL (true when the row passes), given each field's typed value as a SQL expression, so a big
   * file can be checked inside DuckDB. A contract with a row check lacking it is always checked in JS.
   */
  sql?: (col: (field: string) => string) => string;
}

export interface Contract {
  /** Source system folder, e.g. "case_management". */
  system: string;
  entity: string;
  title: string;
  description: string;
  fields: readonly FieldSpec[];
  /**
   * The fields that identify a record; staging keeps the latest load of each (macro latest_source_rows reads this
   * list from the generated dbt sources yml, meta contract_key).
   */
  key: readonly string[];
  /** What the key columns alone do not say (a return's records numbered by occurrence in staging). */
  keyNote?: string;
  rowChecks?: readonly RowCheck[];
  /** The published specification version the contract implements (e.g. 'SSD 1.4.5'), recorded on each load. */
  specVersion?: string;
  /**
   * A statutory return's file (the DfE names every column): recognised only when its header has exactly the
   * contract's columns, so a look-alike (a DoLo file beside OC2) is never landed as another table.
   */
  exactHeaders?: boolean;
}

/**
 * The contract a return of `year` is checked against: each code field keeps the codes valid in that year
 * (seeds' valid_from / valid_to). Fields whose codes carry no years are left as they are.
 */
export function contractForYear(contract: Contract, year: CollectionYear): Contract {
  return {
    ...contract,
    fields: contract.fields.map((f) =>
      f.kind === 'code' && (f.codes ?? []).some((c) => c.validFrom || c.validTo)
        ? {
            ...f,
            codes: f.codes!.filter((c) => validIn(c, year)),
            year: { year, allCodes: f.year?.allCodes ?? f.codes! },
          }
        : f,
    ),
  };
}

export const rawTableName = (c: Contract): string => `${c.system}__${c.entity}`;

const DUCKDB_TYPE: Record<FieldKind, string> = {
  text: 'VARCHAR',
  date: 'DATE',
  datetime: 'TIMESTAMP',
  boolean: 'BOOLEAN',
  code: 'VARCHAR',
  integer: 'BIGINT',
  decimal: 'DOUBLE',
};
export const duckdbType = (f: FieldSpec): string => DUCKDB_TYPE[f.kind];

const EXPECT: Record<FieldKind, string> = {
  text: 'text',
  date: 'a date as dd/mm/yyyy, yyyy-mm-dd or an Excel date number',
  datetime: 'a date and time as dd/mm/yyyy hh:mm, yyyy-mm-dd hh:mm or an Excel date number',
  boolean: 'Y or N',
  code: 'one of the listed codes',
  integer: 'a whole number',
  decimal: 'a number',
};

/** The plain-English reason a cell is rejected: blank when required, or not a value of its kind. */
export function cellReason(f: FieldSpec, v: string | null): string {
  if (v === null) return `${f.header} is blank but every row needs one`;
  switch (f.kind) {
    case 'code': {
      const other = f.year ? parseCode(v, f.year.allCodes) : null;
      const entry = other === null ? undefined : f.year!.allCodes.find((c) => c.code === other);
      if (entry)
        return `${f.header} '${v}' is not a code of the ${f.year!.year} return: ${entry.code} is valid ${validityText(entry)} (expected one of ${(f.codes ?? []).map((x) => x.code).join(', ')})`;
      return `${f.header} '${v}' is not a known code (expected one of ${(f.codes ?? []).map((x) => x.code).join(', ')})`;
    }
    case 'date':
    case 'datetime': {
      // A real date, but in a year no child's record could hold, says so; anything else is no date at all.
      const calendar = parseDateTime(v);
      const implausible = calendar && implausibleDateReason(f.header, v, calendar.date, PLAUSIBLE_YEARS);
      if (implausible) return implausible;
      return f.kind === 'date'
        ? `${f.header} '${v}' is not a real date (expected dd/mm/yyyy, yyyy-mm-dd or an Excel date number)`
        : `${f.header} '${v}' is not a real date and time (expected dd/mm/yyyy hh:mm)`;
    }
    default:
      return `${f.header} '${v}' is not ${EXPECT[f.kind]}`;
  }
}

/** A row whose number of values differs from the header's. */
export const rowLengthReason = (values: number, columns: number): string =>
  `row has ${values} values but the header has ${columns} columns (a stray comma or a cut-off line?)`;

/** cleanCell, then the council's value map: the value a field's rules judge (null when blank). */
export function cleanedValue(f: FieldSpec, raw: string | null | undefined): string | null {
  const cleaned = cleanCell(raw);
  return cleaned === null ? null : (f.valueMap?.get(cleaned.toLowerCase()) ?? cleaned);
}

/** One cell's zod schema: raw text in, canonical value out, with a plain-English message on failure. */
export function cellSchema(f: FieldSpec): z.ZodType<Canonical> {
  return z.union([z.string(), z.null(), z.undefined()]).transform((raw, ctx): Canonical => {
    const v = cleanedValue(f, raw);
    if (v === null) {
      if (f.required) ctx.addIssue({ code: 'custom', message: cellReason(f, null) });
      return null;
    }
    const bad = () => {
      ctx.addIssue({ code: 'custom', message: cellReason(f, v) });
      return null;
    };
    switch (f.kind) {
      case 'text':
        return v;
      case 'integer':
        return /^-?\d+$/.test(v) ? Number(v) : bad();
      case 'decimal':
        return /^-?(\d+\.?\d*|\.\d+)$/.test(v) ? Number(v) : bad();
      case 'boolean': {
        const b = parseBoolean(v);
        return b === null ? bad() : b;
      }
      case 'code':
        return parseCode(v, f.codes ?? []) ?? bad();
      case 'date': {
        const d = parseDateTime(v, PLAUSIBLE_YEARS);
        return d ? d.date : bad();
      }
      case 'datetime': {
        const d = parseDateTime(v, PLAUSIBLE_YEARS);
        return d ? `${d.date} ${d.time ?? '00:00:00'}` : bad();
      }
    }
  });
}

export interface RowProblem {
  field: string;
  header: string;
  value: string | null;
  reason: string;
}

export type RowResult = { ok: true; row: CanonicalRow } | { ok: false; problems: RowProblem[] };

export interface CompiledContract {
  contract: Contract;
  /** Validate one row given as raw cell text keyed by field name. */
  validate(raw: Record<string, string | undefined>): RowResult;
}

export function compileContract(contract: Contract): CompiledContract {
  const shape = Object.fromEntries(contract.fields.map((f) => [f.name, cellSchema(f)]));
  const schema = z.object(shape);
  const byName = new Map(contract.fields.map((f) => [f.name, f]));
  return {
    contract,
    validate(raw) {
      // Every field gets a key: an optional column the export does not have is then simply blank (zod 4
      // otherwise reports an absent key as missing).
      const full: Record<string, string | undefined> = {};
      for (const f of contract.fields) full[f.name] = raw[f.name];
      const parsed = schema.safeParse(full);
      if (!parsed.success) {
        return {
          ok: false,
          problems: parsed.error.issues.map((i) => {
            const name = String(i.path[0]);
            const f = byName.get(name)!;
            return { field: name, header: f.header, value: raw[name] ?? null, reason: i.message };
          }),
        };
      }
      const row = parsed.data;
      const problems: RowProblem[] = [];
      for (const check of contract.rowChecks ?? []) {
        if (!check.test(row)) {
          const f = byName.get(check.field)!;
          problems.push({ field: f.name, header: f.header, value: raw[f.name] ?? null, reason: check.message(row) });
        }
      }
      return problems.length ? { ok: false, problems } : { ok: true, row };
    },
  };
}

export interface HeaderMatch {
  /** For each contract field present in the file: its column index. */
  columns: Map<string, number>;
  missingRequired: FieldSpec[];
  missingOptional: FieldSpec[];
  unknownHeaders: string[];
}

/** Match a file's header row to a contract's fields by header text or alias, ignoring case and spacing. */
export function matchHeaders(contract: Contract, headers: readonly string[]): HeaderMatch {
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (key && !index.has(key)) index.set(key, i);
  });
  const columns = new Map<string, number>();
  const used = new Set<number>();
  for (const f of contract.fields) {
    for (const name of [f.header, ...(f.aliases ?? [])]) {
      const i = index.get(normaliseHeader(name));
      if (i !== undefined) {
        columns.set(f.name, i);
        used.add(i);
        break;
      }
    }
  }
  return {
    columns,
    missingRequired: contract.fields.filter((f) => f.required && !columns.has(f.name)),
    missingOptional: contract.fields.filter((f) => !f.required && !columns.has(f.name)),
    unknownHeaders: headers.filter((h, i) => !used.has(i) && normaliseHeader(h) !== ''),
  };
}
