import { z } from 'zod';
import { CHECK_CODES, CHECK_LABELS } from '../../domain/costs/checks.ts';
import { QUANTITY_PATTERN } from '../../domain/costs/fiscal.ts';
import { IsoDate, IsoMonth, PageQuery, patchOf, requiredText, text } from './common.ts';
import { MoneyAmount } from './dashboard.ts';
import { AmountMinor, Currency } from './deliverables.ts';

export { CHECK_CODES, CHECK_LABELS };
const uuidField = (what: string) => z.uuid({ message: `Expected ${what}` });
const csv = <T extends z.ZodType>(item: T) => z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(10));

// ---------- settings ----------
export const CostSettingsInput = z
  .object({
    fiscalYearStartMonth: z.number().int('Expected a month from 1 (January) to 12 (December)').min(1, 'Expected a month from 1 (January) to 12 (December)').max(12, 'Expected a month from 1 (January) to 12 (December)'),
    baseCurrency: Currency,
    /** Alert when the run-rate forecast exceeds a budget by more than this percentage (default 10). */
    forecastThresholdPct: z.number().int('Expected a whole percentage').min(0, 'Must not be negative').max(1000, 'At most 1000 %').optional(),
  })
  .strict();
export const CostSettings = z.object({ fiscalYearStartMonth: z.number().int(), baseCurrency: z.string(), forecastThresholdPct: z.number().int(), currentFiscalYear: z.number().int(), currentFiscalYearLabel: z.string() });
export type CostSettings = z.infer<typeof CostSettings>;

// ---------- budgets ----------
export const SPEND_TYPES = ['capex', 'opex'] as const;
export const SPEND_TYPE_LABELS: Record<(typeof SPEND_TYPES)[number], string> = { capex: 'CAPEX', opex: 'OPEX' };
export const PHASINGS = ['even', 'monthly'] as const;
const FiscalYear = z.number().int('Expected a year such as 2026').min(2000, 'Expected a year from 2000').max(2200, 'Expected a year until 2200');
export const BudgetInput = z
  .object({
    engagementId: uuidField('an engagement id'),
    fiscalYear: FiscalYear,
    label: requiredText(200).default('Budget'),
    amountMinor: AmountMinor,
    currency: Currency,
    phasing: z.enum(PHASINGS).default('even'),
    /** Twelve amounts in fiscal-year order that add up to the amount (monthly phasing). */
    monthlyMinor: z.array(AmountMinor).length(12, 'Expected twelve monthly amounts, one per month of the fiscal year').nullable().optional(),
    spendType: z.enum(SPEND_TYPES).nullable().optional(),
    note: text(2000).nullable().optional(),
  })
  .strict();
export const BudgetUpdate = patchOf(BudgetInput.omit({ engagementId: true }));
export const BudgetMonth = z.object({ month: z.string(), label: z.string(), amountMinor: z.number().int() });
export const Budget = z.object({
  id: z.string(),
  engagementId: z.string(),
  engagementName: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  fiscalYear: z.number().int(),
  fiscalYearLabel: z.string(),
  label: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  phasing: z.enum(PHASINGS),
  months: z.array(BudgetMonth),
  spendType: z.enum(SPEND_TYPES).nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Budget = z.infer<typeof Budget>;
export const BudgetListQuery = PageQuery.extend({ engagementId: z.uuid().optional(), fiscalYear: z.coerce.number().int().min(2000).max(2200).optional() });

// ---------- rate cards ----------
export const RATE_UNITS = ['hour', 'day', 'month', 'ticket', 'user', 'fixed'] as const;
export const RATE_UNIT_LABELS: Record<(typeof RATE_UNITS)[number], string> = { hour: 'per hour', day: 'per day', month: 'per month', ticket: 'per ticket', user: 'per user', fixed: 'fixed price' };
export const RateUnit = z.enum(RATE_UNITS, { message: 'Expected one of hour, day, month, ticket, user or fixed' });
export const RateCardItemInput = z
  .object({
    contractId: uuidField('a contract id'),
    name: requiredText(200),
    unit: RateUnit,
    unitPriceMinor: AmountMinor,
    currency: Currency,
    validFrom: IsoDate.nullable().optional(),
    validTo: IsoDate.nullable().optional(),
  })
  .strict();
export const RateCardItemUpdate = patchOf(RateCardItemInput.omit({ contractId: true }));
export const RateCardItem = z.object({
  id: z.string(),
  contractId: z.string(),
  contractTitle: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  name: z.string(),
  unit: RateUnit,
  unitPriceMinor: z.number().int(),
  currency: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RateCardItem = z.infer<typeof RateCardItem>;
export const RateCardListQuery = PageQuery.extend({ contractId: z.uuid().optional() });

// ---------- invoices ----------
export const INVOICE_STATUSES = ['received', 'checked', 'approved', 'paid', 'disputed'] as const;
export const InvoiceStatus = z.enum(INVOICE_STATUSES);
export const INVOICE_STATUS_LABELS: Record<(typeof INVOICE_STATUSES)[number], string> = {
  received: 'Received',
  checked: 'Checked',
  approved: 'Approved',
  paid: 'Paid',
  disputed: 'Disputed',
};
export const Quantity = z
  .string()
  .trim()
  .regex(QUANTITY_PATTERN, 'Expected a quantity such as 3 or 1.5, with at most three decimals and a dot as decimal separator');
/** A line amount in minor units: negative only on a service credit line (a deduction), which the service checks. */
const LineMinor = z
  .number({ message: 'Expected a whole number of minor units (cents)' })
  .int({ message: 'Expected a whole number of minor units (cents), not a decimal' })
  .min(-Number.MAX_SAFE_INTEGER)
  .max(Number.MAX_SAFE_INTEGER);
export const InvoiceLineInput = z
  .object({
    description: requiredText(500),
    quantity: Quantity,
    unit: RateUnit,
    unitPriceMinor: LineMinor,
    amountMinor: LineMinor,
    taxMinor: LineMinor.default(0),
    rateCardItemId: uuidField('a rate card item id').nullable().optional(),
    milestoneId: uuidField('a milestone id').nullable().optional(),
    /** The approved change request this line bills (extra work agreed as a change). */
    changeRequestId: uuidField('a change request id').nullable().optional(),
    /** A service credit line: the SLA month it credits (its amounts are negative). */
    serviceCreditMonth: IsoMonth.nullable().optional(),
  })
  .strict();
export const InvoiceInput = z
  .object({
    vendorId: uuidField('a vendor id'),
    engagementId: uuidField('an engagement id').nullable().optional(),
    contractId: uuidField('a contract id').nullable().optional(),
    number: requiredText(100),
    invoiceDate: IsoDate,
    periodFrom: IsoDate.nullable().optional(),
    periodTo: IsoDate.nullable().optional(),
    currency: Currency,
    lines: z.array(InvoiceLineInput).min(1, 'Add at least one line').max(500),
    subtotalMinor: AmountMinor,
    taxMinor: AmountMinor.default(0),
    totalMinor: AmountMinor,
    note: text(5000).nullable().optional(),
  })
  .strict();
export const InvoiceUpdate = patchOf(InvoiceInput.omit({ vendorId: true }));

export const InvoiceLine = z.object({
  /** The line's place on its invoice, from 1: what names a line (checks say "Line 2"). */
  position: z.number().int(),
  description: z.string(),
  /** Exact, as a decimal string ("1.5"). */
  quantity: z.string(),
  unit: RateUnit,
  unitPriceMinor: z.number().int(),
  amountMinor: z.number().int(),
  taxMinor: z.number().int(),
  rateCardItemId: z.string().nullable(),
  rateCardItemName: z.string().nullable(),
  milestoneId: z.string().nullable(),
  milestoneName: z.string().nullable(),
  changeRequestId: z.string().nullable(),
  changeRequestTitle: z.string().nullable(),
  serviceCreditMonth: z.string().nullable(),
});
export const InvoiceCheck = z.object({
  key: z.string(),
  code: z.enum(CHECK_CODES),
  label: z.string(),
  linePosition: z.number().int().nullable(),
  words: z.string(),
  /** The other invoices the check names (a duplicate, a period billed before), to open beside this one. */
  relatedInvoices: z.array(z.object({ id: z.string(), number: z.string() })),
  overridden: z.boolean(),
  overrideReason: z.string().nullable(),
  overriddenByName: z.string().nullable(),
  overriddenAt: z.string().nullable(),
});
export type InvoiceCheck = z.infer<typeof InvoiceCheck>;
/** The invoice as the vendor sent it (a PDF), newest first. */
export const InvoiceDocument = z.object({
  id: z.string(),
  invoiceId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedByName: z.string().nullable(),
  uploadedAt: z.string(),
});
export type InvoiceDocument = z.infer<typeof InvoiceDocument>;
export const Invoice = z.object({
  id: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  engagementId: z.string().nullable(),
  engagementName: z.string().nullable(),
  contractId: z.string().nullable(),
  contractTitle: z.string().nullable(),
  number: z.string(),
  invoiceDate: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  currency: z.string(),
  subtotalMinor: z.number().int(),
  taxMinor: z.number().int(),
  totalMinor: z.number().int(),
  status: InvoiceStatus,
  disputeReason: z.string().nullable(),
  paidOn: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Failing checks not overridden: approval waits for them. */
  openChecks: z.number().int(),
  checkCount: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Invoice = z.infer<typeof Invoice>;
export const InvoiceDetail = Invoice.extend({ lines: z.array(InvoiceLine), checks: z.array(InvoiceCheck) });
export type InvoiceDetail = z.infer<typeof InvoiceDetail>;
export const InvoiceListQuery = PageQuery.extend({
  engagementId: z.uuid().optional(),
  vendorId: z.uuid().optional(),
  contractId: z.uuid().optional(),
  status: csv(InvoiceStatus).optional(),
});
export const CheckInvoiceInput = z.object({ note: text(2000).nullable().optional() }).strict();
export const ApproveInvoiceInput = z.object({ note: text(2000).nullable().optional() }).strict();
export const DisputeInvoiceInput = z.object({ reason: requiredText(2000) }).strict();
export const PayInvoiceInput = z.object({ paidOn: IsoDate }).strict();
export const OverrideCheckInput = z.object({ key: requiredText(200), reason: requiredText(2000) }).strict();

// ---------- actual vs budget ----------
export const CostsQuery = z.object({ fiscalYear: z.coerce.number().int().min(2000).max(2200).optional() });
const Amounts = z.array(MoneyAmount);
export const CostMonth = z.object({
  month: z.string(),
  label: z.string(),
  budget: Amounts,
  /** Approved and paid invoices (net of tax) in a currency a budget is kept in. */
  actual: Amounts,
  /** Approved and paid invoices in other currencies, in their own currency; `converted` gives each in the base currency with the month's rate, or why not. */
  notConverted: Amounts,
});
/** An amount converted into the base currency with the rate used, or why not (see `conversion.ts`). */
export const ConvertedFigure = z.object({ amountMinor: z.number().int().nullable(), currency: z.string(), rate: z.string().nullable(), via: z.string().nullable(), words: z.string() });
export const EngagementCosts = z.object({
  engagementId: z.string(),
  fiscalYear: z.number().int(),
  fiscalYearLabel: z.string(),
  baseCurrency: z.string(),
  months: z.array(CostMonth),
  total: CostMonth.omit({ month: true, label: true }),
  budgets: z.array(Budget),
  /** Per currency with a budget: the run-rate forecast to the fiscal year's end and its alert, in words. */
  forecast: z.array(
    z.object({ currency: z.string(), budgetMinor: z.number().int(), actualMinor: z.number().int(), monthsElapsed: z.number().int(), forecastMinor: z.number().int(), alert: z.enum(['actual_over', 'forecast_over']).nullable(), words: z.string() }),
  ),
  /** The "not converted" amounts in the base currency with the rate of their month, or why not. */
  converted: z.array(z.object({ month: z.string(), label: z.string(), from: MoneyAmount, to: ConvertedFigure })),
  /** What the figures mean, in words. */
  notes: z.array(z.string()),
});
export type EngagementCosts = z.infer<typeof EngagementCosts>;

// ---------- service credits recovered ----------
export const ServiceCreditsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2200).optional(), engagementId: z.uuid().optional() });
export const ServiceCreditRow = z.object({
  engagementId: z.string(),
  engagementName: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  month: z.string(),
  label: z.string(),
  currency: z.string(),
  /** The SLA engine's credit; null when the policy has no fee (credit in % only). */
  owedMinor: z.number().int().nullable(),
  creditPct: z.number(),
  receivedMinor: z.number().int(),
  outstandingMinor: z.number().int(),
  waivedMinor: z.number().int(),
  waiver: z.object({ id: z.string(), reason: z.string(), byName: z.string().nullable(), at: z.string() }).nullable(),
  otherCurrencies: z.array(MoneyAmount),
});
export const ServiceCredits = z.object({
  year: z.number().int(),
  rows: z.array(ServiceCreditRow),
  totals: z.object({ owed: z.array(MoneyAmount), received: z.array(MoneyAmount), outstanding: z.array(MoneyAmount), waived: z.array(MoneyAmount) }),
  notes: z.array(z.string()),
});
export type ServiceCredits = z.infer<typeof ServiceCredits>;
export const WaiveCreditInput = z.object({ engagementId: uuidField('an engagement id'), month: IsoMonth, reason: requiredText(2000) }).strict();
export const CreditWaiver = z.object({ id: z.string(), engagementId: z.string(), month: z.string(), currency: z.string(), amountMinor: z.number().int(), reason: z.string(), waivedAt: z.string() });

// ---------- portfolio spend ----------
export const SpendQuery = z.object({ fiscalYear: z.coerce.number().int().min(2000).max(2200).optional(), vendorId: z.uuid().optional() });
export const Spend = z.object({
  fiscalYear: z.number().int(),
  fiscalYearLabel: z.string(),
  months: z.array(z.object({ month: z.string(), label: z.string() })),
  /** One row per vendor and currency: twelve monthly amounts in fiscal-year order and their total. */
  rows: z.array(z.object({ vendorId: z.string(), vendorName: z.string(), currency: z.string(), monthsMinor: z.array(z.number().int()), totalMinor: z.number().int() })),
  /** Per currency: the twelve monthly totals and the year's total (never across currencies). */
  totals: z.array(z.object({ currency: z.string(), monthsMinor: z.array(z.number().int()), totalMinor: z.number().int() })),
  /**
   * Everything in the base currency with the rate of each month (see exchange rates): per row
   * and month the converted figure and its words ("€1,234.00 at 1 USD = 0.921150 EUR, September
   * 2026", or "Not converted: no USD rate for October 2026"); the total only when complete.
   */
  converted: z.object({
    baseCurrency: z.string(),
    rows: z.array(z.object({ vendorId: z.string(), currency: z.string(), months: z.array(ConvertedFigure.nullable()), totalMinor: z.number().int().nullable() })),
    monthsMinor: z.array(z.number().int().nullable()),
    totalMinor: z.number().int().nullable(),
    /** The rates used, one per currency and month. */
    rates: z.array(z.object({ currency: z.string(), month: z.string(), monthLabel: z.string(), rate: z.string(), via: z.string().nullable() })),
    /** Each month and currency without a rate, in words. */
    missing: z.array(z.string()),
  }),
  notes: z.array(z.string()),
});
export type Spend = z.infer<typeof Spend>;

export const BudgetPositionsQuery = SpendQuery;
/** One engagement's budgets of the fiscal year in one currency, against its actual and run-rate forecast. */
export const BudgetPosition = z.object({
  engagementId: z.string(),
  engagementName: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  currency: z.string(),
  /** The whole year's budget (every budget of the engagement in this currency). */
  budgetMinor: z.number().int(),
  /** The budget of the months begun so far, as phased. */
  budgetToDateMinor: z.number().int(),
  actualMinor: z.number().int(),
  /** Budget less actual; negative when the actual is over the budget. */
  remainingMinor: z.number().int(),
  /** The run-rate forecast to the year's end (0 before the year begins). */
  forecastMinor: z.number().int(),
  alert: z.enum(['actual_over', 'forecast_over']).nullable(),
  /** The position in a sentence, as on the engagement's Costs tab. */
  words: z.string(),
});
export const BudgetPositions = z.object({
  fiscalYear: z.number().int(),
  fiscalYearLabel: z.string(),
  /** Months of the year begun (0–12), and the last of them in words ("December 2026"), null before the year begins. */
  monthsElapsed: z.number().int(),
  throughLabel: z.string().nullable(),
  /** The organisation's forecast threshold, in percent over the budget. */
  thresholdPct: z.number().int(),
  /** Alerts first (actual over, then forecast over), then by vendor and engagement. */
  rows: z.array(BudgetPosition),
  /** Per currency (never across currencies). */
  totals: z.array(z.object({ currency: z.string(), budgetMinor: z.number().int(), budgetToDateMinor: z.number().int(), actualMinor: z.number().int(), forecastMinor: z.number().int() })),
  /** Approved and paid spend of the year with no budget to hold it against: on an engagement without a budget in its currency, or on no engagement. */
  unbudgeted: z.array(z.object({ engagementId: z.string().nullable(), engagementName: z.string().nullable(), vendorId: z.string(), vendorName: z.string(), currency: z.string(), actualMinor: z.number().int() })),
  notes: z.array(z.string()),
});
export type BudgetPositions = z.infer<typeof BudgetPositions>;
