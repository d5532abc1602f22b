// The SSDA903 (children looked after) return's CSV files, as every council already produces them for DfE.
import type { Contract } from '../lib/contract.js';
import { ssda903EpisodesContract } from './episodes/contract.js';
import { ssda903HeaderContract } from './header/contract.js';
import { ssda903Oc3Contract } from './oc3/contract.js';
import { ssda903ReviewsContract } from './reviews/contract.js';
import { ssda903Ad1Contract } from './ad1/contract.js';
import { ssda903PlacedAdoptionContract } from './placed-adoption/contract.js';
import { ssda903PrevPermContract } from './prev-perm/contract.js';
import { ssda903MissingContract } from './missing/contract.js';
import { ssda903UascContract } from './uasc/contract.js';
import { ssda903Oc2Contract } from './oc2/contract.js';
import { ssda903SwEpisodesContract } from './sw-episodes/contract.js';
import { ssda903DoloContract } from './dolo/contract.js';

export const ssda903Contracts: readonly Contract[] = [
  ssda903HeaderContract,
  ssda903EpisodesContract,
  ssda903ReviewsContract,
  ssda903Oc3Contract,
  ssda903Ad1Contract,
  ssda903PlacedAdoptionContract,
  ssda903PrevPermContract,
  ssda903MissingContract,
  ssda903UascContract,
  ssda903Oc2Contract,
  ssda903SwEpisodesContract,
  ssda903DoloContract,
];
