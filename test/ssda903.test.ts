// SSDA903 CSV files land by content, with the return's own rules checked row by row.
import { readdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../pipelines/extract/extract.js';
import { dbtBuild } from '../pipelines/transform/dbt.js';
import { silentLogger } from '../core/logger.js';
import { withWarehouse } from '../core/warehouse.js';
import { tempDir, writeCsv } from './helpers/tmp.js';

describe('SSDA903 files', () => {
  it('are recognised by their DfE headers, whatever the file is called, and checked against the code lists', async () => {
    const dir = tempDir('903');
    const input = path.join(dir, 'in');
    writeCsv(path.join(input, 'file1.csv'), [
      ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
      ['101', '1', '01/02/2005', 'WBRI', '', '', ''],
      ['102', '2', '15/07/2003', 'MWBC', '', '1', '03/03/2020'],
    ]);
    writeCsv(path.join(input, 'file2.csv'), [
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
      ['101', '01/04/2019', 'S', 'C2', 'N1', 'U4', 'PR1', '01/02/2021', 'E17', '', 'DY1 1', 'DY2 2', ''],
      ['102', '10/01/2018', 'S', 'V2', 'N4', 'K2', 'PR4', '', 'E45', '', '', '', ''], // REC without DEC: a DfE finding, not a refusal
    ]);
    writeCsv(path.join(input, 'file3.csv'), [
      ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
      ['101', '01/02/2005', '20/04/2019', 'PN1'],
    ]);
    writeCsv(path.join(input, 'file4.csv'), [
      ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
      ['101', '01/02/2005', 'YES', 'F3', 'U1'], // legacy F3 still EET; U1 = independent living, suitable
      ['102', '15/07/2003', 'DIED', 'F2', '0'], // died, yet an activity is given: a DfE finding, not a refusal
      ['103', '15/07/2003', 'RHOM', '0', '0'],
      ['104', '15/07/2003', 'YES', 'G5', 'S2'],
    ]);
    // The return was taken on 1 April 2021 (file times are what "data as at" and OC3's dating use).
    const asAt = new Date('2021-04-01T07:00:00Z');
    for (const f of readdirSync(input)) utimesSync(path.join(input, f), asAt, asAt);
    await withWarehouse(path.join(dir, 'w.duckdb'), {}, async (db) => {
      const summary = await extract(db, { inputDir: input, runId: '20210401T000000Z-903', log: silentLogger() });
      expect(summary.files.map((f) => [f.file, f.source, f.read, f.landed, f.rejected])).toEqual([
        ['file1.csv', 'ssda903.header', 2, 2, 0],
        ['file2.csv', 'ssda903.episodes', 2, 2, 0],
        ['file3.csv', 'ssda903.reviews', 1, 1, 0],
        ['file4.csv', 'ssda903.oc3', 4, 4, 0],
      ]);
      const rejects = await db.json<{ source_file: string; line_number: number; column_name: string; reason: string }>(
        'SELECT source_file, line_number::INTEGER AS line_number, column_name, reason FROM raw._rejects ORDER BY source_file',
      );
      // Cross-field rules (REC without DEC, ACTIV given for a young person who died) are DfE validation findings:
      // the rows land (issue 16 reports them), so no child drops out of the figures.
      expect(rejects).toEqual([]);
      const oc3 = await db.json<{ child_id: string; activity: string; accommodation: string }>(
        'SELECT child_id, activity, accommodation FROM raw.ssda903__oc3 ORDER BY child_id',
      );
      expect(oc3).toEqual([
        { child_id: '101', activity: 'F3', accommodation: 'U1' },
        { child_id: '102', activity: 'F2', accommodation: '0' },
        { child_id: '103', activity: '0', accommodation: '0' },
        { child_id: '104', activity: 'G5', accommodation: 'S2' },
      ]);
    });

    // With no case-management export at all, the children-in-care facts fill from the return.
    const built = await dbtBuild({
      warehouse: path.join(dir, 'w.duckdb'),
      workDir: dir,
      logDir: path.join(dir, 'logs'),
      log: silentLogger(),
    });
    expect(built.failures).toEqual([]);
    await withWarehouse(path.join(dir, 'w.duckdb'), { readOnly: true }, async (db) => {
      const periods = await db.json<Record<string, unknown>>(
        `SELECT strftime(entered_care_date, '%Y-%m-%d') AS entered, strftime(left_care_date, '%Y-%m-%d') AS left_care, reason_ended, care_outcome,
                strftime(first_review_date, '%Y-%m-%d') AS first_review, is_first_review_on_time
         FROM marts.fct_permanency ORDER BY entered_care_date DESC`,
      );
      // Child 101: in care 1 April 2019 to 1 February 2021 (E17); first review Saturday 20 April 2019, 13 working
      // days after entry (Good Friday 19 April excluded), so on time. Child 102's episode has a REC but no DEC: it
      // lands, and staging treats it as still open (the REC is ignored); no review is recorded for it.
      expect(periods).toEqual([
        {
          entered: '2019-04-01',
          left_care: '2021-02-01',
          reason_ended: 'E17',
          care_outcome: 'Leaving care',
          first_review: '2019-04-20',
          is_first_review_on_time: true,
        },
        {
          entered: '2018-01-10',
          left_care: null,
          reason_ended: null,
          care_outcome: null,
          first_review: null,
          is_first_review_on_time: false,
        },
      ]);
      const sources = await db.json<{ record_source: string }>(
        'SELECT DISTINCT record_source FROM intermediate.int_cla_episodes',
      );
      expect(sources).toEqual([{ record_source: 'stg_ssda903__episodes' }]);
      // Care leavers from OC3: 101 left care on their 16th birthday (1 February 2021) after 22 months, so is a
      // care leaver; OC3 dates their record at that birthday: aged 16, F3 (legacy EET), in suitable
      // independent living. 103 (returned home) and 104 have no episode in the return, so are not counted.
      const leavers = await db.json<Record<string, unknown>>(
        `SELECT strftime(month_end, '%Y-%m-%d') AS month_end, age::INTEGER AS age, activity_status, is_accommodation_suitable FROM marts.fct_care_leaver_eet ORDER BY month_end`,
      );
      expect(leavers).toEqual([
        { month_end: '2021-02-28', age: 16, activity_status: 'EET', is_accommodation_suitable: true },
        { month_end: '2021-03-31', age: 16, activity_status: 'EET', is_accommodation_suitable: true },
      ]);
      const neet = await db.json<{ numerator: number; denominator: number }>(
        "SELECT numerator, denominator FROM marts.kpi_monthly WHERE measure_id = 'care_leavers_16_18_neet' AND period_type = 'month' AND period_label = 'March 2021'",
      );
      expect(neet).toEqual([{ numerator: 0, denominator: 1 }]);
    });
  });
});
