// Thin async wrapper over @duckdb/node-api: open, query to plain objects, close. One job: talk to DuckDB.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

export type Row = Record<string, unknown>;

export class Warehouse {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    readonly file: string,
  ) {}

  static async open(file: string, opts: { readOnly?: boolean } = {}): Promise<Warehouse> {
    if (!opts.readOnly) mkdirSync(path.dirname(file), { recursive: true });
    // DuckDB otherwise takes up to 80% of the machine's memory (docs/benchmarks.md); over the limit it spills to disk.
    const memory = { memory_limit: process.env.CSP_DUCKDB_MEMORY_LIMIT ?? '1GB' };
    const instance = await DuckDBInstance.create(
      file,
      opts.readOnly ? { ...memory, access_mode: 'READ_ONLY' } : memory,
    );
    return new Warehouse(instance, await instance.connect(), file);
  }

  async run(sql: string, params?: DuckDBValue[]): Promise<void> {
    await this.connection.run(sql, params);
  }

  /** Rows as plain JS objects (BIGINT as bigint, DATE/TIMESTAMP as JS Date at UTC). */
  async all<T extends Row = Row>(sql: string, params?: DuckDBValue[]): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJS() as T[];
  }

  /** Rows with JSON-friendly values: numbers, strings ('2020-03-01' for dates), booleans. */
  async json<T extends Row = Row>(sql: string, params?: DuckDBValue[]): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJson() as T[];
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.run('BEGIN TRANSACTION');
    try {
      const out = await work();
      await this.run('COMMIT');
      return out;
    } catch (e) {
      await this.run('ROLLBACK');
      throw e;
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

export async function withWarehouse<T>(
  file: string,
  opts: { readOnly?: boolean },
  work: (db: Warehouse) => Promise<T>,
): Promise<T> {
  const db = await Warehouse.open(file, opts);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/** Quote an identifier for SQL built from contract metadata (never from user input). */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
