// Runs the DfE validators (returns_validators.py in .venv-validators) on one return and reads back what they found.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../core/paths.js';
import type { ReturnType } from './returns.js';

export const validatorScript = path.join(projectRoot, 'pipelines', 'validate', 'returns_validators.py');
export const validatorsPython = (): string =>
  process.env.CSP_VALIDATORS_PYTHON ??
  path.join(projectRoot, '.venv-validators', process.platform === 'win32' ? 'Scripts' : 'bin', 'python');

export interface ValidatorJob {
  return: ReturnType;
  collectionYear?: number;
  localAuthority?: string | null;
  files?: string[];
  previousFiles?: string[];
  file?: string;
}

export interface RawFinding {
  rule: string;
  child: string | null;
  table: string | null;
  row: number | null;
  file: string | null;
  line: number | null;
  fields: string[];
  values: (string | null)[];
}

export interface ValidatorResult {
  return: ReturnType;
  collectionYear: number;
  /** The year whose rules were run: the nearest the package has when it has none for the collection year. */
  rulesYear: number;
  ruleset: string;
  referenceDate?: string;
  rules: { code: string; message: string; fields: string[] }[];
  /** Rules that raised an error on this data (the package skips them). */
  rulesFailed: string[];
  rows: Record<string, number>;
  findings: RawFinding[];
}

export class ValidatorNotRun extends Error {}

export async function runValidator(
  job: ValidatorJob,
  opts: { timeoutMs: number; onSpawn?: (pid: number) => void; onExit?: (pid: number) => void },
): Promise<ValidatorResult> {
  const python = validatorsPython();
  if (!existsSync(python))
    throw new ValidatorNotRun(`the DfE validators are not installed (${python} is missing): run npm install`);
  return new Promise((resolve, reject) => {
    const child = spawn(python, [validatorScript], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    });
    if (child.pid !== undefined) opts.onSpawn?.(child.pid);
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new ValidatorNotRun(
          `the validator was still running after ${Math.round(opts.timeoutMs / 1000)} s and was stopped (validation.timeoutSeconds)`,
        ),
      );
    }, opts.timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err = (err + c).slice(-20_000)));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new ValidatorNotRun(`could not start ${python}: ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (child.pid !== undefined) opts.onExit?.(child.pid);
      if (code !== 0) {
        const last = err.trim().split('\n').filter(Boolean).slice(-1)[0] ?? `exit ${code}`;
        return reject(new ValidatorNotRun(`the validator failed (${last})`));
      }
      try {
        resolve(JSON.parse(out) as ValidatorResult);
      } catch {
        reject(new ValidatorNotRun('the validator printed no result'));
      }
    });
    child.stdin.end(JSON.stringify(job));
  });
}
