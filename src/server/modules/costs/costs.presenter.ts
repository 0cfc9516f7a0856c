import { CHECK_LABELS, type CheckCode } from '../../../domain/costs/checks.ts';
import { fiscalMonths, fiscalYearLabel, milliToQuantity, monthLabel, spreadEvenly } from '../../../domain/costs/fiscal.ts';
import { formatMoney } from '../../../domain/money.ts';
import type { Budget, Invoice, InvoiceCheck, InvoiceDetail, RateCardItem } from '../../../shared/contracts/costs.ts';
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
    overridden: c.check.overrideReason !== null,
    overrideReason: c.check.overrideReason,
    overriddenByName: c.overriddenByName,
    overriddenAt: c.check.overriddenAt?.toISOString() ?? null,
  };
}

export function presentInvoiceDetail(r: InvoiceWithNames, lines: LineWithNames[], checks: CheckWithNames[]): InvoiceDetail {
  return {
    ...presentInvoice(r),
    lines: lines.map(({ line: l, rateCardItemName, milestoneName }) => ({
      id: l.id,
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
    })),
    checks: checks.map(presentCheck),
  };
}

/** "Invoice INV-7 of Kestrel (€12,500.00)": an invoice named in the audit trail and the dashboard. */
export function invoiceInWords(i: { number: string; totalMinor: number; currency: string }, vendorName?: string): string {
  return `Invoice ${i.number}${vendorName ? ` of ${vendorName}` : ''} (${formatMoney({ amountMinor: i.totalMinor, currency: i.currency })})`;
}
