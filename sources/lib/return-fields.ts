// Which fields of a statutory return may be blank lives once, as data (sql/seeds/dfe/return_fields.csv, one row
// per return table and field, with the collection years a table or field exists in): the return's contracts
// take `required` from it, so the seed and the contracts cannot disagree.
import type { Contract } from './contract.js';
import { readSeed } from './seed-codes.js';

let rows: Record<string, string>[] | undefined;

/** A return table's contract with each field's `required` from the seed (every field must have its row). */
export function returnTable(contract: Contract): Contract {
  rows ??= readSeed('dfe/return_fields');
  const mine = new Map(rows.filter((r) => r.system === contract.system && r.entity === contract.entity).map((r) => [r.field, r]));
  return {
    ...contract,
    fields: contract.fields.map((f) => {
      const rule = mine.get(f.name);
      if (!rule) throw new Error(`internal: ${contract.system}.${contract.entity} field ${f.name} (${f.header}) has no row in sql/seeds/dfe/return_fields.csv`);
      return { ...f, required: rule.may_be_blank !== 'true' };
    }),
  };
}
