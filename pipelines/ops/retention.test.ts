import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.js';
import { dataPaths } from '../../core/paths.js';
import { PUBLISHED_MARKER } from '../publish.js';
import { applyRetention, listPublishedFolders, planRetention } from './retention.js';

describe('retention', () => {
  it('keeps the newest N published runs and the current one, and prunes runs that never published', () => {
    const folders = [
      { runId: '20260301T031500Z-aaaa', published: true },
      { runId: '20260302T031500Z-bbbb', published: true },
      { runId: '20260303T031500Z-cccc', published: false }, // failed after writing appendices
      { runId: '20260304T031500Z-dddd', published: true },
      { runId: '20260305T031500Z-eeee', published: true },
    ];
    expect(planRetention(folders, { current: '20260305T031500Z-eeee', keep: 2 })).toEqual({
      keep: ['20260305T031500Z-eeee', '20260304T031500Z-dddd'],
      prune: ['20260303T031500Z-cccc', '20260302T031500Z-bbbb', '20260301T031500Z-aaaa'],
    });
    // The folder analysts see is never pruned, even if it is not among the newest.
    expect(planRetention(folders, { current: '20260301T031500Z-aaaa', keep: 1 }).keep).toEqual([
      '20260305T031500Z-eeee',
      '20260301T031500Z-aaaa',
    ]);
  });

  it('prunes the folders on disk, knowing published runs by their marker or their run record', () => {
    const paths = dataPaths(mkdtempSync(path.join(tmpdir(), 'csp-retention-')));
    const make = (runId: string, how: 'marker' | 'record' | 'failed') => {
      mkdirSync(path.join(paths.published, runId, 'appendices'), { recursive: true });
      writeFileSync(path.join(paths.published, runId, 'warehouse.duckdb'), 'snapshot');
      mkdirSync(paths.runs, { recursive: true });
      if (how === 'marker')
        writeFileSync(path.join(paths.published, runId, PUBLISHED_MARKER), JSON.stringify({ runId }));
      writeFileSync(
        path.join(paths.runs, `${runId}.json`),
        JSON.stringify({ runId, status: how === 'failed' ? 'failed' : 'succeeded', stages: {} }),
      );
    };
    make('20260301T031500Z-aaaa', 'record'); // published before markers existed
    make('20260302T031500Z-bbbb', 'marker');
    make('20260303T031500Z-cccc', 'failed');
    make('20260304T031500Z-dddd', 'marker');
    symlinkSync('published/20260304T031500Z-dddd', paths.current);
    expect(
      listPublishedFolders(paths)
        .sort((a, b) => a.runId.localeCompare(b.runId))
        .map((f) => f.published),
    ).toEqual([true, true, false, true]);
    expect(applyRetention(paths, 2, silentLogger())).toEqual(['20260303T031500Z-cccc', '20260301T031500Z-aaaa']);
    expect(readdirSync(paths.published).sort()).toEqual(['20260302T031500Z-bbbb', '20260304T031500Z-dddd']);
    expect(existsSync(path.join(paths.current, 'warehouse.duckdb'))).toBe(true);
  });
});
