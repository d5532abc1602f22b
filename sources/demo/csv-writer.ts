// Writes CSV the way Excel's "CSV UTF-8" does (BOM, CRLF, quotes only where needed), streaming to disk.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
export const csvLine = (values: readonly (string | null)[]): string =>
  values.map((v) => quote(v ?? '')).join(',') + '\r\n';

/** Lines are gathered into chunks of about this many characters before each write (one write a row was most of the cost). */
const CHUNK = 1 << 16;

export class CsvWriter {
  private readonly out: WriteStream;
  private chunk = '';
  rows = 0;
  constructor(file: string, header: readonly string[], opts: { bom?: boolean } = {}) {
    this.out = createWriteStream(file);
    this.chunk = (opts.bom === false ? '' : '\ufeff') + csvLine(header);
  }
  async write(values: readonly (string | null)[]): Promise<void> {
    this.rows++;
    this.chunk += csvLine(values);
    if (this.chunk.length >= CHUNK) await this.flush();
  }
  /** Rows already written as CSV lines (a shard's part of the export). */
  async append(text: string, rows: number): Promise<void> {
    this.rows += rows;
    this.chunk += text;
    if (this.chunk.length >= CHUNK) await this.flush();
  }
  private async flush(): Promise<void> {
    const text = this.chunk;
    this.chunk = '';
    if (text && !this.out.write(text)) await once(this.out, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** 2020-03-01 14:05 -> 01/03/2020 14:05, as UK case-management reports print dates. */
export function ukDateTime(iso: string | null): string | null {
  if (!iso) return null;
  const [date, time] = iso.split(' ');
  const [y, m, d] = date!.split('-');
  return time ? `${d}/${m}/${y} ${time}` : `${d}/${m}/${y}`;
}
