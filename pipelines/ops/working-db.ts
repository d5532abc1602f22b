// The working database survives crashes on its own (DuckDB replays or drops its write-ahead log when it is
// next opened). If it cannot be opened at all (damaged by a disk fault or a copy gone wrong), the run sets it
// aside and starts again from the last published warehouse, which holds the same raw landings as of that run:
// exports landed since are landed again because their checksums are not in that copy's raw._loads.
import { copyFileSync, existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../core/logger.js';
import type { DataPaths } from '../../core/paths.js';
import { publishedRunId, runFolder, SNAPSHOT_FILE } from '../publish.js';
import { Warehouse } from '../../core/warehouse.js';
import { isTransientError } from './retry.js';

/** Opens (and if need be replaces) the working database; true when it had to be set aside and started again. */
export async function openWorkingDatabase(paths: DataPaths, log: Logger): Promise<boolean> {
  try {
    (await Warehouse.open(paths.workWarehouse)).close();
    return false;
  } catch (e) {
    if (isTransientError(e)) {
      throw new Error(
        `${(e as Error).message}. The working database ${paths.workWarehouse} is in use by another program: close it (analysts should use the published warehouse.duckdb) and run again.`,
        { cause: e },
      );
    }
    // Problems with the folder or the disk are not damage to the file: setting it aside would not help.
    if (
      !existsSync(paths.workWarehouse) ||
      /no such file|permission denied|read-only file system|no space left|disk quota/i.test((e as Error).message)
    ) {
      throw new Error(
        `cannot open the working database ${paths.workWarehouse}: ${(e as Error).message}. Check the data folder's disk and permissions, then run again.`,
        { cause: e },
      );
    }
    const aside = `${paths.workWarehouse}.damaged-${new Date().toISOString().replace(/[-:.]/g, '')}`;
    renameSync(paths.workWarehouse, aside);
    if (existsSync(`${paths.workWarehouse}.wal`)) renameSync(`${paths.workWarehouse}.wal`, `${aside}.wal`);
    const published = publishedRunId(paths);
    const snapshot = published ? path.join(runFolder(paths, published), SNAPSHOT_FILE) : null;
    if (snapshot && existsSync(snapshot)) {
      copyFileSync(snapshot, paths.workWarehouse);
      log.warn(
        { err: (e as Error).message, aside, from: snapshot },
        `recovery: the working database could not be opened (${(e as Error).message}); set it aside as ${path.basename(aside)} and restarted from the warehouse published by run ${published}`,
      );
    } else {
      log.warn(
        { err: (e as Error).message, aside },
        `recovery: the working database could not be opened (${(e as Error).message}); set it aside as ${path.basename(aside)} and starting an empty one (every export will be landed again)`,
      );
    }
    (await Warehouse.open(paths.workWarehouse)).close();
    return true;
  }
}
