// The dbt sources yml of each system's raw tables, generated from the contracts (like SPEC.md) so the columns,
// their descriptions and each table's key are written once. Staging reads the key from here (meta contract_key,
// macro latest_source_rows), so a contract's key is a list of columns, never free text repeated in SQL.
import { duckdbType, rawTableName, type Contract } from './contract.js';

/** What each system's exports are, for dbt docs. */
const SYSTEM_DESCRIPTIONS: Readonly<Record<string, string>> = {
  case_management:
    "Exports from the council's case-management system, landed by `csp extract` after contract validation.",
  ssd: 'Standard Safeguarding Dataset (SSD) tables exported as CSV, landed by `csp extract` after contract validation (sources/ssd/).',
  complaints:
    "Exports from the council's complaints system (Respond / iCasework style reports), landed by `csp extract` after contract validation.",
  ssda903:
    "The SSDA903 children-looked-after return's CSV files or XML, landed by `csp extract` after contract validation.",
  cin_census:
    "The CIN census return's XML, flattened to one stream per record type and landed by `csp extract` after contract validation.",
  annex_a:
    "The Ofsted ILACS Annex A workbook's lists, landed by `csp extract` after contract validation (one raw table per list, whatever the sheet is called). Each workbook is a 12-month snapshot; staging keeps the newest.",
};

/** The yml file a system's sources go in, relative to the project root. */
export const dbtSourcesPath = (system: string): string => `sql/models/staging/${system}/_${system}__sources.yml`;

// JSON strings are valid YAML scalars: no quoting rule of YAML's to get wrong.
const q = (s: string): string => JSON.stringify(s);

const META_COLUMNS: readonly [string, string][] = [
  ['_load_id', 'The load that landed the row (raw._loads).'],
  [
    '_source_file',
    'The file (a workbook sheet as book.xlsx#Sheet, an XML stream as file.xml#stream) the row came from.',
  ],
  ['_file_checksum', "The SHA-256 of the file's content."],
  ['_line_number', 'The line (or sheet row) of the file the row was on.'],
];

function tableYml(c: Contract): string[] {
  const lines = [
    `      - name: ${c.entity}`,
    `        identifier: ${rawTableName(c)}`,
    `        description: ${q(`${c.title}: ${c.description} Valid rows only (rejected rows are in raw._rejects). Spec: sources/${c.system.replace(/_/g, '-')}/${c.entity.replace(/_/g, '-')}/SPEC.md.`)}`,
    '        config:',
    '          meta:',
    `            contract_key: [${c.key.join(', ')}]`,
  ];
  // Key columns every row must have: a contract that stopped requiring one would show here. One test node for all of
  // a table's (not one per column): dbt's fixed cost per node is most of the nightly build.
  const requiredKey = c.fields.filter((f) => c.key.includes(f.name) && f.required).map((f) => f.name);
  if (requiredKey.length > 1)
    lines.push(
      '        data_tests:',
      '          - not_null_columns:',
      '              arguments:',
      `                columns: [${requiredKey.join(', ')}]`,
    );
  lines.push('        columns:');
  for (const f of c.fields) {
    lines.push(
      `          - name: ${f.name}`,
      `            description: ${q(`${f.description} Header: ${f.header}.`)}`,
      `            data_type: ${duckdbType(f).toLowerCase()}`,
    );
    if (requiredKey.length === 1 && requiredKey[0] === f.name) lines.push('            data_tests: [not_null]');
  }
  for (const [name, description] of META_COLUMNS)
    lines.push(`          - name: ${name}`, `            description: ${q(description)}`);
  return lines;
}

/** The sources yml of one system's contracts. */
export function dbtSourcesYml(system: string, contracts: readonly Contract[]): string {
  const description = SYSTEM_DESCRIPTIONS[system];
  if (!description)
    throw new Error(`internal: no description of source system '${system}' in sources/lib/dbt-sources.ts`);
  return [
    '# Generated from the contracts (sources/**/contract.ts) by `npm run specs`; edit the contracts, not this file.',
    'version: 2',
    '',
    'sources:',
    `  - name: ${system}`,
    `    description: ${q(description)}`,
    '    schema: raw',
    '    tables:',
    ...contracts.filter((c) => c.system === system).flatMap(tableYml),
    '',
  ].join('\n');
}

export const sourceSystems = (contracts: readonly Contract[]): string[] => [...new Set(contracts.map((c) => c.system))];
