// The not_null_columns generic test (sql/tests/generic/not_null_columns.sql) guards every column a model lists in
// one node. Run by dbtBuild on a tiny project that uses the real test file: a null in one column fails the build
// and the failure names that column (and how many rows), a clean model passes, and a `where` config narrows the
// rows checked as it does for dbt's not_null.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from './helpers/tmp.js';
import { writeTinyDbtProject } from './helpers/tiny-dbt-project.js';

const project = path.join(tempDir('not-null-columns'), 'sql');

vi.mock('../core/paths.js', async (original) => {
  const real = await original<typeof import('../core/paths.js')>();
  return { ...real, sqlDir: project };
});

function writeProject(realSqlDir: string): void {
  writeTinyDbtProject(project, realSqlDir, 'not_null_columns');
  const rows = (values: string) => `select * from (values ${values}) as t(id, name, born)`;
  // Only `name` has nulls (two rows); `born` is never null.
  writeFileSync(
    path.join(project, 'models', 'people.sql'),
    rows("(1, 'Ann', date '2010-01-01'), (2, null, date '2011-02-02'), (3, null, date '2012-03-03')"),
  );
  writeFileSync(
    path.join(project, 'models', 'clean.sql'),
    rows("(1, 'Ann', date '2010-01-01'), (2, 'Bo', date '2011-02-02')"),
  );
  // The null is in the row a `where` config leaves out.
  writeFileSync(path.join(project, 'models', 'filtered.sql'), rows("(1, 'Ann', date '2010-01-01'), (2, 'Bo', null)"));
  const model = (name: string, config = '') =>
    [
      `  - name: ${name}`,
      '    data_tests:',
      '      - not_null_columns:',
      '          arguments:',
      '            columns: [id, name, born]',
      config,
    ]
      .filter(Boolean)
      .join('\n');
  writeFileSync(
    path.join(project, 'models', '_models.yml'),
    [
      'version: 2',
      'models:',
      model('people'),
      model('clean'),
      model('filtered', '          config:\n            where: "id <> 2"'),
      '',
    ].join('\n'),
  );
}

describe('not_null_columns', () => {
  it('fails on a null in one column and names the column; passes clean rows and rows a where config leaves out', async () => {
    const real = await vi.importActual<typeof import('../core/paths.js')>('../core/paths.js');
    writeProject(real.sqlDir);
    const { dbtBuild } = await import('../pipelines/transform/dbt.js');
    const { createLogger } = await import('../core/logger.js');
    const workDir = path.dirname(project);
    const summary = await dbtBuild({
      warehouse: path.join(workDir, 'not-null-columns.duckdb'),
      workDir,
      logDir: path.join(workDir, 'logs'),
      log: createLogger({ level: 'silent' }),
    });
    expect(summary.ok).toBe(false);
    expect(summary.tests).toBe(3);
    expect(summary.testsPassed).toBe(2);
    expect(summary.failures).toHaveLength(1);
    expect(summary.failures[0]).toMatch(/^not_null_columns_people_/);
    // One failing row: the column `name`, with its two nulls; `id` and `born` are not named.
    expect(summary.failures[0]).toContain('(1 rows); found: column_name=name, null_rows=2');
    expect(summary.failures[0]).not.toMatch(/column_name=(id|born)/);
  }, 180_000);
});
