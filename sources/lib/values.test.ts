import { describe, expect, it } from 'vitest';
import { cleanCell, normaliseHeader, parseBoolean, parseCode, parseDateTime } from './values.js';

describe('cell values', () => {
  it('treats the usual "nothing" markers as blank', () => {
    for (const v of ['', '  ', '#N/A', 'n/a', 'NULL', '\u00a0']) expect(cleanCell(v), JSON.stringify(v)).toBeNull();
    expect(cleanCell('\u00a0 MASH \u00a0')).toBe('MASH');
  });

  it('matches headers whatever their spacing and case', () => {
    expect(normaliseHeader('\ufeffContact  Date ')).toBe(normaliseHeader('contact date'));
    expect(normaliseHeader('Contact Date/Time')).toBe('contact date time');
  });

  it('parses UK, ISO and Excel-serial dates', () => {
    expect(parseDateTime('03/02/2020')).toEqual({ date: '2020-02-03', time: null });
    expect(parseDateTime('3/2/2020 9:05')).toEqual({ date: '2020-02-03', time: '09:05:00' });
    expect(parseDateTime('2020-02-03T17:42:01')).toEqual({ date: '2020-02-03', time: '17:42:01' });
    expect(parseDateTime('43864')).toEqual({ date: '2020-02-03', time: null });
    expect(parseDateTime('43864.5')).toEqual({ date: '2020-02-03', time: '12:00:00' });
  });

  it('rejects dates that do not exist, and accepts a real leap day', () => {
    expect(parseDateTime('29/02/2020')?.date).toBe('2020-02-29');
    for (const v of [
      '29/02/2021',
      '31/04/2020',
      '00/01/2020',
      '2020-13-01',
      '12/25/2020',
      '25/12/2020 24:00',
      'yesterday',
    ])
      expect(parseDateTime(v), v).toBeNull();
  });

  it('reads yes/no in its many spellings', () => {
    expect(['Y', 'yes', 'TRUE', '1', 'a) Yes'].map(parseBoolean)).toEqual([true, true, true, true, true]);
    expect(['N', 'No', 'false', '0'].map(parseBoolean)).toEqual([false, false, false, false]);
    expect(parseBoolean('maybe')).toBeNull();
  });

  it('reads codes with or without labels and list prefixes', () => {
    const codes = [
      { code: '1', label: 'One' },
      { code: '1A', label: 'Family' },
      { code: '10', label: 'Unknown' },
      { code: '2A', label: 'Schools' },
    ];
    expect(parseCode('2A', codes)).toBe('2A');
    expect(parseCode('2a - Schools', codes)).toBe('2A');
    expect(parseCode('e) 2A Schools', codes)).toBe('2A');
    expect(parseCode('10 Unknown', codes)).toBe('10');
    expect(parseCode('1A: Family', codes)).toBe('1A');
    expect(parseCode('1 - One', codes)).toBe('1');
    expect(parseCode('schools', codes)).toBe('2A');
    expect(parseCode('12 - Voluntary sector', codes)).toBeNull();
    expect(parseCode('2AB', codes)).toBeNull();
  });
});
