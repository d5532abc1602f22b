// Appendix 1, contact activity: its entry in the report registry. Its analyst comment is read here, from the
// configured file or `<data>/comments/contact-activity.txt`.
import { defineReport } from '../lib/report.js';

export const REPORT_ID = 'contact-activity';

export const report = defineReport({
  id: REPORT_ID,
  variants: ['public', 'restricted'],
  needs: ['marts.fct_contacts', 'marts.meta_data_as_at', 'reference.contact_sources'],
  build: async (db, opts) => {
    const { buildContactActivity, commentFileFor, readComment } = await import('./build.js');
    const comment = readComment(
      opts.config.reports.contactActivity.commentFile ?? commentFileFor(opts.dataRoot, REPORT_ID),
    );
    return buildContactActivity(db, { ...opts, comment });
  },
});
