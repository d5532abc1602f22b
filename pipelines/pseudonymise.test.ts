import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers/tmp.js';
import { silentLogger } from '../core/logger.js';
import { planColumn, writePseudonymisedWarehouse } from './pseudonymise.js';
import { withWarehouse } from '../core/warehouse.js';

describe('the pseudonymised warehouse column rules', () => {
  it('keeps keys, codes, labels, dates of events and measures', () => {
    for (const c of [
      'child_key',
      'worker_key',
      'contact_key',
      'birth_month',
      'measure_id',
      'measure_name',
      'team_name',
      'holiday_name',
      'sex_code',
      'ethnicity',
      'contact_date',
      'referral_date',
      'source_code',
      'comment_category',
      'reason_ended',
      'stage_description',
      'definition',
      'open_cases',
    ]) {
      expect(planColumn(c), c).toEqual({ action: 'keep' });
    }
  });

  it('leaves out system IDs, names, postcodes and addresses, and free text', () => {
    for (const c of [
      'child_id',
      'worker_id',
      'CHILD_ID',
      'contact_id',
      'id',
      'upn',
      'former_upn',
      'uln',
      'nhs_number',
      'complaint_reference',
      'case_number',
    ])
      expect(planColumn(c), c).toMatchObject({ action: 'drop', why: 'a system identifier' });
    for (const c of ['forename', 'surname', 'first_name', 'child_name', 'worker_name', 'full_name'])
      expect(planColumn(c), c).toMatchObject({ action: 'drop', why: "a person's name" });
    for (const c of ['postcode', 'placement_postcode', 'home_post_code', 'address_line_1', 'home_address', 'lsoa'])
      expect(planColumn(c), c).toMatchObject({ action: 'drop', why: 'where someone lives or is placed' });
    for (const c of ['notes', 'case_note', 'comments', 'free_text', 'summary', 'details'])
      expect(planColumn(c), c).toMatchObject({ action: 'drop', why: 'free text' });
  });

  it('keeps only the month of a date of birth', () => {
    expect(planColumn('date_of_birth')).toMatchObject({ action: 'birth-month', as: 'birth_month' });
    expect(planColumn('dob')).toMatchObject({ action: 'birth-month', as: 'birth_month' });
    expect(planColumn('mother_date_of_birth')).toMatchObject({
      action: 'birth-month',
      as: 'mother_date_of_birth_month',
    });
  });
});

describe('writePseudonymisedWarehouse', () => {
  it('copies marts and reference only, applies the rules, and leaves out a column holding system IDs under another name', async () => {
    const dir = tempDir('pseudonymise');
    const full = path.join(dir, 'warehouse.duckdb');
    await withWarehouse(full, {}, async (db) => {
      for (const s of ['raw', 'staging', 'intermediate', 'marts', 'reference']) await db.run(`CREATE SCHEMA ${s}`);
      await db.run("CREATE TABLE raw.children AS SELECT 'C100001' AS child_id");
      await db.run("CREATE TABLE staging.stg_case_management__workers AS SELECT 'W00011' AS worker_id");
      await db.run(
        "CREATE VIEW intermediate.int_children AS SELECT child_id FROM raw.children UNION ALL SELECT 'C100002'",
      );
      await db.run(`CREATE TABLE marts.fct_thing AS SELECT * FROM (VALUES
        ('k1', 'C100001', DATE '2012-07-19', 'SW1A 1AA', 'EDT', 'W00011', 3),
        ('k2', 'C100002', DATE '2013-02-03', 'B1 1AA', 'MASH', 'W00012', 4)) t(child_key, child_id, date_of_birth, postcode, team, allocated_to, n)`);
      await db.run('CREATE VIEW marts.v_thing AS SELECT * FROM marts.fct_thing');
      await db.run("CREATE TABLE reference.teams AS SELECT 'EDT' AS team_name");
    });
    const target = path.join(dir, 'warehouse-pseudonymised.duckdb');
    const summary = await writePseudonymisedWarehouse(full, target, silentLogger());
    expect(summary).toEqual({
      tables: 2,
      columns: 5,
      dropped: [
        'marts.fct_thing.child_id: a system identifier',
        'marts.fct_thing.postcode: where someone lives or is placed',
      ],
      leaking: ['marts.fct_thing.allocated_to'],
    });
    await withWarehouse(target, { readOnly: true }, async (db) => {
      expect(
        await db.json(
          "SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_catalog = current_database() ORDER BY 1",
        ),
      ).toEqual([{ t: 'marts.fct_thing' }, { t: 'reference.teams' }]);
      expect(await db.json('SELECT * FROM marts.fct_thing ORDER BY child_key')).toEqual([
        { child_key: 'k1', birth_month: '2012-07-01', team: 'EDT', n: 3 },
        { child_key: 'k2', birth_month: '2013-02-01', team: 'MASH', n: 4 },
      ]);
    });
  });
});
