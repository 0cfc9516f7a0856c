import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { budgets, changeRequests, contracts, costSettings, engagements, invoiceChecks, invoiceLines, invoices, milestones, rateCardItems, users, vendors } from '../../db/schema.ts';

export type SettingsRow = typeof costSettings.$inferSelect;
export type BudgetRow = typeof budgets.$inferSelect;
export type RateCardItemRow = typeof rateCardItems.$inferSelect;
export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
export type InvoiceCheckRow = typeof invoiceChecks.$inferSelect;

// ---------------------------------------------------------------- settings

export async function findSettings(db: Db, orgId: string): Promise<SettingsRow | null> {
  const rows = await db.select().from(costSettings).where(eq(costSettings.orgId, orgId)).limit(1);
  return rows[0] ?? null;
}

export async function upsertSettings(db: Db, orgId: string, values: { fiscalYearStartMonth: number; baseCurrency: string; forecastThresholdPct: number; updatedAt: Date }): Promise<SettingsRow> {
  const [r] = await db
    .insert(costSettings)
    .values({ orgId, ...values })
    .onConflictDoUpdate({ target: costSettings.orgId, set: values })
    .returning();
  return r;
}

// ---------------------------------------------------------------- budgets

export type BudgetWithNames = { budget: BudgetRow; engagementName: string; vendorName: string };
const BUDGET_SORT: KeysetSort = { cols: [key(sql`${budgets.fiscalYear}`, 'int'), key(sql`${budgets.id}`, 'uuid')], desc: false };
export const budgetSort = { arity: 2, key: (r: BudgetWithNames) => [r.budget.fiscalYear, r.budget.id] };
const budgetQuery = (db: Db) =>
  db
    .select({ budget: budgets, engagementName: engagements.name, vendorName: vendors.name })
    .from(budgets)
    .innerJoin(engagements, eq(engagements.id, budgets.engagementId))
    .innerJoin(vendors, eq(vendors.id, budgets.vendorId));

export async function listBudgets(db: Db, orgId: string, f: { engagementId?: string; fiscalYear?: number }, after: unknown[] | null, limit: number): Promise<BudgetWithNames[]> {
  const where: SQL[] = [eq(budgets.orgId, orgId)];
  if (f.engagementId) where.push(eq(budgets.engagementId, f.engagementId));
  if (f.fiscalYear !== undefined) where.push(eq(budgets.fiscalYear, f.fiscalYear));
  return budgetQuery(db)
    .where(and(...where, afterCursor(BUDGET_SORT, after)))
    .orderBy(...keysetOrder(BUDGET_SORT))
    .limit(limit);
}

export async function findBudget(db: Db, orgId: string, id: string): Promise<BudgetWithNames | null> {
  const rows = await budgetQuery(db)
    .where(and(eq(budgets.orgId, orgId), eq(budgets.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function lockBudget(db: Db, orgId: string, id: string): Promise<BudgetRow | null> {
  const rows = await db.select().from(budgets).where(and(eq(budgets.orgId, orgId), eq(budgets.id, id))).for('update').limit(1);
  return rows[0] ?? null;
}

export async function insertBudget(db: Db, row: typeof budgets.$inferInsert): Promise<BudgetRow> {
  const [r] = await db.insert(budgets).values(row).returning();
  return r;
}

export async function updateBudget(db: Db, orgId: string, id: string, patch: Partial<typeof budgets.$inferInsert>): Promise<BudgetRow> {
  const [r] = await db.update(budgets).set(patch).where(and(eq(budgets.orgId, orgId), eq(budgets.id, id))).returning();
  return r;
}

export async function deleteBudget(db: Db, orgId: string, id: string): Promise<void> {
  await db.delete(budgets).where(and(eq(budgets.orgId, orgId), eq(budgets.id, id)));
}

/** Every budget of an engagement for a fiscal year (a handful). */
export async function budgetsOf(db: Db, orgId: string, engagementId: string, fiscalYear: number): Promise<BudgetWithNames[]> {
  return budgetQuery(db)
    .where(and(eq(budgets.orgId, orgId), eq(budgets.engagementId, engagementId), eq(budgets.fiscalYear, fiscalYear)))
    .orderBy(asc(budgets.createdAt), asc(budgets.id));
}

// ---------------------------------------------------------------- rate cards

export type RateCardItemWithNames = { item: RateCardItemRow; contractTitle: string; vendorName: string };
const RATE_SORT: KeysetSort = { cols: [key(sql`${rateCardItems.name}`, 'text'), key(sql`${rateCardItems.id}`, 'uuid')], desc: false };
export const rateSort = { arity: 2, key: (r: RateCardItemWithNames) => [r.item.name, r.item.id] };
const rateQuery = (db: Db) =>
  db
    .select({ item: rateCardItems, contractTitle: contracts.title, vendorName: vendors.name })
    .from(rateCardItems)
    .innerJoin(contracts, eq(contracts.id, rateCardItems.contractId))
    .innerJoin(vendors, eq(vendors.id, rateCardItems.vendorId));

export async function listRateCardItems(db: Db, orgId: string, f: { contractId?: string }, after: unknown[] | null, limit: number): Promise<RateCardItemWithNames[]> {
  const where: SQL[] = [eq(rateCardItems.orgId, orgId)];
  if (f.contractId) where.push(eq(rateCardItems.contractId, f.contractId));
  return rateQuery(db)
    .where(and(...where, afterCursor(RATE_SORT, after)))
    .orderBy(...keysetOrder(RATE_SORT))
    .limit(limit);
}

export async function findRateCardItem(db: Db, orgId: string, id: string): Promise<RateCardItemWithNames | null> {
  const rows = await rateQuery(db)
    .where(and(eq(rateCardItems.orgId, orgId), eq(rateCardItems.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function lockRateCardItem(db: Db, orgId: string, id: string): Promise<RateCardItemRow | null> {
  const rows = await db.select().from(rateCardItems).where(and(eq(rateCardItems.orgId, orgId), eq(rateCardItems.id, id))).for('update').limit(1);
  return rows[0] ?? null;
}

export async function insertRateCardItem(db: Db, row: typeof rateCardItems.$inferInsert): Promise<RateCardItemRow> {
  const [r] = await db.insert(rateCardItems).values(row).returning();
  return r;
}

export async function updateRateCardItem(db: Db, orgId: string, id: string, patch: Partial<typeof rateCardItems.$inferInsert>): Promise<RateCardItemRow> {
  const [r] = await db.update(rateCardItems).set(patch).where(and(eq(rateCardItems.orgId, orgId), eq(rateCardItems.id, id))).returning();
  return r;
}

/** Whether an invoice line names the item (then it stays, for the invoice's history). */
export async function rateCardItemInUse(db: Db, orgId: string, id: string): Promise<boolean> {
  const rows = await db
    .select({ position: invoiceLines.position })
    .from(invoiceLines)
    .where(and(eq(invoiceLines.orgId, orgId), eq(invoiceLines.rateCardItemId, id)))
    .limit(1);
  return rows.length > 0;
}

export async function deleteRateCardItem(db: Db, orgId: string, id: string): Promise<void> {
  await db.delete(rateCardItems).where(and(eq(rateCardItems.orgId, orgId), eq(rateCardItems.id, id)));
}

/** A contract's whole rate card (tens of items). */
export async function rateCardOf(db: Db, orgId: string, contractId: string): Promise<RateCardItemRow[]> {
  return db
    .select()
    .from(rateCardItems)
    .where(and(eq(rateCardItems.orgId, orgId), eq(rateCardItems.contractId, contractId)))
    .orderBy(asc(rateCardItems.name), asc(rateCardItems.id));
}

export async function findRateCardItemRow(db: Db, orgId: string, id: string): Promise<RateCardItemRow | null> {
  const rows = await db.select().from(rateCardItems).where(and(eq(rateCardItems.orgId, orgId), eq(rateCardItems.id, id))).limit(1);
  return rows[0] ?? null;
}

// ---------------------------------------------------------------- invoices

const decider = alias(users, 'invoice_decider');
export type InvoiceWithNames = {
  invoice: InvoiceRow;
  vendorName: string;
  engagementName: string | null;
  contractTitle: string | null;
  decidedByName: string | null;
  openChecks: number;
  checkCount: number;
};
const INVOICE_SORT: KeysetSort = { cols: [key(sql`${invoices.invoiceDate}`, 'date'), key(sql`${invoices.id}`, 'uuid')], desc: true };
export const invoiceSort = { arity: 2, key: (r: InvoiceWithNames) => [r.invoice.invoiceDate, r.invoice.id] };
const invoiceQuery = (db: Db) =>
  db
    .select({
      invoice: invoices,
      vendorName: vendors.name,
      engagementName: engagements.name,
      contractTitle: contracts.title,
      decidedByName: decider.name,
      openChecks: sql<number>`(SELECT count(*)::int FROM ${invoiceChecks} c WHERE c.org_id = ${invoices.orgId} AND c.invoice_id = ${invoices.id} AND c.override_reason IS NULL)`,
      checkCount: sql<number>`(SELECT count(*)::int FROM ${invoiceChecks} c WHERE c.org_id = ${invoices.orgId} AND c.invoice_id = ${invoices.id})`,
    })
    .from(invoices)
    .innerJoin(vendors, eq(vendors.id, invoices.vendorId))
    .leftJoin(engagements, eq(engagements.id, invoices.engagementId))
    .leftJoin(contracts, eq(contracts.id, invoices.contractId))
    .leftJoin(decider, eq(decider.id, invoices.decidedBy));

export interface InvoiceFilter {
  engagementId?: string;
  vendorId?: string;
  contractId?: string;
  status?: string[];
}
function invoiceWhere(orgId: string, f: InvoiceFilter): SQL[] {
  const where: SQL[] = [eq(invoices.orgId, orgId)];
  if (f.engagementId) where.push(eq(invoices.engagementId, f.engagementId));
  if (f.vendorId) where.push(eq(invoices.vendorId, f.vendorId));
  if (f.contractId) where.push(eq(invoices.contractId, f.contractId));
  if (f.status?.length) where.push(inArray(invoices.status, f.status));
  return where;
}

export async function listInvoices(db: Db, orgId: string, f: InvoiceFilter, after: unknown[] | null, limit: number): Promise<InvoiceWithNames[]> {
  return invoiceQuery(db)
    .where(and(...invoiceWhere(orgId, f), afterCursor(INVOICE_SORT, after)))
    .orderBy(...keysetOrder(INVOICE_SORT))
    .limit(limit);
}

export async function countInvoices(db: Db, orgId: string, f: InvoiceFilter): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(invoices)
    .where(and(...invoiceWhere(orgId, f)));
  return Number(r?.n ?? 0);
}

export async function findInvoice(db: Db, orgId: string, id: string): Promise<InvoiceWithNames | null> {
  const rows = await invoiceQuery(db)
    .where(and(eq(invoices.orgId, orgId), eq(invoices.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function lockInvoice(db: Db, orgId: string, id: string): Promise<InvoiceRow | null> {
  const rows = await db.select().from(invoices).where(and(eq(invoices.orgId, orgId), eq(invoices.id, id))).for('update').limit(1);
  return rows[0] ?? null;
}

export async function insertInvoice(db: Db, row: typeof invoices.$inferInsert): Promise<InvoiceRow> {
  const [r] = await db.insert(invoices).values(row).returning();
  return r;
}

export async function updateInvoice(db: Db, orgId: string, id: string, patch: Partial<typeof invoices.$inferInsert>): Promise<InvoiceRow> {
  const [r] = await db.update(invoices).set(patch).where(and(eq(invoices.orgId, orgId), eq(invoices.id, id))).returning();
  return r;
}

export type LineWithNames = { line: InvoiceLineRow; rateCardItemName: string | null; milestoneName: string | null; changeRequestTitle: string | null };
export async function linesOf(db: Db, orgId: string, invoiceId: string): Promise<LineWithNames[]> {
  return db
    .select({ line: invoiceLines, rateCardItemName: rateCardItems.name, milestoneName: milestones.name, changeRequestTitle: changeRequests.title })
    .from(invoiceLines)
    .leftJoin(rateCardItems, eq(rateCardItems.id, invoiceLines.rateCardItemId))
    .leftJoin(milestones, eq(milestones.id, invoiceLines.milestoneId))
    .leftJoin(changeRequests, eq(changeRequests.id, invoiceLines.changeRequestId))
    .where(and(eq(invoiceLines.orgId, orgId), eq(invoiceLines.invoiceId, invoiceId)))
    .orderBy(asc(invoiceLines.position));
}

/** Replaces an invoice's lines. */
export async function replaceLines(db: Db, orgId: string, invoiceId: string, rows: Array<Omit<typeof invoiceLines.$inferInsert, 'orgId' | 'invoiceId'>>): Promise<void> {
  await db.delete(invoiceLines).where(and(eq(invoiceLines.orgId, orgId), eq(invoiceLines.invoiceId, invoiceId)));
  if (rows.length) await db.insert(invoiceLines).values(rows.map((r) => ({ ...r, orgId, invoiceId })));
}

export type CheckWithNames = { check: InvoiceCheckRow; overriddenByName: string | null; relatedInvoices: Array<{ id: string; number: string }> };
const overrider = alias(users, 'check_overrider');
export async function checksOf(db: Db, orgId: string, invoiceId: string): Promise<CheckWithNames[]> {
  // The invoices a check names, by number, of the same organisation; one deleted since drops out.
  const related = sql<Array<{ id: string; number: string }>>`(SELECT coalesce(json_agg(json_build_object('id', o.id, 'number', o.number) ORDER BY o.invoice_date, o.number), '[]'::json) FROM ${invoices} o WHERE o.org_id = ${invoiceChecks.orgId} AND o.id = ANY(${invoiceChecks.relatedInvoiceIds}))`;
  return db
    .select({ check: invoiceChecks, overriddenByName: overrider.name, relatedInvoices: related })
    .from(invoiceChecks)
    .leftJoin(overrider, eq(overrider.id, invoiceChecks.overriddenBy))
    .where(and(eq(invoiceChecks.orgId, orgId), eq(invoiceChecks.invoiceId, invoiceId)))
    .orderBy(sql`${invoiceChecks.linePosition} NULLS FIRST`, asc(invoiceChecks.key));
}

export async function replaceChecks(db: Db, orgId: string, invoiceId: string, rows: Array<Omit<typeof invoiceChecks.$inferInsert, 'orgId' | 'invoiceId'>>): Promise<void> {
  await db.delete(invoiceChecks).where(and(eq(invoiceChecks.orgId, orgId), eq(invoiceChecks.invoiceId, invoiceId)));
  if (rows.length) await db.insert(invoiceChecks).values(rows.map((r) => ({ ...r, orgId, invoiceId })));
}

export async function overrideCheck(db: Db, orgId: string, invoiceId: string, checkKey: string, o: { overrideReason: string; overriddenBy: string; overriddenAt: Date }): Promise<InvoiceCheckRow | null> {
  const [r] = await db
    .update(invoiceChecks)
    .set(o)
    .where(and(eq(invoiceChecks.orgId, orgId), eq(invoiceChecks.invoiceId, invoiceId), eq(invoiceChecks.key, checkKey), isNull(invoiceChecks.overrideReason)))
    .returning();
  return r ?? null;
}

/**
 * The vendor's other invoices a check could name: the same number, the same total on the
 * same day, or a period overlapping `period` (in SQL, so a vendor with years of invoices
 * reads only those).
 */
export async function candidateDuplicates(
  db: Db,
  orgId: string,
  vendorId: string,
  inv: { number: string; invoiceDate: string; totalMinor: number; periodFrom: string | null; periodTo: string | null },
): Promise<InvoiceRow[]> {
  const match: SQL[] = [
    sql`lower(btrim(${invoices.number})) = lower(btrim(${inv.number}))`,
    and(eq(invoices.invoiceDate, inv.invoiceDate), eq(invoices.totalMinor, inv.totalMinor))!,
  ];
  if (inv.periodFrom && inv.periodTo) match.push(and(lte(invoices.periodFrom, inv.periodTo), gte(invoices.periodTo, inv.periodFrom))!);
  return db
    .select()
    .from(invoices)
    .where(and(eq(invoices.orgId, orgId), eq(invoices.vendorId, vendorId), or(...match)))
    .orderBy(asc(invoices.createdAt), asc(invoices.id))
    .limit(200);
}

/** Approved and paid invoices of an engagement dated in [from, to], net of tax, per month and currency (summed in SQL). */
export async function actualSums(db: Db, orgId: string, engagementId: string, from: string, to: string) {
  return db
    .select({ month: sql<string>`to_char(${invoices.invoiceDate}, 'YYYY-MM')`, currency: invoices.currency, amountMinor: sql<string>`sum(${invoices.subtotalMinor})::text` })
    .from(invoices)
    .where(and(eq(invoices.orgId, orgId), eq(invoices.engagementId, engagementId), inArray(invoices.status, ['approved', 'paid']), gte(invoices.invoiceDate, from), lte(invoices.invoiceDate, to)))
    .groupBy(sql`1`, invoices.currency)
    .orderBy(sql`1`, invoices.currency);
}

/** Invoices in some states, oldest first, at most `limit`, and how many there are (the dashboard). */
export async function invoicesInState(db: Db, orgId: string, statuses: string[], limit: number) {
  const where = and(eq(invoices.orgId, orgId), inArray(invoices.status, statuses));
  const rows = await invoiceQuery(db).where(where).orderBy(asc(invoices.invoiceDate), asc(invoices.id)).limit(limit);
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(invoices).where(where);
  return { rows, count: Number(c?.n ?? 0) };
}

/** Approved and paid invoices dated in [from, to], net of tax, per vendor, month and currency (summed in SQL). */
export async function spendSums(db: Db, orgId: string, from: string, to: string, vendorId: string | null) {
  const where: SQL[] = [eq(invoices.orgId, orgId), inArray(invoices.status, ['approved', 'paid']), gte(invoices.invoiceDate, from), lte(invoices.invoiceDate, to)];
  if (vendorId) where.push(eq(invoices.vendorId, vendorId));
  return db
    .select({ vendorId: invoices.vendorId, vendorName: vendors.name, month: sql<string>`to_char(${invoices.invoiceDate}, 'YYYY-MM')`, currency: invoices.currency, amountMinor: sql<string>`sum(${invoices.subtotalMinor})::text` })
    .from(invoices)
    .innerJoin(vendors, eq(vendors.id, invoices.vendorId))
    .where(and(...where))
    .groupBy(invoices.vendorId, vendors.name, sql`3`, invoices.currency)
    .orderBy(vendors.name, invoices.vendorId, invoices.currency, sql`3`);
}

/**
 * Every budget of a fiscal year (or of one vendor's engagements) with its engagement's and
 * vendor's names: the budget positions across engagements. Uncapped: an engagement has a few
 * budgets a year, so the rows are bounded by the engagements.
 */
export async function budgetsOfYear(db: Db, orgId: string, fiscalYear: number, vendorId: string | null = null): Promise<BudgetWithNames[]> {
  const where: SQL[] = [eq(budgets.orgId, orgId), eq(budgets.fiscalYear, fiscalYear)];
  if (vendorId) where.push(eq(budgets.vendorId, vendorId));
  return budgetQuery(db)
    .where(and(...where))
    .orderBy(vendors.name, engagements.name, budgets.id);
}

/** Approved and paid invoices in [from, to], net, per engagement (none for an invoice on no engagement), vendor and currency, with their names (summed in SQL). */
export async function actualByEngagement(db: Db, orgId: string, from: string, to: string, vendorId: string | null = null) {
  const where: SQL[] = [eq(invoices.orgId, orgId), inArray(invoices.status, ['approved', 'paid']), gte(invoices.invoiceDate, from), lte(invoices.invoiceDate, to)];
  if (vendorId) where.push(eq(invoices.vendorId, vendorId));
  return db
    .select({
      engagementId: invoices.engagementId,
      engagementName: engagements.name,
      vendorId: invoices.vendorId,
      vendorName: vendors.name,
      currency: invoices.currency,
      amountMinor: sql<string>`sum(${invoices.subtotalMinor})::text`,
    })
    .from(invoices)
    .innerJoin(vendors, eq(vendors.id, invoices.vendorId))
    .leftJoin(engagements, eq(engagements.id, invoices.engagementId))
    .where(and(...where))
    .groupBy(invoices.engagementId, engagements.name, invoices.vendorId, vendors.name, invoices.currency)
    .orderBy(vendors.name, engagements.name, invoices.currency);
}
