import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { ticketMappings } from '../../db/schema.ts';

export type TicketMappingRow = typeof ticketMappings.$inferSelect;

export async function listMappings(db: Db, orgId: string): Promise<TicketMappingRow[]> {
  return db.select().from(ticketMappings).where(eq(ticketMappings.orgId, orgId)).orderBy(asc(sql`lower(${ticketMappings.name})`)).limit(500);
}

export async function findMapping(db: Db, orgId: string, id: string): Promise<TicketMappingRow | null> {
  const rows = await db.select().from(ticketMappings).where(and(eq(ticketMappings.orgId, orgId), eq(ticketMappings.id, id))).limit(1);
  return rows[0] ?? null;
}

/** Saving under an existing name replaces that mapping: names are what users remember. */
export async function upsertMapping(db: Db, orgId: string, name: string, mapping: unknown, at: Date): Promise<TicketMappingRow> {
  // The unique key is on lower(name), an expression Drizzle's onConflict cannot name.
  const [r] = await queryRows<{ id: string }>(
    db,
    sql`INSERT INTO ${ticketMappings} (org_id, name, mapping, created_at, updated_at)
        VALUES (${orgId}, ${name}, ${JSON.stringify(mapping)}::jsonb, ${at.toISOString()}, ${at.toISOString()})
        ON CONFLICT (org_id, lower(name)) DO UPDATE SET name = excluded.name, mapping = excluded.mapping, updated_at = excluded.updated_at
        RETURNING id`,
  );
  return (await findMapping(db, orgId, r.id))!;
}

export async function deleteMapping(db: Db, orgId: string, id: string): Promise<TicketMappingRow | null> {
  const rows = await db.delete(ticketMappings).where(and(eq(ticketMappings.orgId, orgId), eq(ticketMappings.id, id))).returning();
  return rows[0] ?? null;
}
