import type { z } from 'zod';
import type { AuditEvent, AuditListQuery } from '../../../shared/contracts/audit.ts';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { decodeCursor, pageOf } from '../../paging.ts';
import { AppError } from '../../http/app-error.ts';
import { listAuditEvents } from './audit.repo.ts';

type Row = Awaited<ReturnType<typeof listAuditEvents>>[number];

export function toAuditEvent(r: Row): AuditEvent {
  return {
    id: r.id.toString(),
    actorId: r.actorId,
    actorLabel: r.actorLabel,
    action: r.action,
    objectType: r.objectType,
    objectId: r.objectId,
    before: r.before ?? null,
    after: r.after ?? null,
    requestId: r.requestId,
    createdAt: r.createdAt.toISOString(),
  };
}

/** A page of the organisation's audit trail, filtered, newest first. */
export async function listAudit(ctx: Ctx, q: z.output<typeof AuditListQuery>) {
  const after = decodeCursor(q.cursor, 1);
  if (after && !/^\d{1,19}$/.test(String(after[0]))) throw AppError.invalid('cursor', 'The cursor is not valid; start again from the first page.');
  const rows = await listAuditEvents(ctx.db, ctx.actor.orgId, { ...q, beforeId: after ? BigInt(String(after[0])) : undefined });
  return pageOf(rows, q.limit, toAuditEvent, (r) => [r.id.toString()]);
}

export async function recentAudit(db: Db, orgId: string, limit: number): Promise<AuditEvent[]> {
  const rows = await listAuditEvents(db, orgId, { limit });
  return rows.slice(0, limit).map(toAuditEvent);
}
