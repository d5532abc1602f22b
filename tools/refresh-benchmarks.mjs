#!/usr/bin/env node
// Refreshes the DfE comparator seeds (sql/seeds/benchmarks/) from a release of the DfE's Local Authority
// Interactive Tool data: github.com/dfe-analytical-services/local-authority-interactive-tool, folder
// 01_data/02_prod (bds_long_0.parquet or bds_long.csv, lait_data_dictionary.csv, sn_*.xlsx, la_code_list.xlsx).
//
//   node tools/refresh-benchmarks.mjs --lait path/to/01_data/02_prod [--neighbours sn_may_2025.xlsx] [--release 2026-04-08]
//
// Only the measures named in sql/seeds/benchmarks/kpi_benchmark_map.csv are kept (the one list of which DfE
// measures the warehouse compares with), for England, every region and every local authority, every year.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seeds = path.join(root, 'sql', 'seeds', 'benchmarks');

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const fail = (msg) => {
  console.error(`refresh-benchmarks: ${msg}`);
  process.exit(2);
};
const lait = opt('lait');
if (!lait || !existsSync(lait))
  fail(
    'name the LAIT data folder with --lait DIR (01_data/02_prod of dfe-analytical-services/local-authority-interactive-tool).',
  );
const inLait = (f) => path.join(lait, f);
const figures =
  ['bds_long_0.parquet', 'bds_long.csv'].map(inLait).find(existsSync) ??
  fail(`no bds_long_0.parquet or bds_long.csv in ${lait}`);
const dictionary = existsSync(inLait('lait_data_dictionary.csv'))
  ? inLait('lait_data_dictionary.csv')
  : fail(`no lait_data_dictionary.csv in ${lait}`);
const laList = existsSync(inLait('la_code_list.xlsx'))
  ? inLait('la_code_list.xlsx')
  : fail(`no la_code_list.xlsx in ${lait}`);
// The newest statistical-neighbour grouping unless one is named (files are sn_<month>_<year>.xlsx).
const snFiles = readdirSync(lait)
  .filter((f) => /^sn_[a-z]+_\d{4}\.xlsx$/i.test(f))
  .sort((a, b) => Number(a.match(/\d{4}/)[0]) - Number(b.match(/\d{4}/)[0]));
const neighbours = opt('neighbours')
  ? inLait(opt('neighbours'))
  : snFiles.length
    ? inLait(snFiles.at(-1))
    : fail(`no sn_*.xlsx in ${lait}`);
const grouping = path
  .basename(neighbours)
  .replace(/^sn_|\.xlsx$/gi, '')
  .replace('_', ' ')
  .replace(/^./, (c) => c.toUpperCase());

const wanted = readFileSync(path.join(seeds, 'kpi_benchmark_map.csv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((l) => l.split(',')[0]);

const csvCell = (v) => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const writeCsv = (file, header, rows) => {
  writeFileSync(
    path.join(seeds, file),
    [header.join(','), ...rows.map((r) => header.map((h) => csvCell(r[h])).join(','))].join('\n') + '\n',
  );
  console.log(`refresh-benchmarks: ${file}: ${rows.length} rows`);
};
const excelDate = (v) =>
  /^\d{5}$/.test(String(v ?? ''))
    ? new Date(Date.UTC(1899, 11, 30) + Number(v) * 86_400_000).toISOString().slice(0, 10)
    : null;

async function sheetRows(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const rows = [];
  ws.eachRow((row) =>
    rows.push(row.values.slice(1).map((c) => (c && typeof c === 'object' && 'result' in c ? c.result : c))),
  );
  return rows;
}

// ---- local authorities and their regions ----
const REGION_CODES = {
  'north east': 980,
  'north west': 981,
  'yorkshire and the humber': 982,
  'east midlands': 983,
  'west midlands': 984,
  'east of england': 985,
  london: 986,
  'south east': 987,
  'south west': 988,
};
// The list also names England and the regions (region 'NA'): those are areas, not authorities.
const laRows = (await sheetRows(laList)).filter((r) => Number.isInteger(r[0]) && r[2] && r[2] !== 'NA');
const las = laRows.map(([code, name, region, type]) => {
  // Inner and Outer London are compared with London as a whole, as the DfE's regional tables do.
  const regionName = /london/i.test(region) ? 'London' : region;
  return {
    la_code: code,
    la_name: name,
    la_type: type,
    region_name: regionName,
    region_code: REGION_CODES[regionName.toLowerCase()] ?? fail(`unknown region '${region}' for ${name}`),
  };
});

// ---- statistical neighbours: rank 1..10 per LA ----
// Data rows start with the LA number and name (the rows above hold column letters and numbers).
const snRows = (await sheetRows(neighbours)).filter((r) => Number.isInteger(r[0]) && typeof r[1] === 'string');
const sn = snRows.flatMap((r) =>
  Array.from({ length: 10 }, (_, i) => ({
    la_code: r[0],
    neighbour_rank: i + 1,
    neighbour_la_code: r[5 + i * 2],
    closeness: r[6 + i * 2],
    grouping,
  })).filter((x) => Number.isInteger(x.neighbour_la_code)),
);

// ---- figures and measure metadata, read with DuckDB ----
const db = await (await DuckDBInstance.create(':memory:')).connect();
const q = async (sql) => (await db.runAndReadAll(sql)).getRowObjectsJson();
const list = wanted.map((c) => `'${c.replace(/'/g, "''")}'`).join(',');
const read = figures.endsWith('.parquet') ? `read_parquet('${figures}')` : `read_csv('${figures}', all_varchar = true)`;
const measures = await q(`
  select Measure_short as dfe_measure_code, Measure as measure, Topic as topic, Polarity as polarity, Year_Type as year_type,
         y_axis_name as unit, "Last Update" as last_update
  from read_csv('${dictionary}', all_varchar = true)
  where Measure_short in (${list})
  order by 1`);
const missing = wanted.filter((c) => !measures.some((m) => m.dfe_measure_code === c));
if (missing.length)
  fail(`measures named in kpi_benchmark_map.csv but not in the LAIT data dictionary: ${missing.join(', ')}`);
const values = await q(`
  select "Short Desc" as dfe_measure_code, cast("Years" as integer) as year, cast("LA Number" as integer) as area_code,
         "LA and Regions" as area_name, try_cast("Values" as double) as value
  from ${read}
  where "Short Desc" in (${list}) and try_cast("Years" as integer) is not null and "LA Number" is not null
  order by 1, 2, 3`);

writeCsv(
  'dfe_measures.csv',
  ['dfe_measure_code', 'measure', 'topic', 'polarity', 'year_type', 'unit', 'last_update'],
  measures.map((m) => ({ ...m, last_update: excelDate(m.last_update) ?? m.last_update })),
);
writeCsv('dfe_figures.csv', ['dfe_measure_code', 'year', 'area_code', 'area_name', 'value'], values);
writeCsv('local_authorities.csv', ['la_code', 'la_name', 'la_type', 'region_code', 'region_name'], las);
writeCsv('statistical_neighbours.csv', ['la_code', 'neighbour_rank', 'neighbour_la_code', 'closeness', 'grouping'], sn);
const release = opt('release') ?? 'not stated';
writeFileSync(
  path.join(seeds, 'dfe_release.csv'),
  `source,release,statistical_neighbours,licence\n"DfE Local Authority Interactive Tool data (github.com/dfe-analytical-services/local-authority-interactive-tool, 01_data/02_prod)",${release},${grouping},"Open Government Licence v3.0: contains public sector information licensed under the Open Government Licence v3.0"\n`,
);
console.log(`refresh-benchmarks: done; check sql/seeds/benchmarks/ with git diff, then run csp run --force`);
