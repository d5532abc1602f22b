// Code lists live once, as dbt seeds the performance team can edit; contracts read them from there.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sqlDir } from '../../core/paths.js';
import type { CodeEntry } from './values.js';

/**
 * A seed's rows, by its name relative to sql/seeds: 'teams', or 'complaints/complaint_outcomes' for a seed
 * in a sub-folder (dbt names a seed by its file alone, so each system can keep its code lists together).
 */
export function readSeed(name: string): Record<string, string>[] {
  let rows = seedCache.get(name);
  if (!rows) {
    rows = parse<Record<string, string>>(
      readFileSync(path.join(sqlDir, 'seeds', ...name.split('/')) + '.csv', 'utf8'),
      { columns: true, skip_empty_lines: true },
    );
    seedCache.set(name, rows);
  }
  return rows.map((r) => ({ ...r }));
}

// Read once per process: the seeds are the project's data, not the council's, and do not change during a run.
const seedCache = new Map<string, Record<string, string>[]>();

/** A seed's codes; its valid_from / valid_to columns (collection years), where it has them, travel with each code. */
export function seedCodes(name: string, codeColumn: string, labelColumn: string): CodeEntry[] {
  return readSeed(name).map((r) => withYears({ code: r[codeColumn]!, label: r[labelColumn]! }, r));
}

/** One list of the returns' own code lists (seeds/dfe/return_codes.csv), e.g. 'ssda903_sex'. */
export const returnCodes = (list: string): CodeEntry[] => listedCodes('dfe/return_codes', list);

/** One list of a seed that holds several (columns list, code, label), e.g. sourceCodes('annex_a_eligibility'). */
export const sourceCodes = (list: string): CodeEntry[] => listedCodes('source_codes', list);

function listedCodes(seed: string, list: string): CodeEntry[] {
  const rows = readSeed(seed).filter((r) => r.list === list);
  if (rows.length === 0) throw new Error(`internal: no code list '${list}' in sql/seeds/${seed}.csv`);
  return rows.map((r) => withYears({ code: r.code!, label: r.label! }, r));
}

function withYears(entry: CodeEntry, row: Record<string, string>): CodeEntry {
  if (row.valid_from) entry.validFrom = row.valid_from;
  if (row.valid_to) entry.validTo = row.valid_to;
  return entry;
}
