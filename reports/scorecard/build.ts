// Builds the "Improvement plan scorecard" appendix (every KPI in marts.kpi_monthly by priority area, with
// its latest month, target, RAG, 12-month trend and definition) as xlsx and PDF, public or restricted.
import type { Content } from 'pdfmake/interfaces.js';
import type { Warehouse } from '../../core/warehouse.js';
import { allSources, rejectedRows, rejectsStatement } from '../lib/rejects.js';
import { appendixMeta, writeAppendixFiles, type AppendixBuildOptions, type ManifestEntry } from '../lib/appendix.js';
import { renderSvg, svgSize, svgToPng } from '../lib/chart.js';
import { A4, definitionsContent, measureTops, renderPdf } from '../lib/pdf.js';
import { addAboutSheet, newWorkbook } from '../lib/xlsx.js';
import { sparklineSpec } from './charts.js';
import { addComparatorSheet, comparatorTable, comparatorTerms, loadComparators } from './comparators.js';
import { describeSystems, loadScorecard, monthLabel } from './data.js';
import { kpiDefinitions, noFigureTerm, scorecardTerms } from './definitions.js';
import { SUPPRESSED } from './format.js';
import { areaTables, measuredHeights, summaryText } from './pdf.js';
import { planPages } from './pages.js';
import { monthEnd } from './period.js';
import { addDefinitionsSheet, addScorecardSheet, addTrendSheet } from './xlsx.js';
import { byArea, scorecardView } from './view.js';
import { auditScorecard } from './disclosure.js';
import { protectionOf } from '../../core/config.js';

import { REPORT_ID } from './report.js';

export { REPORT_ID };
export const REPORT_TITLE = 'Improvement Plan Scorecard';

/** periodEnd: a month end; a mid-month date reports the month before. Default: the latest complete month with data. */
export type BuildOptions = AppendixBuildOptions;

export async function buildScorecard(db: Warehouse, opts: BuildOptions): Promise<ManifestEntry[]> {
  const threshold = opts.config.suppression.threshold;
  const appendixNumber = opts.config.reports.scorecard.appendix;
  const d = await loadScorecard(db, { periodEnd: opts.periodEnd ?? opts.config.reports.scorecard.periodEnd });
  const comparators = await loadComparators(db, opts.config.council.laCode, d.month);
  const kpis = scorecardView(d, opts.variant, threshold);
  // Public: the exact audit must pass, or nothing is written.
  const audit =
    opts.variant === 'public' && threshold > 0 ? await auditScorecard(d, kpis, protectionOf(opts.config)) : null;
  const areas = byArea(kpis);
  const periodEnd = monthEnd(d.month);
  const meta = appendixMeta(opts, {
    appendixNumber,
    title: REPORT_TITLE,
    period: `${d.monthLabel} (trend: ${monthLabel(d.months[0]!)} to ${d.monthLabel})`,
    periodEnd,
    periodLabel: d.monthLabel,
    reportMeetingDate: opts.config.reports.scorecard.meetingDate,
    dataAsAt: d.dataAsAt,
    source:
      `${describeSystems(d.systems)}; KPI definitions and targets set by the performance team (warehouse table marts.kpi_monthly)` +
      (comparators
        ? `; comparators: DfE published statistics, release ${comparators.release} (marts.fct_benchmarks), Open Government Licence v3.0`
        : ''),
  });

  // One sparkline per KPI, rendered once: SVG for the PDF, PNG of the same SVG for Excel.
  const svgs = new Map<string, string | null>();
  for (const k of kpis)
    svgs.set(
      k.measureId,
      k.points.some((p) => p.value !== null || p.target !== null || p.suppressed)
        ? await renderSvg(sparklineSpec(k, d.months))
        : null,
    );
  const pngs = new Map([...svgs].map(([id, svg]) => [id, svg ? { png: svgToPng(svg), ...svgSize(svg) } : null]));

  const missing = noFigureTerm(d.noFigure);
  // Snapshot measures (children in care at a month end) draw on records of any age, so every rejected row counts here.
  const rejects = rejectsStatement(await rejectedRows(db, allSources(), '0001-01-01', '9999-12-31'), '(of any date)');
  const terms = [
    ...scorecardTerms(opts.variant, threshold, d.monthLabel, audit?.protection),
    { term: 'Rejected rows', text: rejects },
    ...(comparators ? comparatorTerms(comparators) : []),
    ...(missing ? [missing] : []),
  ];
  const key =
    `${rejects} ` +
    'RAG against the month’s target: Green meets it, Amber within tolerance, Red misses it. Last 12 months: solid line the measure (latest month marked), dashed line the target trajectory.' +
    (opts.variant === 'public'
      ? ` ${SUPPRESSED} = suppressed small number (see Definitions).`
      : ' RESTRICTED: small numbers are not suppressed.');

  // ---- PDF ----
  const intro: Content[] = [
    {
      text:
        summaryText(kpis, d.monthLabel, areas.length) +
        (d.noFigure.length
          ? ` ${d.noFigure.length} measure(s) have no figure from the data supplied (see Definitions).`
          : ''),
      margin: [0, 0, 0, 2],
    },
    { text: key, style: 'note' },
  ];
  // Page breaks planned from the parts' measured heights, so pages fill and no heading or last measure is left alone.
  const tops = await measureTops(meta, [...intro, ...areaTables(areas, svgs, d.month)], { landscape: true });
  const plan = areas.length
    ? planPages(measuredHeights(areas, tops), tops.get('head|0')!, A4.marginTop, A4.short - A4.marginBottom - 4)
    : [];
  const pdf = await renderPdf(
    meta,
    [
      ...intro,
      ...areaTables(areas, svgs, d.month, plan),
      ...(comparators ? comparatorTable(kpis, comparators) : []),
      ...definitionsContent(terms, meta),
    ],
    { landscape: true },
  );

  // ---- Excel ----
  const wb = newWorkbook(meta);
  addScorecardSheet(wb, meta, kpis, pngs, d.monthLabel, key);
  if (comparators) addComparatorSheet(wb, meta, kpis, comparators);
  addTrendSheet(
    wb,
    meta,
    kpis,
    d.months,
    d.monthLabel,
    `${key} Cells are shaded by the month’s RAG where the measure has a target.`,
  );
  addDefinitionsSheet(wb, meta, kpis);
  addAboutSheet(wb, meta, [...terms, ...kpiDefinitions(kpis)]);

  return writeAppendixFiles({ outDir: opts.outDir, workbook: wb, pdf, report: REPORT_ID, meta });
}
