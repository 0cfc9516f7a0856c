import { INVOICE_STATUS_LABELS } from '../../../shared/contracts/costs.ts';
import { definePolicy } from '../../policy.ts';
import type { ChangeRequestRow } from './change-requests.repo.ts';
import type { BudgetRow, InvoiceRow, RateCardItemRow } from './costs.repo.ts';
import type { InvoiceMappingRow } from './invoice-mappings.repo.ts';
import type { WaiverRow } from './service-credits.repo.ts';

/** The organisation's cost settings (fiscal year start, base currency): read by readers, set by those who manage the organisation. */
export const costSettingsPolicy = definePolicy<{ orgId: string }, 'read' | 'update'>({
  label: 'The cost settings',
  collection: true,
  actions: { read: { permission: 'cost.read' }, update: { permission: 'org.manage' } },
});

/** Budgets are internal: vendor contacts never see them. */
export const budgetPolicy = definePolicy<BudgetRow, 'list' | 'read' | 'create' | 'update' | 'delete'>({
  label: 'The budget',
  actions: {
    list: { permission: 'cost.read' },
    read: { permission: 'cost.read' },
    create: { permission: 'cost.write' },
    update: { permission: 'cost.write' },
    delete: { permission: 'cost.write' },
  },
});

export const rateCardItemPolicy = definePolicy<RateCardItemRow, 'list' | 'read' | 'create' | 'update' | 'delete' | 'reference'>({
  label: 'The rate card item',
  actions: {
    list: { permission: 'cost.read' },
    read: { permission: 'cost.read' },
    create: { permission: 'cost.write' },
    update: { permission: 'cost.write' },
    delete: { permission: 'cost.write' },
    reference: { permission: 'cost.read' },
  },
});

const is = (i: InvoiceRow) => `The invoice is ${INVOICE_STATUS_LABELS[i.status as keyof typeof INVOICE_STATUS_LABELS]?.toLowerCase() ?? i.status}`;
const open = (i: InvoiceRow) => i.status === 'received' || i.status === 'checked' || i.status === 'disputed';

/**
 * Invoices: received → checked → approved → paid, or disputed with a reason (from anything
 * not yet paid). A disputed invoice edited again starts over as received. Approving also
 * needs every failing check overridden, which the service decides (it reads the checks).
 */
export const invoicePolicy = definePolicy<InvoiceRow, 'list' | 'read' | 'create' | 'update' | 'check' | 'approve' | 'pay' | 'dispute' | 'override' | 'attach'>({
  label: 'The invoice',
  actions: {
    list: { permission: 'cost.read' },
    read: { permission: 'cost.read' },
    create: { permission: 'cost.write' },
    update: { permission: 'cost.write', when: (i) => open(i) || `${is(i)}; only a received, checked or disputed invoice can be edited.` },
    check: { permission: 'cost.write', when: (i) => i.status === 'received' || `${is(i)}; only a received invoice can be marked checked.` },
    approve: { permission: 'cost.write', when: (i) => i.status === 'checked' || `${is(i)}; only a checked invoice can be approved (mark it checked first).` },
    pay: { permission: 'cost.write', when: (i) => i.status === 'approved' || `${is(i)}; only an approved invoice can be marked paid.` },
    dispute: { permission: 'cost.write', when: (i) => (i.status !== 'paid' && i.status !== 'disputed') || `${is(i)}; it cannot be disputed now.` },
    override: { permission: 'invoice.override', when: (i) => open(i) || `${is(i)}; its checks were settled when it was approved.` },
    // The PDF the vendor sent may arrive after the lines were entered, or after payment: in any state.
    attach: { permission: 'cost.write' },
  },
});

const CHANGE_WORDS: Record<string, string> = {
  proposed: 'is proposed',
  under_review: 'is under review',
  approved: 'is already approved',
  rejected: 'was rejected',
  implemented: 'is already implemented',
  withdrawn: 'was withdrawn by the vendor',
};
const changeIs = (c: ChangeRequestRow) => `The change request ${CHANGE_WORDS[c.status] ?? 'is in another state'}`;
const undecided = (c: ChangeRequestRow) => c.status === 'proposed' || c.status === 'under_review';

/**
 * Change requests: proposed → under review → approved / rejected → implemented. The client
 * decides; a vendor contact raises its own vendor's and reads them in the portal (never the
 * internal note, the contract or the budget: its presenter leaves them out).
 */
const vendorsOwn = (c: ChangeRequestRow) => c.raisedBy === 'vendor' || 'The client raised this change request; only the client can change it.';
export const changeRequestPolicy = definePolicy<
  ChangeRequestRow,
  'list' | 'listOwn' | 'read' | 'create' | 'raise' | 'amendOwn' | 'withdraw' | 'update' | 'review' | 'approve' | 'reject' | 'implement' | 'reference'
>({
  label: 'The change request',
  vendorOf: (c) => c.vendorId,
  actions: {
    list: { permission: 'cost.read' },
    listOwn: { permission: 'portal.use' },
    read: { permission: ['cost.read', 'portal.use'] },
    create: { permission: 'cost.write' },
    raise: { permission: 'portal.use' },
    // The vendor may correct what it raised until the client starts looking at it, and take it back until the client decides.
    amendOwn: { permission: 'portal.use', when: (c) => (vendorsOwn(c) === true ? c.status === 'proposed' || `${changeIs(c)}; it can be edited only while proposed.` : vendorsOwn(c)) },
    withdraw: { permission: 'portal.use', when: (c) => (vendorsOwn(c) === true ? undecided(c) || `${changeIs(c)}; only a change not yet decided can be withdrawn.` : vendorsOwn(c)) },
    update: { permission: 'cost.write', when: (c) => undecided(c) || `${changeIs(c)}; only a proposed change or one under review can be edited.` },
    review: { permission: 'cost.write', when: (c) => c.status === 'proposed' || `${changeIs(c)}; only a proposed change can be taken under review.` },
    approve: { permission: 'cost.write', when: (c) => undecided(c) || `${changeIs(c)}; only a proposed change or one under review can be approved.` },
    reject: { permission: 'cost.write', when: (c) => undecided(c) || `${changeIs(c)}; only a proposed change or one under review can be rejected.` },
    implement: { permission: 'cost.write', when: (c) => c.status === 'approved' || `${changeIs(c)}; only an approved change can be marked implemented.` },
    reference: { permission: 'cost.read' },
  },
});

/** Service credits recovered: a view over the organisation, read by readers; waiving a month's credit is a cost decision. */
export const serviceCreditPolicy = definePolicy<{ orgId: string }, 'list' | 'waive'>({
  label: 'The service credits',
  collection: true,
  actions: { list: { permission: 'cost.read' }, waive: { permission: 'cost.write' } },
});

/** A waiver of a month's service credit: taken back by a cost writer (waived by mistake), the credit then owed again. */
export const creditWaiverPolicy = definePolicy<WaiverRow, 'withdraw'>({
  label: 'The waiver',
  actions: { withdraw: { permission: 'cost.write' } },
});

/** Saved invoice import mappings: read with the costs, saved, edited and deleted by cost writers. */
export const invoiceMappingPolicy = definePolicy<InvoiceMappingRow, 'list' | 'save' | 'update' | 'delete'>({
  label: 'The invoice mapping',
  actions: { list: { permission: 'cost.read' }, save: { permission: 'cost.write' }, update: { permission: 'cost.write' }, delete: { permission: 'cost.write' } },
});

/** Exchange rates per currency and month: read with the costs, entered, imported and removed by cost writers. Vendor contacts never see them. */
export const exchangeRatePolicy = definePolicy<{ orgId: string }, 'list' | 'write' | 'delete'>({
  label: 'The exchange rate',
  actions: { list: { permission: 'cost.read' }, write: { permission: 'cost.write' }, delete: { permission: 'cost.write' } },
});
