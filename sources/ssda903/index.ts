// The SSDA903 (children looked after) return's CSV files, as every council already produces them for DfE.
import type { Contract } from '../lib/contract.js';
import { ssda903EpisodesContract } from './episodes/contract.js';
import { ssda903HeaderContract } from './header/contract.js';
import { ssda903Oc3Contract } from './oc3/contract.js';
import { ssda903ReviewsContract } from './reviews/contract.js';

export const ssda903Contracts: readonly Contract[] = [ssda903HeaderContract, ssda903EpisodesContract, ssda903ReviewsContract, ssda903Oc3Contract];
