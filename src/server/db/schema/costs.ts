import { bigint, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contracts } from './contracts.ts';
import { milestones } from './deliverables.ts';
import { orgs, users } from './orgs.ts';
import { engagements, vendors } from './vendors.ts';

/** The organisation's cost settings: the month its fiscal year starts (1–12) and its base currency (ISO 4217). */
export const costSettings = pgTable('cost_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  fiscalYearStartMonth: integer('fiscal_year_start_month').notNull().default(1),
  baseCurrency: text('base_currency').notNull().default('EUR'),
  /** Alert when the run-rate forecast exceeds a budget by more than this percentage. */
  forecastThresholdPct: integer('forecast_threshold_pct').notNull().default(10),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A budget of an engagement for one fiscal year (named by the calendar year it starts in):
 * an amount in minor units and its currency, spread evenly or phased by month (twelve
 * amounts in fiscal-year order that add up to the amount), optionally tagged CAPEX or OPEX.
 */
export const budgets = pgTable(
  'budgets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id),
    fiscalYear: integer('fiscal_year').notNull(),
    label: text('label').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    /** even | monthly */
    phasing: text('phasing').notNull().default('even'),
    /** Twelve amounts in fiscal-year order (monthly phasing only). */
    monthlyMinor: jsonb('monthly_minor').$type<number[]>(),
    /** capex | opex, optional */
    spendType: text('spend_type'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('budgets_org_id_key').on(t.orgId, t.id), index('budgets_org_engagement_year_idx').on(t.orgId, t.engagementId, t.fiscalYear)],
);

/** One item of a contract's rate card: a role or item, its unit and unit price, valid from/to (open ends allowed). */
export const rateCardItems = pgTable(
  'rate_card_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    contractId: uuid('contract_id').notNull(),
    name: text('name').notNull(),
    /** hour | day | month | ticket | user | fixed */
    unit: text('unit').notNull(),
    unitPriceMinor: bigint('unit_price_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('rate_card_items_org_id_key').on(t.orgId, t.id),
    foreignKey({ columns: [t.orgId, t.contractId], foreignColumns: [contracts.orgId, contracts.id], name: 'rate_card_items_contract_fk' }),
    index('rate_card_items_org_contract_idx').on(t.orgId, t.contractId, t.name),
  ],
);

/**
 * An invoice a vendor sent, entered by hand: received → checked → approved → paid, or
 * disputed with a reason. Totals are as printed on the invoice; the checks compare them.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    engagementId: uuid('engagement_id').references(() => engagements.id),
    contractId: uuid('contract_id'),
    number: text('number').notNull(),
    invoiceDate: date('invoice_date', { mode: 'string' }).notNull(),
    periodFrom: date('period_from', { mode: 'string' }),
    periodTo: date('period_to', { mode: 'string' }),
    currency: text('currency').notNull(),
    subtotalMinor: bigint('subtotal_minor', { mode: 'number' }).notNull(),
    taxMinor: bigint('tax_minor', { mode: 'number' }).notNull(),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
    /** received | checked | approved | paid | disputed */
    status: text('status').notNull().default('received'),
    disputeReason: text('dispute_reason'),
    note: text('note'),
    enteredBy: uuid('entered_by').references(() => users.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    paidOn: date('paid_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('invoices_org_id_key').on(t.orgId, t.id),
    foreignKey({ columns: [t.orgId, t.contractId], foreignColumns: [contracts.orgId, contracts.id], name: 'invoices_contract_fk' }),
    index('invoices_org_vendor_number_idx').on(t.orgId, t.vendorId, t.number),
    index('invoices_org_engagement_date_idx').on(t.orgId, t.engagementId, t.invoiceDate),
    index('invoices_org_status_idx').on(t.orgId, t.status),
  ],
);

/**
 * A change to the agreed scope, raised by the client or by the vendor (a vendor contact, in
 * the portal): proposed → under review → approved / rejected → implemented. The cost impact
 * is one-off plus recurring (per month, for `recurring_months` months), in one currency.
 * Approving records what it amended: the budget it added to and the contract value it moved.
 */
export const changeRequests = pgTable(
  'change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id),
    contractId: uuid('contract_id'),
    title: text('title').notNull(),
    reason: text('reason').notNull(),
    scope: text('scope').notNull(),
    /** client | vendor */
    raisedBy: text('raised_by').notNull(),
    raisedByUserId: uuid('raised_by_user_id').references(() => users.id),
    currency: text('currency').notNull(),
    oneOffMinor: bigint('one_off_minor', { mode: 'number' }).notNull().default(0),
    recurringMinor: bigint('recurring_minor', { mode: 'number' }).notNull().default(0),
    recurringMonths: integer('recurring_months').notNull().default(0),
    scheduleDays: integer('schedule_days').notNull().default(0),
    deliverableIds: jsonb('deliverable_ids').$type<string[]>().notNull().default([]),
    milestoneIds: jsonb('milestone_ids').$type<string[]>().notNull().default([]),
    /** proposed | under_review | approved | rejected | implemented */
    status: text('status').notNull().default('proposed'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedOn: date('decided_on', { mode: 'string' }),
    decisionNote: text('decision_note'),
    implementedOn: date('implemented_on', { mode: 'string' }),
    /** What approving amended (null: nothing was there to amend). A record, not a reference: the budget may be removed later. */
    budgetId: uuid('budget_id'),
    budgetAddedMinor: bigint('budget_added_minor', { mode: 'number' }),
    contractValueBeforeMinor: bigint('contract_value_before_minor', { mode: 'number' }),
    contractValueAfterMinor: bigint('contract_value_after_minor', { mode: 'number' }),
    /** What approving did, in words, as it was at the time ("Added €1,000.00 to the budget …", "No budget … to add it to"). */
    amendments: jsonb('amendments').$type<string[]>().notNull().default([]),
    /** The client's own note: never shown to the vendor. */
    internalNote: text('internal_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('change_requests_org_id_key').on(t.orgId, t.id),
    foreignKey({ columns: [t.orgId, t.contractId], foreignColumns: [contracts.orgId, contracts.id], name: 'change_requests_contract_fk' }),
    index('change_requests_org_engagement_idx').on(t.orgId, t.engagementId, t.createdAt),
    index('change_requests_org_vendor_idx').on(t.orgId, t.vendorId, t.createdAt),
  ],
);

/**
 * A line of an invoice, known by its invoice and position; the quantity is kept exactly in
 * thousandths (1.5 days = 1500). That the invoice is of the line's organisation is checked
 * per statement by triggers (migration 0037), not a row-by-row foreign key, and its lines go
 * when it goes: an import writes 100,000 lines at once, and the key's probe and lock per line
 * cost more than the rest of their COPY (docs/PERFORMANCE.md, "Costs").
 */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    orgId: uuid('org_id').notNull(),
    invoiceId: uuid('invoice_id').notNull(),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    quantityMilli: bigint('quantity_milli', { mode: 'number' }).notNull(),
    unit: text('unit').notNull(),
    unitPriceMinor: bigint('unit_price_minor', { mode: 'number' }).notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    taxMinor: bigint('tax_minor', { mode: 'number' }).notNull().default(0),
    rateCardItemId: uuid('rate_card_item_id'),
    milestoneId: uuid('milestone_id'),
    /** The change request the line bills (extra work agreed as a change). */
    changeRequestId: uuid('change_request_id'),
    /** A service credit line: the SLA month (YYYY-MM) it credits; its amounts are negative (a deduction). */
    serviceCreditMonth: text('service_credit_month'),
  },
  (t) => [
    primaryKey({ columns: [t.invoiceId, t.position], name: 'invoice_lines_pkey' }),
    foreignKey({ columns: [t.orgId, t.rateCardItemId], foreignColumns: [rateCardItems.orgId, rateCardItems.id], name: 'invoice_lines_rate_card_item_fk' }),
    foreignKey({ columns: [t.orgId, t.milestoneId], foreignColumns: [milestones.orgId, milestones.id], name: 'invoice_lines_milestone_fk' }),
    foreignKey({ columns: [t.orgId, t.changeRequestId], foreignColumns: [changeRequests.orgId, changeRequests.id], name: 'invoice_lines_change_request_fk' }),
  ],
);

/**
 * The checks of an invoice as computed when it was last saved: each failing check in words,
 * keyed (`over_rate:line:2`) so an override with its reason survives a save that leaves the
 * same finding in the same words.
 */
export const invoiceChecks = pgTable(
  'invoice_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    invoiceId: uuid('invoice_id').notNull(),
    key: text('key').notNull(),
    /** duplicate | over_rate | no_rate | period_overlap | arithmetic | milestone_not_accepted */
    code: text('code').notNull(),
    linePosition: integer('line_position'),
    words: text('words').notNull(),
    /** The other invoices a duplicate or period check names (ids of the same organisation; one deleted since is left out when read). */
    relatedInvoiceIds: uuid('related_invoice_ids').array(),
    overrideReason: text('override_reason'),
    overriddenBy: uuid('overridden_by').references(() => users.id),
    overriddenAt: timestamp('overridden_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('invoice_checks_key').on(t.invoiceId, t.key),
    foreignKey({ columns: [t.orgId, t.invoiceId], foreignColumns: [invoices.orgId, invoices.id], name: 'invoice_checks_invoice_fk' }).onDelete('cascade'),
  ],
);

/**
 * The invoice as the vendor sent it (a PDF), stored like evidence: the file under the
 * organisation's files directory, its type decided from the content. Several when a corrected
 * copy follows; newest first.
 */
export const invoiceDocuments = pgTable(
  'invoice_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    invoiceId: uuid('invoice_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('invoice_documents_invoice_idx').on(t.invoiceId, t.createdAt),
    foreignKey({ columns: [t.orgId, t.invoiceId], foreignColumns: [invoices.orgId, invoices.id], name: 'invoice_documents_invoice_fk' }).onDelete('cascade'),
  ],
);

/**
 * A month's service credit the organisation chose not to claim, with its reason: it no
 * longer counts as owed and not received. Keeps the amount that was let go at the time.
 */
export const serviceCreditWaivers = pgTable(
  'service_credit_waivers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id),
    /** YYYY-MM */
    month: text('month').notNull(),
    currency: text('currency').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    waivedBy: uuid('waived_by').references(() => users.id),
    waivedAt: timestamp('waived_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('service_credit_waivers_org_id_key').on(t.orgId, t.id), uniqueIndex('service_credit_waivers_month_key').on(t.orgId, t.engagementId, t.month)],
);

/** A saved mapping of an accounting export's columns to invoice fields, by name (like the ticket import's generic mapping). */
export const invoiceMappings = pgTable(
  'invoice_mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    columns: jsonb('columns').$type<Record<string, string | null>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('invoice_mappings_name_key').on(t.orgId, t.name)],
);
