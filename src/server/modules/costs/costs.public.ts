/**
 * The costs module (cost settings, budgets, rate cards, invoices and their checks) as other
 * modules, seeds, builders and the dashboard see it (lint rule outsight/public-surface).
 */
export { getCostSettings, updateCostSettings } from './settings.ts';
export { createBudget, deleteBudget, getBudget, listBudgets, updateBudget } from './budgets.ts';
export { createRateCardItem, deleteRateCardItem, getRateCardItem, listRateCardItems, updateRateCardItem } from './rate-cards.ts';
export { createInvoice, getInvoice, listInvoices, updateInvoice } from './invoices.ts';
export { approveInvoice, disputeInvoice, markInvoiceChecked, overrideInvoiceCheck, payInvoice } from './invoice-workflow.ts';
export { attachInvoiceDocument, downloadInvoiceDocument, listInvoiceDocuments } from './invoice-documents.ts';
export { engagementCosts } from './budget-vs-actual.ts';
export { budgetPositions, portfolioBudgets } from './budget-positions.ts';
export { costsFeed } from './feed.ts';
export {
  amendOwnChangeRequest,
  createChangeRequest,
  getChangeRequest,
  listChangeRequests,
  updateChangeRequest,
  getOwnChangeRequest,
  listOwnChangeRequests,
  raiseChangeRequest,
} from './change-requests.ts';
export { approveChangeRequest, implementChangeRequest, rejectChangeRequest, reviewChangeRequest, withdrawOwnChangeRequest } from './change-request-workflow.ts';
export { engagementScopeCreep } from './scope-creep.ts';
export { serviceCredits, waiveServiceCredit, withdrawWaiver } from './service-credits.ts';
export { importInvoices } from './import-invoices.ts';
export { listInvoiceMappings, saveInvoiceMapping, updateInvoiceMapping } from './invoice-mappings.ts';
export { portfolioSpend } from './spend.ts';
export { deleteExchangeRate, importExchangeRates, listExchangeRates, setExchangeRate } from './exchange-rates.ts';
