// Writes CSV the way Excel's "CSV UTF-8" does (BOM, CRLF, quotes only where needed), streaming to disk.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
export const csvLine = (values: readonly (string | null)[]): string => values.map((v) => quote(v ?? '')).join(',') + '\r\n';

export class CsvWriter {
  private readonly out: WriteStream;
  rows = 0;
  constructor(file: string, header: readonly string[], opts: { bom?: boolean } = {}) {
    this.out = createWriteStream(file);
    this.out.write((opts.bom === false ? '' : '\ufeff') + csvLine(header));
  }
  async write(values: readonly (string | null)[]): Promise<void> {
    this.rows++;
    if (!this.out.write(csvLine(values))) await once(this.out, 'drain');
  }
  async close(): Promise<void> {
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
