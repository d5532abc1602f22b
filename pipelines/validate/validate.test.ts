import { describe, expect, it } from 'vitest';
import { summaryLine } from '../ops/guarded-run.js';
import { shouldNotify } from '../ops/notify.js';
import type { RunRecord } from '../run.js';
import { collectionYearOf, fileOfStream } from './returns.js';
import { findingKeys, sourceFileOf } from './store.js';
import { describeValidation, risenReturns, type ValidationSummary } from './validate.js';

describe('collection years and files', () => {
  it('names a collection year by its end: 1 April to 31 March', () => {
    expect(collectionYearOf('2024-03-31')).toBe(2024);
    expect(collectionYearOf('2024-04-01')).toBe(2025);
    expect(collectionYearOf('2023-12-25')).toBe(2024);
  });
  it('finds the file a landed XML stream came from, and the stream a CIN table lands in', () => {
    expect(fileOfStream('returns/census.xml#assessments')).toBe('returns/census.xml');
    expect(fileOfStream('ssda903/episodes.csv')).toBe('ssda903/episodes.csv');
    const f = {
      rule: '8608',
      child: 'C1',
      table: 'Assessments',
      row: 0,
      file: '/in/cin/census.xml',
      line: 41,
      fields: [],
      values: [],
    };
    expect(sourceFileOf('cin_census', f, '/in')).toBe('cin/census.xml#assessments');
    expect(sourceFileOf('ssda903', { ...f, table: 'Episodes', file: '/in/903/episodes.csv' }, '/in')).toBe(
      '903/episodes.csv',
    );
  });
  it('keys a finding by what it is, not where it is, and tells repeats apart', () => {
    const f = {
      rule: '148',
      child: 'C1',
      table: 'Episodes',
      row: 3,
      file: '/a.csv',
      line: 5,
      fields: ['DEC', 'REC'],
      values: [null, 'E11'],
    };
    const [k1, k2, k3] = findingKeys('ssda903', 2024, [f, { ...f, row: 9, line: 11 }, { ...f, values: [null, 'E12'] }]);
    expect(k1).not.toBe(k2); // the same row twice is two findings
    expect(findingKeys('ssda903', 2024, [{ ...f, line: 99, row: 97, file: '/b.csv' }])[0]).toBe(k1);
    expect(k3).not.toBe(k1);
    expect(findingKeys('ssda903', 2025, [f])[0]).not.toBe(k1);
  });
});

describe('what the run says about validation', () => {
  const v = (open: number, previousOpen?: number): ValidationSummary => ({
    status: 'validated',
    ms: 10,
    returns: [
      {
        return: 'ssda903',
        set: 'ssda903',
        collectionYear: 2024,
        status: 'validated',
        ruleset: 'lac2023_24',
        open,
        new: 2,
        fixed: 1,
        previousOpen,
        ms: 5,
      },
      {
        return: 'cin_census',
        set: 'cin.xml',
        collectionYear: 2024,
        status: 'not run',
        reason: 'the validator failed (KeyError)',
        ms: 5,
      },
    ],
  });
  const record = (validation: ValidationSummary): RunRecord => ({
    runId: 'r2',
    status: 'succeeded',
    startedAt: '2024-05-01T02:00:00Z',
    inputDir: '/in',
    stages: { extract: { status: 'succeeded', startedAt: '', attempts: 1, read: 10, rejected: 0 } },
    files: [],
    validation,
  });

  it('gives the open errors per return, and why a return was not validated', () => {
    expect(describeValidation(v(7))).toBe(
      'SSDA903 2023/24 (ssda903) 7 open error(s) (2 new, 1 fixed); CIN census 2023/24 (cin.xml) validation not run: the validator failed (KeyError)',
    );
    expect(
      describeValidation({ status: 'not run', reason: 'the DfE validators are not installed', returns: [], ms: 1 }),
    ).toBe('validation not run: the DfE validators are not installed');
    expect(describeValidation({ status: 'no returns', returns: [], ms: 1 })).toBeNull();
  });

  it("tells the notify command when a return's open errors rise, and only then", () => {
    expect(risenReturns(v(7, 5)).map((r) => r.return)).toEqual(['ssda903']);
    expect(risenReturns(v(5, 5))).toEqual([]);
    expect(risenReturns(v(5))).toEqual([]); // first night: nothing to compare with
    const cfg = { command: 'mail', on: 'problems' as const, timeoutSeconds: 60 };
    expect(shouldNotify(cfg, { failed: false, stale: false, validationErrorsRose: true })).toBe(true);
    expect(shouldNotify(cfg, { failed: false, stale: false, validationErrorsRose: false })).toBe(false);
    expect(summaryLine(record(v(7, 5)), null, 'Europe/London')).toContain(
      'OPEN DfE VALIDATION ERRORS ROSE: SSDA903 2023/24 (ssda903) 5 -> 7',
    );
    expect(summaryLine(record(v(4, 5)), null, 'Europe/London')).not.toContain('ROSE');
  });
});
