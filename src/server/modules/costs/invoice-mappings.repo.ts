import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { invoiceMappings } from '../../db/schema.ts';

/** The costs module's saved invoice import mappings. */
export type InvoiceMappingRow = typeof invoiceMappings.$inferSelect;

export async function listMappings(db: Db, orgId: string): Promise<InvoiceMappingRow[]> {
  return db.select().from(invoiceMappings).where(eq(invoiceMappings.orgId, orgId)).orderBy(asc(invoiceMappings.name)).limit(200);
}

export async function findMapping(db: Db, orgId: string, name: string): Promise<InvoiceMappingRow | null> {
  const rows = await db
    .select()
    .from(invoiceMappings)
    .where(and(eq(invoiceMappings.orgId, orgId), sql`lower(${invoiceMappings.name}) = lower(${name})`))
    .limit(1);
  return rows[0] ?? null;
}

export async function upsertMapping(db: Db, orgId: string, name: string, columns: Record<string, string | null>, at: Date): Promise<InvoiceMappingRow> {
  const [r] = await db
    .insert(invoiceMappings)
    .values({ orgId, name, columns, updatedAt: at })
    .onConflictDoUpdate({ target: [invoiceMappings.orgId, invoiceMappings.name], set: { columns, updatedAt: at } })
    .returning();
  return r;
}

export async function findMappingById(db: Db, orgId: string, id: string): Promise<InvoiceMappingRow | null> {
  const rows = await db.select().from(invoiceMappings).where(and(eq(invoiceMappings.orgId, orgId), eq(invoiceMappings.id, id))).limit(1);
  return rows[0] ?? null;
}

export async function updateMapping(db: Db, orgId: string, id: string, name: string, columns: Record<string, string | null>, at: Date): Promise<InvoiceMappingRow> {
  const [r] = await db
    .update(invoiceMappings)
    .set({ name, columns, updatedAt: at })
    .where(and(eq(invoiceMappings.orgId, orgId), eq(invoiceMappings.id, id)))
    .returning();
  return r;
}

export async function deleteMapping(db: Db, orgId: string, id: string): Promise<void> {
  await db.delete(invoiceMappings).where(and(eq(invoiceMappings.orgId, orgId), eq(invoiceMappings.id, id)));
}
