// ssd_permanence: the Standard Safeguarding Dataset table, field for field as the SSD version in ../version.ts defines it.
// Spec for officers: SPEC.md beside this file.
import type { Contract } from '../../lib/contract.js';
import { datetime, integer, text, yesNo } from '../../lib/fields.js';
import { ssdTable } from '../version.js';

export const ssdPermanenceContract: Contract = ssdTable({
  entity: 'permanence',
  title: 'Permanence (ssd_permanence)',
  description:
    'One row per looked-after child with a permanence (adoption, SGO, CAO) decision or order: ADM, matching, placement and order dates.',
  key: ['perm_table_id'],
  fields: [
    text('perm_table_id', 'perm_table_id', 'PERM001A: Permanence_table_id. SSD type nvarchar.'),
    text('perm_person_id', 'perm_person_id', 'PERM002A: Person Unique ID. SSD type nvarchar.'),
    text('perm_cla_id', 'perm_cla_id', 'PERM022A: CLA Table ID. SSD type nvarchar.', { optional: true }),
    datetime('perm_adm_decision_date', 'perm_adm_decision_date', 'PERM003A: Date of ADM Decision. SSD type datetime.', {
      optional: true,
    }),
    datetime(
      'perm_ffa_cp_decision_date',
      'perm_ffa_cp_decision_date',
      'PERM004A: Date of FFA/ CP Decision. SSD type datetime.',
      { optional: true },
    ),
    datetime(
      'perm_placement_order_date',
      'perm_placement_order_date',
      'PERM006A: Date of Placement/ Freeing Order. SSD type datetime.',
      { optional: true },
    ),
    datetime(
      'perm_placed_for_adoption_date',
      'perm_placed_for_adoption_date',
      'PERM007A: Date Placed for Adoption. SSD type datetime.',
      { optional: true },
    ),
    datetime(
      'perm_matched_date',
      'perm_matched_date',
      'PERM008A: Date Matched to Prospective Adopters. SSD type datetime.',
      { optional: true },
    ),
    yesNo(
      'perm_adopted_by_carer_flag',
      'perm_adopted_by_carer_flag',
      'PERM021A: Adopted by carer flag. SSD type nchar.',
      { optional: true },
    ),
    datetime(
      'perm_placed_ffa_cp_date',
      'perm_placed_ffa_cp_date',
      'PERM009A: Date Placed in FFA/ CP Placement. SSD type datetime.',
      { optional: true },
    ),
    datetime(
      'perm_decision_reversed_date',
      'perm_decision_reversed_date',
      'PERM010A: Date of Decision that Child Should No Longer be Placed for Adoption. SSD type datetime.',
      { optional: true },
    ),
    datetime(
      'perm_placed_foster_carer_date',
      'perm_placed_foster_carer_date',
      'PERM011A: Date originally placed with foster carer(s) (if adopted by foster carer/s). SSD type datetime.',
      { optional: true },
    ),
    yesNo(
      'perm_part_of_sibling_group',
      'perm_part_of_sibling_group',
      'PERM012A: Is the child a part of a sibling group?. SSD type nchar.',
      { optional: true },
    ),
    integer(
      'perm_siblings_placed_together',
      'perm_siblings_placed_together',
      'PERM013A: Number of children placed, or planned to be placed, for adoption together as sibling group INCLUDING this child. SSD type int.',
      { optional: true },
    ),
    integer(
      'perm_siblings_placed_apart',
      'perm_siblings_placed_apart',
      'PERM014A: Number of siblings placed, or planned to be placed, for adoption separately from the child. SSD type int.',
      { optional: true },
    ),
    text(
      'perm_placement_provider_urn',
      'perm_placement_provider_urn',
      'PERM015A: URN of the placement provider agency. SSD type nvarchar.',
      { optional: true },
    ),
    text(
      'perm_decision_reversed_reason',
      'perm_decision_reversed_reason',
      'PERM016A: Reason No Longer Placed for Adoption. SSD type nvarchar.',
      { optional: true },
    ),
    datetime(
      'perm_permanence_order_date',
      'perm_permanence_order_date',
      'PERM017A: Date of Order. SSD type datetime.',
      { optional: true },
    ),
    text('perm_permanence_order_type', 'perm_permanence_order_type', 'PERM018A: Type of Order. SSD type nvarchar.', {
      optional: true,
    }),
    text('perm_adoption_worker_id', 'perm_adoption_worker_id', 'PERM023A: Adoption social worker. SSD type nvarchar.', {
      optional: true,
    }),
    text('perm_adopter_sex', 'perm_adopter_sex', 'PERM025A: Sex of Adopter. SSD type nvarchar.', { optional: true }),
    text(
      'perm_adopter_legal_status',
      'perm_adopter_legal_status',
      'PERM026A: Legal status of adopter. SSD type nvarchar.',
      { optional: true },
    ),
    integer(
      'perm_number_of_adopters',
      'perm_number_of_adopters',
      'PERM027A: Number of adopters. As A(1). SSD type nvarchar.',
      { optional: true },
    ),
  ],
});
