// "How we compare": each scorecard KPI with a DfE equivalent beside the latest published England, region and
// statistical-neighbour figures and the council's quartile band, from marts.fct_benchmarks (the DfE snapshot in
// sql/seeds/benchmarks). Published statistics: nothing here is suppressed except our own figure, which follows
// the variant's rule (it is the scorecard's own latest point).
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type ExcelJS from 'exceljs';
import type { Warehouse } from '../../core/warehouse.js';
import type { AppendixMeta, Definition } from '../lib/appendix.js';
import { addTableSheet, TABLE_HEADER_ROW } from '../lib/xlsx.js';
import { excelFormat, excelValue, formatValue, SUPPRESSED } from './format.js';
import type { ShownKpi } from './view.js';

export interface Comparator {
  measureId: string;
  yearLabel: string;
  /** The council's own figure as the DfE published it. */
  published: number | null;
  england: number | null;
  region: number | null;
  snAverage: number | null;
  snCount: number;
  band: 'A' | 'B' | 'C' | 'D' | null;
  note: string;
}

export interface Comparators {
  laCode: number;
  laName: string;
  regionName: string;
  grouping: string;
  release: string;
  licence: string;
  source: string;
  byMeasure: Map<string, Comparator>;
}

/** The financial year (to 31 March) a month falls in, as the DfE numbers it: April 2020 to March 2021 is 2021. */
export const collectionYearOf = (month: string): number =>
  Number(month.slice(0, 4)) + (Number(month.slice(5, 7)) >= 4 ? 1 : 0);

/**
 * The council's comparators for a scorecard month: per KPI, the latest published year not after the month's
 * financial year (a scorecard for March 2021 is set beside 2020/21, never beside figures from years later).
 * Null when no LA code is configured; an error naming the code when the DfE snapshot does not know it.
 */
export async function loadComparators(
  db: Warehouse,
  laCode: number | undefined,
  month: string,
): Promise<Comparators | null> {
  if (laCode === undefined) return null;
  const la = await db.json<{ la_name: string; region_name: string }>(
    `SELECT la_name, region_name FROM reference.local_authorities WHERE la_code = ?`,
    [laCode],
  );
  if (!la[0])
    throw new Error(
      `council.laCode ${laCode} is not a local authority in the DfE snapshot (sql/seeds/benchmarks/local_authorities.csv): set it to the council's DfE LA number (e.g. 332 for Dudley).`,
    );
  const [rel] = await db.json<{ source: string; release: string; statistical_neighbours: string; licence: string }>(
    `SELECT * FROM reference.dfe_release LIMIT 1`,
  );
  const rows = await db.json<{
    measure_id: string;
    year_label: string;
    la_value: number | null;
    england_value: number | null;
    region_value: number | null;
    sn_average: number | null;
    sn_count: number;
    quartile_band: Comparator['band'];
    definition_note: string;
  }>(
    `SELECT measure_id, year_label, la_value, england_value, region_value, sn_average, sn_count::INTEGER AS sn_count, quartile_band, definition_note
     FROM marts.fct_benchmarks
     WHERE la_code = ? AND measure_id IS NOT NULL AND year <= ? AND england_value IS NOT NULL
     QUALIFY row_number() OVER (PARTITION BY measure_id ORDER BY year DESC) = 1`,
    [laCode, collectionYearOf(month)],
  );
  return {
    laCode,
    laName: la[0].la_name,
    regionName: la[0].region_name,
    grouping: rel?.statistical_neighbours ?? '',
    release: rel?.release ?? '',
    licence: rel?.licence ?? '',
    source: rel?.source ?? '',
    byMeasure: new Map(
      rows.map((r) => [
        r.measure_id,
        {
          measureId: r.measure_id,
          yearLabel: r.year_label,
          published: r.la_value,
          england: r.england_value,
          region: r.region_value,
          snAverage: r.sn_average,
          snCount: r.sn_count,
          band: r.quartile_band,
          note: r.definition_note,
        },
      ]),
    ),
  };
}

/** The KPIs that have a DfE equivalent, in scorecard order, each with its comparator. */
export const comparedKpis = (kpis: readonly ShownKpi[], c: Comparators): { kpi: ShownKpi; cmp: Comparator }[] =>
  kpis.flatMap((kpi) => {
    const cmp = c.byMeasure.get(kpi.measureId);
    return cmp ? [{ kpi, cmp }] : [];
  });

/** Which authority's published figures these are (the config's council.laCode), from which release, under which licence. */
const sourceNote = (c: Comparators): string =>
  `Compared with the figures the DfE published for ${c.laName} (LA ${c.laCode}, set by council.laCode in the config): release ${c.release}, statistical neighbours ${c.grouping}. ${c.licence}.`;

const ours = (k: ShownKpi): string =>
  !k.latest ? '–' : k.latest.suppressed ? SUPPRESSED : formatValue(k.latest.value, k.unit);
const dfe = (v: number | null, k: ShownKpi): string => formatValue(v, k.unit);

export function comparatorTerms(c: Comparators): Definition[] {
  return [
    {
      term: 'How we compare',
      text: `Each measure with a DfE equivalent beside the latest DfE figures published for the year the scorecard month falls in or before: ${c.laName}'s own published figure, England, the ${c.regionName} region, and the average of ${c.laName}'s ten statistical neighbours (DfE groupings, ${c.grouping}). Quartile band: where ${c.laName}'s published figure falls among all local authorities that year, A the best quarter and D the worst (higher or lower is better as the measure says), as the DfE's Local Authority Interactive Tool bands it. The DfE's definitions can differ from ours; each row says what the DfE counts.`,
    },
    { term: 'Comparator source', text: `${c.source}, release ${c.release}. ${c.licence}.` },
  ];
}

export function comparatorTable(kpis: readonly ShownKpi[], c: Comparators): Content[] {
  const rows = comparedKpis(kpis, c);
  if (!rows.length) return [];
  const header = [
    'Measure',
    'Ours (latest)',
    'DfE year',
    `${c.laName} (DfE)`,
    'England',
    c.regionName,
    'Stat. neighbours',
    'Band',
    'What the DfE counts',
  ].map((h): TableCell => ({ text: h, style: 'th' }));
  const body: TableCell[][] = rows.map(({ kpi, cmp }) => [
    { text: kpi.name, bold: true },
    { text: ours(kpi), alignment: 'right' },
    { text: cmp.yearLabel },
    { text: dfe(cmp.published, kpi), alignment: 'right' },
    { text: dfe(cmp.england, kpi), alignment: 'right' },
    { text: dfe(cmp.region, kpi), alignment: 'right' },
    {
      text:
        cmp.snAverage === null ? '–' : `${dfe(cmp.snAverage, kpi)}${cmp.snCount < 10 ? ` (${cmp.snCount} of 10)` : ''}`,
      alignment: 'right',
    },
    { text: cmp.band ?? '–', alignment: 'center', bold: true },
    { text: cmp.note, fontSize: 7, color: '#333' },
  ]);
  return [
    {
      text: `How we compare: latest published DfE figures (${c.laName}, LA ${c.laCode})`,
      style: 'h2',
      pageBreak: 'before',
    },
    { text: `${sourceNote(c)} Our latest figure is the scorecard's own.`, style: 'note' },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [120, 48, 40, 52, 44, 52, 58, 30, '*'],
        body: [header, ...body],
      },
      layout: {
        fillColor: (r: number) => (r === 0 ? '#1f4e79' : r % 2 === 0 ? '#f3f6fa' : null),
        hLineWidth: () => 0.3,
        vLineWidth: () => 0,
        hLineColor: () => '#b7c3d0',
      },
      style: 'table',
    },
  ];
}

export const COMPARATORS_SHEET = 'Comparators';
/** The Comparators sheet's columns in order, so readers and tests find them by name. */
export const COMPARATOR_COLUMNS = [
  'measure',
  'ours',
  'year',
  'published',
  'england',
  'region',
  'sn',
  'snCount',
  'band',
  'note',
];

export function addComparatorSheet(
  wb: ExcelJS.Workbook,
  meta: AppendixMeta,
  kpis: readonly ShownKpi[],
  c: Comparators,
): ExcelJS.Worksheet | null {
  const rows = comparedKpis(kpis, c);
  if (!rows.length) return null;
  // Stored as printed (whole percentages, caseloads to one decimal), so the cell holds no more than it shows.
  const v = (x: number | null, k: ShownKpi) =>
    excelValue(x === null ? null : k.unit === 'ratio' ? Math.round(x * 10) / 10 : Math.round(x), k.unit);
  const ws = addTableSheet(wb, meta, {
    sheet: COMPARATORS_SHEET,
    title: `How we compare: latest published DfE figures (${c.laName}, LA ${c.laCode})`,
    columns: [
      { header: 'Measure', key: 'measure', width: 38 },
      { header: 'Ours (latest)', key: 'ours', width: 12 },
      { header: 'DfE year', key: 'year', width: 10 },
      { header: `${c.laName} (DfE)`, key: 'published', width: 12 },
      { header: 'England', key: 'england', width: 10 },
      { header: c.regionName, key: 'region', width: 12 },
      { header: 'Statistical neighbours', key: 'sn', width: 12 },
      { header: 'Neighbours with a figure', key: 'snCount', width: 11 },
      { header: 'Quartile band', key: 'band', width: 9 },
      { header: 'What the DfE counts', key: 'note', width: 90 },
    ],
    rows: rows.map(({ kpi, cmp }) => ({
      measure: kpi.name,
      ours: !kpi.latest ? null : kpi.latest.suppressed ? SUPPRESSED : v(kpi.latest.value, kpi),
      year: cmp.yearLabel,
      published: v(cmp.published, kpi),
      england: v(cmp.england, kpi),
      region: v(cmp.region, kpi),
      sn: v(cmp.snAverage, kpi),
      snCount: cmp.snCount,
      band: cmp.band,
      note: cmp.note,
    })),
    note: sourceNote(c),
  });
  rows.forEach(({ kpi }, i) => {
    const row = ws.getRow(TABLE_HEADER_ROW + 1 + i);
    for (const key of ['ours', 'published', 'england', 'region', 'sn'])
      row.getCell(COMPARATOR_COLUMNS.indexOf(key) + 1).numFmt = excelFormat(kpi.unit);
    row.getCell(COMPARATOR_COLUMNS.indexOf('note') + 1).alignment = { wrapText: true, vertical: 'top' };
  });
  return ws;
}
