import type { Actor } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { insertAuditEvent } from './audit.repo.ts';

/** Dates and bigints become JSON-friendly strings, so before/after diff cleanly. */
export function snapshot<T extends object>(row: T | null | undefined): Record<string, unknown> | null {
  if (!row) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'passwordHash' || k === 'tokenHash') continue; // never copy secrets into history
    out[k] = v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? v.toString() : v;
  }
  return out;
}

export type AuditActor = Pick<Actor, 'userId' | 'orgId' | 'name' | 'email' | 'via'>;

/** Writes the one audit row of a change, inside the change's own transaction. */
export function recordAudit(
  tx: Db,
  ctx: { actor: AuditActor; requestId: string | null },
  e: { action: string; objectType: string; objectId: string | null; before?: object | null; after?: object | null },
) {
  return insertAuditEvent(tx, {
    orgId: ctx.actor.orgId,
    actorId: ctx.actor.userId,
    actorLabel: `${ctx.actor.name} <${ctx.actor.email}>${ctx.actor.via === 'token' ? ' (API token)' : ''}`,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    before: snapshot(e.before),
    after: snapshot(e.after),
    requestId: ctx.requestId,
  });
}
