// Which statutory returns the working warehouse holds, as the DfE validators want them: each SSDA903 set (the CSV
// files of one folder, or one 903 XML) with its collection year, and each CIN census file. Found from the load
// ledger, so a return landed on an earlier night is still validated while its file is in the input folder.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Warehouse } from '../../core/warehouse.js';

export type ReturnType = 'ssda903' | 'cin_census';

export interface ReturnSet {
  return: ReturnType;
  /** The folder of a 903 CSV set, or the return's file, relative to the input folder. */
  set: string;
  /** 2024 for the 2023/24 collection (1 April 2023 to 31 March 2024); for a CIN census the validator reads it from the header. */
  collectionYear: number | null;
  files: string[];
  /** Files the ledger names but the input folder no longer has. */
  missing: string[];
}

/** The collection year (April to March, named by its end) holding an ISO date: 2024-03-31 -> 2024, 2024-04-01 -> 2025. */
export function collectionYearOf(isoDate: string): number {
  const y = Number(isoDate.slice(0, 4));
  return isoDate.slice(5, 10) >= '04-01' ? y + 1 : y;
}

/** The file a landed stream came from: `census.xml#assessments` -> `census.xml`. */
export const fileOfStream = (sourceFile: string): string => sourceFile.replace(/#[^/#]*$/, '');

export async function findReturnSets(db: Warehouse, inputDir: string): Promise<ReturnSet[]> {
  const loads = await db.json<{ source: string; source_file: string }>(
    `SELECT DISTINCT source, source_file FROM raw._loads WHERE is_current AND status = 'loaded' AND (source LIKE 'ssda903.%' OR source LIKE 'cin_census.%') ORDER BY ALL`,
  );
  const sets = new Map<string, ReturnSet>();
  for (const l of loads) {
    const file = fileOfStream(l.source_file);
    const ret: ReturnType = l.source.startsWith('ssda903.') ? 'ssda903' : 'cin_census';
    // A 903 CSV set is the files of one folder; an XML return is one file.
    const set = ret === 'ssda903' && !/\.xml$/i.test(file) ? path.posix.dirname(file) : file;
    const key = `${ret}|${set}`;
    const s = sets.get(key) ?? { return: ret, set, collectionYear: null, files: [], missing: [] };
    const full = path.join(inputDir, file);
    const list = existsSync(full) ? s.files : s.missing;
    if (!list.includes(full)) list.push(full);
    sets.set(key, s);
  }
  for (const s of sets.values()) if (s.return === 'ssda903') s.collectionYear = await ssda903Year(db, s);
  return [...sets.values()];
}

/**
 * The 903 files carry no year: the set's collection year is the one holding its latest episode date (start or
 * end), as a return covers the year to 31 March and an in-year extract the year so far.
 */
async function ssda903Year(db: Warehouse, s: ReturnSet): Promise<number | null> {
  const prefix = s.set === '.' ? '' : `${s.set}/`;
  const rows = await db.json<{ latest: string | null }>(
    `SELECT max(greatest(start_date, coalesce(end_date, start_date)))::VARCHAR AS latest FROM raw.ssda903__episodes
     WHERE (? = '' AND _source_file NOT LIKE '%/%') OR (? <> '' AND starts_with(_source_file, ?) AND position('/' IN substr(_source_file, length(?) + 1)) = 0)`,
    [prefix, prefix, prefix, prefix],
  );
  const latest = rows[0]?.latest;
  return latest ? collectionYearOf(latest) : null;
}
