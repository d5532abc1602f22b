// `csp accept SOURCE`: the performance team says a held-back export's shrink (or older dates) is real. The
// acceptance is recorded by content (checksum), so the next run lands that export and only that one; a cut-off
// file cannot be accepted, only exported again.
import { userInfo } from 'node:os';
import type { Warehouse } from '../../core/warehouse.js';
import { ACCEPTS_TABLE, HOLDS_TABLE, LOADS_TABLE } from './ledger-tables.js';

export interface Accepted {
  source: string;
  files: { file: string; rows: number; previousRows: number | null; reason: string }[];
}

export class AcceptError extends Error {}

export async function acceptHeld(db: Warehouse, source: string): Promise<Accepted> {
  const [exists] = await db.json<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_schema = 'raw' AND table_name IN ('_holds', '_accepts')`,
  );
  const none = () =>
    new AcceptError(
      `no export of ${source} is held back: \`csp status\` lists the held exports (a source is named like case_management.contacts).`,
    );
  if ((exists?.n ?? 0) < 2) throw none();
  // The exports held by the latest run that held this source, still not landed since.
  const held = await db.json<{
    source_file: string;
    file_checksum: string;
    reason: string;
    rows: number;
    previous_rows: number | null;
  }>(
    `SELECT h.source_file, h.file_checksum, h.reason, h.rows_read::DOUBLE AS rows, h.previous_rows::DOUBLE AS previous_rows
     FROM ${HOLDS_TABLE} h
     WHERE h.source = ? AND h.run_id = (SELECT max(run_id) FROM ${HOLDS_TABLE} WHERE source = ?)
       AND NOT EXISTS (SELECT 1 FROM ${LOADS_TABLE} l WHERE l.file_checksum = h.file_checksum AND l.status = 'loaded' AND l.is_current)
     ORDER BY h.source_file`,
    [source, source],
  );
  if (held.length === 0) throw none();
  const cut = held.filter((h) => h.reason === 'truncated');
  if (cut.length === held.length) {
    throw new AcceptError(
      `${cut.map((h) => h.source_file).join(', ')} ${cut.length === 1 ? 'is' : 'are'} cut off (the last record stops mid-row), so there is nothing whole to accept: export ${source} again and run again.`,
    );
  }
  const take = held.filter((h) => h.reason !== 'truncated');
  let by: string | null = null;
  try {
    by = userInfo().username;
  } catch {
    // no user name on this system: the acceptance is recorded without it
  }
  for (const h of take) {
    await db.run(`INSERT INTO ${ACCEPTS_TABLE} VALUES (?, ?, ?, ?, now()::TIMESTAMP, ?)`, [
      source,
      h.source_file,
      h.file_checksum,
      h.reason,
      by,
    ]);
  }
  return {
    source,
    files: take.map((h) => ({
      file: h.source_file,
      rows: Number(h.rows),
      previousRows: h.previous_rows === null ? null : Number(h.previous_rows),
      reason: h.reason,
    })),
  };
}
