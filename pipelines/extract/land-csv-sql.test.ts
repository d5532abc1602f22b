// The cheap scans that decide whether DuckDB may read a CSV: each is held to a plain recount of the bytes.
import { describe, expect, it } from 'vitest';
import { hasMixedLineEndings, recordEndLines } from './land-csv-sql.js';

/** The definition, counted the slow way: how many of CRLF, bare LF and bare CR the file uses. */
function kindsOfLineEnding(s: string): number {
  const crlf = s.split('\r\n').length - 1;
  const rest = s.split('\r\n').join('');
  const lf = rest.split('\n').length - 1;
  const cr = rest.split('\r').length - 1;
  return [crlf, lf, cr].filter((n) => n > 0).length;
}

const CASES = [
  '',
  'a,b\nc,d\n',
  'a,b\r\nc,d\r\n',
  'a,b\rc,d\r',
  'a,b\r\nc,d\ne,f\r\n',
  'a,b\r\nc,d\re,f\r\n',
  'a,b\nc,d\re,f\n',
  'a,b\r\r\nc,d\r\n', // a bare CR just before a CRLF
  'a,b\n\r\n', // a bare LF just before a CRLF
  'a,"b\r\nc"\r\n',
  'no line break at all',
  '\r\n',
  '\n\r',
];

describe('hasMixedLineEndings', () => {
  it('agrees with a recount of the three kinds of line ending', () => {
    for (const s of CASES)
      expect(hasMixedLineEndings(Buffer.from(s)), JSON.stringify(s)).toBe(kindsOfLineEnding(s) > 1);
  });

  it('agrees on random mixtures of line breaks and text', () => {
    const parts = ['a', ',', '"', '\r', '\n', '\r\n', 'xyz'];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let k = 0; k < 2000; k++) {
      const s = Array.from({ length: next() % 12 }, () => parts[next() % parts.length]).join('');
      expect(hasMixedLineEndings(Buffer.from(s)), JSON.stringify(s)).toBe(kindsOfLineEnding(s) > 1);
    }
  });
});

describe('recordEndLines', () => {
  it('is null when every record is one line, LF or CR files alike', () => {
    expect(recordEndLines(Buffer.from('h1,h2\n"a",b\nc,"d"\n'))).toBeNull();
    expect(recordEndLines(Buffer.from('h1,h2\r"a",b\rc,"d"\r'))).toBeNull();
  });

  it('numbers each record by its last line when a quoted value holds a line break', () => {
    expect([...recordEndLines(Buffer.from('h1,h2\n"a\nb",c\nd,e\n'))!]).toEqual([1, 3, 4]);
    expect([...recordEndLines(Buffer.from('h1,h2\r"a\rb",c\rd,e\r'))!]).toEqual([1, 3, 4]);
    expect([...recordEndLines(Buffer.from('h1,h2\r\n"a\r\nb",c\r\n\r\nd,e\r\n'))!]).toEqual([1, 3, 5]);
  });
});
