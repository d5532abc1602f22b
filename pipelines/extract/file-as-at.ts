// What a landed file says about the day its data is as at, read from its content rather than its file time (a
// 2018 return copied today is still 2018's): the CIN census header's ReferenceDate, and for every file the latest
// date its landed rows hold other than birth dates (up to the landing day: a planned date or an 18th birthday ahead
// is not "as at").
// dbt's stg_landing__data_as_at turns these into each source's "data as at" (the 903 set's: the 31 March ending
// the collection year of its latest date; Annex A's: its latest date).
import type { Contract } from '../../sources/lib/contract.js';
import { rawTableName } from '../../sources/lib/contract.js';
import { detectReturnXml, isXml } from '../../sources/lib/return-xml.js';
import { parseDateTime } from '../../sources/lib/values.js';
import { returnXmlLayouts } from '../../sources/returns-xml.js';
import { ident, type Warehouse } from '../../core/warehouse.js';
import type { FileLoadResult } from './land-file.js';

export const FILE_AS_AT_TABLE = 'raw._file_as_at';

const BIRTH_DATE = /date_of_birth|_dob$/;

export async function ensureFileAsAtTable(db: Warehouse): Promise<void> {
  await db.run(`CREATE TABLE IF NOT EXISTS ${FILE_AS_AT_TABLE} (
    source_file VARCHAR NOT NULL,     -- the file as named in _loads without any #sheet / #stream
    file_checksum VARCHAR NOT NULL,
    reference_date DATE,              -- what the file's header says (CIN census ReferenceDate)
    latest_date DATE,                 -- the latest date in its landed rows, up to the day it was landed
    PRIMARY KEY (source_file, file_checksum)
  )`);
}

/** The CIN census's ReferenceDate, when the file is a return XML with one. */
async function referenceDate(path: string): Promise<string | null> {
  if (!isXml(path)) return null;
  try {
    const { header } = await detectReturnXml(path, returnXmlLayouts);
    return header.referenceDate ? (parseDateTime(header.referenceDate)?.date ?? null) : null;
  } catch {
    return null; // the landing already said what is wrong with the file
  }
}

/** Records what a just-landed file says about its as-at day (nothing for a file whose every table was skipped or failed). */
export async function recordFileAsAt(
  db: Warehouse,
  file: { path: string; name: string; results: readonly FileLoadResult[]; contracts: readonly Contract[] },
): Promise<void> {
  const loaded = file.results.filter((r) => r.status === 'loaded' && r.source);
  if (loaded.length === 0) return;
  const parts: string[] = [];
  for (const r of loaded) {
    const contract = file.contracts.find((c) => `${c.system}.${c.entity}` === r.source);
    // Birth dates say when a child was born, not how far the record runs (an OC3 holds only those).
    const dates =
      contract?.fields.filter((f) => (f.kind === 'date' || f.kind === 'datetime') && !BIRTH_DATE.test(f.name)) ?? [];
    if (!contract || dates.length === 0) continue;
    const values = dates.map((f) => `CAST(${ident(f.name)} AS DATE)`).join(', ');
    parts.push(
      `SELECT unnest([${values}]) AS d FROM raw.${ident(rawTableName(contract))} WHERE _source_file = ${`'${r.file.replace(/'/g, "''")}'`}`,
    );
  }
  const [latest] = parts.length
    ? await db.json<{ d: string | null }>(
        `SELECT strftime(max(d), '%Y-%m-%d') AS d FROM (${parts.join(' UNION ALL ')}) WHERE d <= current_date`,
      )
    : [];
  await db.run(`INSERT OR REPLACE INTO ${FILE_AS_AT_TABLE} VALUES (?, ?, ?::DATE, ?::DATE)`, [
    file.name,
    loaded[0]!.checksum,
    await referenceDate(file.path),
    latest?.d ?? null,
  ]);
}
