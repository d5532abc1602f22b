import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers/tmp.js';
import { writePortalFixture } from '../test/helpers/portal-data.js';
import { dataPaths } from '../core/paths.js';
import { fileId, filterChoices, groupRows, readCatalogue, selectFiles } from './catalogue.js';

describe('portal catalogue', () => {
  it('lists every manifest entry of the published runs and on-demand reports, and nothing from an unpublished run', () => {
    const root = tempDir('portal-cat');
    const fx = writePortalFixture(root);
    const cat = readCatalogue(dataPaths(root));
    expect(cat.problems).toEqual([]);
    expect(cat.files.map((f) => f.file + '@' + f.runId).sort()).toEqual(
      fx.files.map((f) => f.entry.file + '@' + f.entry.runId).sort(),
    );
    expect(cat.runs.map((r) => [r.runId, r.current])).toEqual([
      [fx.currentRun, true],
      [fx.earlierRun, false],
    ]);
    // Ids are unique, and each file's path is its manifest folder plus its manifest name.
    expect(new Set(cat.files.map((f) => f.id)).size).toBe(cat.files.length);
    for (const f of cat.files)
      expect(path.dirname(f.absPath)).toBe(
        fx.files.find((x) => x.entry.file === f.file && x.entry.runId === f.runId)!.folder,
      );
    // Newest first.
    const times = cat.files.map((f) => f.generatedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('shows officers public variants only and pairs each appendix with its Excel and PDF', () => {
    const root = tempDir('portal-cat');
    const fx = writePortalFixture(root);
    const cat = readCatalogue(dataPaths(root));
    const current = cat.files.filter((f) => f.current);
    const officer = selectFiles(current, 'officer');
    expect(officer.every((f) => f.variant === 'public')).toBe(true);
    expect(officer.length).toBe(
      fx.files.filter(
        (f) => f.entry.variant === 'public' && (f.entry.runId === fx.currentRun || f.folder.endsWith('reports')),
      ).length,
    );
    expect(selectFiles(current, 'performance').length).toBe(
      fx.files.filter((f) => f.entry.runId !== fx.earlierRun).length,
    );
    const rows = groupRows(officer);
    expect(rows.length).toBe(officer.length / 2);
    for (const r of rows) expect([r.xlsx?.format, r.pdf?.format]).toEqual(['xlsx', 'pdf']);
    const choices = filterChoices(officer);
    expect(choices.periods.map((p) => p.value)).toEqual(['2020-06-14', '2020-05-31']);
    expect(selectFiles(current, 'officer', { period: '2020-05-31' }).map((f) => f.origin)).toEqual([
      'on-demand',
      'on-demand',
    ]);
    expect(
      selectFiles(current, 'performance', { report: 'scorecard' })
        .map((f) => `${f.variant}.${f.format}`)
        .sort(),
    ).toEqual(['public.pdf', 'public.xlsx', 'restricted.pdf', 'restricted.xlsx']);
  });

  it('does not offer a manifest entry that names anything but a plain file in its own folder', () => {
    const root = tempDir('portal-cat');
    writePortalFixture(root);
    const reports = path.join(root, 'reports', 'manifest.json');
    const good = {
      report: 'x',
      title: 'X',
      appendix: '9',
      period: 'p',
      periodEnd: '2020-01-01',
      variant: 'public',
      format: 'pdf',
      bytes: 1,
      sha256: 'a'.repeat(64),
      runId: 'r',
      dataAsAt: '2020-01-01T00:00:00Z',
      generatedAt: '2020-01-01T00:00:00Z',
      committee: 'c',
      meetingDate: null,
    };
    writeFileSync(
      reports,
      JSON.stringify({
        files: [
          { ...good, file: '../users.json' },
          { ...good, file: '/etc/passwd' },
          { ...good, file: '.hidden' },
          { ...good, file: 'ok.pdf' },
        ],
      }),
    );
    const cat = readCatalogue(dataPaths(root));
    expect(cat.files.filter((f) => f.origin === 'on-demand').map((f) => f.file)).toEqual(['ok.pdf']);
    expect(cat.problems.length).toBe(3);
    expect(cat.problems[0]).toContain(reports);
  });

  it('reports a manifest that is not JSON instead of failing the page', () => {
    const root = tempDir('portal-cat');
    const fx = writePortalFixture(root);
    writeFileSync(path.join(root, 'published', fx.earlierRun, 'appendices', 'manifest.json'), '{ not json');
    const cat = readCatalogue(dataPaths(root));
    expect(cat.files.some((f) => f.folderRun === fx.earlierRun)).toBe(false);
    expect(cat.problems[0]).toMatch(/manifest\.json cannot be read/);
    expect(fileId('published', fx.currentRun, 'a.pdf')).not.toBe(fileId('published', fx.earlierRun, 'a.pdf'));
  });
});
