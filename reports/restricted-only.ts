// Reports that name children are made in the restricted variant only, so only the performance role can see them.
// Kept apart from catalog.ts so the portal can check it without loading every report builder.
export const RESTRICTED_ONLY: ReadonlySet<string> = new Set(['return-readiness']);
