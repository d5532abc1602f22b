// What a report folder tells the rest of the product about itself (reports/<folder>/report.ts), so the registry
// (reports/registry.ts) lists reports as data: its name, the variants it is made in, the warehouse tables it
// reads and how to build it. The builder is loaded only when a report is built, so reading the registry (the
// portal does) costs nothing.
import type { Warehouse } from '../../core/warehouse.js';
import type { AppendixBuildOptions, ManifestEntry, Variant } from './appendix.js';

/** What `csp run` / `csp report` ask of any report; a report uses the options it understands. */
export interface ReportBuildOptions extends AppendixBuildOptions {
  /** Weeks to show (`csp report --weeks`), for reports with a weekly trend. */
  weeks?: number | undefined;
  /** The comparison date (`csp report --compare-from`), for reports that compare before and since. */
  compareFrom?: string | undefined;
  /** The data folder, where analysts keep report comments (`<data>/comments/<report>.txt`). */
  dataRoot: string;
}

export interface ReportDescriptor<Id extends string = string> {
  /** The report's name: its folder, the `csp report <name>` argument, and the manifest's `report`. */
  id: Id;
  /** Public (small numbers suppressed) and restricted, or restricted only for a report that names children. */
  variants: readonly Variant[];
  /**
   * The warehouse tables it reads (schema.table), kept equal to its dbt exposure's depends_on
   * (sql/models/marts/_appendices__exposures.yml) and to the tables its code names (test/report-registry.test.ts).
   */
  needs: readonly string[];
  build: (db: Warehouse, opts: ReportBuildOptions) => Promise<ManifestEntry[]>;
}

/** Keeps the report's name as a literal type, so the registry's names form the ReportId union. */
export const defineReport = <const Id extends string>(d: ReportDescriptor<Id>): ReportDescriptor<Id> => d;
