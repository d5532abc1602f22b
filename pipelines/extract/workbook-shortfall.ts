// A workbook that lands fewer lists than its source's previous workbook (an Annex A re-saved without some sheets,
// or with sheets whose headers no longer match) would otherwise publish quietly with those lists missing. From the
// load ledger: for each source system, its newest landed workbook against the one landed before it.
import type { Warehouse } from '../../core/warehouse.js';
import { LOADS_TABLE } from './ledger-tables.js';

export interface WorkbookShortfall {
  /** Source system, e.g. `annex_a`. */
  system: string;
  workbook: string;
  lists: string[];
  previousWorkbook: string;
  previousLists: string[];
  /** Sources the previous workbook landed and this one did not. */
  missing: string[];
}

export async function findWorkbookShortfalls(db: Warehouse): Promise<WorkbookShortfall[]> {
  const rows = await db.json<{
    system: string;
    workbook: string;
    lists: string[];
    previous_workbook: string;
    previous_lists: string[];
  }>(`
    WITH books AS (
      SELECT split_part(source, '.', 1) AS system, split_part(source_file, '#', 1) AS workbook, file_checksum,
             min(started_at) AS landed_at, min(load_id) AS first_load, list(DISTINCT source ORDER BY source) AS lists
      FROM ${LOADS_TABLE}
      WHERE encoding = 'xlsx' AND status = 'loaded' AND source IS NOT NULL
      GROUP BY ALL
    ),
    ranked AS (
      SELECT *, row_number() OVER (PARTITION BY system ORDER BY landed_at DESC, first_load DESC) AS newest FROM books
    )
    SELECT cur.system, cur.workbook, cur.lists, prev.workbook AS previous_workbook, prev.lists AS previous_lists
    FROM ranked cur
    JOIN ranked prev ON prev.system = cur.system AND prev.newest = 2
    WHERE cur.newest = 1 AND len(cur.lists) < len(prev.lists)
    ORDER BY cur.system`);
  return rows.map((r) => ({
    system: r.system,
    workbook: r.workbook,
    lists: r.lists,
    previousWorkbook: r.previous_workbook,
    previousLists: r.previous_lists,
    missing: r.previous_lists.filter((l) => !r.lists.includes(l)),
  }));
}

export const describeShortfall = (s: WorkbookShortfall): string =>
  `${s.workbook} landed ${s.lists.length} ${s.system} list(s) where the previous ${s.system} workbook (${s.previousWorkbook}) landed ${s.previousLists.length}; missing: ${s.missing.join(', ')}. Check those sheets are in the workbook with their header rows (the run log says why each other sheet was passed over).`;
