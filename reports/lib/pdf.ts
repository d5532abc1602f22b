// The PDF frame every appendix shares: A4, a header with council and appendix, a cover block, tables that
// repeat their header across pages, vector charts, definitions, and "page x of y" with data-as-at on every page.
import pdfmake from 'pdfmake';
import type { Content, ContentTable, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces.js';
import { longDate } from '../../core/calendar/dates.js';
import { ukDateTime, type AppendixMeta, type Definition } from './appendix.js';
import { ROBOTO, ROBOTO_DIR } from './fonts.js';

const BRAND = '#1f4e79';
let fontsReady = false;

export interface PdfColumn {
  header: string;
  align?: 'left' | 'right' | 'center';
  width?: number | '*' | 'auto';
}

export interface PdfTable {
  title: string;
  columns: PdfColumn[];
  rows: (string | number)[][];
  /** Rows styled as totals (bold, ruled above). */
  totalRows?: number[];
  note?: string;
}

/** Headings carry this level so renderPdf can move a heading left alone at the foot of a page onto the next. */
const HEADING_LEVEL = 2;
/** Tables up to this many rows (about half an A4 page) are never split across pages. */
const UNBREAKABLE_ROWS = 25;

/** Tables wider than this many columns get narrower cell padding and header text, so headers wrap between words. */
export const TIGHT_TABLE_COLUMNS = 8;
/** Horizontal padding pdfmake adds to each column (left + right), in points. */
export const cellPadding = (columns: number): number => (columns > TIGHT_TABLE_COLUMNS ? 4 : 8);

export function tableContent(t: PdfTable, opts: { pageBreak?: 'before' } = {}): Content[] {
  const tight = t.columns.length > TIGHT_TABLE_COLUMNS;
  const header: TableCell[] = t.columns.map((c) => ({
    text: c.header,
    style: 'th',
    alignment: c.align ?? 'left',
    ...(tight ? { fontSize: 7.5 } : {}),
  }));
  const body: TableCell[][] = t.rows.map((row, i) =>
    row.map((v, j) => ({
      text: typeof v === 'number' ? v.toLocaleString('en-GB') : v,
      alignment: t.columns[j]?.align ?? 'left',
      bold: t.totalRows?.includes(i) ?? false,
    })),
  );
  const table: ContentTable = {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: t.columns.map((c) => c.width ?? 'auto'),
      body: [header, ...body],
    },
    layout: {
      fillColor: (row: number) => (row === 0 ? BRAND : row % 2 === 0 ? '#f3f6fa' : null),
      hLineWidth: (i: number) => (i === 0 || i === 1 || (t.totalRows ?? []).includes(i - 1) ? 0.8 : 0.3),
      vLineWidth: () => 0,
      hLineColor: () => '#b7c3d0',
      paddingTop: () => 3,
      paddingBottom: () => 3,
      paddingLeft: () => cellPadding(t.columns.length) / 2,
      paddingRight: () => cellPadding(t.columns.length) / 2,
    },
    style: 'table',
  };
  const parts: Content[] = [
    { text: t.title, style: 'h2', headlineLevel: HEADING_LEVEL },
    table,
    ...(t.note ? [{ text: t.note, style: 'note' } as Content] : []),
  ];
  // A table short enough to fit on one page is kept whole with its heading and note, rather than leaving
  // one row (or only its heading) at the foot of a page; longer tables break between rows and repeat their header.
  if (t.rows.length <= UNBREAKABLE_ROWS)
    return [{ unbreakable: true, stack: parts, ...(opts.pageBreak ? { pageBreak: opts.pageBreak } : {}) }];
  return opts.pageBreak
    ? [{ ...(parts[0] as object), pageBreak: opts.pageBreak } as Content, ...parts.slice(1)]
    : parts;
}

/** A chart and its heading kept on one page. */
export const chartContent = (title: string, svg: string, width = 515): Content[] => [
  {
    unbreakable: true,
    stack: [
      { text: title, style: 'h2' },
      { svg, width, margin: [0, 2, 0, 8] },
    ],
  },
];

export const commentBox = (title: string, text: string): Content => ({
  table: {
    widths: ['*'],
    body: [[{ stack: [{ text: title, bold: true, color: BRAND, margin: [0, 0, 0, 3] }, { text }] }]],
  },
  layout: {
    hLineColor: () => BRAND,
    vLineColor: () => BRAND,
    paddingLeft: () => 8,
    paddingRight: () => 8,
    paddingTop: () => 6,
    paddingBottom: () => 6,
  },
  margin: [0, 6, 0, 10],
});

export function definitionsContent(defs: readonly Definition[], meta: AppendixMeta): Content[] {
  return [
    { text: 'Definitions', style: 'h2', pageBreak: 'before' },
    ...defs.map((d) => ({ text: [{ text: `${d.term}. `, bold: true }, d.text], style: 'definition' })),
    { text: 'About this appendix', style: 'h2' },
    {
      text: `Source: ${meta.source}. Data as at ${ukDateTime(meta.dataAsAt)} (UK time). Generated ${ukDateTime(meta.generatedAt)} by run ${meta.runId}.`,
      style: 'definition',
    },
    {
      text: 'Weeks run Monday to Sunday. Working days exclude weekends and England & Wales bank holidays. Financial years start on 1 April.',
      style: 'definition',
    },
    {
      text:
        meta.variant === 'restricted'
          ? 'RESTRICTED: not for publication. Small numbers are not suppressed.'
          : 'Contains no names or identifiers of children.',
      style: 'definition',
    },
  ];
}

/** A4's height and width in points, and the page margins every appendix uses (top, bottom). */
export const A4 = { long: 841.89, short: 595.28, marginTop: 60, marginBottom: 50 } as const;

/**
 * Where each node with an `id` starts (points from the top of the page), laid out as renderPdf would but on one
 * page long enough for everything: the heights a body's parts take, so a report can plan its own page breaks.
 */
export async function measureTops(
  meta: AppendixMeta,
  body: Content[],
  opts: { landscape?: boolean } = {},
): Promise<Map<string, number>> {
  const tops = new Map<string, number>();
  await renderPdf(meta, body, { ...opts, measure: (id, top) => tops.set(id, top) });
  return tops;
}

export async function renderPdf(
  meta: AppendixMeta,
  body: Content[],
  opts: { landscape?: boolean; measure?: (id: string, top: number) => void } = {},
): Promise<Buffer> {
  if (!fontsReady) {
    pdfmake.addFonts({ Roboto: ROBOTO });
    pdfmake.setUrlAccessPolicy(() => false); // appendices never fetch anything
    pdfmake.setLocalAccessPolicy((file: string) => file.startsWith(ROBOTO_DIR)); // and read nothing but the fonts
    fontsReady = true;
  }
  const restricted = meta.variant === 'restricted';
  const meeting = meta.meetingDate ? longDate(meta.meetingDate) : 'meeting date not set';
  const doc: TDocumentDefinitions = {
    ...(opts.measure
      ? { pageSize: { width: opts.landscape ? A4.long : A4.short, height: 100_000 } }
      : { pageSize: 'A4' as const, pageOrientation: opts.landscape ? ('landscape' as const) : ('portrait' as const) }),
    pageMargins: [40, A4.marginTop, 40, A4.marginBottom],
    info: {
      title: `Appendix ${meta.appendixNumber} - ${meta.title}`,
      author: meta.council,
      subject: `${meta.committee}, ${meeting}`,
    },
    // No orphan headings: a heading with nothing after it on its page starts the next page instead.
    pageBreakBefore: (node, q) => {
      if (opts.measure && typeof node.id === 'string' && node.startPosition)
        opts.measure(node.id, node.startPosition.top);
      return !opts.measure && node.headlineLevel === HEADING_LEVEL && q.getFollowingNodesOnPage().length === 0;
    },
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15, color: '#1f1f1f' },
    header: (page: number) => ({
      margin: [40, 22, 40, 0],
      columns: [
        { text: `${meta.council} · ${meta.directorate}`, color: '#555', fontSize: 8 },
        { text: restricted ? 'RESTRICTED' : '', alignment: 'center', color: '#c00000', bold: true, fontSize: 10 },
        {
          text: `Appendix ${meta.appendixNumber}${page > 1 ? ` · ${meta.title}` : ''}`,
          alignment: 'right',
          color: '#555',
          fontSize: 8,
        },
      ],
    }),
    footer: (page: number, pages: number) => ({
      margin: [40, 12, 40, 0],
      columns: [
        { text: `Data as at ${ukDateTime(meta.dataAsAt)}`, color: '#555', fontSize: 8 },
        { text: restricted ? 'RESTRICTED' : '', alignment: 'center', color: '#c00000', bold: true, fontSize: 8 },
        { text: `Page ${page} of ${pages}`, alignment: 'right', color: '#555', fontSize: 8 },
      ],
    }),
    content: [
      { text: `Appendix ${meta.appendixNumber} – ${meta.title}`, style: 'h1' },
      {
        table: {
          widths: [110, '*'],
          body: [
            ['Committee', `${meta.committee}, ${meeting}`],
            ['Period', meta.period],
            ['Data as at', ukDateTime(meta.dataAsAt)],
            ['Source', meta.source],
          ].map(([k, v]) => [{ text: k!, bold: true, color: BRAND }, v!]),
        },
        layout: 'noBorders',
        margin: [0, 0, 0, 8],
      },
      ...body,
    ],
    styles: {
      h1: { fontSize: 16, bold: true, color: BRAND, margin: [0, 0, 0, 6] },
      h2: { fontSize: 11.5, bold: true, color: BRAND, margin: [0, 10, 0, 4] },
      th: { bold: true, color: 'white', fontSize: 9 },
      table: { fontSize: 9, margin: [0, 0, 0, 4] },
      note: { fontSize: 8, italics: true, color: '#555', margin: [0, 0, 0, 6] },
      definition: { fontSize: 9, margin: [0, 0, 0, 5] },
    },
  };
  return await pdfmake.createPdf(doc).getBuffer();
}
