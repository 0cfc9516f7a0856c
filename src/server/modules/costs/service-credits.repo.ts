import { and, eq, gte, inArray, isNotNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { engagements, invoiceLines, invoices, serviceCreditWaivers, users, vendors } from '../../db/schema.ts';

/** Service credit lines on invoices and the waivers of the costs module; engagement and vendor names are read to label them. */
export type WaiverRow = typeof serviceCreditWaivers.$inferSelect;

/** Credit lines per engagement, SLA month and currency on invoices not disputed, as positive amounts (summed in SQL). */
export async function creditLineSums(db: Db, orgId: string, engagementId: string | null, from: string, to: string) {
  const where: SQL[] = [eq(invoiceLines.orgId, orgId), isNotNull(invoiceLines.serviceCreditMonth), gte(invoiceLines.serviceCreditMonth, from), lte(invoiceLines.serviceCreditMonth, to), ne(invoices.status, 'disputed'), isNotNull(invoices.engagementId)];
  if (engagementId) where.push(eq(invoices.engagementId, engagementId));
  const rows = await db
    .select({ engagementId: invoices.engagementId, month: invoiceLines.serviceCreditMonth, currency: invoices.currency, amountMinor: sql<string>`(-sum(${invoiceLines.amountMinor}))::text` })
    .from(invoiceLines)
    .innerJoin(invoices, and(eq(invoices.orgId, invoiceLines.orgId), eq(invoices.id, invoiceLines.invoiceId)))
    .where(and(...where))
    .groupBy(invoices.engagementId, invoiceLines.serviceCreditMonth, invoices.currency);
  return rows.map((r) => ({ engagementId: r.engagementId!, month: r.month!, currency: r.currency, amountMinor: Number(r.amountMinor) }));
}

export async function waiversOf(db: Db, orgId: string, engagementId: string | null, from: string, to: string) {
  const where: SQL[] = [eq(serviceCreditWaivers.orgId, orgId), gte(serviceCreditWaivers.month, from), lte(serviceCreditWaivers.month, to)];
  if (engagementId) where.push(eq(serviceCreditWaivers.engagementId, engagementId));
  return db
    .select({ waiver: serviceCreditWaivers, byName: users.name })
    .from(serviceCreditWaivers)
    .leftJoin(users, eq(users.id, serviceCreditWaivers.waivedBy))
    .where(and(...where));
}

export async function findWaiver(db: Db, orgId: string, engagementId: string, month: string): Promise<WaiverRow | null> {
  const rows = await db
    .select()
    .from(serviceCreditWaivers)
    .where(and(eq(serviceCreditWaivers.orgId, orgId), eq(serviceCreditWaivers.engagementId, engagementId), eq(serviceCreditWaivers.month, month)))
    .limit(1);
  return rows[0] ?? null;
}

/** A waiver by its id, locked for the change that takes it back. */
export async function lockWaiver(db: Db, orgId: string, id: string): Promise<WaiverRow | null> {
  const rows = await db
    .select()
    .from(serviceCreditWaivers)
    .where(and(eq(serviceCreditWaivers.orgId, orgId), eq(serviceCreditWaivers.id, id)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

export async function deleteWaiver(db: Db, orgId: string, id: string): Promise<void> {
  await db.delete(serviceCreditWaivers).where(and(eq(serviceCreditWaivers.orgId, orgId), eq(serviceCreditWaivers.id, id)));
}

export async function insertWaiver(db: Db, row: typeof serviceCreditWaivers.$inferInsert): Promise<WaiverRow> {
  const [r] = await db.insert(serviceCreditWaivers).values(row).returning();
  return r;
}

/** Names of engagements and their vendors (labels for the statement). */
export async function engagementLabels(db: Db, orgId: string, ids: readonly string[]) {
  if (!ids.length) return new Map<string, { name: string; vendorId: string; vendorName: string }>();
  const rows = await db
    .select({ id: engagements.id, name: engagements.name, vendorId: engagements.vendorId, vendorName: vendors.name })
    .from(engagements)
    .innerJoin(vendors, eq(vendors.id, engagements.vendorId))
    .where(and(eq(engagements.orgId, orgId), inArray(engagements.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r]));
}
