// A header row must say unambiguously which column holds each contract field: two columns that both read as one
// field (a duplicated header, or a header and one of its other spellings side by side) would let one column's
// values silently stand in for the other's, so such a file is refused whole, naming both columns.
import type { Contract } from './contract.js';
import { normaliseHeader } from './values.js';

/** Excel's name for a 0-based column index: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export interface AmbiguousField {
  field: string;
  header: string;
  /** Every column (0-based) whose header reads as this field, in file order. */
  columns: { index: number; header: string }[];
}

/** The contract fields more than one column of `headers` reads as (empty when the header row is unambiguous). */
export function ambiguousFields(contract: Contract, headers: readonly string[]): AmbiguousField[] {
  const keys = headers.map((h) => normaliseHeader(h));
  const out: AmbiguousField[] = [];
  for (const f of contract.fields) {
    const names = new Set([f.header, ...(f.aliases ?? [])].map(normaliseHeader).filter((k) => k !== ''));
    const columns = keys.flatMap((k, index) => (names.has(k) ? [{ index, header: headers[index]!.trim() }] : []));
    if (columns.length > 1) out.push({ field: f.name, header: f.header, columns });
  }
  return out;
}

/** The message for a refused file, naming the columns (by letter and header) of the first ambiguous field and counting the rest. */
export function ambiguityReason(file: string, contract: Contract, ambiguous: readonly AmbiguousField[]): string {
  const [first, ...rest] = ambiguous;
  if (!first) return '';
  const cols = first.columns.map((c) => `${columnLetter(c.index)} ('${c.header}')`);
  const list = cols.length === 2 ? `${cols[0]} and ${cols[1]}` : `${cols.slice(0, -1).join(', ')} and ${cols.at(-1)}`;
  const more = rest.length
    ? ` (and ${rest.length} more field(s) the same way: ${rest.map((a) => a.header).join(', ')})`
    : '';
  return `${file}: columns ${list} both read as the ${contract.title} field '${first.header}'${more}, so which one holds it is ambiguous. Nothing from the file was landed: rename or remove one of them in the export (or correct the header mapping), then run again.`;
}
