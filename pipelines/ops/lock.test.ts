import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireRunLock, inspectLock, LockHeldError, readBootId, type LockInfo } from './lock.js';

const lockFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'csp-lock-')), 'run.lock');
const holder = (over: Partial<LockInfo>): LockInfo => ({
  runId: '20260310T031500Z-dead',
  pid: 1,
  hostname: hostname(),
  startedAt: '2026-03-10T03:15:00.000Z',
  bootId: readBootId(),
  argv: ['/usr/bin/node', '/srv/csp/tools/bin/csp.mjs'],
  children: [],
  ...over,
});
/** A pid that certainly belonged to a process that has now ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid;

const sleepers: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const s of sleepers.splice(0)) s.kill('SIGKILL');
});

describe('run lock', () => {
  it('is taken atomically, records who holds it, and is released', async () => {
    const file = lockFile();
    const lock = await acquireRunLock(file, 'run-a');
    const info = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
    expect(info).toMatchObject({ runId: 'run-a', pid: process.pid, hostname: hostname(), children: [] });
    expect(Date.parse(info.startedAt)).not.toBeNaN();
    expect(lock.previous).toBeUndefined();
    lock.addChild(4321, '/venv/bin/dbt');
    expect((JSON.parse(readFileSync(file, 'utf8')) as LockInfo).children).toMatchObject([
      { pid: 4321, command: '/venv/bin/dbt' },
    ]);
    lock.release();
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a second run while the first is alive, naming it', async () => {
    const file = lockFile();
    const first = await acquireRunLock(file, 'run-first');
    const second = acquireRunLock(file, 'run-second');
    await expect(second).rejects.toBeInstanceOf(LockHeldError);
    await expect(acquireRunLock(file, 'run-second')).rejects.toThrow(
      new RegExp(
        `another run is in progress: run run-first \\(pid ${process.pid} on .*process ${process.pid} is still running`,
      ),
    );
    expect((JSON.parse(readFileSync(file, 'utf8')) as LockInfo).runId).toBe('run-first');
    first.release();
  });

  it('clears a lock whose process has gone, and reports the run it belonged to', async () => {
    const file = lockFile();
    const pid = deadPid();
    writeFileSync(file, JSON.stringify(holder({ pid, children: [{ pid: 99999, command: 'dbt', startedAt: '' }] })));
    expect(inspectLock(file)?.state).toEqual({
      alive: false,
      why: `process ${pid} is no longer running (killed or crashed)`,
    });
    const lock = await acquireRunLock(file, 'run-next');
    expect(lock.previous?.info?.runId).toBe('20260310T031500Z-dead');
    expect(lock.previous?.info?.children).toHaveLength(1);
    expect((JSON.parse(readFileSync(file, 'utf8')) as LockInfo).runId).toBe('run-next');
    lock.release();
  });

  it('clears a lock from before a restart, and one whose pid now belongs to another program', async () => {
    const restarted = lockFile();
    writeFileSync(
      restarted,
      JSON.stringify(holder({ pid: process.pid, bootId: '00000000-0000-0000-0000-000000000000' })),
    );
    const a = await acquireRunLock(restarted, 'after-restart');
    expect(a.previous?.why).toBe(
      readBootId() ? 'the machine has restarted since that run started' : expect.any(String),
    );
    a.release();

    const sleeper = spawn('sleep', ['30']);
    sleepers.push(sleeper);
    const reused = lockFile();
    writeFileSync(reused, JSON.stringify(holder({ pid: sleeper.pid! })));
    const b = await acquireRunLock(reused, 'after-reuse');
    expect(b.previous?.why).toBe(
      `process ${sleeper.pid} is now a different program (the run that held the lock has gone)`,
    );
    b.release();
  });

  it('waits out a lock file being written, but clears an empty one left by a crash', async () => {
    const file = lockFile();
    writeFileSync(file, '');
    await expect(acquireRunLock(file, 'too-soon')).rejects.toThrow(/another run is just starting/);
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    const lock = await acquireRunLock(file, 'later');
    expect(lock.previous).toEqual({
      info: null,
      why: 'the lock file is empty or damaged (a run crashed while taking it)',
    });
    lock.release();
  });

  it('does not let a run remove a lock that is no longer its own', async () => {
    const file = lockFile();
    const lock = await acquireRunLock(file, 'mine');
    writeFileSync(file, JSON.stringify(holder({ runId: 'someone-else', pid: process.pid })));
    lock.release();
    expect((JSON.parse(readFileSync(file, 'utf8')) as LockInfo).runId).toBe('someone-else');
  });
});
