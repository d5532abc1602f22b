// Rows an appendix could not count: the rejected rows (raw._rejects) of the current files of its sources, placed
// in the appendix's period by the row's own date (read from the raw row with the contract's header spellings), so
// the appendix can say how many rows of its period were left out and where to see them. I/O at the edge
// (one query); placing and wording are pure.
import { contracts } from '../../sources/catalog.js';
import { matchHeaders, rawTableName, type Contract } from '../../sources/lib/contract.js';
import { parseDateTime } from '../../sources/lib/values.js';
import type { Warehouse } from '../../core/warehouse.js';

/** A source and the field that dates its rows, e.g. contacts by `contact_at`. */
export interface DatedSource {
  /** "system.entity", as raw._rejects names it. */
  source: string;
  /**
   * The contract field that places a row in a period; 'any' counts every rejected row whatever its date (e.g. a
   * scorecard's month-end snapshots draw on records of any age); none: its rows are never placed in a period.
   */
  dateField?: string;
}

export interface RejectCount {
  source: string;
  /** Rejected rows dated in the period (or all rejected rows when the source has no date field). */
  inPeriod: number;
  /** Rejected rows whose date could not be read (the date itself may be what was wrong). */
  undated: number;
}

const contractOf = (source: string): Contract | undefined =>
  contracts.find((c) => `${c.system}.${c.entity}` === source || rawTableName(c) === source.replace('.', '__'));

/** Where a rejected row falls: its date (YYYY-MM-DD), or null when it has none that can be read. */
export function rejectedRowDate(contract: Contract | undefined, dateField: string, rawRecord: string): string | null {
  if (!contract) return null;
  let rec: Record<string, unknown>;
  try {
    rec = JSON.parse(rawRecord) as Record<string, unknown>;
  } catch {
    return null;
  }
  const headers = Object.keys(rec);
  const col = matchHeaders(contract, headers).columns.get(dateField);
  const v = col === undefined ? undefined : rec[headers[col]!];
  return typeof v === 'string' || typeof v === 'number' ? (parseDateTime(String(v).trim())?.date ?? null) : null;
}

/** Every source the pipeline lands, with no date: for an appendix built from all of them (the scorecard). */
export const allSources = (): DatedSource[] =>
  contracts.map((c) => ({ source: `${c.system}.${c.entity}`, dateField: 'any' }));

/** Rejected rows (each counted once however many of its fields were wrong) of the current files, per source. */
export async function rejectedRows(
  db: Warehouse,
  sources: readonly DatedSource[],
  from: string,
  to: string,
): Promise<RejectCount[]> {
  if (sources.length === 0) return [];
  const rows = await db.json<{ source: string; raw_record: string }>(
    `SELECT r.source, any_value(r.raw_record) AS raw_record
     FROM raw._rejects r JOIN raw._loads l USING (load_id)
     WHERE l.is_current AND r.source IN (${sources.map(() => '?').join(', ')})
     GROUP BY r.source, r.source_file, r.line_number`,
    sources.map((s) => s.source),
  );
  return sources.map((s) => {
    const mine = rows.filter((r) => r.source === s.source);
    if (s.dateField === 'any') return { source: s.source, inPeriod: mine.length, undated: 0 };
    if (!s.dateField) return { source: s.source, inPeriod: 0, undated: mine.length };
    const dates = mine.map((r) => rejectedRowDate(contractOf(s.source), s.dateField!, r.raw_record));
    return {
      source: s.source,
      inPeriod: dates.filter((d) => d !== null && d >= from && d <= to).length,
      undated: dates.filter((d) => d === null).length,
    };
  });
}

/** The appendix's sentence: how many rows of its period were rejected and so not counted, and where they are. */
export function rejectsStatement(counts: readonly RejectCount[], periodWords: string): string {
  const inPeriod = counts.reduce((s, c) => s + c.inPeriod, 0);
  const undated = counts.reduce((s, c) => s + c.undated, 0);
  const rows = (n: number) => `${n.toLocaleString('en-GB')} row${n === 1 ? '' : 's'}`;
  const where =
    'The performance team lists every rejected row, with its file, line and the reason, in rejects.xlsx (csp rejects).';
  if (inPeriod === 0 && undated === 0)
    return `No rows of this appendix's source exports ${periodWords} were rejected: every row was counted.`;
  return (
    `${rows(inPeriod)} of this appendix's source exports ${periodWords} ${inPeriod === 1 ? 'was' : 'were'} rejected at validation (a field that could not be used) and so ${inPeriod === 1 ? 'is' : 'are'} not counted in its figures` +
    (undated > 0
      ? `; a further ${rows(undated)} could not be placed in any period because ${undated === 1 ? 'its' : 'their'} date could not be read`
      : '') +
    `. ${where}`
  );
}
