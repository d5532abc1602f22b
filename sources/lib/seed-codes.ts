// Code lists live once, as dbt seeds the performance team can edit; contracts read them from there.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sqlDir } from '../../pipelines/paths.js';
import type { CodeEntry } from './values.js';

/**
 * A seed's rows, by its name relative to sql/seeds: 'teams', or 'complaints/complaint_outcomes' for a seed
 * in a sub-folder (dbt names a seed by its file alone, so each system can keep its code lists together).
 */
export function readSeed(name: string): Record<string, string>[] {
  return parse(readFileSync(path.join(sqlDir, 'seeds', ...name.split('/')) + '.csv', 'utf8'), { columns: true, skip_empty_lines: true });
}

export function seedCodes(name: string, codeColumn: string, labelColumn: string): CodeEntry[] {
  return readSeed(name).map((r) => ({ code: r[codeColumn]!, label: r[labelColumn]! }));
}
