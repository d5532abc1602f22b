// "How we compare": each scorecard KPI with a DfE equivalent beside the latest published England, region and
// statistical-neighbour figures and the council's quartile band, from marts.fct_benchmarks (the DfE snapshot in
// sql/seeds/benchmarks). Published statistics: nothing here is suppressed except our own figure, which follows
// the variant's rule (it is the scorecard's own latest point).
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type ExcelJS from 'exceljs';
import type { Warehouse } from '../../core/warehouse.js';
import type { AppendixMeta, Definition } from '../lib/appendix.js';
import { pdfParts, toXlsxTable, type CustomFormat, type TableColumn } from '../lib/table.js';
import { addTableSheet } from '../lib/xlsx.js';
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

export function comparatorTerms(c: Comparators): Definition[] {
  return [
    {
      term: 'How we compare',
      text: `Each measure with a DfE equivalent beside the latest DfE figures published for the year the scorecard month falls in or before: ${c.laName}'s own published figure, England, the ${c.regionName} region, and the average of ${c.laName}'s ten statistical neighbours (DfE groupings, ${c.grouping}). Quartile band: where ${c.laName}'s published figure falls among all local authorities that year, A the best quarter and D the worst (higher or lower is better as the measure says), as the DfE's Local Authority Interactive Tool bands it. The DfE's definitions can differ from ours; each row says what the DfE counts.`,
    },
    { term: 'Comparator source', text: `${c.source}, release ${c.release}. ${c.licence}.` },
  ];
}

/** A DfE figure in the measure's unit, stored as printed (whole percentages, caseloads to one decimal). */
const dfeFormat = (k: ShownKpi): CustomFormat => ({
  text: (x) => (typeof x === 'string' ? x : formatValue(x as number | null, k.unit)),
  cell: (x) =>
    x === SUPPRESSED
      ? SUPPRESSED
      : excelValue(
          x === null ? null : k.unit === 'ratio' ? Math.round((x as number) * 10) / 10 : Math.round(x as number),
          k.unit,
        ),
  numFmt: excelFormat(k.unit),
});
const asIs: CustomFormat = { text: String }; // no number format of its own

type Row = { kpi: ShownKpi; cmp: Comparator };
const dfeColumn = (header: string, key: string, width: number, pdfWidth: number, v: (r: Row) => unknown) =>
  ({
    header,
    format: asIs,
    rowFormat: (r) => dfeFormat(r.kpi),
    value: v,
    pdf: { width: pdfWidth, align: 'right' },
    xlsx: { key, width },
  }) satisfies TableColumn<Row>;

/** The comparators table, described once for the PDF page and the Comparators sheet. */
function comparatorColumns(c: Comparators): TableColumn<Row>[] {
  return [
    {
      header: 'Measure',
      format: 'text',
      value: (r) => r.kpi.name,
      pdf: { width: 120, style: () => ({ bold: true }) },
      xlsx: { key: 'measure', width: 38 },
    },
    dfeColumn('Ours (latest)', 'ours', 12, 48, ({ kpi }) =>
      !kpi.latest ? null : kpi.latest.suppressed ? SUPPRESSED : kpi.latest.value,
    ),
    {
      header: 'DfE year',
      format: 'text',
      value: (r) => r.cmp.yearLabel,
      pdf: { width: 40 },
      xlsx: { key: 'year', width: 10 },
    },
    dfeColumn(`${c.laName} (DfE)`, 'published', 12, 52, (r) => r.cmp.published),
    dfeColumn('England', 'england', 10, 44, (r) => r.cmp.england),
    dfeColumn(c.regionName, 'region', 12, 52, (r) => r.cmp.region),
    {
      ...dfeColumn('Statistical neighbours', 'sn', 12, 58, (r) => r.cmp.snAverage),
      // The PDF says how many neighbours had a figure beside the average; the workbook has a column for it.
      pdf: {
        header: 'Stat. neighbours',
        width: 58,
        align: 'right',
        value: ({ kpi, cmp }) =>
          cmp.snAverage === null
            ? '–'
            : `${formatValue(cmp.snAverage, kpi.unit)}${cmp.snCount < 10 ? ` (${cmp.snCount} of 10)` : ''}`,
      },
    },
    {
      header: 'Neighbours with a figure',
      format: asIs,
      value: (r) => r.cmp.snCount,
      pdf: false,
      xlsx: { key: 'snCount', width: 11 },
    },
    {
      header: 'Quartile band',
      format: 'text',
      value: (r) => r.cmp.band,
      missing: '–',
      pdf: { header: 'Band', width: 30, align: 'center', style: () => ({ bold: true }) },
      xlsx: { key: 'band', width: 9 },
    },
    {
      header: 'What the DfE counts',
      format: 'text',
      value: (r) => r.cmp.note,
      pdf: { width: '*', style: () => ({ fontSize: 7, color: '#333' }) },
      xlsx: { key: 'note', width: 90, style: () => ({ alignment: { wrapText: true, vertical: 'top' } }) },
    },
  ];
}

const comparatorTitle = (c: Comparators) =>
  `How we compare: latest published DfE figures (${c.laName}, LA ${c.laCode})`;

export function comparatorTable(kpis: readonly ShownKpi[], c: Comparators): Content[] {
  const rows = comparedKpis(kpis, c);
  if (!rows.length) return [];
  const parts = pdfParts({ columns: comparatorColumns(c) });
  // The headings stay left over the figures, as the page has always printed them.
  const header = parts.headers().map((h): TableCell => ({ ...(h as object), alignment: 'left' }) as TableCell);
  return [
    { text: comparatorTitle(c), style: 'h2', pageBreak: 'before' },
    { text: `${sourceNote(c)} Our latest figure is the scorecard's own.`, style: 'note' },
    {
      table: { headerRows: 1, dontBreakRows: true, widths: parts.widths, body: [header, ...rows.map(parts.cells)] },
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
  return addTableSheet(
    wb,
    meta,
    toXlsxTable({
      sheet: COMPARATORS_SHEET,
      title: comparatorTitle(c),
      columns: comparatorColumns(c),
      rows,
      note: sourceNote(c),
      variant: meta.variant,
    }),
  );
}
