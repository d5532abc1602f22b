// One run at a time, across processes: a lock file created atomically ('wx') holding who runs (pid, run id,
// start time, host, machine boot). A lock whose holder is gone (killed, crashed, machine restarted) is
// stale: the next run clears it, under a short second lock so two starters cannot both clear and both run.
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { hostname } from 'node:os';
import { writeJsonAtomic } from '../../core/atomic.js';
import { sleep } from './retry.js';

export interface LockChild {
  pid: number;
  /** The program, so a later run can check a pid still belongs to it before stopping it. */
  command: string;
  startedAt: string;
}

export interface LockInfo {
  runId: string;
  pid: number;
  hostname: string;
  startedAt: string;
  /** Linux boot id: a lock from before a restart is stale whatever its pid. */
  bootId: string | null;
  /** The holder's node and script, to tell our process from an unrelated one that reused the pid. */
  argv: string[];
  /** Processes the run started (dbt) that would outlive it if it were killed. */
  children: LockChild[];
}

export interface HolderState {
  alive: boolean;
  why: string;
}

export class LockHeldError extends Error {
  constructor(
    readonly holder: LockInfo | null,
    readonly lockFile: string,
    message: string,
  ) {
    super(message);
  }
}

export function readBootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** The process's command line, or null where /proc is not available (or the process has gone). */
export function processCommandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return null;
  }
}

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, but belongs to another user
  }
  // A killed process nobody has reaped yet (a zombie) still answers kill(0) but is gone for our purposes,
  // once all its threads have ended (the main thread of a dying multi-threaded program is a zombie first).
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state !== 'Z' && state !== 'X') return true;
    return readdirSync(`/proc/${pid}/task`).length > 1;
  } catch {
    return existsSync('/proc/self') ? false : true; // no /proc at all (not Linux): kill(0) is all we can tell
  }
}

export function holderState(info: LockInfo, here = { hostname: hostname(), bootId: readBootId() }): HolderState {
  if (info.hostname !== here.hostname)
    return {
      alive: true,
      why: `it is held by a process on another machine (${info.hostname}), which this machine cannot check`,
    };
  if (info.bootId && here.bootId && info.bootId !== here.bootId)
    return { alive: false, why: 'the machine has restarted since that run started' };
  if (!isProcessAlive(info.pid))
    return { alive: false, why: `process ${info.pid} is no longer running (killed or crashed)` };
  // The command line holds the script as it was typed (maybe a relative path): compare its file name.
  const script = info.argv[1] ? path.basename(info.argv[1]) : undefined;
  const cmdline = processCommandLine(info.pid);
  if (script && cmdline !== null && !cmdline.includes(script))
    return {
      alive: false,
      why: `process ${info.pid} is now a different program (the run that held the lock has gone)`,
    };
  return { alive: true, why: `process ${info.pid} is still running` };
}

interface LockFileState {
  raw: string;
  info: LockInfo | null;
  ageMs: number;
}

function readLockFile(file: string): LockFileState | null {
  let raw: string;
  let mtimeMs: number;
  try {
    raw = readFileSync(file, 'utf8');
    mtimeMs = statSync(file).mtimeMs;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  let info: LockInfo | null = null;
  try {
    const parsed = JSON.parse(raw) as LockInfo;
    if (typeof parsed.pid === 'number' && typeof parsed.runId === 'string')
      info = { ...parsed, children: parsed.children ?? [], argv: parsed.argv ?? [] };
  } catch {
    // Empty or cut short: a starter between creating and writing the file, or one that crashed there.
  }
  return { raw, info, ageMs: Date.now() - mtimeMs };
}

/** What is in the lock file now, and whether its holder is still there (for `csp status`). */
export function inspectLock(file: string): { info: LockInfo | null; state: HolderState } | null {
  const current = readLockFile(file);
  if (!current) return null;
  return { info: current.info, state: current.info ? holderState(current.info) : unreadableState(current.ageMs) };
}

/** A starter writes the file straight after creating it; an unreadable lock older than this was left by a crash. */
const UNREADABLE_GRACE_MS = 10_000;
const unreadableState = (ageMs: number): HolderState =>
  ageMs < UNREADABLE_GRACE_MS
    ? { alive: true, why: 'another run is just starting' }
    : { alive: false, why: 'the lock file is empty or damaged (a run crashed while taking it)' };

export class RunLock {
  private released = false;

  constructor(
    readonly file: string,
    readonly info: LockInfo,
    /** The stale lock this run cleared, if any: a run that did not finish and may need recovering. */
    readonly previous?: { info: LockInfo | null; why: string },
  ) {}

  addChild(pid: number, command: string): void {
    this.info.children.push({ pid, command, startedAt: new Date().toISOString() });
    this.rewrite();
  }

  removeChild(pid: number): void {
    this.info.children = this.info.children.filter((c) => c.pid !== pid);
    this.rewrite();
  }

  private rewrite(): void {
    if (!this.released) writeJsonAtomic(this.file, this.info);
  }

  /** Removes the lock file, but only while it is still ours. */
  release(): void {
    if (this.released) return;
    this.released = true;
    const current = readLockFile(this.file);
    if (current?.info?.runId === this.info.runId && current.info.pid === this.info.pid)
      rmSync(this.file, { force: true });
  }
}

function create(file: string, info: LockInfo): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, JSON.stringify(info, null, 2) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Removes a stale lock file only if it is still exactly the one judged stale, one clearer at a time.
 * 'removed': we cleared it; 'changed': someone else did (or took the lock since); 'busy': another clearer is at it.
 */
function clearStale(file: string, staleRaw: string): 'removed' | 'changed' | 'busy' {
  const mutex = `${file}.clearing`;
  try {
    closeSync(openSync(mutex, 'wx'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const age = Date.now() - (statSync(mutex, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > UNREADABLE_GRACE_MS) rmSync(mutex, { force: true }); // its clearer crashed
    return 'busy';
  }
  try {
    const now = readLockFile(file);
    if (!now || now.raw !== staleRaw) return 'changed';
    rmSync(file, { force: true });
    return 'removed';
  } finally {
    rmSync(mutex, { force: true });
  }
}

const describeHolder = (info: LockInfo | null, why: string): string =>
  info ? `run ${info.runId} (pid ${info.pid} on ${info.hostname}, started ${info.startedAt}): ${why}` : why;

export async function acquireRunLock(file: string, runId: string): Promise<RunLock> {
  const info: LockInfo = {
    runId,
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    bootId: readBootId(),
    argv: process.argv.slice(0, 2),
    children: [],
  };
  let previous: { info: LockInfo | null; why: string } | undefined;
  mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 20; attempt++) {
    if (create(file, info)) return new RunLock(file, info, previous);
    const current = readLockFile(file);
    if (!current) continue; // released between our two looks
    const state = current.info ? holderState(current.info) : unreadableState(current.ageMs);
    if (state.alive) {
      throw new LockHeldError(
        current.info,
        file,
        `another run is in progress: ${describeHolder(current.info, state.why)}. Wait for it to finish (\`csp status\` shows it); if you are sure no run is going, delete ${file}.`,
      );
    }
    const cleared = clearStale(file, current.raw);
    if (cleared === 'removed') previous = { info: current.info, why: state.why };
    else if (cleared === 'busy') await sleep(100);
  }
  throw new Error(`could not take the run lock ${file}: other runs kept taking it. Try again in a minute.`);
}
