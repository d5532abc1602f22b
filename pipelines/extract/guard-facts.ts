// The facts the completeness guard (completeness.ts) judges by, read from the file and the working database:
// the source's previous export, the latest date in a load, whether the file ends with a line break, whether a
// held export was accepted; and the record of a hold.
import { open } from 'node:fs/promises';
import { rawTableName, type Contract } from '../../sources/lib/contract.js';
import { ident, type Warehouse } from '../../core/warehouse.js';
import type { ExportFacts, HeldExport } from './completeness.js';
import { ACCEPTS_TABLE, HOLDS_TABLE, LOADS_TABLE } from './ledger-tables.js';

/** Does the file end with a line break (after any trailing spaces, tabs or the old DOS end-of-file mark)? */
export async function endsWithLineBreak(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const len = Math.min(size, 4096);
    const buf = Buffer.alloc(len);
    await fh.read(buf, 0, len, size - len);
    let i = len - 1;
    while (i >= 0 && (buf[i] === 0x20 || buf[i] === 0x09 || buf[i] === 0x1a)) i--;
    return i < 0 || buf[i] === 0x0a || buf[i] === 0x0d;
  } finally {
    await fh.close();
  }
}

/** The latest date (yyyy-mm-dd) in any date or date-time field of a load's rows, ignoring dates after today. */
export async function latestDateOf(db: Warehouse, contract: Contract, loadId: string): Promise<string | null> {
  const dates = contract.fields
    .filter((f) => f.kind === 'date' || f.kind === 'datetime')
    .map((f) => `${ident(f.name)}::DATE`);
  if (dates.length === 0) return null;
  const [row] = await db.json<{ d: string | null }>(
    `SELECT strftime(max(d), '%Y-%m-%d') AS d FROM (SELECT unnest([${dates.join(', ')}]) AS d FROM raw.${ident(rawTableName(contract))} WHERE _load_id = ?) WHERE d <= current_date`,
    [loadId],
  );
  return row?.d ?? null;
}

/**
 * The source's previous export: the current load from an earlier run of the file this one would replace, else
 * the source's newest. Files landed earlier in this run are not compared (a first load of several files).
 */
export async function previousExport(
  db: Warehouse,
  contract: Contract,
  name: string,
  runId: string,
): Promise<ExportFacts | null> {
  const [prev] = await db.json<{ load_id: string; source_file: string; rows: number; loaded_at: string }>(
    `SELECT load_id, source_file, rows_read::BIGINT::DOUBLE AS rows, strftime(finished_at, '%Y-%m-%dT%H:%M:%S.000Z') AS loaded_at
     FROM ${LOADS_TABLE} WHERE raw_table = ? AND status = 'loaded' AND is_current AND run_id IS DISTINCT FROM ?
     ORDER BY (source_file = ?) DESC, finished_at DESC LIMIT 1`,
    [rawTableName(contract), runId, name],
  );
  if (!prev) return null;
  return {
    file: prev.source_file,
    rows: Number(prev.rows),
    latestDate: await latestDateOf(db, contract, prev.load_id),
    loadedAt: prev.loaded_at,
  };
}

export async function isAccepted(db: Warehouse, source: string, checksum: string): Promise<boolean> {
  const [row] = await db.json<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM ${ACCEPTS_TABLE} WHERE source = ? AND file_checksum = ?`,
    [source, checksum],
  );
  return (row?.n ?? 0) > 0;
}

export async function recordHold(
  db: Warehouse,
  h: HeldExport,
  ids: { loadId: string; runId: string; checksum: string },
): Promise<void> {
  await db.run(`INSERT INTO ${HOLDS_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?, ?::DATE, ?, ?, ?::DATE, ?, now()::TIMESTAMP)`, [
    ids.loadId,
    ids.runId,
    h.source,
    h.file,
    ids.checksum,
    h.reason,
    h.rows,
    h.latestDate,
    h.previous?.file ?? null,
    h.previous?.rows ?? null,
    h.previous?.latestDate ?? null,
    h.message,
  ]);
}
