// ssd_professionals: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { decimal, integer, text, yesNo } from '../../lib/fields.js';
import { ssdTable } from '../version.js';

export const ssdProfessionalsContract: Contract = ssdTable({
  entity: 'professionals',
  title: 'Professionals (ssd_professionals)',
  description: 'One row per worker (social worker, personal adviser, ...): role, team, FTE, agency flag.',
  key: ['prof_professional_id'],
  fields: [
    text(
      'prof_professional_id',
      'prof_professional_id',
      'PROF001A: Professionals table row ID. Required here: the warehouse cannot count a row without it. SSD type nvarchar.',
    ),
    text('prof_staff_id', 'prof_staff_id', 'PROF010A: Staff Identifier. SSD type nvarchar.', { optional: true }),
    text('prof_professional_name', 'prof_professional_name', 'PROF013A: Staff name. SSD type nvarchar.', {
      optional: true,
    }),
    text(
      'prof_social_worker_registration_no',
      'prof_social_worker_registration_no',
      'PROF002A: Social worker ID - Social Work England (SWE) registration number- if available. SSD type nvarchar.',
      { optional: true },
    ),
    text(
      'prof_professional_job_title',
      'prof_professional_job_title',
      'PROF007A: Worker job title e.g. Social Worker. SSD type nvarchar.',
      { optional: true },
    ),
    integer(
      'prof_professional_caseload',
      'prof_professional_caseload',
      'PROF008A: Number of cases held on previous 30th Sept. SSD type int.',
      { optional: true },
    ),
    text(
      'prof_professional_department',
      'prof_professional_department',
      "PROF012A: Worker Department e.g. 'Youth Support Team West'. SSD type nvarchar.",
      { optional: true },
    ),
    decimal(
      'prof_full_time_equivalency',
      'prof_full_time_equivalency',
      'PROF011A: Full Time Equivalency. SSD type float.',
      { optional: true },
    ),
    yesNo(
      'prof_agency_worker_flag',
      'prof_agency_worker_flag',
      'PROF014A: Flag for whether the worker is agency. SSD type NCHAR.',
      { optional: true },
    ),
  ],
});
