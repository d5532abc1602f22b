// The case-management system's exports, in the order a child's journey meets them.
import type { Contract } from '../lib/contract.js';
import { adoptionMilestonesContract } from './adoption-milestones/contract.js';
import { assessmentsContract } from './assessments/contract.js';
import { careLeaverContactsContract } from './care-leaver-contacts/contract.js';
import { caseAllocationsContract } from './case-allocations/contract.js';
import { caseSupervisionsContract } from './case-supervisions/contract.js';
import { childrenContract } from './children/contract.js';
import { claEpisodesContract } from './cla-episodes/contract.js';
import { claReviewsContract } from './cla-reviews/contract.js';
import { contactsContract } from './contacts/contract.js';
import { cpCoreGroupsContract } from './cp-core-groups/contract.js';
import { cpPlansContract } from './cp-plans/contract.js';
import { cpReviewsContract } from './cp-reviews/contract.js';
import { missingEpisodesContract } from './missing-episodes/contract.js';
import { permanencePlansContract } from './permanence-plans/contract.js';
import { referralsContract } from './referrals/contract.js';
import { s47EnquiriesContract } from './s47-enquiries/contract.js';
import { sgoAssessmentsContract } from './sgo-assessments/contract.js';
import { workersContract } from './workers/contract.js';

export const caseManagementContracts: readonly Contract[] = [
  childrenContract,
  contactsContract,
  referralsContract,
  assessmentsContract,
  s47EnquiriesContract,
  cpPlansContract,
  cpCoreGroupsContract,
  cpReviewsContract,
  claEpisodesContract,
  claReviewsContract,
  permanencePlansContract,
  adoptionMilestonesContract,
  sgoAssessmentsContract,
  missingEpisodesContract,
  careLeaverContactsContract,
  workersContract,
  caseAllocationsContract,
  caseSupervisionsContract,
];
