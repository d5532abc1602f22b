// What a failed dbt test found, in its own words: its first failing rows (a not_null_columns test's rows name the
// columns holding nulls), so the run's error says which column to look at without opening the warehouse.
import type { Warehouse } from '../../core/warehouse.js';

export interface FailedTest {
  unique_id: string;
  compiled_code?: string | null;
}

const SHOWN = 5;

/** One line of "key=value, ..." per failing row, at most SHOWN. Empty when the test's SQL cannot be re-run. */
export async function failingRows(db: Warehouse, test: FailedTest): Promise<string[]> {
  if (!test.compiled_code) return [];
  try {
    const rows = await db.json(`select * from (${test.compiled_code}\n) as failing limit ${SHOWN}`);
    return rows.map((row) =>
      Object.entries(row)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(', '),
    );
  } catch {
    // A test whose SQL needs dbt's session (a plugin function, a macro's temporary table) still fails as before.
    return [];
  }
}

/** The failure line csp reports for a test: its name, dbt's message and, when it could be re-run, what it found. */
export function failureLine(name: string, message: string, failures: number | null, rows: readonly string[]): string {
  const found = rows.length > 0 ? `; found: ${rows.join('; ')}` : '';
  return `${name}: ${message}${failures ? ` (${failures} rows)` : ''}${found}`;
}
