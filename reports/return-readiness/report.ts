// The return-readiness report: its entry in the report registry. Restricted only, because it names children.
import { defineReport } from '../lib/report.js';

export const REPORT_ID = 'return-readiness';

export const report = defineReport({
  id: REPORT_ID,
  variants: ['restricted'],
  needs: ['marts.fct_return_validation', 'marts.fct_return_validation_by_rule', 'marts.meta_data_as_at'],
  build: async (db, opts) => (await import('./build.js')).buildReturnReadiness(db, opts),
});
