import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditEvents } from '../../db/schema.ts';

export interface AuditEntry {
  orgId: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  objectType: string;
  objectId: string | null;
  objectLabel: string | null;
  before?: unknown;
  after?: unknown;
  requestId: string | null;
}

/** Must be called with the transaction that makes the change, so both commit or neither. */
export async function insertAuditEvent(tx: Db, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({ ...entry, before: entry.before ?? null, after: entry.after ?? null });
}

export interface AuditFilter {
  objectType?: string;
  objectId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  beforeId?: bigint;
  limit: number;
}

export async function listAuditEvents(db: Db, orgId: string, f: AuditFilter) {
  const where: SQL[] = [eq(auditEvents.orgId, orgId)];
  if (f.objectType) where.push(eq(auditEvents.objectType, f.objectType));
  if (f.objectId) where.push(eq(auditEvents.objectId, f.objectId));
  if (f.actorId) where.push(eq(auditEvents.actorId, f.actorId));
  if (f.action) where.push(eq(auditEvents.action, f.action));
  if (f.from) where.push(gte(auditEvents.createdAt, new Date(f.from)));
  if (f.to) where.push(lte(auditEvents.createdAt, new Date(f.to)));
  if (f.beforeId !== undefined) where.push(lt(auditEvents.id, f.beforeId));
  return db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(f.limit);
}

export type AuditEventRow = typeof auditEvents.$inferSelect;

/** Many rows in one statement per thousand (a bulk import's audit rows), in the change's transaction. */
export async function insertAuditEvents(tx: Db, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 1_000) {
    await tx.insert(auditEvents).values(entries.slice(i, i + 1_000).map((entry) => ({ ...entry, before: entry.before ?? null, after: entry.after ?? null })));
  }
}
