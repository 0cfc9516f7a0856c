/**
 * The contracts module as other modules (clauses, deliverables, the portal), jobs, the CLI,
 * seeds and builders see it (lint rule outsight/public-surface).
 */
import type { ContractStatus, ContractType } from '../../../shared/contracts/contracts.ts';

/** What other modules know of a contract. */
export interface ContractSummary {
  id: string;
  vendorId: string;
  type: ContractType;
  parentId: string | null;
  title: string;
  reference: string | null;
  status: ContractStatus;
  engagementIds: string[];
  effectiveOn: string | null;
  initialTermEnd: string | null;
  currency: string | null;
  /** The total value in minor units of `currency`, if known. */
  totalValueMinor: number | null;
}

export {
  /** An id inside a body or query: the contract if the actor may see it, else an invalid-field error naming `field`. */
  referenceContract,
  /** A contract the actor may read, else 404 (not visible = missing). */
  getContractSummary,
  /** Every non-archived contract covering any of these engagements. */
  contractsCovering,
  /** Every non-archived contract of the vendor. */
  contractsOfVendor,
} from './contracts.service.ts';

// For builders, seeds, the CLI and jobs.
export { createContract, getContract, listContracts, setContractArchived, updateContract } from './contracts.service.ts';
export { addCustomDate, keyDatesView } from './key-dates.ts';
export { noticeLetter, recordNotice } from './notice.ts';
export { getContractSettings, updateContractSettings } from './settings.ts';
export { contractRemindersDue, type ContractReminder } from './reminders.ts';
export { contractsFeed } from './feed.ts';
/** An agreed change (an approved change request) moving a contract's total value, as an amendment its history shows. */
export { amendContractValue, type ValueAmendment } from './amend-value.ts';
export { importContracts } from './import-contracts.ts';
export { downloadDocument, listDocuments, uploadDocument } from './documents.ts';
