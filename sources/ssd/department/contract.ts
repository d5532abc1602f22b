// ssd_department: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { text } from '../../lib/fields.js';
import { ssdTable } from '../version.js';

export const ssdDepartmentContract: Contract = ssdTable({
  entity: 'department',
  title: 'Departments and teams (ssd_department)',
  description: 'One row per team or department, with its parent.',
  key: ['dept_team_id'],
  fields: [
    text(
      'dept_team_id',
      'dept_team_id',
      'DEPT1001A: Department or Team ID. Required here: the warehouse cannot count a row without it. SSD type nvarchar.',
    ),
    text(
      'dept_team_name',
      'dept_team_name',
      'DEPT1002A: Department or Team name. Required here: the warehouse cannot count a row without it. SSD type nvarchar.',
    ),
    text('dept_team_parent_id', 'dept_team_parent_id', 'DEPT1003A: Parent Department or Team ID. SSD type nvarchar.', {
      optional: true,
    }),
    text(
      'dept_team_parent_name',
      'dept_team_parent_name',
      'DEPT1004A: Parent Department or Team name. SSD type nvarchar.',
      { optional: true },
    ),
  ],
});
