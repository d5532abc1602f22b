// The Standard Safeguarding Dataset version these contracts implement, and the one place that builds an SSD
// contract, so every table names it and every load records it (raw._loads.spec_version).
import type { Contract, FieldSpec, RowCheck } from '../lib/contract.js';

/**
 * SSD 1.4.5 (deployment_extracts/ssd_version_history.yml, 14 July 2025), field lists from data/objects/ssd_*.yml
 * of data-to-insight/ssd-data-model at commit 4987c73, checked against the SystemC, Mosaic and Eclipse DDL
 * (analysis/ddl_reference, SystemC script v1.4.0).
 */
export const SSD_VERSION = 'SSD 1.4.5';

export interface SsdTable {
  /** The table name without its `ssd_` prefix. */
  entity: string;
  title: string;
  description: string;
  key: readonly string[];
  fields: readonly FieldSpec[];
}

const isJson = (v: string): boolean => {
  try {
    JSON.parse(v);
    return true;
  } catch {
    return false;
  }
};

/** A `*_json` text column (outcomes, assessment factors) must hold JSON, since staging reads its keys. */
function validJson(f: FieldSpec): RowCheck {
  return {
    field: f.name,
    rule: `${f.header}, when given, is valid JSON.`,
    test: (r) => r[f.name] === null || isJson(String(r[f.name])),
    message: (r) =>
      `${f.header} '${String(r[f.name]).slice(0, 60)}' is not valid JSON (the SSD writes it as {"KEY": "Y", ...})`,
    sql: (col) => `(${col(f.name)} IS NULL OR coalesce(json_valid(${col(f.name)}), false))`,
  };
}

export const ssdTable = (t: SsdTable): Contract => ({
  system: 'ssd',
  ...t,
  // The row ID is required even where the SSD leaves it nullable: a row without one cannot be told from its
  // later versions.
  fields: t.fields.map((f) => (t.key.includes(f.name) ? { ...f, required: true } : f)),
  rowChecks: t.fields.filter((f) => f.name.endsWith('_json')).map(validJson),
  description: `${t.description} Headers are the SSD's own field names (${SSD_VERSION}); a CSV written by SQL Server Management Studio, bcp or Postgres \\copy (UTF-8 or Windows-1252, ISO or UK dates, NULL as blank or \`NULL\`) lands as it is.`,
  specVersion: SSD_VERSION,
});

/** SSD fields deliberately not read: names never enter the warehouse (the person ID is the only identifier). */
export const SSD_FIELDS_NOT_READ: readonly string[] = ['pers_forename', 'pers_surname'];
