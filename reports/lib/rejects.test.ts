import { describe, expect, it } from 'vitest';
import { contracts } from '../../sources/catalog.js';
import { rejectedRowDate, rejectsStatement } from './rejects.js';

const contacts = contracts.find((c) => c.system === 'case_management' && c.entity === 'contacts')!;

describe('rejected rows placed in a period', () => {
  it("reads the row's own date from the raw row, under any header spelling the contract accepts", () => {
    // A row rejected for its placeholder decision date still has a good contact date (issue 14's front-door rows).
    expect(
      rejectedRowDate(
        contacts,
        'contact_at',
        JSON.stringify({
          'Contact ID': 'CT1',
          'Contact Date': '26/04/2020 15:50',
          'Decision Date': '01/01/2019 09:00',
        }),
      ),
    ).toBe('2020-04-26');
    expect(rejectedRowDate(contacts, 'contact_at', JSON.stringify({ 'contact date/time ': '2020-04-26T15:50' }))).toBe(
      '2020-04-26',
    );
    // The date itself is what was wrong: it cannot be placed.
    expect(rejectedRowDate(contacts, 'contact_at', JSON.stringify({ 'Contact Date': '31/02/2020 09:57' }))).toBeNull();
    expect(rejectedRowDate(contacts, 'contact_at', 'not json')).toBeNull();
  });

  it('says how many rows were rejected and where to see them', () => {
    expect(rejectsStatement([{ source: 'x', inPeriod: 11, undated: 2 }], 'dated in these 19 weeks')).toBe(
      "11 rows of this appendix's source exports dated in these 19 weeks were rejected at validation (a field that could not be used) and so are not counted in its figures; a further 2 rows could not be placed in any period because their date could not be read. The performance team lists every rejected row, with its file, line and the reason, in rejects.xlsx (csp rejects).",
    );
    expect(rejectsStatement([{ source: 'x', inPeriod: 1, undated: 0 }], 'received in 2020/21')).toMatch(
      /^1 row of this appendix's source exports received in 2020\/21 was rejected .* and so is not counted in its figures\. .*rejects\.xlsx/,
    );
    expect(rejectsStatement([], 'received in 2020/21')).toBe(
      "No rows of this appendix's source exports received in 2020/21 were rejected: every row was counted.",
    );
  });
});
