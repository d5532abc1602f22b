// Appendix 2, the improvement plan scorecard: its entry in the report registry.
import { defineReport } from '../lib/report.js';

export const REPORT_ID = 'scorecard';

export const report = defineReport({
  id: REPORT_ID,
  variants: ['public', 'restricted'],
  needs: [
    'marts.kpi_monthly',
    'marts.meta_data_as_at',
    'marts.fct_benchmarks',
    'reference.local_authorities',
    'reference.dfe_release',
    'reference.kpi_definitions',
    'reference.kpi_sources_needed',
  ],
  build: async (db, opts) => (await import('./build.js')).buildScorecard(db, opts),
});
