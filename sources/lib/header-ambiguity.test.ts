import { describe, expect, it } from 'vitest';
import { contracts } from '../catalog.js';
import { ambiguityReason, ambiguousFields, columnLetter } from './header-ambiguity.js';

const complaints = contracts.find((c) => c.system === 'complaints' && c.entity === 'complaints')!;
const contactsContract = contracts.find((c) => c.system === 'case_management' && c.entity === 'contacts')!;

describe('ambiguous header rows', () => {
  it('names columns as Excel does', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('finds a duplicated header name, whatever its case or spacing, and names both columns', () => {
    const headers = complaints.fields.map((f) => f.header);
    const received = complaints.fields.find((f) => f.name === 'received_date')!;
    const response = complaints.fields.findIndex((f) => f.name === 'response_date');
    headers[response] = ` ${received.header.toUpperCase()} `; // "Response Date" renamed to a second "Date Received"
    const found = ambiguousFields(complaints, headers);
    const at = headers.findIndex((h) => h === received.header);
    expect(found).toEqual([
      {
        field: received.name,
        header: received.header,
        columns: [at, response].sort((a, b) => a - b).map((index) => ({ index, header: headers[index]!.trim() })),
      },
    ]);
    const reason = ambiguityReason('complaints.csv', complaints, found);
    expect(reason).toContain(`complaints.csv: columns ${columnLetter(Math.min(at, response))} (`);
    expect(reason).toContain(`both read as the ${complaints.title} field '${received.header}'`);
    expect(reason).toMatch(/Nothing from the file was landed/);
  });

  it('finds a header and another spelling of the same field side by side', () => {
    const withAlias = contactsContract.fields.find((f) => (f.aliases ?? []).length > 0)!;
    const headers = [...contactsContract.fields.map((f) => f.header), withAlias.aliases![0]!];
    expect(ambiguousFields(contactsContract, headers)).toEqual([
      {
        field: withAlias.name,
        header: withAlias.header,
        columns: [
          { index: contactsContract.fields.indexOf(withAlias), header: withAlias.header },
          { index: headers.length - 1, header: withAlias.aliases![0] },
        ],
      },
    ]);
  });

  it('leaves a clean header row, and duplicated columns the contract does not read, alone', () => {
    expect(
      ambiguousFields(
        contactsContract,
        contactsContract.fields.map((f) => f.header),
      ),
    ).toEqual([]);
    expect(
      ambiguousFields(contactsContract, [...contactsContract.fields.map((f) => f.header), 'Notes', 'Notes', '', '']),
    ).toEqual([]);
  });
});
