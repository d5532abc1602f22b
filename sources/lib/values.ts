// Pure parsers for the cell values councils' exports really contain. Each returns null when it cannot parse,
// so the contract can say in plain English what was wrong.

/** Values that mean "nothing here" in council exports. */
const BLANKS = new Set(['', '#n/a', 'n/a', 'na', 'null', '#null!', '-', '(blank)']);

/** Trim (including non-breaking spaces) and turn the usual "no value" markers into null. */
export function cleanCell(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const s = raw.replace(/[\u00a0\u2007\u202f\ufeff]/g, ' ').trim();
  return BLANKS.has(s.toLowerCase()) ? null : s;
}

/** Header text normalised for matching: case, spacing, BOM and punctuation differences ignored. */
export const normaliseHeader = (h: string): string =>
  h
    .replace(/[\u00a0\ufeff]/g, ' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Years a date may fall in; parseDateTime takes any four-digit year unless told the plausible ones (date-limits.ts). */
export interface YearRange {
  earliest: number;
  latest: number;
}
export const ANY_YEAR: YearRange = { earliest: 1000, latest: 9999 };

const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

function validYmd(y: number, m: number, d: number, years: YearRange): boolean {
  if (y < years.earliest || y > years.latest || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/** Excel serial day number (1900 date system, with its fictitious 29 Feb 1900) to Y-M-D. */
function fromExcelSerial(serial: number): [number, number, number] | null {
  if (!(serial > 60 && serial < 80_000)) return null;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  const d = new Date(ms);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

export interface ParsedDateTime {
  date: string; // YYYY-MM-DD
  time: string | null; // HH:MM:SS
}

const UK = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z)?)?$/;
const SERIAL = /^\d{5}(?:\.\d+)?$/;

/** dd/mm/yyyy [hh:mm[:ss]], yyyy-mm-dd[Thh:mm[:ss]] or an Excel serial number (fraction = time of day), in `years`. */
export function parseDateTime(s: string, years: YearRange = ANY_YEAR): ParsedDateTime | null {
  let y: number, m: number, d: number, hh: number | undefined, mi: number | undefined, ss: number | undefined;
  let match: RegExpMatchArray | null;
  if ((match = s.match(UK))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    [hh, mi, ss] = [match[4], match[5], match[6]].map((v) => (v === undefined ? undefined : Number(v)));
  } else if ((match = s.match(ISO))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    [hh, mi, ss] = [match[4], match[5], match[6]].map((v) => (v === undefined ? undefined : Number(v)));
  } else if (SERIAL.test(s)) {
    const serial = Number(s);
    const ymd = fromExcelSerial(serial);
    if (!ymd) return null;
    [y, m, d] = ymd;
    const secs = Math.round((serial - Math.floor(serial)) * 86_400);
    if (secs > 0 && secs < 86_400) [hh, mi, ss] = [Math.floor(secs / 3600), Math.floor((secs % 3600) / 60), secs % 60];
  } else return null;
  if (!validYmd(y, m, d, years)) return null;
  const date = `${y}-${pad(m)}-${pad(d)}`;
  if (hh === undefined) return { date, time: null };
  if (hh > 23 || (mi ?? 0) > 59 || (ss ?? 0) > 59) return null;
  return { date, time: `${pad(hh)}:${pad(mi ?? 0)}:${pad(ss ?? 0)}` };
}

const TRUE = new Set(['y', 'yes', 'true', '1', 't']);
const FALSE = new Set(['n', 'no', 'false', '0', 'f']);

/** Y/N, Yes/No, True/False, 1/0, also with a code prefix such as "a) Yes". */
export function parseBoolean(s: string): boolean | null {
  const v = stripListPrefix(s).toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return null;
}

/** Annex A style list prefixes: "b) Female" -> "Female". */
export const stripListPrefix = (s: string): string => s.replace(/^[a-z]{1,2}\)\s*/i, '').trim();

export interface CodeEntry {
  code: string;
  label: string;
  /** The first and last collection years a return's code is valid in ('2024/25'); absent = open-ended. */
  validFrom?: string;
  validTo?: string;
}

/**
 * A coded value as exports write it: "2A", "2A - Schools", "2A Schools", "e) 2A Schools" or the label alone.
 * Returns the canonical code, or null when nothing matches.
 */
export function parseCode(s: string, codes: readonly CodeEntry[]): string | null {
  const v = stripListPrefix(s);
  const upper = v.toUpperCase();
  // Longest codes first so "10" wins over "1" and "1A" over "1".
  const byLength = [...codes].sort((a, b) => b.code.length - a.code.length);
  for (const { code } of byLength) {
    const c = code.toUpperCase();
    if (upper === c) return code;
    if (upper.startsWith(c) && /^[\s:.\-–)]/.test(v.slice(c.length))) return code;
  }
  const lower = v.toLowerCase();
  const byLabel = codes.find((c) => c.label.toLowerCase() === lower);
  return byLabel ? byLabel.code : null;
}
