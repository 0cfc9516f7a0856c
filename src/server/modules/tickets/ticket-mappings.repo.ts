import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { ticketMappings } from '../../db/schema.ts';

export type TicketMappingRow = typeof ticketMappings.$inferSelect;

const SORT: KeysetSort = { cols: [key(sql`lower(${ticketMappings.name})`, 'text'), key(sql`${ticketMappings.id}`, 'uuid')], desc: false };
export const MAPPING_SORT = { arity: SORT.cols.length, key: (r: TicketMappingRow & { lowerName: string }) => [r.lowerName, r.id] };

/** Sorted by name as people read it; `lowerName` is the sort key exactly as the database computed it. */
export async function listMappings(db: Db, orgId: string, after: unknown[] | null, limit: number) {
  const rows = await db
    .select({ row: ticketMappings, lowerName: sql<string>`lower(${ticketMappings.name})` })
    .from(ticketMappings)
    .where(and(eq(ticketMappings.orgId, orgId), afterCursor(SORT, after)))
    .orderBy(...keysetOrder(SORT))
    .limit(limit);
  return rows.map((r) => ({ ...r.row, lowerName: r.lowerName }));
}

export async function findMapping(db: Db, orgId: string, id: string): Promise<TicketMappingRow | null> {
  const rows = await db.select().from(ticketMappings).where(and(eq(ticketMappings.orgId, orgId), eq(ticketMappings.id, id))).limit(1);
  return rows[0] ?? null;
}

/** A mapping by name, as the unique key compares names (case-insensitively). */
export async function findMappingByName(db: Db, orgId: string, name: string): Promise<TicketMappingRow | null> {
  const rows = await db
    .select()
    .from(ticketMappings)
    .where(and(eq(ticketMappings.orgId, orgId), sql`lower(${ticketMappings.name}) = lower(${name})`))
    .limit(1);
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
