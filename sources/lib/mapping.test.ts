import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contactsContract } from '../case-management/contacts/contract.js';
import { tempDir } from '../../test/helpers/tmp.js';
import { compileContract, matchHeaders } from './contract.js';
import { applyMapping, MappingError, mappedContracts, readMapping } from './mapping.js';

const write = (text: string) => {
  const file = path.join(tempDir('mapping'), 'contacts-mapping.csv');
  writeFileSync(file, text);
  return file;
};

describe('mapping files', () => {
  it("map a council's headers and code values onto the contract", () => {
    const file = write(
      [
        'kind,field,from,to',
        'header,contact_at,Date Contact Received,',
        'header,Receiving Team,Allocated Service,',
        'code,source_code,School (Primary),2A',
        'code,source_code,PCSO,6 - Police',
        'code,open_case,Open to CSC,Y',
        'code,open_case,Closed,N',
      ].join('\n'),
    );
    const contract = applyMapping(contactsContract, readMapping(file, contactsContract));
    const headers = [
      'Contact ID',
      'Child ID',
      'Date Contact Received',
      'Contact Source',
      'Allocated Service',
      'Open Case',
    ];
    const match = matchHeaders(contract, headers);
    expect(match.missingRequired).toEqual([]);
    expect(match.columns.get('contact_at')).toBe(2);
    const row = compileContract(contract).validate({
      contact_id: '1',
      child_id: 'C1',
      contact_at: '03/02/2020 10:00',
      source_code: 'school (primary)',
      receiving_team: 'MASH',
      open_case: 'Open to CSC',
    });
    expect(row).toMatchObject({ ok: true, row: { source_code: '2A', open_case: true } });
    expect(
      compileContract(contract).validate({
        contact_id: '1',
        child_id: 'C1',
        contact_at: '03/02/2020 10:00',
        source_code: 'PCSO',
        receiving_team: 'MASH',
        open_case: 'Closed',
      }),
    ).toMatchObject({ ok: true, row: { source_code: '6', open_case: false } });
  });

  it('names every bad line and what to do', () => {
    const file = write(
      [
        'kind,field,from,to',
        'header,contact_dat,Date,',
        'colour,source_code,x,2A',
        'code,source_code,Voluntary,12',
        'code,contact_at,yesterday,2020-01-01',
        'header,child_id,,',
      ].join('\n'),
    );
    let message = '';
    try {
      readMapping(file, contactsContract);
    } catch (e) {
      expect(e).toBeInstanceOf(MappingError);
      message = (e as Error).message;
    }
    expect(message).toContain(`mapping file ${file} has problems:`);
    expect(message).toContain(
      "line 2: 'contact_dat' is not a column of the Contacts export (expected one of contact_id, child_id, contact_at",
    );
    expect(message).toContain("line 3: kind must be 'header' (a column name) or 'code' (a value)");
    expect(message).toContain("line 4: '12' is not a code of Contact Source (expected one of 1A, 1B");
    expect(message).toContain('line 5: Contact Date holds datetime values, which cannot be mapped code by code');
    expect(message).toContain("line 6: from is blank: give the council's header or value");
    expect(message).toContain('Fix these lines and run again.');
  });

  it('refuses a mapping for a source that does not exist', () => {
    expect(() => mappedContracts([contactsContract], { 'case_management.contact': 'x.csv' })).toThrow(
      /mappings: 'case_management.contact' is not a known source \(expected one of case_management.contacts\)/,
    );
  });
});
