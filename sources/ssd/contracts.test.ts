// The SSD contracts against the SSD's own field lists (test/fixtures/ssd, copied from data-to-insight/ssd-data-model
// data/objects/ssd_*.yml): a contract that drifts from the named SSD version fails here, field by field.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../core/paths.js';
import { compileContract, type FieldKind } from '../lib/contract.js';
import { ssdContracts } from './index.js';
import { SSD_FIELDS_NOT_READ, SSD_VERSION } from './version.js';

interface SpecField {
  table: string;
  field: string;
  type: string;
  item_ref: string;
  required: 'Y' | 'N';
}
const spec = parse(readFileSync(path.join(projectRoot, 'test', 'fixtures', 'ssd', 'ssd-1.4.5-fields.csv')), {
  columns: true,
}) as SpecField[];
const specTables = [...new Set(spec.map((f) => f.table))];

/** Columns the SystemC / Mosaic / Eclipse 1.4 DDL (analysis/ddl_reference) has that the object yml does not. */
const FROM_DDL: Record<string, string[]> = { ssd_person: ['pers_upn'], ssd_cla_reviews: ['clar_cla_person_id'] };
/** Where the SSD says required but real extracts leave it blank, with the reason in the field's description. */
const LOOSER = new Set(['icpc_cp_plan_id']);
/** Kinds each SSD type may land as (nchar(1) flags as Y/N; nvarchar as text or a code list). */
const KINDS: Record<string, FieldKind[]> = {
  nvarchar: ['text', 'code'],
  datetime: ['datetime'],
  nchar: ['boolean'],
  int: ['integer'],
  float: ['decimal'],
};
/** nvarchar(2) return-interview flags written Y / N / NA, and a date the SSD types as text. */
const KIND_EXCEPTIONS: Record<string, FieldKind> = {
  miss_missing_rhi_offered: 'boolean',
  miss_missing_rhi_accepted: 'boolean',
  perm_number_of_adopters: 'integer',
};

describe(`SSD contracts (${SSD_VERSION})`, () => {
  it('cover every table the fixture lists, and only those', () => {
    expect(ssdContracts.map((c) => `ssd_${c.entity}`).sort()).toEqual([...specTables].sort());
  });

  it.each(specTables)('%s has the SSD field names, types, item references and required fields', (table) => {
    const contract = ssdContracts.find((c) => `ssd_${c.entity}` === table)!;
    const fields = spec.filter((f) => f.table === table);
    const expected = [
      ...fields.map((f) => f.field).filter((f) => !SSD_FIELDS_NOT_READ.includes(f)),
      ...(FROM_DDL[table] ?? []),
    ];
    expect(contract.fields.map((f) => f.name).sort()).toEqual(expected.sort());
    expect(contract.specVersion).toBe(SSD_VERSION);
    for (const f of fields) {
      const c = contract.fields.find((x) => x.name === f.field);
      if (!c) continue; // a field not read (names)
      expect(c.header, f.field).toBe(f.field); // the CSV header is the SSD field name
      expect(
        KIND_EXCEPTIONS[f.field] ? [KIND_EXCEPTIONS[f.field]] : KINDS[f.type.toLowerCase()],
        `${f.field} (${f.type})`,
      ).toContain(c.kind);
      expect(c.description, f.field).toContain(f.item_ref);
      if (f.required === 'Y' && !LOOSER.has(f.field))
        expect(c.required, `${f.field} is required in the SSD`).toBe(true);
    }
    for (const k of contract.key) expect(contract.fields.find((f) => f.name === k)?.required).toBe(true);
  });

  it('never reads names', () => {
    for (const c of ssdContracts) expect(c.fields.map((f) => f.name)).not.toContain('pers_forename');
    expect(SSD_FIELDS_NOT_READ).toEqual(['pers_forename', 'pers_surname']);
  });

  it('accepts a row as SSMS / bcp / \\copy write it, and rejects bad JSON and codes with reasons', () => {
    const contacts = compileContract(ssdContracts.find((c) => c.entity === 'contacts')!);
    const row = {
      cont_contact_id: '1',
      cont_person_id: 'P1',
      cont_contact_date: '2020-02-03 10:15:00.000',
      cont_contact_source_code: '2A',
      cont_contact_source_desc: 'NULL',
      cont_contact_outcome_json: '{"NFA_FLAG":"Y","ADVICE_FLAG":""}',
    };
    expect(contacts.validate(row)).toEqual({
      ok: true,
      row: { ...row, cont_contact_date: '2020-02-03 10:15:00', cont_contact_source_desc: null },
    });
    expect(contacts.validate({ ...row, cont_contact_date: '03/02/2020 10:15' })).toMatchObject({
      ok: true,
      row: { cont_contact_date: '2020-02-03 10:15:00' },
    });
    const bad = contacts.validate({
      ...row,
      cont_contact_outcome_json: '{NFA_FLAG: Y',
      cont_contact_source_code: '12',
    });
    expect(bad.ok ? [] : bad.problems.map((p) => [p.field, p.reason])).toEqual([
      ['cont_contact_source_code', expect.stringMatching(/^cont_contact_source_code '12' is not a known code/)],
    ]);
    const badJson = contacts.validate({ ...row, cont_contact_outcome_json: '{NFA_FLAG: Y' });
    expect(badJson.ok ? [] : badJson.problems.map((p) => p.reason)).toEqual([
      `cont_contact_outcome_json '{NFA_FLAG: Y' is not valid JSON (the SSD writes it as {"KEY": "Y", ...})`,
    ]);
    const person = compileContract(ssdContracts.find((c) => c.entity === 'person')!);
    expect(person.validate({ pers_person_id: 'P1', pers_sex: 'X', pers_dob: '2010-02-30 00:00:00.000' })).toMatchObject(
      { ok: false, problems: [{ field: 'pers_sex' }, { field: 'pers_dob' }] },
    );
  });
});
