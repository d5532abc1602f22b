// A tiny dbt project for testing one of our generic tests (sql/tests/generic/<name>.sql) on hand-written models:
// the real profile and the real test file, nothing else of the project's.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes the project's folders, profile, dbt_project.yml and the generic test `genericTest` into `project`. */
export function writeTinyDbtProject(project: string, realSqlDir: string, genericTest: string): void {
  mkdirSync(path.join(project, 'models'), { recursive: true });
  mkdirSync(path.join(project, 'seeds'), { recursive: true });
  mkdirSync(path.join(project, 'tests', 'generic'), { recursive: true });
  cpSync(path.join(realSqlDir, 'profiles.yml'), path.join(project, 'profiles.yml'));
  cpSync(
    path.join(realSqlDir, 'tests', 'generic', `${genericTest}.sql`),
    path.join(project, 'tests', 'generic', `${genericTest}.sql`),
  );
  writeFileSync(
    path.join(project, 'dbt_project.yml'),
    [
      'name: tiny',
      "version: '0.1.0'",
      'config-version: 2',
      'profile: csp',
      'flags: {send_anonymous_usage_stats: false}',
      'models: {tiny: {+materialized: table}}',
      '',
    ].join('\n'),
  );
}
