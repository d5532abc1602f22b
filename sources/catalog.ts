// Every export the pipeline knows, in the order they are landed. Files are matched to a contract by their headers.
import { contactsContract } from './case-management/contacts/contract.js';
import type { Contract } from './lib/contract.js';

export const contracts: readonly Contract[] = [contactsContract];
