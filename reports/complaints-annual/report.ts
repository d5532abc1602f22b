// Appendix 3, the complaints, comments and compliments annual report: its entry in the report registry.
import { defineReport } from '../lib/report.js';

export const REPORT_ID = 'complaints-annual';

export const report = defineReport({
  id: REPORT_ID,
  variants: ['public', 'restricted'],
  needs: [
    'marts.fct_complaints',
    'marts.fct_compliments',
    'marts.fct_comments',
    'marts.fct_ombudsman_cases',
    'marts.meta_data_as_at',
    'reference.complaint_issue_categories',
    'reference.complaint_procedures',
  ],
  build: async (db, opts) => (await import('./build.js')).buildComplaintsAnnual(db, opts),
});
