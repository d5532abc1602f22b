import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const tempDir = (prefix: string): string => mkdtempSync(path.join(tmpdir(), `csp-${prefix}-`));

/** Write a CSV from rows of cells, in the encoding and line endings a council's export might use. */
export function writeCsv(
  file: string,
  rows: string[][],
  opts: { encoding?: 'utf-8' | 'utf-8-bom' | 'windows-1252'; eol?: string } = {},
): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const text = rows.map((r) => r.map(quote).join(',')).join(opts.eol ?? '\r\n') + (opts.eol ?? '\r\n');
  if (opts.encoding === 'windows-1252') writeFileSync(file, Buffer.from(text, 'latin1'));
  else writeFileSync(file, (opts.encoding === 'utf-8-bom' ? '\ufeff' : '') + text, 'utf8');
}
