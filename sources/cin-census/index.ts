// The CIN census return (XML): each record type is its own contract, landed from one stream of the XML file.
import type { Contract } from '../lib/contract.js';
import { cinAssessmentsContract } from './assessments/contract.js';
import { cinChildrenContract } from './children/contract.js';
import { cinCpPlansContract } from './cp-plans/contract.js';
import { cinCpReviewsContract } from './cp-reviews/contract.js';
import { cinReferralsContract } from './referrals/contract.js';
import { cinS47Contract } from './s47-enquiries/contract.js';

export const cinCensusContracts: readonly Contract[] = [
  cinChildrenContract,
  cinReferralsContract,
  cinAssessmentsContract,
  cinS47Contract,
  cinCpPlansContract,
  cinCpReviewsContract,
];
