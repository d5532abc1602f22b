// ssd_assessment_factors: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { text } from '../../lib/fields.js';
import { ssdTable } from '../version.js';

export const ssdAssessmentFactorsContract: Contract = ssdTable({
  entity: 'assessment_factors',
  title: 'Assessment factors (ssd_assessment_factors)',
  description: 'One row per assessment with the factors identified at its end (CIN census codes), held as a JSON list.',
  key: ['cinf_table_id'],
  fields: [
    text('cinf_table_id', 'cinf_table_id', 'CINF003A: Assessment Factors Table ID. SSD type nvarchar.', {
      optional: true,
    }),
    text('cinf_assessment_id', 'cinf_assessment_id', 'CINF001A: Assessment ID. SSD type nvarchar.'),
    text(
      'cinf_assessment_factors_json',
      'cinf_assessment_factors_json',
      'CINF002A: Assessment Factors. SSD type nvarchar.',
      { optional: true },
    ),
  ],
});
