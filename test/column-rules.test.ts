// The column_rules generic test (sql/tests/generic/column_rules.sql) checks a model's unique keys, accepted values
// and row expressions in one node. Run by dbtBuild on a tiny project that uses the real test file: a corrupted copy
// of a clean model fails the build, and the failure names each broken rule, its column, the failing value and how
// many rows; the clean model (nulls in an accepted-values column, integer values unquoted) passes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from './helpers/tmp.js';
import { writeTinyDbtProject } from './helpers/tiny-dbt-project.js';

const project = path.join(tempDir('column-rules'), 'sql');

vi.mock('../core/paths.js', async (original) => {
  const real = await original<typeof import('../core/paths.js')>();
  return { ...real, sqlDir: project };
});

function writeProject(realSqlDir: string): void {
  writeTinyDbtProject(project, realSqlDir, 'column_rules');
  const rows = (values: string) => `select * from (values ${values}) as t(id, status, quarter, opened, closed)`;
  const clean = [
    "(1, 'Open', 1, date '2020-01-01', null)",
    "(2, 'Closed', 4, date '2020-02-01', date '2020-03-01')",
    "(3, null, 2, date '2020-02-01', date '2020-02-01')",
  ];
  writeFileSync(path.join(project, 'models', 'cases.sql'), rows(clean.join(', ')));
  // The same rows, corrupted: id 2 twice, a status and a quarter outside their lists, a case closed before it opened.
  writeFileSync(
    path.join(project, 'models', 'cases_corrupted.sql'),
    rows(
      [
        ...clean,
        "(2, 'Shut', 4, date '2020-02-01', date '2020-03-01')",
        "(5, 'Open', 5, date '2020-05-01', date '2020-04-30')",
      ].join(', '),
    ),
  );
  const model = (name: string) =>
    [
      `  - name: ${name}`,
      '    data_tests:',
      '      - column_rules:',
      '          arguments:',
      '            unique: [id]',
      '            accepted_values:',
      "              - {column: status, values: ['Open', 'Closed']}",
      '              - {column: quarter, values: [1, 2, 3, 4], quote: false}',
      '            expressions:',
      '              - {column: closed, expression: "closed is null or closed >= opened"}',
    ].join('\n');
  writeFileSync(
    path.join(project, 'models', '_models.yml'),
    ['version: 2', 'models:', model('cases'), model('cases_corrupted'), ''].join('\n'),
  );
}

describe('column_rules', () => {
  it('fails a corrupted copy of a clean model and names each broken rule, column, value and row count', async () => {
    const real = await vi.importActual<typeof import('../core/paths.js')>('../core/paths.js');
    writeProject(real.sqlDir);
    const { dbtBuild } = await import('../pipelines/transform/dbt.js');
    const { createLogger } = await import('../core/logger.js');
    const workDir = path.dirname(project);
    const summary = await dbtBuild({
      warehouse: path.join(workDir, 'column-rules.duckdb'),
      workDir,
      logDir: path.join(workDir, 'logs'),
      log: createLogger({ level: 'silent' }),
    });
    expect(summary.ok).toBe(false);
    expect(summary.tests).toBe(2);
    expect(summary.testsPassed).toBe(1);
    expect(summary.failures).toHaveLength(1);
    const [failure] = summary.failures;
    expect(failure).toMatch(/^column_rules_cases_corrupted_/);
    // Four broken rules, one failing row each; the clean rows and the null status are not named.
    expect(failure).toContain('(4 rows)');
    expect(failure).toContain('rule=unique, column_name=id, failing_value=2, failing_rows=2');
    expect(failure).toContain('rule=accepted_values, column_name=status, failing_value=Shut, failing_rows=1');
    expect(failure).toContain('rule=accepted_values, column_name=quarter, failing_value=5, failing_rows=1');
    expect(failure).toMatch(
      /rule=expression_is_true: closed is null or closed >= opened, column_name=closed, failing_value=\{"id":5,.*"closed":"2020-04-30"\}, failing_rows=1/,
    );
  }, 180_000);
});
