// The rest of the SSDA903 (AD1, PlacedAdoption, PrevPerm, Missing, UASC, OC2, SWEpisodes) and the 903 as XML:
// every file lands by content into the same raw tables as the CSVs, and overlapping episodes are cut, not
// double counted.
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../pipelines/extract/extract.js';
import { silentLogger } from '../core/logger.js';
import { dbtBuild } from '../pipelines/transform/dbt.js';
import { withWarehouse } from '../core/warehouse.js';
import { tempDir, writeCsv } from './helpers/tmp.js';

const episode = (e: Record<string, string>) =>
  `<Episode>${Object.entries(e)
    .map(([k, v]) => (v ? `<${k}>${v}</${k}>` : `<${k}/>`))
    .join('')}</Episode>`;

// Child A1: two episodes that overlap (the first says it ended on 15 October, the second began on 1 October),
// then adopted. Child A2 (header items wrapped in <Header>): an open episode followed by another open one.
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Header><CollectionDetails><Collection>SSDA903</Collection><Year>2020</Year><ReferenceDate>2020-03-31</ReferenceDate></CollectionDetails></Header>
  <Children>
    <Child>
      <CHILD>A1</CHILD><SEX>1</SEX><DOB>2018-01-15</DOB><ETHNIC>WBRI</ETHNIC><UPN/><MOTHER/><MC_DOB/>
      <Episodes>
        ${episode({ DECOM: '2019-05-01', RNE: 'S', LS: 'C2', CIN: 'N1', PLACE: 'U6', PLACE_PROVIDER: 'PR1', DEC: '2019-10-15', REC: 'X1' })}
        ${episode({ DECOM: '2019-10-01', RNE: 'P', LS: 'E1', CIN: 'N1', PLACE: 'A5', PLACE_PROVIDER: 'PR1', DEC: '2020-06-30', REC: 'E11' })}
      </Episodes>
      <Reviews><Review><REVIEW>2019-05-20</REVIEW><REVIEW_CODE>PN0</REVIEW_CODE></Review></Reviews>
    </Child>
    <Child>
      <Header><CHILD>A2</CHILD><SEX>1</SEX><DOB>2004-02-02</DOB><ETHNIC>BAFR</ETHNIC></Header>
      <Episodes>
        ${episode({ DECOM: '2019-06-01', RNE: 'S', LS: 'V2', CIN: 'N4', PLACE: 'U6', PLACE_PROVIDER: 'PR4', DEC: '', REC: '' })}
        ${episode({ DECOM: '2020-01-10', RNE: 'P', LS: 'V2', CIN: 'N4', PLACE: 'U4', PLACE_PROVIDER: 'PR4', DEC: '', REC: '' })}
      </Episodes>
      <MissingEpisode><MISSING>M</MISSING><MIS_START>2019-08-03</MIS_START><MIS_END>2019-08-04</MIS_END></MissingEpisode>
    </Child>
  </Children>
</Message>
`;

describe('SSDA903: the remaining files and the XML return', () => {
  it('land by content into the 903 tables, with the DfE code lists checked, and fill the permanency facts', async () => {
    const dir = tempDir('903more');
    const input = path.join(dir, 'in');
    mkdirSync(input, { recursive: true });
    writeFileSync(path.join(input, 'return.xml'), XML);
    writeCsv(path.join(input, 'b1-header.csv'), [
      ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
      ['B1', '2', '11/09/2006', 'WBRI', '', '', ''],
    ]);
    writeCsv(path.join(input, 'b1-episodes.csv'), [
      [
        'CHILD',
        'DECOM',
        'RNE',
        'LS',
        'CIN',
        'PLACE',
        'PLACE_PROVIDER',
        'DEC',
        'REC',
        'REASON_PLACE_CHANGE',
        'HOME_POST',
        'PL_POST',
        'URN',
      ],
      ['B1', '01/03/2020', 'S', 'C1', 'N1', 'K2', 'PR4', '', '', '', '', '', ''],
    ]);
    writeCsv(path.join(input, 'ad1.csv'), [
      ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
      ['A1', '15/01/2018', '01/09/2019', '20/09/2019', '0', '2', 'MF', 'L11'],
      ['Z9', '15/01/2017', '01/09/2019', '20/09/2019', '0', '2', 'XX', 'L11'], // not a DfE code
    ]);
    writeCsv(path.join(input, 'placed.csv'), [
      ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
      ['A1', '15/01/2018', '28/08/2019', '30/06/2020', 'RD1'],
    ]);
    writeCsv(path.join(input, 'prevperm.csv'), [
      ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
      ['A2', '02/02/2004', 'P2', '999', 'zz/06/2015'],
    ]);
    writeCsv(path.join(input, 'missing.csv'), [
      ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
      ['B1', '11/09/2006', 'A', '10/03/2020', '08/03/2020'],
    ]); // returned before going
    writeCsv(path.join(input, 'uasc.csv'), [
      ['CHILD', 'SEX', 'DOB', 'DUC'],
      ['A2', '1', '02/02/2004', '02/02/2022'],
    ]);
    writeCsv(path.join(input, 'oc2.csv'), [
      [
        'CHILD',
        'DOB',
        'SDQ_SCORE',
        'SDQ_REASON',
        'CONVICTED',
        'HEALTH_CHECK',
        'IMMUNISATIONS',
        'TEETH_CHECK',
        'HEALTH_ASSESSMENT',
        'SUBSTANCE_MISUSE',
        'INTERVENTION_RECEIVED',
        'INTERVENTION_OFFERED',
      ],
      ['A2', '02/02/2004', '14', '', '0', '1', '1', '1', '1', '0', '', ''],
      ['A3', '02/02/2004', '14', 'SDQ2', '0', '1', '1', '1', '1', '0', '', ''], // score and reason: a DfE finding, lands
    ]);
    // SWEpisodes as the DfE lays it out (with DOB, which this fixture once lacked).
    writeCsv(path.join(input, 'sw.csv'), [
      ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
      ['A2', '02/02/2004', 'SW123', '01/06/2019', '', ''],
      ['A1', '15/01/2018', 'SW9', '01/05/2019', '01/10/2019', 'HOLIDAY'],
    ]);
    writeCsv(path.join(input, 'dolo.csv'), [
      ['CHILD', 'DOB', 'DOLO_START', 'DOLO_END'],
      ['A2', '02/02/2004', '01/02/2020', ''],
    ]);
    const asAt = new Date('2020-07-01T07:00:00Z');
    for (const f of readdirSync(input)) utimesSync(path.join(input, f), asAt, asAt);

    await withWarehouse(path.join(dir, 'w.duckdb'), {}, async (db) => {
      const summary = await extract(db, { inputDir: input, runId: '20200701T000000Z-903', log: silentLogger() });
      expect(summary.files.map((f) => [f.file, f.source, f.read, f.landed, f.rejected])).toEqual([
        ['ad1.csv', 'ssda903.ad1', 2, 1, 1],
        ['b1-episodes.csv', 'ssda903.episodes', 1, 1, 0],
        ['b1-header.csv', 'ssda903.header', 1, 1, 0],
        ['dolo.csv', 'ssda903.dolo', 1, 1, 0],
        ['missing.csv', 'ssda903.missing', 1, 0, 1],
        ['oc2.csv', 'ssda903.oc2', 2, 2, 0],
        ['placed.csv', 'ssda903.placed_adoption', 1, 1, 0],
        ['prevperm.csv', 'ssda903.prev_perm', 1, 1, 0],
        ['return.xml#header', 'ssda903.header', 2, 2, 0],
        ['return.xml#episodes', 'ssda903.episodes', 4, 4, 0],
        ['return.xml#reviews', 'ssda903.reviews', 1, 1, 0],
        ['return.xml#missing', 'ssda903.missing', 1, 1, 0],
        ['sw.csv', 'ssda903.sw_episodes', 2, 1, 1],
        ['uasc.csv', 'ssda903.uasc', 1, 1, 0],
      ]);
      const rejects = await db.json<{ source_file: string; line_number: number; column_name: string; reason: string }>(
        'SELECT source_file, line_number::INTEGER AS line_number, column_name, reason FROM raw._rejects ORDER BY source_file',
      );
      expect(rejects).toEqual([
        {
          source_file: 'ad1.csv',
          line_number: 3,
          column_name: 'SEX_ADOPTR',
          reason: "SEX_ADOPTR 'XX' is not a known code (expected one of M1, F1, MM, FF, MF)",
        },
        {
          source_file: 'missing.csv',
          line_number: 2,
          column_name: 'MIS_END',
          reason: 'MIS_END 2020-03-08 is before the MIS_START 2020-03-10',
        },
        {
          source_file: 'sw.csv',
          line_number: 3,
          column_name: 'SW_REASON',
          reason: expect.stringMatching(/^SW_REASON 'HOLIDAY' is not a known code/),
        },
      ]);
      // The XML and the CSVs fill the same raw table.
      const episodes = await db.json<{ child_id: string; source: string; start: string }>(
        "SELECT child_id, _source_file AS source, strftime(start_date, '%Y-%m-%d') AS start FROM raw.ssda903__episodes ORDER BY child_id, start_date",
      );
      expect(episodes).toEqual([
        { child_id: 'A1', source: 'return.xml#episodes', start: '2019-05-01' },
        { child_id: 'A1', source: 'return.xml#episodes', start: '2019-10-01' },
        { child_id: 'A2', source: 'return.xml#episodes', start: '2019-06-01' },
        { child_id: 'A2', source: 'return.xml#episodes', start: '2020-01-10' },
        { child_id: 'B1', source: 'b1-episodes.csv', start: '2020-03-01' },
      ]);
    });

    const built = await dbtBuild({
      warehouse: path.join(dir, 'w.duckdb'),
      workDir: dir,
      logDir: path.join(dir, 'logs'),
      log: silentLogger(),
    });
    expect(built.failures).toEqual([]);
    await withWarehouse(path.join(dir, 'w.duckdb'), { readOnly: true }, async (db) => {
      // Overlaps: A1's first episode is cut at 1 October (not 15 October); A2's open first episode ends when the
      // second starts and rolls over (X1). Nothing else is changed.
      const staged = await db.json<Record<string, unknown>>(
        "SELECT child_id, strftime(start_date, '%Y-%m-%d') AS start, strftime(end_date, '%Y-%m-%d') AS end_date, reason_ended, is_overlap_trimmed FROM staging.stg_ssda903__episodes ORDER BY child_id, start_date",
      );
      expect(staged).toEqual([
        { child_id: 'A1', start: '2019-05-01', end_date: '2019-10-01', reason_ended: 'X1', is_overlap_trimmed: true },
        { child_id: 'A1', start: '2019-10-01', end_date: '2020-06-30', reason_ended: 'E11', is_overlap_trimmed: false },
        { child_id: 'A2', start: '2019-06-01', end_date: '2020-01-10', reason_ended: 'X1', is_overlap_trimmed: true },
        { child_id: 'A2', start: '2020-01-10', end_date: null, reason_ended: null, is_overlap_trimmed: false },
        { child_id: 'B1', start: '2020-03-01', end_date: null, reason_ended: null, is_overlap_trimmed: false },
      ]);
      const periods = await db.json<Record<string, unknown>>(
        `SELECT strftime(entered_care_date, '%Y-%m-%d') AS entered, strftime(left_care_date, '%Y-%m-%d') AS left_care, care_outcome,
                strftime(adm_decision_date, '%Y-%m-%d') AS adm, strftime(matched_date, '%Y-%m-%d') AS matched,
                strftime(placed_for_adoption_date, '%Y-%m-%d') AS placed, strftime(adoption_order_date, '%Y-%m-%d') AS order_date,
                days_adm_decision_to_match::INTEGER AS to_match, days_match_to_placed::INTEGER AS to_placed, days_placed_to_order::INTEGER AS to_order
         FROM marts.fct_permanency ORDER BY entered_care_date`,
      );
      // One period each (the overlap did not split or double a period); A1's adoption milestones come from
      // PlacedAdoption (decision 28 August), AD1 (match 20 September) and the episodes (placed 1 October, order 30 June).
      expect(periods).toEqual([
        {
          entered: '2019-05-01',
          left_care: '2020-06-30',
          care_outcome: 'Adoption',
          adm: '2019-08-28',
          matched: '2019-09-20',
          placed: '2019-10-01',
          order_date: '2020-06-30',
          to_match: 23,
          to_placed: 11,
          to_order: 273,
        },
        {
          entered: '2019-06-01',
          left_care: null,
          care_outcome: null,
          adm: null,
          matched: null,
          placed: null,
          order_date: null,
          to_match: null,
          to_placed: null,
          to_order: null,
        },
        {
          entered: '2020-03-01',
          left_care: null,
          care_outcome: null,
          adm: null,
          matched: null,
          placed: null,
          order_date: null,
          to_match: null,
          to_placed: null,
          to_order: null,
        },
      ]);
      const children = await db.json<{ child_id: string; is_uasc: boolean }>(
        'SELECT child_id, is_uasc FROM intermediate.int_children ORDER BY child_id',
      );
      expect(children).toEqual([
        { child_id: 'A1', is_uasc: false },
        { child_id: 'A2', is_uasc: true },
        { child_id: 'B1', is_uasc: false },
      ]);
      const missing = await db.json<{ missing_id: string; missing_type: string }>(
        'SELECT missing_id, missing_type FROM staging.stg_ssda903__missing',
      );
      expect(missing).toEqual([{ missing_id: '903:A2:2019-08-03', missing_type: 'Missing' }]);
      const dolo = await db.json<Record<string, unknown>>(
        "SELECT dolo_id, strftime(start_date, '%Y-%m-%d') AS start_date, end_date FROM staging.stg_ssda903__dolo",
      );
      expect(dolo).toEqual([{ dolo_id: '903:A2:2020-02-01', start_date: '2020-02-01', end_date: null }]);
    });
  }, 600_000);
});
