// The same Annex A workbook, written by different programs, must read and land the same way every time.
// Writers differ in what the reader has to cope with: exceljs (shared strings after the sheets, workbook part
// last), Excel's own zip order (workbook first, shared strings after the sheets), openpyxl (inline strings, no
// shared strings, absolute part paths; here also with the sheets renamed Sheet1 …) and LibreOffice (shared
// strings in the middle of the sheets, sheets out of order in the zip). Each is read five times: a reader that
// depends on timing or on zip order gives a different answer on some try and fails here.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../pipelines/extract/extract.js';
import { ensureOpsSchema, writeRun } from '../pipelines/ops/ledger.js';
import { silentLogger } from '../core/logger.js';
import { withWarehouse } from '../core/warehouse.js';
import { readXlsxSheets } from '../sources/lib/xlsx-reader.js';
import { venvBinDir } from '../core/paths.js';
import { writeDemoAnnexA } from './helpers/annex-a-demo.js';
import { tempDir } from './helpers/tmp.js';

const READS = 5;
// Landing is the read plus checks; twice per writer shows it lands the same rows each time, in CI time.
const LANDINGS = 2;
const python = path.join(venvBinDir, 'python');
const soffice = ['soffice', 'libreoffice'].find(
  (cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0,
);

const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.stdout || r.error?.message}`);
};

// Excel's order: content types, package rels, workbook, its rels, the sheets, theme, styles, shared strings last.
const EXCEL_ORDER = `
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
rank = [lambda n: n == '[Content_Types].xml', lambda n: n.startswith('_rels/'), lambda n: n == 'xl/workbook.xml',
        lambda n: n.startswith('xl/_rels/'), lambda n: n.startswith('xl/worksheets/'), lambda n: n.startswith('xl/theme/'),
        lambda n: n == 'xl/styles.xml', lambda n: n == 'xl/sharedStrings.xml', lambda n: True]
key = lambda n: (next(i for i, r in enumerate(rank) if r(n)), int(''.join(c for c in n if c.isdigit()) or 0))
with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zo:
    for name in sorted((i.filename for i in zi.infolist() if not i.filename.endswith('/')), key=key):
        zo.writestr(name, zi.read(name))
`;

// The same workbook without two of its lists (as a re-save that lost sheets would be).
const DROP_SHEETS = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for name in sys.argv[3:]:
    del wb[name]
wb.save(sys.argv[2])
`;

// openpyxl's own writer: loads the workbook and saves it again (inline strings), the sheets renamed Sheet1 …
const OPENPYXL = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for i, ws in enumerate(wb.worksheets):
    ws.title = f'Sheet{i + 1}'
wb.save(sys.argv[2])
`;

interface Written {
  writer: string;
  file: string;
  /** Sheet names as the writer left them (openpyxl's copy is renamed). */
  renamed: boolean;
}

/** Every sheet's non-blank rows, as the reader gives them: what landing sees. */
async function readAll(file: string): Promise<{ sheet: string; rows: string[] }[]> {
  const out: { sheet: string; rows: string[] }[] = [];
  for await (const s of readXlsxSheets(file)) {
    const rows: string[] = [];
    for await (const r of s.records) rows.push(JSON.stringify([r.line, ...r.cells]));
    out.push({ sheet: s.sheet, rows });
  }
  return out;
}

describe('workbooks from different writers', () => {
  const dir = tempDir('writers');
  const reference = path.join(dir, 'exceljs', 'annex-a.xlsx');
  const written: Written[] = [];
  let sheets: Awaited<ReturnType<typeof writeDemoAnnexA>>['sheets'];

  beforeAll(async () => {
    mkdirSync(path.dirname(reference), { recursive: true });
    ({ sheets } = await writeDemoAnnexA(reference));
    written.push({ writer: 'exceljs', file: reference, renamed: false });
    const copy = (writer: string) => {
      mkdirSync(path.join(dir, writer), { recursive: true });
      return path.join(dir, writer, 'annex-a.xlsx');
    };
    const script = (name: string, text: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      return file;
    };
    script('drop-sheets.py', DROP_SHEETS);
    const excel = copy('excel-order');
    run(python, [script('reorder-like-excel.py', EXCEL_ORDER), reference, excel]);
    written.push({ writer: 'excel-order', file: excel, renamed: false });
    const openpyxl = copy('openpyxl');
    run(python, [script('resave-with-openpyxl.py', OPENPYXL), reference, openpyxl]);
    written.push({ writer: 'openpyxl', file: openpyxl, renamed: true });
    if (soffice) {
      const out = path.join(dir, 'libreoffice');
      // A profile of its own, so a LibreOffice the developer has open does not take the conversion over.
      run(soffice, [
        `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        out,
        reference,
      ]);
      written.push({ writer: 'libreoffice', file: path.join(out, 'annex-a.xlsx'), renamed: false });
    } else {
      console.warn(
        'workbook-writers: LibreOffice (soffice) is not installed, so its workbook is not tested here; apt-get install libreoffice-calc to include it (.ci/run does)',
      );
    }
  }, 600_000);

  it('puts the parts in the zip in the orders the writers really use', () => {
    const order = (file: string) => {
      const r = spawnSync(
        python,
        ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', file],
        { encoding: 'utf8' },
      );
      return r.stdout.trim().split('\n');
    };
    const at = (names: string[], part: string) => names.indexOf(part);
    for (const w of written) {
      const names = order(w.file);
      const firstSheet = names.findIndex((n) => n.startsWith('xl/worksheets/sheet'));
      if (w.writer === 'openpyxl')
        expect(names).not.toContain('xl/sharedStrings.xml'); // inline strings only
      else
        expect(at(names, 'xl/sharedStrings.xml'), `${w.writer}: shared strings come after a sheet`).toBeGreaterThan(
          firstSheet,
        );
    }
  });

  it("reads every writer's workbook to the same rows, five times over", async () => {
    const expected = await readAll(reference);
    // The reference itself against the simulation: the cover sheet and every list, each list's header and its rows.
    expect(expected.map((s) => s.sheet)).toEqual(['Cover', ...sheets.map((s) => s.sheet)]);
    expect(expected.slice(1).map((s) => s.rows.length)).toEqual(sheets.map((s) => s.rows + 2)); // a title row, the header row, the rows
    for (const w of written) {
      for (let read = 1; read <= READS; read++) {
        const got = await readAll(w.file);
        expect(
          got.map((s) => s.sheet),
          `${w.writer} read ${read}: sheet names in workbook order`,
        ).toEqual(w.renamed ? expected.map((_, i) => `Sheet${i + 1}`) : expected.map((s) => s.sheet));
        got.forEach((s, i) => expect(s.rows, `${w.writer} read ${read}: ${s.sheet}`).toEqual(expected[i]!.rows));
      }
    }
  });

  it("lands every list of every writer's workbook, the same rows each time, and lists the cover sheet as passed over", async () => {
    const digest = (db: Parameters<Parameters<typeof withWarehouse>[2]>[0], table: string) =>
      db.json<{ n: number; digest: string }>(
        `SELECT count(*)::INTEGER AS n, md5(string_agg(to_json(t)::VARCHAR, '|' ORDER BY _line_number)) AS digest
         FROM (SELECT * EXCLUDE (_load_id, _source_file, _file_checksum) FROM raw."${table}") t`,
      );
    let expected: unknown = null;
    for (const w of written) {
      for (let read = 1; read <= LANDINGS; read++) {
        const run = path.join(dir, `land-${w.writer}-${read}`);
        mkdirSync(path.join(run, 'in'), { recursive: true });
        copyFileSync(w.file, path.join(run, 'in', 'annex-a.xlsx'));
        const landed = await withWarehouse(path.join(run, 'w.duckdb'), {}, async (db) => {
          const summary = await extract(db, {
            inputDir: path.join(run, 'in'),
            runId: `writers-${w.writer}-${read}`,
            log: silentLogger(),
          });
          const tables = await db.json<{ t: string }>(
            "SELECT DISTINCT raw_table AS t FROM raw._loads WHERE status = 'loaded' ORDER BY 1",
          );
          const digests = [];
          for (const { t } of tables) digests.push({ table: t, ...(await digest(db, t))[0] });
          return { summary, digests };
        });
        const label = `${w.writer} landing ${read}`;
        expect(landed.summary.failed, label).toBe(0);
        expect(
          landed.summary.files.map((f) => [f.status, f.read, f.landed, f.rejected]),
          label,
        ).toEqual(sheets.map((s) => ['loaded', s.rows, s.rows, 0]));
        expect(landed.summary.passedOver, label).toEqual([
          {
            file: `annex-a.xlsx#${w.renamed ? 'Sheet1' : 'Cover'}`,
            reason: expect.stringContaining('is the header row of a known export'),
          },
        ]);
        expect(landed.summary.shortfalls, label).toEqual([]);
        expected ??= landed.digests;
        expect(landed.digests, label).toEqual(expected);
      }
    }
    expect(readdirSync(dir).filter((d) => d.startsWith('land-')).length).toBe(written.length * LANDINGS);
    expect(existsSync(reference)).toBe(true);
  });

  it('calls out a workbook that lands fewer lists than the previous one from its source, in the summary and the ops ledger', async () => {
    const folder = path.join(dir, 'fewer');
    mkdirSync(path.join(folder, 'in'), { recursive: true });
    copyFileSync(reference, path.join(folder, 'in', 'annex-a-march.xlsx'));
    const db = path.join(folder, 'w.duckdb');
    await withWarehouse(db, {}, (w) =>
      extract(w, { inputDir: path.join(folder, 'in'), runId: 'fewer-1', log: silentLogger() }),
    );
    // April's workbook comes without List 9 and List 10; March's is gone from the folder but its rows stay landed.
    const april = path.join(folder, 'in', 'annex-a-april.xlsx');
    run(python, [path.join(dir, 'drop-sheets.py'), reference, april, 'List 9 Care Leavers', 'L10 Adoption']);
    const { rmSync } = await import('node:fs');
    rmSync(path.join(folder, 'in', 'annex-a-march.xlsx'));
    await withWarehouse(db, {}, async (w) => {
      const summary = await extract(w, { inputDir: path.join(folder, 'in'), runId: 'fewer-2', log: silentLogger() });
      expect(summary.files.filter((f) => f.status === 'loaded')).toHaveLength(9);
      expect(summary.shortfalls).toEqual([
        expect.objectContaining({
          system: 'annex_a',
          workbook: 'annex-a-april.xlsx',
          previousWorkbook: 'annex-a-march.xlsx',
          missing: ['annex_a.list_10_adoption', 'annex_a.list_9_care_leavers'],
        }),
      ]);
      expect(summary.shortfalls[0]!.lists).toHaveLength(9);
      expect(summary.shortfalls[0]!.previousLists).toHaveLength(11);
      await ensureOpsSchema(w);
      await writeRun(w, {
        runId: 'fewer-2',
        status: 'succeeded',
        startedAt: new Date().toISOString(),
        inputDir: folder,
        stages: {},
        workbookShortfalls: summary.shortfalls,
      });
      expect(
        await w.json('SELECT workbook, lists, previous_workbook, previous_lists, missing FROM ops.workbook_shortfalls'),
      ).toEqual([
        {
          workbook: 'annex-a-april.xlsx',
          lists: 9,
          previous_workbook: 'annex-a-march.xlsx',
          previous_lists: 11,
          missing: ['annex_a.list_10_adoption', 'annex_a.list_9_care_leavers'],
        },
      ]);
    });
  });
});
