import { CHECK_LABELS, type CheckCode } from '../../../domain/costs/checks.ts';
import { fiscalMonths, fiscalYearLabel, milliToQuantity, monthLabel, spreadEvenly } from '../../../domain/costs/fiscal.ts';
import { changeValue } from '../../../domain/costs/change-requests.ts';
import { formatMoney } from '../../../domain/money.ts';
import type { ChangeRequest, PortalChangeRequest } from '../../../shared/contracts/change-requests.ts';
import type { Budget, Invoice, InvoiceCheck, InvoiceDetail, RateCardItem } from '../../../shared/contracts/costs.ts';
import type { ChangeRequestWithNames } from './change-requests.repo.ts';
import type { BudgetRow, BudgetWithNames, CheckWithNames, InvoiceWithNames, LineWithNames, RateCardItemWithNames } from './costs.repo.ts';

/** A budget's twelve monthly amounts in fiscal-year order: as phased, or spread evenly. */
export const monthlyOf = (b: BudgetRow) => (b.phasing === 'monthly' && b.monthlyMinor?.length === 12 ? b.monthlyMinor : spreadEvenly(b.amountMinor));

export function presentBudget(r: BudgetWithNames, startMonth: number): Budget {
  const b = r.budget;
  const amounts = monthlyOf(b);
  return {
    id: b.id,
    engagementId: b.engagementId,
    engagementName: r.engagementName,
    vendorId: b.vendorId,
    vendorName: r.vendorName,
    fiscalYear: b.fiscalYear,
    fiscalYearLabel: fiscalYearLabel(b.fiscalYear, startMonth),
    label: b.label,
    amountMinor: b.amountMinor,
    currency: b.currency,
    phasing: b.phasing as Budget['phasing'],
    months: fiscalMonths(b.fiscalYear, startMonth).map((month, i) => ({ month, label: monthLabel(month), amountMinor: amounts[i] })),
    spendType: (b.spendType as Budget['spendType']) ?? null,
    note: b.note,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}

export function presentRateCardItem(r: RateCardItemWithNames): RateCardItem {
  const i = r.item;
  return {
    id: i.id,
    contractId: i.contractId,
    contractTitle: r.contractTitle,
    vendorId: i.vendorId,
    vendorName: r.vendorName,
    name: i.name,
    unit: i.unit as RateCardItem['unit'],
    unitPriceMinor: i.unitPriceMinor,
    currency: i.currency,
    validFrom: i.validFrom,
    validTo: i.validTo,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

export function presentInvoice(r: InvoiceWithNames): Invoice {
  const i = r.invoice;
  return {
    id: i.id,
    vendorId: i.vendorId,
    vendorName: r.vendorName,
    engagementId: i.engagementId,
    engagementName: r.engagementName,
    contractId: i.contractId,
    contractTitle: r.contractTitle,
    number: i.number,
    invoiceDate: i.invoiceDate,
    periodFrom: i.periodFrom,
    periodTo: i.periodTo,
    currency: i.currency,
    subtotalMinor: i.subtotalMinor,
    taxMinor: i.taxMinor,
    totalMinor: i.totalMinor,
    status: i.status as Invoice['status'],
    disputeReason: i.status === 'disputed' ? i.disputeReason : null,
    paidOn: i.paidOn,
    decidedByName: r.decidedByName,
    decidedAt: i.decidedAt?.toISOString() ?? null,
    openChecks: Number(r.openChecks),
    checkCount: Number(r.checkCount),
    note: i.note,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

export function presentCheck(c: CheckWithNames): InvoiceCheck {
  return {
    key: c.check.key,
    code: c.check.code as CheckCode,
    label: CHECK_LABELS[c.check.code as CheckCode] ?? c.check.code,
    linePosition: c.check.linePosition,
    words: c.check.words,
    relatedInvoices: c.relatedInvoices,
    overridden: c.check.overrideReason !== null,
    overrideReason: c.check.overrideReason,
    overriddenByName: c.overriddenByName,
    overriddenAt: c.check.overriddenAt?.toISOString() ?? null,
  };
}

export function presentInvoiceDetail(r: InvoiceWithNames, lines: LineWithNames[], checks: CheckWithNames[]): InvoiceDetail {
  return {
    ...presentInvoice(r),
    lines: lines.map(({ line: l, rateCardItemName, milestoneName, changeRequestTitle }) => ({
      position: l.position,
      description: l.description,
      quantity: milliToQuantity(l.quantityMilli),
      unit: l.unit as InvoiceDetail['lines'][number]['unit'],
      unitPriceMinor: l.unitPriceMinor,
      amountMinor: l.amountMinor,
      taxMinor: l.taxMinor,
      rateCardItemId: l.rateCardItemId,
      rateCardItemName,
      milestoneId: l.milestoneId,
      milestoneName,
      changeRequestId: l.changeRequestId,
      changeRequestTitle,
      serviceCreditMonth: l.serviceCreditMonth,
    })),
    checks: checks.map(presentCheck),
  };
}

/** "Invoice INV-7 of Kestrel (€12,500.00)": an invoice named in the audit trail and the dashboard. */
export function invoiceInWords(i: { number: string; totalMinor: number; currency: string }, vendorName?: string): string {
  return `Invoice ${i.number}${vendorName ? ` of ${vendorName}` : ''} (${formatMoney({ amountMinor: i.totalMinor, currency: i.currency })})`;
}

/** "Change request "Add SSO" (€12,000.00)": a change named in the audit trail. */
export function changeInWords(c: { title: string; oneOffMinor: number; recurringMinor: number; recurringMonths: number; currency: string }): string {
  return `Change request "${c.title}" (${formatMoney({ amountMinor: changeValue(c.oneOffMinor, c.recurringMinor, c.recurringMonths), currency: c.currency })})`;
}

const named = (ids: string[], names: Map<string, string>) => ids.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : []));

/** What the vendor sees of a change request: no internal note, contract, budget or amendments. */
export function presentPortalChangeRequest(r: ChangeRequestWithNames, deliverables: Map<string, string>): PortalChangeRequest {
  const c = r.cr;
  return {
    id: c.id,
    engagementId: c.engagementId,
    engagementName: r.engagementName,
    title: c.title,
    reason: c.reason,
    scope: c.scope,
    raisedBy: c.raisedBy as PortalChangeRequest['raisedBy'],
    raisedByName: r.raisedByName,
    currency: c.currency,
    oneOffMinor: c.oneOffMinor,
    recurringMinor: c.recurringMinor,
    recurringMonths: c.recurringMonths,
    totalMinor: changeValue(c.oneOffMinor, c.recurringMinor, c.recurringMonths),
    scheduleDays: c.scheduleDays,
    deliverables: named(c.deliverableIds, deliverables),
    status: c.status as PortalChangeRequest['status'],
    decidedOn: c.decidedOn,
    decisionNote: c.decisionNote,
    implementedOn: c.implementedOn,
    createdAt: c.createdAt.toISOString(),
  };
}

export function presentChangeRequest(r: ChangeRequestWithNames, deliverables: Map<string, string>, milestones: Map<string, string>): ChangeRequest {
  const c = r.cr;
  return {
    ...presentPortalChangeRequest(r, deliverables),
    vendorId: c.vendorId,
    vendorName: r.vendorName,
    contractId: c.contractId,
    contractTitle: r.contractTitle,
    milestones: named(c.milestoneIds, milestones),
    decidedByName: r.decidedByName,
    amendments: c.amendments,
    internalNote: c.internalNote,
    updatedAt: c.updatedAt.toISOString(),
  };
}
