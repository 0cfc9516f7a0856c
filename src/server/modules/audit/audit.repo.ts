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

/** Many rows at once (a bulk change audits each object it creates): each chunk is one statement over one JSON parameter. */
export async function insertAuditEvents(tx: Db, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 10_000) {
    const rows = entries.slice(i, i + 10_000).map((e) => ({ org_id: e.orgId, actor_id: e.actorId, actor_label: e.actorLabel, action: e.action, object_type: e.objectType, object_id: e.objectId, object_label: e.objectLabel, before: e.before ?? null, after: e.after ?? null, request_id: e.requestId }));
    await tx.execute(sql`INSERT INTO audit_events (org_id, actor_id, actor_label, action, object_type, object_id, object_label, before, after, request_id)
      SELECT v.org_id, v.actor_id, v.actor_label, v.action, v.object_type, v.object_id, v.object_label, v.before, v.after, v.request_id
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(org_id uuid, actor_id uuid, actor_label text, action text, object_type text, object_id uuid, object_label text, before jsonb, after jsonb, request_id text)`);
  }
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

