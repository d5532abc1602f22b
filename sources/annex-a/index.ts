// The Ofsted ILACS Annex A workbook: one contract per list, each sheet found by its header row whatever it is called.
import type { Contract } from '../lib/contract.js';
import { annexAList1Contract } from './list-1-contacts/contract.js';
import { annexAList2Contract } from './list-2-early-help/contract.js';
import { annexAList3Contract } from './list-3-referrals/contract.js';
import { annexAList4Contract } from './list-4-assessments/contract.js';
import { annexAList5Contract } from './list-5-s47-enquiries/contract.js';
import { annexAList6Contract } from './list-6-children-in-need/contract.js';
import { annexAList7Contract } from './list-7-child-protection/contract.js';
import { annexAList8Contract } from './list-8-children-in-care/contract.js';
import { annexAList9Contract } from './list-9-care-leavers/contract.js';
import { annexAList9OlderContract } from './list-9-care-leavers-older/contract.js';
import { annexAList10Contract } from './list-10-adoption/contract.js';
import { annexAList11Contract } from './list-11-adopters/contract.js';

// The older List 9 comes before the current one: an older sheet matches both equally well (the newer columns
// are optional), and detection keeps the first of equals; a current sheet matches more of the newer contract.
export const annexAContracts: readonly Contract[] = [
  annexAList1Contract,
  annexAList2Contract,
  annexAList3Contract,
  annexAList4Contract,
  annexAList5Contract,
  annexAList6Contract,
  annexAList7Contract,
  annexAList8Contract,
  annexAList9OlderContract,
  annexAList9Contract,
  annexAList10Contract,
  annexAList11Contract,
];
