// Every report the product makes, one line each, in the order `csp run` builds them. A new appendix is a new
// folder with its report.ts (reports/lib/report.ts says what it declares) and one line here.
import type { Variant } from './lib/appendix.js';
import type { ReportDescriptor } from './lib/report.js';
import { report as contactActivity } from './contact-activity/report.js';
import { report as scorecard } from './scorecard/report.js';
import { report as complaintsAnnual } from './complaints-annual/report.js';
import { report as returnReadiness } from './return-readiness/report.js';

export const REGISTRY = [contactActivity, scorecard, complaintsAnnual, returnReadiness] as const;

export type ReportId = (typeof REGISTRY)[number]['id'];
export const REPORTS: readonly ReportId[] = REGISTRY.map((r) => r.id);

export const isReportId = (name: string): name is ReportId => (REPORTS as readonly string[]).includes(name);

export function reportFor(id: ReportId): ReportDescriptor<ReportId> {
  const r = REGISTRY.find((x) => x.id === id);
  if (!r) throw new Error(`internal: no report '${id}' in reports/registry.ts`);
  return r;
}

export const variantsOf = (id: ReportId): Variant[] => [...reportFor(id).variants];

/** Reports that name children are made in the restricted variant only, so only the performance role can see them. */
export const RESTRICTED_ONLY: ReadonlySet<string> = new Set(
  REGISTRY.filter((r) => !r.variants.includes('public')).map((r) => r.id),
);
