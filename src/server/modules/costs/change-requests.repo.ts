import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { budgets, changeRequests, contracts, deliverables, engagements, invoiceLines, invoices, milestones, users, vendors } from '../../db/schema.ts';

/** The change requests of the costs module; the names of deliverables and milestones are read (never written) to label them. */
export type ChangeRequestRow = typeof changeRequests.$inferSelect;
export type ChangeRequestWithNames = {
  cr: ChangeRequestRow;
  createdAtText: string;
  engagementName: string;
  vendorName: string;
  contractTitle: string | null;
  raisedByName: string | null;
  decidedByName: string | null;
  budgetLabel: string | null;
};

const raiser = alias(users, 'change_raiser');
const decider = alias(users, 'change_decider');
const SORT: KeysetSort = { cols: [key(sql`${changeRequests.createdAt}`, 'timestamptz'), key(sql`${changeRequests.id}`, 'uuid')], desc: true };
export const changeRequestSort = { arity: 2, key: (r: ChangeRequestWithNames) => [r.createdAtText, r.cr.id] };
const query = (db: Db) =>
  db
    .select({
      cr: changeRequests,
      createdAtText: sql<string>`${changeRequests.createdAt}::text`,
      engagementName: engagements.name,
      vendorName: vendors.name,
      contractTitle: contracts.title,
      raisedByName: raiser.name,
      decidedByName: decider.name,
      budgetLabel: sql<string | null>`(SELECT b.label || ' FY ' || b.fiscal_year FROM ${budgets} b WHERE b.org_id = ${changeRequests.orgId} AND b.id = ${changeRequests.budgetId})`,
    })
    .from(changeRequests)
    .innerJoin(engagements, eq(engagements.id, changeRequests.engagementId))
    .innerJoin(vendors, eq(vendors.id, changeRequests.vendorId))
    .leftJoin(contracts, eq(contracts.id, changeRequests.contractId))
    .leftJoin(raiser, eq(raiser.id, changeRequests.raisedByUserId))
    .leftJoin(decider, eq(decider.id, changeRequests.decidedBy));

export interface ChangeFilter {
  engagementId?: string;
  vendorId?: string;
  status?: string[];
}
function where(orgId: string, f: ChangeFilter): SQL[] {
  const w: SQL[] = [eq(changeRequests.orgId, orgId)];
  if (f.engagementId) w.push(eq(changeRequests.engagementId, f.engagementId));
  if (f.vendorId) w.push(eq(changeRequests.vendorId, f.vendorId));
  if (f.status?.length) w.push(inArray(changeRequests.status, f.status));
  return w;
}

export async function listChangeRequests(db: Db, orgId: string, f: ChangeFilter, after: unknown[] | null, limit: number): Promise<ChangeRequestWithNames[]> {
  return query(db)
    .where(and(...where(orgId, f), afterCursor(SORT, after)))
    .orderBy(...keysetOrder(SORT))
    .limit(limit);
}

export async function countChangeRequests(db: Db, orgId: string, f: ChangeFilter): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(changeRequests)
    .where(and(...where(orgId, f)));
  return Number(r?.n ?? 0);
}

export async function findChangeRequest(db: Db, orgId: string, id: string): Promise<ChangeRequestWithNames | null> {
  const rows = await query(db)
    .where(and(eq(changeRequests.orgId, orgId), eq(changeRequests.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findChangeRequestRow(db: Db, orgId: string, id: string): Promise<ChangeRequestRow | null> {
  const rows = await db.select().from(changeRequests).where(and(eq(changeRequests.orgId, orgId), eq(changeRequests.id, id))).limit(1);
  return rows[0] ?? null;
}

export async function lockChangeRequest(db: Db, orgId: string, id: string): Promise<ChangeRequestRow | null> {
  const rows = await db.select().from(changeRequests).where(and(eq(changeRequests.orgId, orgId), eq(changeRequests.id, id))).for('update').limit(1);
  return rows[0] ?? null;
}

export async function insertChangeRequest(db: Db, row: typeof changeRequests.$inferInsert): Promise<ChangeRequestRow> {
  const [r] = await db.insert(changeRequests).values(row).returning();
  return r;
}

export async function updateChangeRequest(db: Db, orgId: string, id: string, patch: Partial<typeof changeRequests.$inferInsert>): Promise<ChangeRequestRow> {
  const [r] = await db.update(changeRequests).set(patch).where(and(eq(changeRequests.orgId, orgId), eq(changeRequests.id, id))).returning();
  return r;
}

/** Names of deliverables and milestones a change touches (labels only). */
export async function deliverableNames(db: Db, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: deliverables.id, name: deliverables.title })
    .from(deliverables)
    .where(and(eq(deliverables.orgId, orgId), inArray(deliverables.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r.name]));
}
export async function milestoneNames(db: Db, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: milestones.id, name: milestones.name })
    .from(milestones)
    .where(and(eq(milestones.orgId, orgId), inArray(milestones.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The change requests invoice lines name, for the checks. */
export async function changeRequestsByIds(db: Db, orgId: string, ids: readonly string[]): Promise<ChangeRequestRow[]> {
  if (!ids.length) return [];
  return db
    .select()
    .from(changeRequests)
    .where(and(eq(changeRequests.orgId, orgId), inArray(changeRequests.id, [...ids])));
}

/** Approved and implemented changes of an engagement, oldest decision first (scope creep). */
export async function agreedChanges(db: Db, orgId: string, engagementId: string): Promise<ChangeRequestRow[]> {
  return db
    .select()
    .from(changeRequests)
    .where(and(eq(changeRequests.orgId, orgId), eq(changeRequests.engagementId, engagementId), inArray(changeRequests.status, ['approved', 'implemented'])))
    .orderBy(asc(changeRequests.decidedOn), asc(changeRequests.id));
}

/** What approved changes moved each contract's value by (to find the value before them). */
export async function contractAmendments(db: Db, orgId: string, contractIds: readonly string[]) {
  if (!contractIds.length) return [];
  return db
    .select({ contractId: changeRequests.contractId, movedMinor: sql<string>`sum(${changeRequests.contractValueAfterMinor} - ${changeRequests.contractValueBeforeMinor})::text` })
    .from(changeRequests)
    .where(and(eq(changeRequests.orgId, orgId), inArray(changeRequests.contractId, [...contractIds]), sql`${changeRequests.contractValueAfterMinor} IS NOT NULL`))
    .groupBy(changeRequests.contractId);
}

/** Invoices still open (received, checked, disputed) with a line billing this change: their checks are run again when it is decided. */
export async function openInvoicesBilling(db: Db, orgId: string, changeRequestId: string) {
  return db
    .selectDistinct({ invoice: invoices, contractTitle: contracts.title })
    .from(invoiceLines)
    .innerJoin(invoices, and(eq(invoices.orgId, invoiceLines.orgId), eq(invoices.id, invoiceLines.invoiceId)))
    .leftJoin(contracts, eq(contracts.id, invoices.contractId))
    .where(and(eq(invoiceLines.orgId, orgId), eq(invoiceLines.changeRequestId, changeRequestId), inArray(invoices.status, ['received', 'checked', 'disputed'])));
}

/** The engagement's budget for a fiscal year in a currency, locked for the amendment (the oldest if there are several). */
export async function lockBudgetFor(db: Db, orgId: string, engagementId: string, fiscalYear: number, currency: string) {
  const rows = await db
    .select()
    .from(budgets)
    .where(and(eq(budgets.orgId, orgId), eq(budgets.engagementId, engagementId), eq(budgets.fiscalYear, fiscalYear), eq(budgets.currency, currency)))
    .orderBy(asc(budgets.createdAt), asc(budgets.id))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

export async function amendBudget(db: Db, orgId: string, id: string, patch: { amountMinor: number; phasing: string; monthlyMinor: number[]; updatedAt: Date }) {
  const [r] = await db.update(budgets).set(patch).where(and(eq(budgets.orgId, orgId), eq(budgets.id, id))).returning();
  return r;
}

/** Change requests waiting for the client's decision, oldest first, at most `limit` (the dashboard). */
export async function undecidedChanges(db: Db, orgId: string, limit: number) {
  return query(db)
    .where(and(eq(changeRequests.orgId, orgId), inArray(changeRequests.status, ['proposed', 'under_review'])))
    .orderBy(asc(changeRequests.createdAt), asc(changeRequests.id))
    .limit(limit);
}
