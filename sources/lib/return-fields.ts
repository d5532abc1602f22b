// Which fields of a statutory return may be blank lives once, as data (sql/seeds/dfe/return_fields.csv, one row
// per return table and field, with the collection years a table or field exists in): the return's contracts
// take `required` from it, so the seed and the contracts cannot disagree.
import { validIn, type CollectionYear } from '../../core/calendar/collection-year.js';
import { contractForYear, type Contract } from './contract.js';
import { readSeed } from './seed-codes.js';

let rows: Record<string, string>[] | undefined;

/**
 * The contract a return of `year` is checked against: that year's codes (contractForYear), and each field under
 * the name the year gives it (the census's GenderCurrent until 2023/24, Sex from 2024/25), the others as aliases,
 * so a refusal names the element the file has.
 */
export function returnContractForYear(contract: Contract, year: CollectionYear): Contract {
  rows ??= readSeed('dfe/return_fields');
  const resolved = contractForYear(contract, year);
  const mine = rows.filter((r) => r.system === contract.system && r.entity === contract.entity);
  return {
    ...resolved,
    fields: resolved.fields.map((f) => {
      const names = mine.filter((r) => r.field === f.name);
      const current = names.find((r) => validIn({ validFrom: r.valid_from, validTo: r.valid_to }, year));
      if (names.length < 2 || !current || current.header === f.header) return f;
      const aliases = [f.header, ...(f.aliases ?? [])].filter((h) => h !== current.header);
      return { ...f, header: current.header!, aliases };
    }),
  };
}

/** A return table's contract with each field's `required` from the seed (every field must have its row). */
export function returnTable(contract: Contract): Contract {
  rows ??= readSeed('dfe/return_fields');
  const mine = new Map(
    rows.filter((r) => r.system === contract.system && r.entity === contract.entity).map((r) => [r.field, r]),
  );
  return {
    ...contract,
    fields: contract.fields.map((f) => {
      const rule = mine.get(f.name);
      if (!rule)
        throw new Error(
          `internal: ${contract.system}.${contract.entity} field ${f.name} (${f.header}) has no row in sql/seeds/dfe/return_fields.csv`,
        );
      return { ...f, required: rule.may_be_blank !== 'true' };
    }),
  };
}
