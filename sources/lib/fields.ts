// Builders that keep contracts short and uniform: one line per column.
import type { CanonicalRow, FieldKind, FieldSpec, RowCheck } from './contract.js';
import type { CodeEntry } from './values.js';

interface Opts {
  aliases?: readonly string[];
  optional?: boolean;
  /** The column's earlier names (see FieldSpec.renamedFrom). */
  renamedFrom?: readonly string[];
}

const field =
  (kind: FieldKind) =>
  (name: string, header: string, description: string, o: Opts = {}): FieldSpec => ({
    name,
    header,
    kind,
    required: !o.optional,
    aliases: o.aliases,
    ...(o.renamedFrom ? { renamedFrom: o.renamedFrom } : {}),
    description,
  });

export const text = field('text');
export const date = field('date');
export const datetime = field('datetime');
export const yesNo = field('boolean');
export const integer = field('integer');
export const decimal = field('decimal');
export const code = (
  name: string,
  header: string,
  codes: readonly CodeEntry[],
  description: string,
  o: Opts = {},
): FieldSpec => ({
  name,
  header,
  kind: 'code',
  codes,
  required: !o.optional,
  aliases: o.aliases,
  ...(o.renamedFrom ? { renamedFrom: o.renamedFrom } : {}),
  description,
});

const day = (v: CanonicalRow[string] | undefined): string => String(v).slice(0, 10);

/** `later` (when given) must not be before `earlier`: the commonest rule in case records. */
export function notBefore(later: FieldSpec, earlier: FieldSpec): RowCheck {
  return {
    field: later.name,
    rule: `${later.header}, when given, is on or after the ${earlier.header}.`,
    test: (r) => r[later.name] === null || r[earlier.name] === null || day(r[later.name]) >= day(r[earlier.name]),
    message: (r) => `${later.header} ${day(r[later.name])} is before the ${earlier.header} ${day(r[earlier.name])}`,
    sql: (col) =>
      `(${col(later.name)} IS NULL OR ${col(earlier.name)} IS NULL OR CAST(${col(later.name)} AS DATE) >= CAST(${col(earlier.name)} AS DATE))`,
  };
}

/** `dependent` may only be given when `required` is. */
export function needs(dependent: FieldSpec, required: FieldSpec): RowCheck {
  return {
    field: dependent.name,
    rule: `A ${dependent.header} needs a ${required.header}.`,
    test: (r) => r[dependent.name] === null || r[required.name] !== null,
    message: () =>
      `${dependent.header} is given but the ${required.header} is blank: record the ${required.header} too`,
    sql: (col) => `(${col(dependent.name)} IS NULL OR ${col(required.name)} IS NOT NULL)`,
  };
}
