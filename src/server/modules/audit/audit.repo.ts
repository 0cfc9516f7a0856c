import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
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

/**
 * Many rows (a bulk import's audit rows) in one INSERT … SELECT FROM jsonb_to_recordset per
 * 2,000, in the change's transaction: one JSON parameter instead of ten per row.
 */
export async function insertAuditEvents(tx: Db, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 2_000) {
    const rows = entries.slice(i, i + 2_000).map((e) => ({ ...e, before: e.before ?? null, after: e.after ?? null }));
    await tx.execute(sql`INSERT INTO audit_events (org_id, actor_id, actor_label, action, object_type, object_id, object_label, before, after, request_id)
      SELECT "orgId", "actorId", "actorLabel", action, "objectType", "objectId", "objectLabel", before, after, "requestId"
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x("orgId" uuid, "actorId" uuid, "actorLabel" text, action text, "objectType" text, "objectId" uuid, "objectLabel" text, before jsonb, after jsonb, "requestId" text)`);
  }
}
