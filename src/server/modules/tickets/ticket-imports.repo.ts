import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ticketImports } from '../../db/schema.ts';

export type TicketImportRow = typeof ticketImports.$inferSelect;

export async function insertTicketImport(db: Db, row: typeof ticketImports.$inferInsert): Promise<TicketImportRow> {
  const [r] = await db.insert(ticketImports).values(row).returning();
  return r;
}

export async function listTicketImports(db: Db, orgId: string, engagementId: string, limit = 50): Promise<TicketImportRow[]> {
  return db
    .select()
    .from(ticketImports)
    .where(and(eq(ticketImports.orgId, orgId), eq(ticketImports.engagementId, engagementId)))
    .orderBy(desc(ticketImports.startedAt))
    .limit(limit);
}

export async function findTicketImport(db: Db, orgId: string, id: string): Promise<TicketImportRow | null> {
  const rows = await db
    .select()
    .from(ticketImports)
    .where(and(eq(ticketImports.orgId, orgId), eq(ticketImports.id, id)))
    .limit(1);
  return rows[0] ?? null;
}
