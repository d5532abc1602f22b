// The report registry is the one list of reports: every folder in reports/ (but lib/) has an entry, named after
// the folder, whose declared tables are the ones its code reads and its dbt exposure depends on.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../core/paths.js';
import { REGISTRY, RESTRICTED_ONLY, REPORTS, variantsOf } from '../reports/registry.js';

const reportsDir = path.join(projectRoot, 'reports');
const folders = readdirSync(reportsDir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'lib')
  .map((e) => e.name)
  .sort();

/** The marts and reference tables a report folder's code names (schema.table), tests left out. */
function tablesNamedIn(folder: string): string[] {
  const dir = path.join(reportsDir, folder);
  const code = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
  return [...new Set([...code.matchAll(/\b(marts|reference)\.([a-z_0-9]+)\b/g)].map((m) => `${m[1]}.${m[2]}`))].sort();
}

/** Each exposure's report folder and the models it depends on, read from the yml (one exposure per `- name:` block). */
function exposures(): Map<string, string[]> {
  const yml = readFileSync(path.join(projectRoot, 'sql', 'models', 'marts', '_appendices__exposures.yml'), 'utf8');
  const out = new Map<string, string[]>();
  for (const block of yml.split(/^- name: /m).slice(1)) {
    const folder = /report_folder:\s*(\S+)/.exec(block)?.[1];
    if (folder) out.set(folder, [...block.matchAll(/ref\('([a-z_0-9]+)'\)/g)].map((m) => m[1]!).sort());
  }
  return out;
}

describe('report registry', () => {
  it("has one entry per report folder, named after the folder, each exported by the folder's report.ts", async () => {
    expect(folders.length).toBeGreaterThanOrEqual(4);
    expect([...REPORTS].sort()).toEqual(folders);
    for (const folder of folders) {
      const mod = (await import(path.join(reportsDir, folder, 'report.ts'))) as { report: unknown };
      expect(REGISTRY).toContain(mod.report);
    }
  });

  it("declares the tables each report's code reads, and its dbt exposure depends on the same", () => {
    const exp = exposures();
    for (const r of REGISTRY) {
      expect([...r.needs].sort(), `${r.id}: needs vs the tables named in reports/${r.id}/`).toEqual(
        tablesNamedIn(r.id),
      );
      expect(
        [...r.needs].map((t) => t.split('.')[1]).sort(),
        `${r.id}: needs vs its exposure in _appendices__exposures.yml`,
      ).toEqual(exp.get(`reports/${r.id}`));
    }
    expect([...exp.keys()].sort()).toEqual(folders.map((f) => `reports/${f}`));
  });

  it('makes a report that names children in the restricted variant only', () => {
    expect([...RESTRICTED_ONLY]).toEqual(['return-readiness']);
    expect(variantsOf('return-readiness')).toEqual(['restricted']);
    expect(variantsOf('contact-activity')).toEqual(['public', 'restricted']);
  });
});
