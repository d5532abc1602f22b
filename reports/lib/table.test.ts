import { describe, expect, it } from 'vitest';
import { C } from './suppression.js';
import { pdfText, toPdfTable, toXlsxTable, type TableDescription } from './table.js';

describe('one table description, two writers', () => {
  const rows = [
    { week: 'Week 1', start: '2020-02-03', n: 1234.4, change: -0.4, pct: 0.456 },
    { week: 'Total', start: null, n: C, change: 3, pct: null },
  ];
  const t: TableDescription<(typeof rows)[number]> = {
    sheet: 'Weekly',
    title: 'Contacts',
    variant: 'public',
    columns: [
      { header: 'Week', format: 'text', value: (r) => r.week, pdf: { width: '*' }, xlsx: { key: 'label', width: 30 } },
      { header: 'Week beginning', format: 'date', value: (r) => r.start, pdf: false },
      { header: 'Contacts received', format: 'count', value: (r) => r.n, pdf: { header: 'Contacts', width: 60 } },
      { header: 'Change', format: 'difference', value: (r) => r.change },
      { header: '%', format: 'percent', value: (r) => r.pct, xlsx: false },
    ],
    rows,
    totalRows: [1],
    note: 'Both writers.',
    xlsx: { note: 'Workbook only.' },
  };

  it('prints figures in the PDF by the column format: "c" kept, missing a dash, never "-0"', () => {
    expect(toPdfTable(t)).toEqual({
      title: 'Contacts',
      columns: [
        { header: 'Week', width: '*' },
        { header: 'Contacts', align: 'right', width: 60 },
        { header: 'Change', align: 'right' },
        { header: '%', align: 'right' },
      ],
      rows: [
        ['Week 1', '1,234', '0', '46%'],
        ['Total', 'c', '+3', '–'],
      ],
      totalRows: [1],
      note: 'Both writers.',
    });
    expect(pdfText('difference', 2.6)).toBe('+3');
  });

  it('writes the same figures to the workbook with number formats from the same column formats', () => {
    const x = toXlsxTable(t);
    expect(x.columns).toEqual([
      { header: 'Week', key: 'label', width: 30 },
      { header: 'Week beginning', key: 'c1', width: 12, numFmt: 'dd/mm/yyyy' },
      { header: 'Contacts received', key: 'c2', width: 12, numFmt: '#,##0' },
      { header: 'Change', key: 'c3', width: 12, numFmt: '+#,##0;-#,##0;0' },
    ]);
    expect(x.rows).toEqual([
      { label: 'Week 1', c1: new Date('2020-02-03T00:00:00Z'), c2: 1234.4, c3: -0.4 },
      { label: 'Total', c1: null, c2: C, c3: 3 },
    ]);
    expect(x).toMatchObject({ sheet: 'Weekly', totalRows: [1], note: 'Workbook only.' });
    expect(
      toXlsxTable({ ...t, variant: 'restricted', columns: [{ header: '%', format: 'percent', value: (r) => r.pct }] })
        .columns[0]!.numFmt,
    ).toBe('0.0%');
  });
});
