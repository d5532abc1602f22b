import { describe, expect, it } from 'vitest';
import { readSeed } from './seed-codes.js';
import { compileContract, type Contract } from './contract.js';
import { implausibleDateReason, plausibleYears, PLAUSIBLE_YEARS } from './date-limits.js';
import { date, datetime } from './fields.js';
import { parseDateTime } from './values.js';

const seed = readSeed('date_limits')[0]!;

describe("the dates a child's record can hold", () => {
  it("run from the seed's first year to its years ahead of today", () => {
    expect(plausibleYears(new Date('2026-12-01T00:00:00Z'))).toEqual({
      earliest: Number(seed.earliest_year),
      latest: 2026 + Number(seed.years_ahead),
    });
  });

  it('name the reason for a real date outside them, and nothing for one inside', () => {
    const years = { earliest: 1900, latest: 2046 };
    expect(implausibleDateReason('DECOM', '01/05/1899', '1899-05-01', years)).toBe(
      "DECOM '01/05/1899' is before 1900: no child's record holds a date that early (a typing slip?)",
    );
    expect(implausibleDateReason('DECOM', '2047-01-01', '2047-01-01', years)).toBe(
      "DECOM '2047-01-01' is after 2046, too far ahead for a child's record (a typing slip?)",
    );
    expect(implausibleDateReason('DECOM', '1970-06-12', '1970-06-12', years)).toBeNull();
  });

  it('are what a contract lands: 1970 lands, 1850 and a year too far ahead are rejected with their reason', () => {
    const contract: Contract = {
      system: 'test',
      entity: 'dates',
      title: 'Dates',
      description: '',
      key: ['child'],
      fields: [date('start_date', 'Start Date', 'Start.'), datetime('seen_at', 'Seen At', 'Seen.', { optional: true })],
    };
    const c = compileContract(contract);
    expect(c.validate({ start_date: '12/06/1970' })).toEqual({
      ok: true,
      row: { start_date: '1970-06-12', seen_at: null },
    });
    const tooFar = `01/01/${PLAUSIBLE_YEARS.latest + 1}`;
    for (const [raw, reason] of [
      [
        '01/01/1850',
        "Start Date '01/01/1850' is before 1900: no child's record holds a date that early (a typing slip?)",
      ],
      [
        tooFar,
        `Start Date '${tooFar}' is after ${PLAUSIBLE_YEARS.latest}, too far ahead for a child's record (a typing slip?)`,
      ],
      [
        '31/02/1970',
        "Start Date '31/02/1970' is not a real date (expected dd/mm/yyyy, yyyy-mm-dd or an Excel date number)",
      ],
    ])
      expect(c.validate({ start_date: raw }), raw).toMatchObject({
        ok: false,
        problems: [{ field: 'start_date', reason }],
      });
    expect(c.validate({ start_date: '01/01/2020', seen_at: '01/01/1850 10:00' })).toMatchObject({
      ok: false,
      problems: [{ field: 'seen_at', reason: expect.stringContaining('is before 1900') }],
    });
  });

  it('leave parseDateTime a plain calendar parser unless told the years', () => {
    expect(parseDateTime('29/02/1896')).toEqual({ date: '1896-02-29', time: null });
    expect(parseDateTime('29/02/1900')).toBeNull(); // 1900 was not a leap year
    expect(parseDateTime('01/01/1850', { earliest: 1900, latest: 2046 })).toBeNull();
  });
});
