// Where everything lives. One data folder per deployment (CSP_DATA_DIR) so tests and users can keep several apart.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder (holds package.json, sql/, .venv/). Works from src and from dist/. */
export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(start: string): string {
  // dist/core/paths.js and core/paths.ts sit at different depths; climb to the folder with sql/.
  let dir = start;
  for (let i = 0; i < 4; i++) {
    if (path.basename(dir) === 'core') {
      const parent = path.dirname(dir);
      return path.basename(parent) === 'dist' ? path.dirname(parent) : parent;
    }
    dir = path.dirname(dir);
  }
  throw new Error(`cannot locate the project folder from ${start}`);
}

export const sqlDir = path.join(projectRoot, 'sql');
/** The dbt-duckdb plugins (Python modules) the profile names; on dbt's PYTHONPATH. */
export const dbtPluginDir = path.join(sqlDir, 'plugins');
export const venvBinDir = path.join(projectRoot, '.venv', process.platform === 'win32' ? 'Scripts' : 'bin');
export const bankHolidaySeed = path.join(sqlDir, 'seeds', 'bank_holidays_england_wales.csv');

export interface DataPaths {
  root: string;
  /** The analysts' read-only copy; replaced atomically only after a fully successful run. */
  warehouse: string;
  /** The same run's pseudonymised copy (marts and reference only) for analysts and BI beyond the performance team. */
  pseudonymisedWarehouse: string;
  /** The pipeline's own working database: raw landings persist here between runs. */
  workWarehouse: string;
  workDir: string;
  /** Symlink to the latest published set of appendices. */
  appendices: string;
  /** Symlink to the latest published run's marts as Parquet (current/parquet). */
  parquet: string;
  /** Symlink to the latest published run's dbt docs site (current/docs). */
  docs: string;
  /** Symlink to published/<run>: the one switch that publishes a run's warehouse and appendices together. */
  current: string;
  published: string;
  /** What the last run did and what analysts see now, for people and monitoring (`csp status --json`). */
  status: string;
  /** Held by the one run allowed at a time (pid, run id, start time, host). */
  lock: string;
  logs: string;
  runs: string;
  demoInput: string;
}

export function dataPaths(dataDir = process.env.CSP_DATA_DIR): DataPaths {
  const root = dataDir ? path.resolve(dataDir) : path.join(projectRoot, 'data');
  return {
    root,
    warehouse: path.join(root, 'warehouse.duckdb'),
    pseudonymisedWarehouse: path.join(root, 'warehouse-pseudonymised.duckdb'),
    workWarehouse: path.join(root, 'work', 'warehouse.duckdb'),
    workDir: path.join(root, 'work'),
    appendices: path.join(root, 'appendices'),
    parquet: path.join(root, 'parquet'),
    docs: path.join(root, 'docs'),
    current: path.join(root, 'current'),
    published: path.join(root, 'published'),
    status: path.join(root, 'status.json'),
    lock: path.join(root, 'run.lock'),
    logs: path.join(root, 'logs'),
    runs: path.join(root, 'runs'),
    demoInput: path.join(root, 'demo-input'),
  };
}
