// A council's own column names and code values, mapped onto a contract so its export works unedited.
// One CSV per source (kind,field,from,to), named in the config file; every line is checked and a bad line
// is reported with its number.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Contract, FieldSpec } from './contract.js';
import { normaliseHeader, parseCode } from './values.js';

export class MappingError extends Error {}

const Line = z.object({
  kind: z.enum(['header', 'code'], { error: "kind must be 'header' (a column name) or 'code' (a value)" }),
  field: z.string().trim().min(1, 'field is blank: name the contract column (e.g. contact_at) or its header'),
  from: z.string().trim().min(1, "from is blank: give the council's header or value"),
  to: z.string().trim().default(''),
});

export interface Mapping {
  file: string;
  headers: Map<string, string[]>; // field name -> council headers
  codes: Map<string, Map<string, string>>; // field name -> council value (lower case) -> contract code
}

const findField = (contract: Contract, name: string): FieldSpec | undefined =>
  contract.fields.find((f) => f.name === name || normaliseHeader(f.header) === normaliseHeader(name));

export function readMapping(file: string, contract: Contract): Mapping {
  let rows: Record<string, string>[];
  try {
    rows = parse(readFileSync(file), {
      columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (e) {
    throw new MappingError(
      `mapping file ${file} cannot be read (${(e as Error).message}). It must be a CSV with the columns kind,field,from,to.`,
    );
  }
  const problems: string[] = [];
  const mapping: Mapping = { file, headers: new Map(), codes: new Map() };
  rows.forEach((row, i) => {
    const line = i + 2; // the header is line 1
    const parsed = Line.safeParse(row);
    if (!parsed.success) {
      problems.push(`line ${line}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
      return;
    }
    const { kind, field: fieldName, from, to } = parsed.data;
    const field = findField(contract, fieldName);
    if (!field) {
      problems.push(
        `line ${line}: '${fieldName}' is not a column of the ${contract.title} export (expected one of ${contract.fields.map((f) => f.name).join(', ')})`,
      );
      return;
    }
    if (kind === 'header') {
      mapping.headers.set(field.name, [...(mapping.headers.get(field.name) ?? []), from]);
      return;
    }
    if (field.kind !== 'code' && field.kind !== 'boolean' && field.kind !== 'text') {
      problems.push(`line ${line}: ${field.header} holds ${field.kind} values, which cannot be mapped code by code`);
      return;
    }
    const code = field.kind === 'code' ? parseCode(to, field.codes ?? []) : to;
    if (!code) {
      problems.push(
        `line ${line}: '${to}' is not a code of ${field.header} (expected one of ${(field.codes ?? []).map((c) => c.code).join(', ')})`,
      );
      return;
    }
    const codes = mapping.codes.get(field.name) ?? new Map<string, string>();
    codes.set(from.toLowerCase(), code);
    mapping.codes.set(field.name, codes);
  });
  if (problems.length)
    throw new MappingError(
      `mapping file ${file} has problems:\n  ${problems.join('\n  ')}\nFix these lines and run again.`,
    );
  return mapping;
}

/** The contract as this council's export writes it: its headers as extra aliases, its values mapped to codes. */
export function applyMapping(contract: Contract, mapping: Mapping): Contract {
  return {
    ...contract,
    fields: contract.fields.map((f) => ({
      ...f,
      aliases: [...(f.aliases ?? []), ...(mapping.headers.get(f.name) ?? [])],
      valueMap: mapping.codes.get(f.name) ?? f.valueMap,
    })),
  };
}

/** Apply every configured mapping file (source key "system.entity" -> file) to the contracts it names. */
export function mappedContracts(contracts: readonly Contract[], files: Readonly<Record<string, string>>): Contract[] {
  for (const key of Object.keys(files)) {
    if (!contracts.some((c) => `${c.system}.${c.entity}` === key)) {
      throw new MappingError(
        `mappings: '${key}' is not a known source (expected one of ${contracts.map((c) => `${c.system}.${c.entity}`).join(', ')})`,
      );
    }
  }
  return contracts.map((c) => {
    const file = files[`${c.system}.${c.entity}`];
    return file ? applyMapping(c, readMapping(file, c)) : c;
  });
}
