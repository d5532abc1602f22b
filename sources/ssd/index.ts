// The Standard Safeguarding Dataset tables, in the order a child's journey meets them. One CSV per table, as a
// council's SSD deployment exports them; each is recognised by its header row (the SSD's field names).
import type { Contract } from '../lib/contract.js';
import { ssdAssessmentFactorsContract } from './assessment-factors/contract.js';
import { ssdCareLeaversContract } from './care-leavers/contract.js';
import { ssdCinAssessmentsContract } from './cin-assessments/contract.js';
import { ssdCinEpisodesContract } from './cin-episodes/contract.js';
import { ssdCinPlansContract } from './cin-plans/contract.js';
import { ssdCinVisitsContract } from './cin-visits/contract.js';
import { ssdClaEpisodesContract } from './cla-episodes/contract.js';
import { ssdClaPlacementContract } from './cla-placement/contract.js';
import { ssdClaPreviousPermanenceContract } from './cla-previous-permanence/contract.js';
import { ssdClaReviewsContract } from './cla-reviews/contract.js';
import { ssdClaVisitsContract } from './cla-visits/contract.js';
import { ssdContactsContract } from './contacts/contract.js';
import { ssdCpPlansContract } from './cp-plans/contract.js';
import { ssdCpReviewsContract } from './cp-reviews/contract.js';
import { ssdCpVisitsContract } from './cp-visits/contract.js';
import { ssdDepartmentContract } from './department/contract.js';
import { ssdEarlyHelpEpisodesContract } from './early-help-episodes/contract.js';
import { ssdInitialCpConferenceContract } from './initial-cp-conference/contract.js';
import { ssdInvolvementsContract } from './involvements/contract.js';
import { ssdLegalStatusContract } from './legal-status/contract.js';
import { ssdMissingContract } from './missing/contract.js';
import { ssdPermanenceContract } from './permanence/contract.js';
import { ssdPersonContract } from './person/contract.js';
import { ssdProfessionalsContract } from './professionals/contract.js';
import { ssdS47EnquiryContract } from './s47-enquiry/contract.js';

export const ssdContracts: readonly Contract[] = [
  ssdPersonContract,
  ssdContactsContract,
  ssdEarlyHelpEpisodesContract,
  ssdCinEpisodesContract,
  ssdCinAssessmentsContract,
  ssdAssessmentFactorsContract,
  ssdCinPlansContract,
  ssdCinVisitsContract,
  ssdS47EnquiryContract,
  ssdInitialCpConferenceContract,
  ssdCpPlansContract,
  ssdCpVisitsContract,
  ssdCpReviewsContract,
  ssdClaEpisodesContract,
  ssdLegalStatusContract,
  ssdClaPlacementContract,
  ssdClaReviewsContract,
  ssdClaVisitsContract,
  ssdClaPreviousPermanenceContract,
  ssdPermanenceContract,
  ssdCareLeaversContract,
  ssdMissingContract,
  ssdProfessionalsContract,
  ssdInvolvementsContract,
  ssdDepartmentContract,
];
