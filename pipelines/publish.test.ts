// The switch itself, on a data folder from before `current` existed (a real warehouse.duckdb and an
// appendices link straight into published/<run>/): nothing is lost and the layout moves to the new one.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPaths } from '../core/paths.js';
import { currentAppendicesDir, ensurePublicLinks, publishedRunId, switchCurrent } from './publish.js';

describe('publish switch', () => {
  it('moves an older data folder to the current/ layout, keeping the old warehouse as its run snapshot', () => {
    const paths = dataPaths(mkdtempSync(path.join(tmpdir(), 'csp-publish-')));
    const oldRun = '20260301T031500Z-aaaa';
    const newRun = '20260302T031500Z-bbbb';
    mkdirSync(path.join(paths.published, oldRun, 'appendices'), { recursive: true });
    writeFileSync(path.join(paths.published, oldRun, 'appendices', 'manifest.json'), '{"runId":"old"}');
    writeFileSync(paths.warehouse, 'old warehouse');
    symlinkSync(`published/${oldRun}/appendices`, paths.appendices);
    expect(publishedRunId(paths)).toBe(oldRun);

    expect(() => switchCurrent(paths, newRun)).toThrow(/published\/20260302T031500Z-bbbb is incomplete/);
    mkdirSync(path.join(paths.published, newRun, 'appendices'), { recursive: true });
    writeFileSync(path.join(paths.published, newRun, 'appendices', 'manifest.json'), '{"runId":"new"}');
    writeFileSync(path.join(paths.published, newRun, 'warehouse.duckdb'), 'new warehouse');
    expect(() => switchCurrent(paths, newRun)).toThrow(
      /needs warehouse\.duckdb, warehouse-pseudonymised\.duckdb and appendices/,
    );
    writeFileSync(path.join(paths.published, newRun, 'warehouse-pseudonymised.duckdb'), 'new pseudonymised warehouse');
    switchCurrent(paths, newRun);
    ensurePublicLinks(paths);

    expect(readlinkSync(paths.current)).toBe(`published/${newRun}`);
    expect(readlinkSync(paths.warehouse)).toBe('current/warehouse.duckdb');
    expect(readlinkSync(paths.appendices)).toBe('current/appendices');
    expect(readFileSync(paths.pseudonymisedWarehouse, 'utf8')).toBe('new pseudonymised warehouse');
    expect(readFileSync(paths.warehouse, 'utf8')).toBe('new warehouse');
    expect(readFileSync(path.join(paths.appendices, 'manifest.json'), 'utf8')).toBe('{"runId":"new"}');
    expect(publishedRunId(paths)).toBe(newRun);
    expect(currentAppendicesDir(paths.appendices)).toBe(path.join(paths.published, newRun, 'appendices'));
    // The old warehouse was kept (hard link, no copy) as the old run's snapshot.
    const kept = path.join(paths.published, oldRun, 'warehouse.duckdb');
    expect(readFileSync(kept, 'utf8')).toBe('old warehouse');
    expect(statSync(kept).nlink).toBe(1);
    expect(lstatSync(paths.warehouse).isSymbolicLink()).toBe(true);
    expect(existsSync(`${paths.current}.${newRun}.tmp`)).toBe(false);
  });
});
