// Streams a CSV export row by row with its physical line number, whatever its encoding (UTF-8 with or
// without BOM, or Windows-1252), so very large files never sit in memory.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { parse } from 'csv-parse';

export type Encoding = 'utf-8' | 'windows-1252';

/** UTF-8 when the first 64 KiB decode cleanly as UTF-8, otherwise Windows-1252 (what Excel on Windows writes). */
export async function sniffEncoding(file: string): Promise<Encoding> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(65_536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, bytesRead), { stream: true });
      return 'utf-8';
    } catch {
      return 'windows-1252';
    }
  } finally {
    await fh.close();
  }
}

class Decode extends Transform {
  private readonly decoder: TextDecoder;
  constructor(encoding: Encoding) {
    super({ decodeStrings: true });
    this.decoder = new TextDecoder(encoding, { ignoreBOM: false });
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    cb(null, this.decoder.decode(chunk, { stream: true }));
  }
  override _flush(cb: TransformCallback): void {
    cb(null, this.decoder.decode());
  }
}

export interface CsvRecord {
  /** 1-based line in the file where the record starts. */
  line: number;
  cells: string[];
}

/** Async iterator over records (header row included), skipping fully blank lines. */
export async function* readCsv(file: string): AsyncGenerator<CsvRecord> {
  const encoding = await sniffEncoding(file);
  // Small chunks: csv-parse parses a whole chunk before the first record comes out, and finding the header (all the
  // fast SQL path reads here) took 10-120 ms with the default 64 KiB chunk, 2-5 ms with 8 KiB; reading the whole
  // file through was no slower.
  const parser = createReadStream(file, { highWaterMark: 8192 })
    .pipe(new Decode(encoding))
    .pipe(
      parse({
        bom: true,
        // Any line break outside quotes ends a record, as DuckDB's reader and Excel treat it: csv-parse would
        // otherwise take the first one it meets as the file's only delimiter, so one bare LF in a CRLF file
        // would merge two rows into one.
        record_delimiter: ['\r\n', '\n', '\r'],
        relax_column_count: true,
        skip_empty_lines: true,
        skip_records_with_empty_values: true,
        info: true,
      }),
    );
  // csv-parse counts a CRLF inside a quoted value as two lines; an editor, DuckDB's reader (land-csv-sql.ts) and
  // the reject's line number count it as one. A quoted value holds exactly those CRLFs, so each is taken off again.
  let extraLines = 0;
  for await (const rec of parser as AsyncIterable<{
    record: string[];
    info: { lines: number; raw?: string } & Record<string, number>;
  }>) {
    for (const cell of rec.record) if (cell.includes('\r\n')) extraLines += cell.split('\r\n').length - 1;
    yield { line: rec.info.lines - extraLines, cells: rec.record };
  }
}
