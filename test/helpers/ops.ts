// Helpers for the operations tests: start the real CLI as a process we can kill, wait for it to reach a fault
// point, and read what analysts would see (the published warehouse and appendices).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { projectRoot } from '../../core/paths.js';

export interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Start `csp <args>` without waiting for it (the real CLI, from dist/). */
export function startCsp(args: string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, [path.join(projectRoot, 'tools', 'bin', 'csp.mjs'), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** Resolves when `ready()` is true; fails (with the process's output) if the process ends first. */
export async function waitFor(what: string, ready: () => boolean, run?: Running, timeoutMs = 200_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let ended = false;
  void run?.exit.then(() => (ended = true));
  while (!ready()) {
    if (ended)
      throw new Error(
        `the process ended before ${what}:\n${run!.stdout().slice(-3000)}\n${run!.stderr().slice(-3000)}`,
      );
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

export async function query<T = Record<string, unknown>>(file: string, sql: string): Promise<T[]> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJson() as T[];
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

export interface Published {
  /** The run the appendices manifest names. */
  runId: string;
  warehouseSha256: string;
  appendicesDir: string;
  files: Record<string, string>;
  contacts: number;
}

/** What analysts see, checked for integrity: every appendix matches its manifest checksum, the warehouse opens. */
export async function published(data: string): Promise<Published> {
  const warehouse = path.join(data, 'warehouse.duckdb');
  const appendicesDir = realpathSync(path.join(data, 'appendices'));
  const manifest = JSON.parse(readFileSync(path.join(appendicesDir, 'manifest.json'), 'utf8')) as {
    runId: string;
    files: { file: string; sha256: string }[];
  };
  const files: Record<string, string> = {};
  for (const f of manifest.files) {
    files[f.file] = sha256(path.join(appendicesDir, f.file));
    if (files[f.file] !== f.sha256) throw new Error(`${f.file} does not match its manifest checksum`);
  }
  expectOnly(readdirSync(appendicesDir).sort(), [...manifest.files.map((f) => f.file), 'manifest.json'].sort());
  const [row] = await query<{ n: number }>(warehouse, 'SELECT count(*)::INTEGER AS n FROM marts.fct_contacts');
  return { runId: manifest.runId, warehouseSha256: sha256(warehouse), appendicesDir, files, contacts: row!.n };
}

function expectOnly(actual: string[], expected: string[]) {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new Error(`appendices folder holds ${actual.join(', ')}; expected ${expected.join(', ')}`);
}

/** Rows in the demo's contacts export (what marts.fct_contacts must hold after a run on it). */
export const contactRows = (input: string): number =>
  (parse(readFileSync(path.join(input, 'case-management', 'contacts.csv')), { columns: true, bom: true }) as unknown[])
    .length;

/** Give every export file the time "now", as if tonight's exports had just arrived. */
export function touchExports(dir: string, when = new Date()): void {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile()) utimesSync(file, when, when);
  }
}

export const pausedPid = (data: string, point: string): number =>
  Number(readFileSync(path.join(data, `.paused-${point}`), 'utf8'));
export const exists = (p: string): boolean => existsSync(p);
export const isDir = (p: string): boolean => existsSync(p) && statSync(p).isDirectory();
