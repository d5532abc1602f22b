// Row rules of the case-management contracts: each bad input is rejected with its own plain-English reason.
import { describe, expect, it } from 'vitest';
import { compileContract, type Contract, type RowResult } from '../lib/contract.js';
import { careLeaverContactsContract } from './care-leaver-contacts/contract.js';
import { childrenContract } from './children/contract.js';
import { claEpisodesContract } from './cla-episodes/contract.js';
import { missingEpisodesContract } from './missing-episodes/contract.js';
import { workersContract } from './workers/contract.js';

const check = (c: Contract, row: Record<string, string>): RowResult => compileContract(c).validate(row);
const reasons = (r: RowResult) => (r.ok ? [] : r.problems.map((p) => p.reason));

describe('case-management contracts', () => {
  it('children: codes with labels, Annex A prefixes and Y/N spellings', () => {
    const r = check(childrenContract, {
      child_id: 'C1',
      date_of_birth: '29/02/2008',
      sex: 'b) 2 Female',
      ethnicity: 'WBRI - White British',
      disability: 'No',
      uasc: '',
    });
    expect(r).toEqual({
      ok: true,
      row: { child_id: 'C1', date_of_birth: '2008-02-29', sex: '2', ethnicity: 'WBRI', disability: false, uasc: null },
    });
    expect(
      reasons(
        check(childrenContract, {
          child_id: 'C1',
          date_of_birth: '29/02/2009',
          sex: '3',
          ethnicity: 'XXXX',
          disability: 'Y',
        }),
      ),
    ).toEqual([
      "Date of Birth '29/02/2009' is not a real date (expected dd/mm/yyyy, yyyy-mm-dd or an Excel date number)",
      "Sex '3' is not a known code (expected one of 0, 1, 2, 9)",
      expect.stringMatching(/^Ethnicity 'XXXX' is not a known code/),
    ]);
  });

  it('CLA episodes: an end needs a reason, and a reason needs an end', () => {
    const base = {
      episode_id: 'E1',
      child_id: 'C1',
      start_date: '01/04/2020',
      reason_new_episode: 'S',
      legal_status: 'C1',
      category_of_need: 'N1',
      placement_type: 'U6',
    };
    expect(check(claEpisodesContract, { ...base, end_date: '01/06/2020', reason_ended: 'E4A' }).ok).toBe(true);
    expect(reasons(check(claEpisodesContract, { ...base, end_date: '01/06/2020' }))).toEqual([
      'Episode End Date is given but the Reason Episode Ceased is blank',
    ]);
    expect(reasons(check(claEpisodesContract, { ...base, reason_ended: 'E45' }))).toEqual([
      'Reason Episode Ceased is given but the Episode End Date is blank',
    ]);
    expect(reasons(check(claEpisodesContract, { ...base, end_date: '01/03/2020', reason_ended: 'E11' }))).toEqual([
      'Episode End Date 2020-03-01 is before the Episode Start Date 2020-04-01',
    ]);
  });

  it('care leaver contacts: activity 0 only for those who died or returned home', () => {
    const base = { care_leaver_contact_id: 'L1', child_id: 'C1', contact_date: '01/04/2020' };
    expect(check(careLeaverContactsContract, { ...base, in_touch: 'DIED', activity: '0' }).ok).toBe(true);
    expect(reasons(check(careLeaverContactsContract, { ...base, in_touch: 'DIED', activity: 'F2' }))).toEqual([
      'In Touch is DIED so Main Activity should be 0, not F2',
    ]);
    expect(reasons(check(careLeaverContactsContract, { ...base, in_touch: 'YES', activity: '0' }))).toEqual([
      'Main Activity is 0 but In Touch is YES: give the activity',
    ]);
    expect(
      check(careLeaverContactsContract, {
        ...base,
        in_touch: 'yes',
        activity: 'F3',
        accommodation: 'U',
        accommodation_suitable: 'Y',
      }).ok,
    ).toBe(true); // legacy code still valid
  });

  it('workers: FTE is a number between 0 and 1', () => {
    const base = {
      worker_id: 'W1',
      team: 'MASH',
      role: 'Social worker',
      employment_type: 'AGENCY',
      start_date: '2019-01-07',
    };
    expect(check(workersContract, { ...base, fte: '0.8' })).toMatchObject({ ok: true, row: { fte: 0.8, role: 'SW' } });
    expect(reasons(check(workersContract, { ...base, fte: '1.5' }))).toEqual(['FTE 1.5 is not between 0 and 1']);
    expect(reasons(check(workersContract, { ...base, fte: 'full' }))).toEqual(["FTE 'full' is not a number"]);
  });

  it('missing episodes: a return interview is accepted only when offered', () => {
    const base = {
      missing_id: 'M1',
      child_id: 'C1',
      missing_type: 'Missing',
      start_at: '01/04/2020 22:10',
      end_at: '02/04/2020 09:00',
    };
    expect(check(missingEpisodesContract, { ...base, ri_offered: 'Y', ri_accepted: 'Y' }).ok).toBe(true);
    expect(reasons(check(missingEpisodesContract, { ...base, ri_offered: 'N', ri_accepted: 'Y' }))).toEqual([
      'Return Interview Accepted is Y but it was not offered',
    ]);
  });

  it('missing episodes: an offer date only with an offer, and not before the child went missing', () => {
    const base = {
      missing_id: 'M1',
      child_id: 'C1',
      missing_type: 'Missing',
      start_at: '01/04/2020 22:10',
      end_at: '02/04/2020 09:00',
    };
    expect(
      check(missingEpisodesContract, { ...base, ri_offered: 'Y', ri_offered_at: '04/04/2020 10:00' }),
    ).toMatchObject({ ok: true, row: { ri_offered_at: '2020-04-04 10:00:00' } });
    expect(
      reasons(check(missingEpisodesContract, { ...base, ri_offered: 'N', ri_offered_at: '04/04/2020 10:00' })),
    ).toEqual(['Return Interview Offered Date is given but Return Interview Offered is not Y']);
    expect(
      reasons(check(missingEpisodesContract, { ...base, ri_offered: 'Y', ri_offered_at: '31/03/2020 10:00' })),
    ).toEqual(['Return Interview Offered Date 2020-03-31 is before the Missing Start 2020-04-01']);
  });
});
