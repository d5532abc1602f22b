// A data folder the portal tests control: two published runs (the older one kept as history), a run folder
// that was never published, and on-demand reports. Files hold random bytes; the manifests carry their sha256.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ManifestEntry, Variant } from '../../reports/lib/appendix.js';

export interface FixtureFile {
  folder: string;
  entry: ManifestEntry;
}

export interface PortalFixture {
  root: string;
  currentRun: string;
  earlierRun: string;
  files: FixtureFile[];
}

const REPORTS = [
  { report: 'contact-activity', title: 'Contact Activity Data', appendix: '1' },
  { report: 'scorecard', title: 'Improvement Plan Scorecard', appendix: '2' },
];

function writeAppendix(
  dir: string,
  o: {
    report: (typeof REPORTS)[number];
    periodEnd: string;
    period: string;
    variant: Variant;
    runId: string;
    generatedAt: string;
  },
): ManifestEntry[] {
  const stem = `appendix-${o.report.appendix}-${o.report.report}-${o.periodEnd}${o.variant === 'restricted' ? '-restricted' : ''}`;
  return (['xlsx', 'pdf'] as const).map((format) => {
    const bytes = randomBytes(2000 + Math.floor(Math.random() * 3000));
    const file = `${stem}.${format}`;
    writeFileSync(path.join(dir, file), bytes);
    return {
      report: o.report.report,
      title: o.report.title,
      appendix: o.report.appendix,
      period: o.period,
      periodEnd: o.periodEnd,
      variant: o.variant,
      format,
      file,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      runId: o.runId,
      dataAsAt: '2021-04-01T07:00:00Z',
      generatedAt: o.generatedAt,
      committee: "Children's Services Scrutiny Committee",
      meetingDate: '2020-06-29',
    };
  });
}

function writeRun(
  root: string,
  runId: string,
  periodEnd: string,
  period: string,
  generatedAt: string,
  published: boolean,
): FixtureFile[] {
  const dir = path.join(root, 'published', runId, 'appendices');
  mkdirSync(dir, { recursive: true });
  const entries = REPORTS.flatMap((report) =>
    (['public', 'restricted'] as const).flatMap((variant) =>
      writeAppendix(dir, { report, periodEnd, period, variant, runId, generatedAt }),
    ),
  );
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ runId, generatedAt, files: entries }, null, 2));
  writeFileSync(path.join(root, 'published', runId, 'warehouse.duckdb'), '');
  if (published)
    writeFileSync(
      path.join(root, 'published', runId, 'published.json'),
      JSON.stringify({ runId, publishedAt: generatedAt }),
    );
  return entries.map((entry) => ({ folder: dir, entry }));
}

export function writePortalFixture(root: string): PortalFixture {
  const earlierRun = '20200608T031500Z-101';
  const currentRun = '20200615T031500Z-202';
  const files = [
    ...writeRun(
      root,
      earlierRun,
      '2020-06-07',
      '18 weeks, 3 February 2020 to 7 June 2020',
      '2020-06-08T03:20:00.000Z',
      true,
    ),
    ...writeRun(
      root,
      currentRun,
      '2020-06-14',
      '19 weeks, 3 February 2020 to 14 June 2020',
      '2020-06-15T03:20:00.000Z',
      true,
    ),
  ];
  // A run still being published: never offered.
  writeRun(root, '20200616T031500Z-303', '2020-06-21', 'not yet published', '2020-06-16T03:20:00.000Z', false);
  symlinkSync(path.join('published', currentRun), path.join(root, 'current'));
  symlinkSync(path.join('current', 'appendices'), path.join(root, 'appendices'));
  // An on-demand report for an earlier period, as `csp report` writes it.
  const reports = path.join(root, 'reports');
  mkdirSync(reports, { recursive: true });
  const onDemand = writeAppendix(reports, {
    report: REPORTS[0]!,
    periodEnd: '2020-05-31',
    period: '17 weeks, 3 February 2020 to 31 May 2020',
    variant: 'public',
    runId: '20200616T120000Z-404',
    generatedAt: '2020-06-16T12:00:00.000Z',
  });
  writeFileSync(
    path.join(reports, 'manifest.json'),
    JSON.stringify(
      { runId: '20200616T120000Z-404', generatedAt: '2020-06-16T12:00:00.000Z', files: onDemand },
      null,
      2,
    ),
  );
  files.push(...onDemand.map((entry) => ({ folder: reports, entry })));
  return { root, currentRun, earlierRun, files };
}
