// Reads an XLSX workbook sheet by sheet, row by row, so large workbooks are never held in memory. Cells become
// the text a CSV export of the same sheet would hold.
//
// Why not exceljs' streaming reader: it reads the zip front to back, and the order of the parts inside the zip is
// whatever the writing program chose. Excel and exceljs put xl/sharedStrings.xml after the sheets, LibreOffice in
// the middle of them, openpyxl writes none at all (inline strings). exceljs then parks sheets in temp files until
// the shared strings turn up, resolves each text cell against whatever shared-string table it has at that moment,
// hands sheets over in zip order rather than workbook order, and names a sheet only when the workbook's
// relationship targets are relative (openpyxl's absolute `/xl/worksheets/…` targets came out as "Sheet1" …).
// So the same workbook read differently by writer and by timing. Here the zip's central directory is read first,
// then the workbook, its relationships, the shared strings and the styles, and only then is each sheet streamed,
// in workbook order: the result cannot depend on the order of the zip's parts.
import path from 'node:path/posix';
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import unzipper from 'unzipper';
import type { CsvRecord } from './csv-reader.js';

export interface SheetRecords {
  sheet: string;
  /** Rows with at least one non-blank cell; empty when `passedOver` says why the sheet holds no table. */
  records: AsyncIterable<CsvRecord>;
  /** Set for a sheet that is not a worksheet (a chart or dialog sheet): why it cannot hold a table. */
  passedOver?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as a CSV export would print it: ISO, with the time only when there is one. */
export function dateText(value: Date): string {
  const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  const h = value.getUTCHours(),
    m = value.getUTCMinutes(),
    s = value.getUTCSeconds();
  return h || m || s ? `${date} ${pad(h)}:${pad(m)}:${pad(s)}` : date;
}

/** An Excel serial number (1900 or 1904 date system) as a UTC date, to the millisecond as Excel stores it. */
export const excelSerialToDate = (serial: number, date1904: boolean): Date =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

// Built-in number formats that show a date or time (ECMA-376 Part 1, 18.8.30, and the East Asian ones).
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** Whether a custom number format code shows a date or time: y, m, d, h or s outside quotes, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*]/g, '')
    .replace(/[\\_*]./g, '');
  return /[ymdhs]/i.test(bare.split(';')[0] ?? '');
}

/** Column number (1-based) of a cell reference such as `AB12`. */
export function columnOfRef(ref: string): number {
  let col = 0;
  for (const ch of ref) {
    const c = ch.toUpperCase().charCodeAt(0);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col;
}

interface ZipEntry {
  path: string;
  stream(): Readable;
}

/** The parsed XML events of one zip part, streamed (the part is never held whole). */
async function* xmlEvents(entry: ZipEntry): AsyncGenerator<XmlEvent[]> {
  const parser = new SaxesParser();
  let events: XmlEvent[] = [];
  parser.on('opentag', (tag) => events.push({ kind: 'open', tag }));
  parser.on('closetag', (tag) => events.push({ kind: 'close', tag }));
  parser.on('text', (text) => events.push({ kind: 'text', text }));
  parser.on('cdata', (text) => events.push({ kind: 'text', text }));
  const stream = entry.stream();
  stream.setEncoding('utf8'); // decodes across chunk boundaries
  try {
    for await (const chunk of stream) {
      parser.write(chunk as string);
      yield events;
      events = [];
    }
    parser.close();
    yield events;
  } finally {
    stream.destroy();
  }
}

type XmlEvent =
  { kind: 'open'; tag: SaxesTagPlain } | { kind: 'close'; tag: SaxesTagPlain } | { kind: 'text'; text: string };

/** Tag name without its namespace prefix (`x:row` -> `row`; some writers prefix every element). */
const local = (name: string): string => name.slice(name.indexOf(':') + 1);
const attr = (tag: SaxesTagPlain, name: string): string | undefined => {
  for (const [k, v] of Object.entries(tag.attributes)) if (local(k) === name) return v;
  return undefined;
};

interface Relationship {
  type: string;
  target: string;
}

/** A part's relationships (`xl/_rels/workbook.xml.rels` for `xl/workbook.xml`), targets resolved to zip paths. */
async function relationships(entries: Map<string, ZipEntry>, part: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const file = entries.get(path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`));
  if (!file) return rels;
  for await (const events of xmlEvents(file)) {
    for (const e of events) {
      if (e.kind !== 'open' || local(e.tag.name) !== 'Relationship' || attr(e.tag, 'TargetMode') === 'External')
        continue;
      const target = attr(e.tag, 'Target') ?? '';
      const resolved = target.startsWith('/') ? target.slice(1) : path.normalize(path.join(path.dirname(part), target));
      rels.set(attr(e.tag, 'Id') ?? '', { type: (attr(e.tag, 'Type') ?? '').split('/').pop() ?? '', target: resolved });
    }
  }
  return rels;
}

/** Text of every `<t>` inside an element, leaving out phonetic guides (`<rPh>`), which Excel does not show. */
class TextCollector {
  private depthInPhonetic = 0;
  private inT = false;
  text = '';
  open(name: string): void {
    if (name === 'rPh') this.depthInPhonetic++;
    else if (name === 't' && this.depthInPhonetic === 0) this.inT = true;
  }
  close(name: string): void {
    if (name === 'rPh') this.depthInPhonetic--;
    else if (name === 't') this.inT = false;
  }
  add(text: string): void {
    if (this.inT) this.text += text;
  }
}

async function sharedStrings(entry: ZipEntry | undefined): Promise<string[]> {
  const out: string[] = [];
  if (!entry) return out;
  let si: TextCollector | null = null;
  for await (const events of xmlEvents(entry)) {
    for (const e of events) {
      if (e.kind === 'text') si?.add(e.text);
      else if (e.kind === 'open') {
        const name = local(e.tag.name);
        if (name === 'si') si = new TextCollector();
        else si?.open(name);
        if (name === 'si' && e.tag.isSelfClosing) {
          out.push('');
          si = null;
        }
      } else {
        const name = local(e.tag.name);
        if (name === 'si' && si) {
          out.push(si.text);
          si = null;
        } else si?.close(name);
      }
    }
  }
  return out;
}

/** For each cell style (the `s` of a cell), whether its number format shows a date. */
async function dateStyles(entry: ZipEntry | undefined): Promise<boolean[]> {
  const out: boolean[] = [];
  if (!entry) return out;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  for await (const events of xmlEvents(entry)) {
    for (const e of events) {
      if (e.kind === 'text') continue;
      const name = local(e.tag.name);
      if (e.kind === 'open') {
        if (name === 'numFmt') custom.set(Number(attr(e.tag, 'numFmtId')), attr(e.tag, 'formatCode') ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          const id = Number(attr(e.tag, 'numFmtId') ?? 0);
          out.push(custom.has(id) ? isDateFormatCode(custom.get(id) ?? '') : BUILT_IN_DATE_FORMATS.has(id));
        }
      } else if (name === 'cellXfs') inCellXfs = false;
    }
  }
  return out;
}

interface WorkbookFacts {
  strings: string[];
  isDateStyle: boolean[];
  date1904: boolean;
}

/** One cell's text from its type (`t`), style and raw value, as cellText does for a CSV. */
function cellValue(t: string | undefined, style: number, raw: string, inline: string, book: WorkbookFacts): string {
  switch (t) {
    case 's':
      return book.strings[Number(raw)] ?? '';
    case 'inlineStr':
      return inline;
    case 'str':
    case 'e': // an error such as #N/A, as written
      return raw;
    case 'b':
      return raw === '1' || raw === 'true' ? 'true' : 'false';
    case 'd': {
      // an ISO 8601 date-time (strict OOXML, some writers)
      const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
      return Number.isNaN(d.getTime()) ? raw : dateText(d);
    }
    default: {
      if (raw.trim() === '') return '';
      const n = Number(raw);
      if (Number.isNaN(n)) return raw;
      return book.isDateStyle[style] ? dateText(excelSerialToDate(n, book.date1904)) : String(n);
    }
  }
}

/** One worksheet's rows with at least one non-blank cell; cells missing from a row (Excel leaves them out) are ''. */
async function* sheetRows(entry: ZipEntry, book: WorkbookFacts): AsyncGenerator<CsvRecord> {
  let row: string[] | null = null;
  let rowNumber = 0;
  let col = 0;
  let cell: { t: string | undefined; s: number; v: string; inV: boolean; inline: TextCollector | null } | null = null;
  for await (const events of xmlEvents(entry)) {
    const ready: CsvRecord[] = [];
    for (const e of events) {
      if (e.kind === 'text') {
        if (!cell) continue;
        if (cell.inV) cell.v += e.text;
        else cell.inline?.add(e.text);
        continue;
      }
      const name = local(e.tag.name);
      if (e.kind === 'open') {
        if (name === 'row') {
          const r = Number(attr(e.tag, 'r'));
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          row = [];
          col = 0;
          if (e.tag.isSelfClosing) row = null;
        } else if (name === 'c' && row) {
          const ref = attr(e.tag, 'r');
          col = ref ? columnOfRef(ref) : col + 1;
          cell = { t: attr(e.tag, 't'), s: Number(attr(e.tag, 's') ?? 0), v: '', inV: false, inline: null };
          if (e.tag.isSelfClosing) cell = null;
        } else if (cell) {
          if (name === 'v') cell.inV = true;
          else if (name === 'is') cell.inline = new TextCollector();
          else cell.inline?.open(name);
        }
      } else if (name === 'v' && cell) cell.inV = false;
      else if (name === 'c' && cell && row) {
        const text = cellValue(cell.t, cell.s, cell.v, cell.inline?.text ?? '', book);
        while (row.length < col - 1) row.push('');
        row[col - 1] = text;
        cell = null;
      } else if (name === 'row' && row) {
        if (row.some((c) => c.trim() !== '')) ready.push({ line: rowNumber, cells: row });
        row = null;
      } else cell?.inline?.close(name);
    }
    yield* ready;
  }
}

/** Sheets in workbook order (as Excel's tabs show them). Each sheet is read independently of the others. */
export async function* readXlsxSheets(file: string): AsyncGenerator<SheetRecords> {
  const zip = await unzipper.Open.file(file);
  const entries = new Map<string, ZipEntry>(
    zip.files.filter((f) => f.type === 'File').map((f) => [f.path.replace(/^\//, ''), f]),
  );
  const rootRels = await relationships(entries, '');
  const workbookPart = [...rootRels.values()].find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
  const workbook = entries.get(workbookPart);
  if (!workbook) throw new Error(`it has no workbook part (${workbookPart})`);
  const rels = await relationships(entries, workbookPart);
  const partOfType = (type: string) => {
    const rel = [...rels.values()].find((r) => r.type === type);
    return rel ? entries.get(rel.target) : undefined;
  };

  const sheets: { name: string; rel: Relationship | undefined }[] = [];
  let date1904 = false;
  for await (const events of xmlEvents(workbook)) {
    for (const e of events) {
      if (e.kind !== 'open') continue;
      const name = local(e.tag.name);
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attr(e.tag, 'date1904') ?? '');
      else if (name === 'sheet')
        sheets.push({
          name: attr(e.tag, 'name') ?? `Sheet${sheets.length + 1}`,
          rel: rels.get(attr(e.tag, 'id') ?? ''),
        });
    }
  }
  // Shared strings and styles first, whole, before any sheet is read.
  const book: WorkbookFacts = {
    strings: await sharedStrings(partOfType('sharedStrings')),
    isDateStyle: await dateStyles(partOfType('styles')),
    date1904,
  };

  for (const { name, rel } of sheets) {
    const part = rel ? entries.get(rel.target) : undefined;
    if (!rel || !part)
      throw new Error(`its sheet '${name}' has no part in the zip (${rel?.target ?? 'no relationship'})`);
    if (rel.type !== 'worksheet') {
      yield {
        sheet: name,
        records: (async function* () {})(),
        passedOver: `is a ${rel.type.replace(/sheet$/, ' sheet')}, not a table`,
      };
      continue;
    }
    yield { sheet: name, records: sheetRows(part, book) };
  }
}
