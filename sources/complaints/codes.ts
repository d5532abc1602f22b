// The complaints system's code lists, read once from the dbt seeds in sql/seeds/complaints (edit them there).
// Several exports share a list (procedure, outcome), so they live here rather than in one contract.
import { seedCodes } from '../lib/seed-codes.js';

export const complaintProcedures = seedCodes('complaints/complaint_procedures', 'procedure_code', 'procedure_label');
export const complaintStages = seedCodes('complaints/complaint_stages', 'stage_code', 'stage_label');
export const complaintOutcomes = seedCodes('complaints/complaint_outcomes', 'outcome_code', 'outcome_label');
export const complaintIssueCategories = seedCodes(
  'complaints/complaint_issue_categories',
  'category_code',
  'category_label',
);
export const ombudsmanDecisions = seedCodes('complaints/ombudsman_decisions', 'decision_code', 'decision_label');

/** The outcome a complaint may have without a response date: it was withdrawn before one was sent. */
export const WITHDRAWN = 'WD';
