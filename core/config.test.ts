import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, demoConfig, loadConfig, parseConfig } from './config.js';

describe('config', () => {
  it('has a default for every setting', () => {
    const c = parseConfig({});
    expect(c.suppression.threshold).toBe(5);
    expect(c.schedule).toEqual({ cron: '15 3 * * *', timezone: 'Europe/London' });
    expect(c.reports.contactActivity.weeks).toBe(19);
    expect(c.committee.meetingDate).toBeUndefined();
  });

  it('names the setting that is wrong and says what to do', () => {
    const bad = () =>
      parseConfig({ reports: { contactActivity: { weeks: 0 } }, committee: { meetingDate: '29/06/2020' } });
    expect(bad).toThrow(/committee\.meetingDate: expected a date as YYYY-MM-DD/);
    expect(bad).toThrow(/reports\.contactActivity\.weeks: Too small/);
    expect(bad).toThrow(/Fix these settings/);
    expect(() => parseConfig({ counsil: {} })).toThrow(ConfigError);
  });

  it("lets the council's file override the demo's report period", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'csp-config-'));
    const file = path.join(dir, 'csp.config.json');
    writeFileSync(
      file,
      JSON.stringify({ council: { name: 'Anytown Council' }, reports: { contactActivity: { weeks: 8 } } }),
    );
    const { config } = loadConfig(file, demoConfig);
    expect(config.council.name).toBe('Anytown Council');
    expect(config.reports.contactActivity).toMatchObject({
      weeks: 8,
      periodEnd: '2020-06-14',
      compareFrom: '2020-03-23',
    });
  });

  it('refuses an appendix number that would put a file outside its folder, and takes ordinary ones', () => {
    expect(() => parseConfig({ reports: { contactActivity: { appendix: '9/../../../escaped' } } })).toThrow(
      /reports\.contactActivity\.appendix: expected an appendix number or letter such as 1, 2a or B-3 .*it becomes part of the file name, so it cannot hold \/ or \.\./,
    );
    for (const bad of ['..', '../x', 'a\\b', '', ' 1', '1 ', 'x'.repeat(40)])
      expect(() => parseConfig({ reports: { scorecard: { appendix: bad } } }), bad).toThrow(
        /reports\.scorecard\.appendix/,
      );
    for (const good of ['1', '2a', 'B-3', '4.1', 'C_2'])
      expect(parseConfig({ reports: { complaintsAnnual: { appendix: good } } }).reports.complaintsAnnual.appendix).toBe(
        good,
      );
  });

  it('holds back exports more than 20% smaller by default, with limits and acceptances per source', () => {
    expect(parseConfig({}).completeness).toEqual({ maxDropPercent: 20, perSource: {}, accept: [] });
    const c = parseConfig({
      completeness: {
        maxDropPercent: 35,
        perSource: { 'complaints.compliments': 60 },
        accept: ['annex_a.list_1_contacts'],
      },
    });
    expect(c.completeness).toEqual({
      maxDropPercent: 35,
      perSource: { 'complaints.compliments': 60 },
      accept: ['annex_a.list_1_contacts'],
    });
    expect(() => parseConfig({ completeness: { accept: ['contacts'] } })).toThrow(
      /completeness\.accept\.0: expected a source key such as case_management\.contacts/,
    );
    expect(() => parseConfig({ completeness: { maxDropPercent: 120 } })).toThrow(/completeness\.maxDropPercent/);
  });

  it('takes the 903 collection year as yyyy/yy, and leaves it to the files by default', () => {
    expect(parseConfig({}).returns.ssda903.collectionYear).toBeUndefined();
    expect(parseConfig({ returns: { ssda903: { collectionYear: '2024/25' } } }).returns.ssda903.collectionYear).toBe(
      '2024/25',
    );
    expect(() => parseConfig({ returns: { ssda903: { collectionYear: '2024-25' } } })).toThrow(
      /returns\.ssda903\.collectionYear: expected a collection year such as 2024\/25/,
    );
  });

  it('reports a file that is not JSON', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'csp-config-'));
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, '{ "council": ');
    expect(() => loadConfig(file)).toThrow(/bad\.json is not valid JSON/);
  });
});
