import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { contracts, engagements, milestones, payments, users, vendors } from '../../db/schema.ts';

/** Payments: the payment plan of a contract, each optionally held by a milestone's deliverables. */
export type PaymentRow = typeof payments.$inferSelect;

const payer = alias(users, 'payer');
const paymentExtras = {
  payment: payments,
  engagementName: engagements.name,
  vendorName: vendors.name,
  milestoneName: milestones.name,
  contractTitle: contracts.title,
  paidByName: payer.name,
};
export type PaymentWithExtras = {
  payment: PaymentRow;
  engagementName: string;
  vendorName: string;
  milestoneName: string | null;
  contractTitle: string | null;
  paidByName: string | null;
};
const PAYMENT_SORT: KeysetSort = { cols: [key(sql`${payments.dueDate}`, 'date'), key(sql`${payments.id}`, 'uuid')], desc: false };
export const paymentSort = { arity: 2, key: (r: PaymentWithExtras) => [r.payment.dueDate, r.payment.id] };

function paymentQuery(db: Db) {
  return db
    .select(paymentExtras)
    .from(payments)
    .innerJoin(engagements, eq(engagements.id, payments.engagementId))
    .innerJoin(vendors, eq(vendors.id, payments.vendorId))
    .leftJoin(milestones, eq(milestones.id, payments.milestoneId))
    .leftJoin(contracts, eq(contracts.id, payments.contractId))
    .leftJoin(payer, eq(payer.id, payments.paidBy));
}

export interface PaymentFilter {
  engagementId?: string;
  contractId?: string;
  vendorId?: string;
  milestoneId?: string;
  status?: string;
}
function paymentWhere(orgId: string, f: PaymentFilter): SQL[] {
  const where: SQL[] = [eq(payments.orgId, orgId)];
  if (f.engagementId) where.push(eq(payments.engagementId, f.engagementId));
  if (f.contractId) where.push(eq(payments.contractId, f.contractId));
  if (f.vendorId) where.push(eq(payments.vendorId, f.vendorId));
  if (f.milestoneId) where.push(eq(payments.milestoneId, f.milestoneId));
  if (f.status) where.push(eq(payments.status, f.status));
  return where;
}

export async function listPayments(db: Db, orgId: string, f: PaymentFilter, after: unknown[] | null, limit: number): Promise<PaymentWithExtras[]> {
  return paymentQuery(db)
    .where(and(...paymentWhere(orgId, f), afterCursor(PAYMENT_SORT, after)))
    .orderBy(...keysetOrder(PAYMENT_SORT))
    .limit(limit);
}

export async function countPayments(db: Db, orgId: string, f: PaymentFilter): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(payments)
    .where(and(...paymentWhere(orgId, f)));
  return Number(r?.n ?? 0);
}

/** Sums per month of the due date, status and currency, in SQL (never across currencies). */
export async function paymentSums(db: Db, orgId: string, f: PaymentFilter) {
  return db
    .select({
      month: sql<string>`to_char(${payments.dueDate}, 'YYYY-MM')`,
      status: payments.status,
      currency: payments.currency,
      amountMinor: sql<string>`sum(${payments.amountMinor})::text`,
    })
    .from(payments)
    .where(and(...paymentWhere(orgId, f)))
    .groupBy(sql`1`, payments.status, payments.currency)
    .orderBy(sql`1`, payments.currency);
}

export async function findPayment(db: Db, orgId: string, id: string): Promise<PaymentWithExtras | null> {
  const rows = await paymentQuery(db)
    .where(and(eq(payments.orgId, orgId), eq(payments.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function lockPayment(db: Db, orgId: string, id: string): Promise<PaymentRow | null> {
  const rows = await db.select().from(payments).where(and(eq(payments.orgId, orgId), eq(payments.id, id))).for('update').limit(1);
  return rows[0] ?? null;
}

export async function insertPayment(db: Db, row: typeof payments.$inferInsert): Promise<PaymentRow> {
  const [r] = await db.insert(payments).values(row).returning();
  return r;
}

export async function updatePayment(db: Db, orgId: string, id: string, patch: Partial<typeof payments.$inferInsert>): Promise<PaymentRow> {
  const [r] = await db.update(payments).set(patch).where(and(eq(payments.orgId, orgId), eq(payments.id, id))).returning();
  return r;
}

/** Unpaid payments due on or before `until` (the dashboard's window and what is overdue), at most `limit`. */
export async function unpaidPaymentsDueBy(db: Db, orgId: string, until: string, limit: number): Promise<PaymentWithExtras[]> {
  return paymentQuery(db)
    .where(and(eq(payments.orgId, orgId), eq(payments.status, 'planned'), lte(payments.dueDate, until)))
    .orderBy(asc(payments.dueDate), asc(payments.id))
    .limit(limit);
}

/** Payments marked paid despite their milestone's hold, newest first, at most `limit`. */
export async function overriddenPayments(db: Db, orgId: string, limit: number): Promise<PaymentWithExtras[]> {
  return paymentQuery(db)
    .where(and(eq(payments.orgId, orgId), eq(payments.overridden, true)))
    .orderBy(sql`${payments.paidAt} DESC`, asc(payments.id))
    .limit(limit);
}

export async function countOverriddenPayments(db: Db, orgId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(payments)
    .where(and(eq(payments.orgId, orgId), eq(payments.overridden, true)));
  return Number(r?.n ?? 0);
}

/** Amounts due in [from, to] per status and currency (the dashboard's money figures). */
export async function paymentSumsBetween(db: Db, orgId: string, from: string, to: string) {
  return db
    .select({ currency: payments.currency, status: payments.status, amountMinor: sql<string>`sum(${payments.amountMinor})::text` })
    .from(payments)
    .where(and(eq(payments.orgId, orgId), gte(payments.dueDate, from), lte(payments.dueDate, to)))
    .groupBy(payments.currency, payments.status)
    .orderBy(payments.currency);
}
