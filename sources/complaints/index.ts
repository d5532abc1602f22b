// The complaints system's exports: complaints first, since issues and Ombudsman cases refer to them.
import type { Contract } from '../lib/contract.js';
import { commentsContract } from './comments/contract.js';
import { complaintIssuesContract } from './complaint-issues/contract.js';
import { complaintsContract } from './complaints/contract.js';
import { complimentsContract } from './compliments/contract.js';
import { ombudsmanCasesContract } from './ombudsman-cases/contract.js';

export const complaintsContracts: readonly Contract[] = [
  complaintsContract,
  complaintIssuesContract,
  ombudsmanCasesContract,
  complimentsContract,
  commentsContract,
];
