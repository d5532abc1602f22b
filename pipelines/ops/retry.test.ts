import { describe, expect, it } from 'vitest';
import { backoffDelay, isTransientError, withRetry } from './retry.js';

const lockError = () =>
  new Error(
    'IO Error: Could not set lock on file "/data/work/warehouse.duckdb": Conflicting lock is held in /usr/bin/node (PID 4242)',
  );

describe('retry', () => {
  it('treats locked files and busy disks as transient, and bad data as not', () => {
    expect(isTransientError(lockError())).toBe(true);
    expect(isTransientError(Object.assign(new Error('resource busy or locked'), { code: 'EBUSY' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }))).toBe(false);
    expect(
      isTransientError(new Error("1 file(s) could not be loaded: contacts.csv: no column for 'Contact Date'")),
    ).toBe(false);
  });

  it('doubles the wait each time', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(500, a))).toEqual([500, 1000, 2000, 4000]);
  });

  it('retries a transient failure until it clears, reporting each wait', async () => {
    const waits: number[] = [];
    let calls = 0;
    const out = await withRetry(
      async (attempt) => {
        calls++;
        if (attempt < 3) throw lockError();
        return `done on try ${attempt}`;
      },
      { attempts: 5, baseDelayMs: 2, onRetry: (_e, _a, ms) => waits.push(ms) },
    );
    expect(out).toBe('done on try 3');
    expect(calls).toBe(3);
    expect(waits).toEqual([2, 4]);
  });

  it('fails at once on a failure that is not transient', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new Error('dbt build failed (1 of 80 nodes)');
        },
        { attempts: 5, baseDelayMs: 1 },
      ),
    ).rejects.toThrow(/dbt build failed/);
    expect(calls).toBe(1);
  });

  it('gives up after the last attempt with the last error', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw lockError();
        },
        { attempts: 3, baseDelayMs: 1 },
      ),
    ).rejects.toThrow(/Could not set lock/);
    expect(calls).toBe(3);
  });
});
