// Text the project writes into a spreadsheet cell (an appendix, rejects.xlsx) comes partly from the councils'
// exports: a team name, a raw value, a file name. Such text must never run as a formula there, and must fit in a
// cell. exceljs writes strings as text cells already, but a cell that starts like a formula becomes one as soon as
// someone edits it or the sheet is saved as CSV and opened again, so it is prefixed with an apostrophe (OWASP's
// advice for CSV injection); plain signed numbers and percentages ("+87%", "-3") are left as they are.

/** The most characters an Excel cell holds. */
export const EXCEL_CELL_LIMIT = 32_767;

const FORMULA_START = /^[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;
const SIGNED_NUMBER = /^[+-]?(\d[\d,]*(\.\d+)?|\.\d+)%?$/;

/** The text, made inert: an apostrophe before anything Excel or LibreOffice would take as the start of a formula. */
export const inertText = (text: string): string =>
  FORMULA_START.test(text) && !SIGNED_NUMBER.test(text.trim()) ? `'${text}` : text;

/** Inert text cut to Excel's cell limit, with a marker saying how long it was (the whole value stays where it came from). */
export function cellText(text: string, limit = EXCEL_CELL_LIMIT): string {
  const safe = inertText(text);
  if (safe.length <= limit) return safe;
  const marker = ` … [cut to Excel's ${limit.toLocaleString('en-GB')}-character cell limit: ${text.length.toLocaleString('en-GB')} characters in all]`;
  return safe.slice(0, limit - marker.length) + marker;
}

/** A cell value as written: strings made inert and cut; numbers, dates and blanks as they are. */
export const cellValue = <T>(v: T): T | string => (typeof v === 'string' ? cellText(v) : v);
