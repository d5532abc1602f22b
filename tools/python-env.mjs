// Where the project-local Python venv lives and how to find its programs.
// Shared by the installer and the `dbt` / `duckdb` shims so they can never disagree.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const venvDir = path.join(projectRoot, '.venv');
export const venvBin = (name) => path.join(venvDir, process.platform === 'win32' ? 'Scripts' : 'bin', name);
export const lockFile = path.join(projectRoot, 'tools', 'python', 'requirements.lock');
export const stampFile = path.join(venvDir, '.csp-requirements.lock');
export const sqlDir = path.join(projectRoot, 'sql');

// The DfE validators (Data to Insight's csc-validator-be-903 / -cin) pin pandas < 2 and numpy < 1.25, which dbt's
// venv must not be held to, so they get a venv of their own.
export const validatorsVenvDir = path.join(projectRoot, '.venv-validators');
export const validatorsBin = (name) =>
  path.join(validatorsVenvDir, process.platform === 'win32' ? 'Scripts' : 'bin', name);
export const validatorsLockFile = path.join(projectRoot, 'tools', 'python', 'validators.lock');
export const validatorsStampFile = path.join(validatorsVenvDir, '.csp-validators.lock');
