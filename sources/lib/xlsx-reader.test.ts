// The reader against hand-made workbook parts: what writers other than exceljs put in a sheet (inline and rich
// strings, phonetic guides, namespace prefixes, cells without references, booleans, errors, ISO and 1904 dates),
// and the part order and paths they use. The zip is made by Python's zipfile, in the order given.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { venvBinDir } from '../../core/paths.js';
import { tempDir } from '../../test/helpers/tmp.js';
import { columnOfRef, isDateFormatCode, readXlsxSheets } from './xlsx-reader.js';

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A zip of the given parts, stored in exactly this order. */
function zip(parts: [string, string][]): string {
  const dir = tempDir('xlsx-parts');
  const spec = path.join(dir, 'parts.json');
  writeFileSync(spec, JSON.stringify(parts));
  const out = path.join(dir, 'book.xlsx');
  const py =
    'import json, sys, zipfile\nwith zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:\n    [z.writestr(n, t) for n, t in json.load(open(sys.argv[1]))]';
  const r = spawnSync(path.join(venvBinDir, 'python'), ['-c', py, spec, out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return out;
}

async function read(file: string) {
  const out: { sheet: string; passedOver?: string; rows: (string | number)[][] }[] = [];
  for await (const s of readXlsxSheets(file)) {
    const rows: (string | number)[][] = [];
    for await (const r of s.records) rows.push([r.line, ...r.cells]);
    out.push({ sheet: s.sheet, ...(s.passedOver ? { passedOver: s.passedOver } : {}), rows });
  }
  return out;
}

const workbook = (sheets: string, pr = '') => `<workbook ${NS}>${pr}<sheets>${sheets}</sheets></workbook>`;
const rels = (items: [string, string, string][]) =>
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`).join('')}</Relationships>`;
const ROOT_RELS: [string, string] = ['_rels/.rels', rels([['rId1', 'officeDocument', 'xl/workbook.xml']])];
const STYLES = `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>`;

describe('readXlsxSheets', () => {
  it('resolves shared strings that come after the sheets, in workbook order, whatever the zip order', async () => {
    const sheet = (n: number) =>
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>${n}</v></c><c r="B1" s="1"><v>43922</v></c><c r="C1" s="2"><v>43922.4375</v></c><c r="D1"><v>3.5</v></c></row></sheetData></worksheet>`;
    const file = zip([
      ['xl/worksheets/sheet2.xml', sheet(1)],
      ['xl/worksheets/sheet1.xml', sheet(0)],
      ROOT_RELS,
      [
        'xl/workbook.xml',
        workbook('<sheet name="First" sheetId="1" r:id="rId1"/><sheet name="Second" sheetId="2" r:id="rId2"/>'),
      ],
      [
        'xl/_rels/workbook.xml.rels',
        rels([
          ['rId1', 'worksheet', 'worksheets/sheet1.xml'],
          ['rId2', 'worksheet', '/xl/worksheets/sheet2.xml'],
          ['rId3', 'sharedStrings', 'sharedStrings.xml'],
          ['rId4', 'styles', 'styles.xml'],
        ]),
      ],
      ['xl/styles.xml', STYLES],
      [
        'xl/sharedStrings.xml',
        `<sst ${NS}><si><t>alpha</t></si><si><r><t>be</t></r><r><rPr><b/></rPr><t>ta</t></r><rPh><t>ベータ</t></rPh></si></sst>`,
      ],
    ]);
    for (let i = 0; i < 3; i++) {
      expect(await read(file)).toEqual([
        { sheet: 'First', rows: [[1, 'alpha', '2020-04-01', '2020-04-01 10:30:00', '3.5']] },
        { sheet: 'Second', rows: [[1, 'beta', '2020-04-01', '2020-04-01 10:30:00', '3.5']] },
      ]);
    }
  });

  it('reads inline strings, prefixed elements, cells without references, booleans, errors, ISO and 1904 dates', async () => {
    const sheet = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:r><x:t xml:space="preserve">Child </x:t></x:r><x:r><x:t>ID</x:t></x:r></x:is></x:c><x:c r="D2" t="b"><x:v>1</x:v></x:c></x:row>
      <x:row><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="d"><x:v>2021-03-31T00:00:00</x:v></x:c><x:c s="1"><x:v>0</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>formula text</x:v></x:c></x:row>
      <x:row r="5"><x:c r="A5"/><x:c r="B5" t="inlineStr"><x:is><x:t>  </x:t></x:is></x:c></x:row>
    </x:sheetData></x:worksheet>`;
    const file = zip([
      ROOT_RELS,
      [
        'xl/workbook.xml',
        workbook(
          '<sheet name="Sheet1" sheetId="1" r:id="rId1"/><sheet name="Chart" sheetId="2" r:id="rId2"/>',
          '<workbookPr date1904="1"/>',
        ),
      ],
      [
        'xl/_rels/workbook.xml.rels',
        rels([
          ['rId1', 'worksheet', 'worksheets/sheet1.xml'],
          ['rId2', 'chartsheet', 'chartsheets/sheet1.xml'],
          ['rId4', 'styles', 'styles.xml'],
        ]),
      ],
      ['xl/styles.xml', STYLES],
      ['xl/worksheets/sheet1.xml', sheet],
      ['xl/chartsheets/sheet1.xml', `<chartsheet ${NS}/>`],
    ]);
    expect(await read(file)).toEqual([
      // Row 5 holds only blanks, so it is left out like an empty CSV line; 0 in the 1904 system is 1 January 1904.
      {
        sheet: 'Sheet1',
        rows: [
          [2, '', 'Child ID', '', 'true'],
          [3, '#N/A', '2021-03-31', '1904-01-01', 'formula text'],
        ],
      },
      { sheet: 'Chart', passedOver: 'is a chart sheet, not a table', rows: [] },
    ]);
  });

  it('says which part is missing rather than reading a sheet as empty', async () => {
    const file = zip([
      ROOT_RELS,
      ['xl/workbook.xml', workbook('<sheet name="Lost" sheetId="1" r:id="rId1"/>')],
      ['xl/_rels/workbook.xml.rels', rels([['rId1', 'worksheet', 'worksheets/sheet9.xml']])],
    ]);
    await expect(read(file)).rejects.toThrow("its sheet 'Lost' has no part in the zip (xl/worksheets/sheet9.xml)");
  });
});

describe('number formats and cell references', () => {
  it.each([
    ['dd/mm/yyyy', true],
    ['[$-809]dd mmmm yyyy;@', true],
    ['h:mm AM/PM', true],
    ['General', false],
    ['0.00%', false],
    ['#,##0 "days"', false],
    ['0.0\\h', false],
    ['[Red]0.00', false],
  ])('%s shows a date: %s', (code, date) => expect(isDateFormatCode(code)).toBe(date));

  it.each([
    ['A1', 1],
    ['Z9', 26],
    ['AA10', 27],
    ['XFD1048576', 16384],
  ])('%s is column %i', (ref, col) => expect(columnOfRef(ref)).toBe(col));
});
