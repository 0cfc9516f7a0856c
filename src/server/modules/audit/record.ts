import type { Actor, Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { insertAuditEvent, insertAuditEvents } from './audit.repo.ts';

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

/** One row of the audit trail: what changed, on which object, from what to what. */
export interface AuditChange {
  action: string;
  objectType: string;
  objectId: string | null;
  /** The object's name as people know it; omitted, it is read from the snapshots (name, title). */
  objectLabel?: string | null;
  before?: object | null;
  after?: object | null;
}

/** A service context inside a change: `db` is the transaction, `audit` writes a row in it. */
export type TxCtx = Ctx & { audit(e: AuditChange): Promise<void> };

/** How a module names an object that has no name of its own ("Security review for Acme"). */
export type AuditLabeller = (db: Db, orgId: string, objectId: string) => Promise<string | null>;
const LABELLERS = new Map<string, AuditLabeller>();

/**
 * A module whose objects carry no name (an assessment is a questionnaire sent to a vendor)
 * registers how to name them, from its public surface; the audit module, below every
 * other, thus needs none of them.
 */
export function nameAuditObjects(objectType: string, labeller: AuditLabeller): void {
  LABELLERS.set(objectType, labeller);
}

/** A name for the object: the caller's, its own snapshot's (name, title, e-mail), or its module's labeller. */
async function labelOf(db: Db, orgId: string, e: AuditChange): Promise<string | null> {
  if (e.objectLabel !== undefined) return e.objectLabel;
  for (const side of [e.after, e.before] as Array<Record<string, unknown> | null | undefined>) {
    for (const k of ['name', 'title', 'email']) if (side && typeof side[k] === 'string' && side[k]) return side[k] as string;
  }
  const labeller = LABELLERS.get(e.objectType);
  return labeller && e.objectId ? labeller(db, orgId, e.objectId) : null;
}

async function writeAudit(tx: Db, actor: AuditActor, requestId: string | null, e: AuditChange) {
  return insertAuditEvent(tx, {
    orgId: actor.orgId,
    actorId: actor.userId,
    actorLabel: `${actor.name} <${actor.email}>${actor.via === 'token' ? ' (API token)' : ''}`,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    objectLabel: await labelOf(tx, actor.orgId, e),
    before: snapshot(e.before),
    after: snapshot(e.after),
    requestId,
  });
}

/**
 * Runs a change in one transaction together with its audit rows, so both commit or
 * neither. Every write of every module goes through here; no module opens that block by
 * hand. Called inside another change, it joins it (a savepoint), so a service that
 * composes others (a go decision creating a vendor, an engagement and a contract) stays
 * all or nothing.
 */
export function change<T>(ctx: Ctx, work: (tx: TxCtx) => Promise<T>): Promise<T> {
  return ctx.db.transaction((db) => work({ ...ctx, db, audit: (e) => writeAudit(db, ctx.actor, ctx.requestId, e) }));
}

/**
 * The same for changes made before anyone is signed in (first set-up, accepting an
 * invitation, a portal link): the actor is whom the change creates or concerns.
 */
export function changeAs<T>(db: Db, actor: AuditActor, requestId: string | null, work: (tx: Db, audit: (e: AuditChange) => Promise<void>) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx, (e) => writeAudit(tx, actor, requestId, e)));
}

/**
 * Many audit rows in a few statements, for a bulk import that creates thousands of objects in
 * one change: the same rows `tx.audit` would write one by one. Each names its object itself.
 */
export async function auditEach(tx: TxCtx, events: ReadonlyArray<AuditChange & { objectLabel: string | null }>): Promise<void> {
  const a = tx.actor;
  await insertAuditEvents(
    tx.db,
    events.map((e) => ({
      orgId: a.orgId,
      actorId: a.userId,
      actorLabel: `${a.name} <${a.email}>${a.via === 'token' ? ' (API token)' : ''}`,
      action: e.action,
      objectType: e.objectType,
      objectId: e.objectId,
      objectLabel: e.objectLabel,
      before: snapshot(e.before),
      after: snapshot(e.after),
      requestId: tx.requestId,
    })),
  );
}
