// Every export the pipeline knows, in the order they are landed. Files are matched to a contract by their headers.
import { annexAContracts } from './annex-a/index.js';
import { caseManagementContracts } from './case-management/index.js';
import { cinCensusContracts } from './cin-census/index.js';
import { complaintsContracts } from './complaints/index.js';
import { ssda903Contracts } from './ssda903/index.js';
import { ssdContracts } from './ssd/index.js';
import type { Contract } from './lib/contract.js';

export const contracts: readonly Contract[] = [
  ...caseManagementContracts,
  ...ssdContracts,
  ...complaintsContracts,
  ...ssda903Contracts,
  ...cinCensusContracts,
  ...annexAContracts,
];
