// The seeds are the only home of codes and labels: in a copy of sql/ whose seeds are edited, a code added to a
// seed is accepted by the contract that uses it, and a relabelled group or service area is what the appendix says.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../core/paths.js', async (original) => {
  const real = await original<typeof import('../core/paths.js')>();
  const sqlDir = path.join(mkdtempSync(path.join(tmpdir(), 'csp-seeds-')), 'sql');
  cpSync(path.join(real.sqlDir, 'seeds'), path.join(sqlDir, 'seeds'), { recursive: true });
  const edit = (seed: string, change: (text: string) => string) => {
    const file = path.join(sqlDir, 'seeds', seed);
    writeFileSync(file, change(readFileSync(file, 'utf8')));
  };
  edit('source_codes.csv', (t) => `${t}annex_a_eligibility,NEWC,A category added to the seed\n`);
  edit('contact_sources.csv', (t) =>
    t.replace(/,Schools,5\n/, ',Education settings,5\n').replace(/,Schools,6\n/, ',Education settings,6\n'),
  );
  edit('service_areas.csv', (t) =>
    t.replace(
      'Disability,Disability,the disability service,6',
      "Disability,Disabled children,the disabled children's service,6",
    ),
  );
  return { ...real, sqlDir };
});

describe('codes and labels from the seeds', () => {
  it('accepts a code added to a seed, and still refuses one that is not there', async () => {
    const { annexAList9Contract } = await import('../sources/annex-a/list-9-care-leavers/contract.js');
    const { compileContract } = await import('../sources/lib/contract.js');
    const field = annexAList9Contract.fields.find((f) => f.codes?.some((c) => c.code === 'FREL'))!;
    const problemsWith = (value: string) => {
      const result = compileContract(annexAList9Contract).validate({ [field.name]: value });
      return result.ok ? [] : result.problems.filter((p) => p.field === field.name).map((p) => p.reason);
    };
    expect(problemsWith('NEWC')).toEqual([]);
    expect(problemsWith('FREL')).toEqual([]);
    expect(problemsWith('NOPE')).toEqual([
      expect.stringMatching(/'NOPE' is not a known code \(expected one of REL, FREL, QUAL, ELIG, NEWC\)/),
    ]);
  });

  it("prints the seeds' words: a relabelled source group and service area", async () => {
    const { contactActivityDefinitions } = await import('../reports/contact-activity/definitions.js');
    const text = (term: string) => contactActivityDefinitions.find((d) => d.term === term)!.text;
    expect(text('Source')).toContain('Self (1C); Education settings (2A, 2B); Health (3A-3F)');
    expect(text('Source')).not.toContain('Schools');
    expect(text('Open case contacts (exc DV) by receiving service area')).toContain(
      "and Disability (the disabled children's service)",
    );
    const { contactActivityPdfHeadings } = await import('../reports/contact-activity/service-areas.js');
    expect(contactActivityPdfHeadings()).toEqual([
      'EDT',
      'MASH',
      'Assessment',
      'Case Mgmt',
      'CLA',
      'Disabled children',
    ]);
  });
});
