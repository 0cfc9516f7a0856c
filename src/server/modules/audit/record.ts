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

/** A service context inside a change: `db` is the transaction, `audit` writes a row in it, `auditMany` many rows at once (each with its label given). */
export type TxCtx = Ctx & { audit(e: AuditChange): Promise<void>; auditMany(es: Array<AuditChange & { objectLabel: string | null }>): Promise<void> };

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

const actorLabelOf = (actor: AuditActor) => `${actor.name} <${actor.email}>${actor.via === 'token' ? ' (API token)' : ''}`;

async function writeAuditMany(tx: Db, actor: AuditActor, requestId: string | null, es: Array<AuditChange & { objectLabel: string | null }>) {
  const actorLabel = actorLabelOf(actor);
  await insertAuditEvents(
    tx,
    es.map((e) => ({ orgId: actor.orgId, actorId: actor.userId, actorLabel, action: e.action, objectType: e.objectType, objectId: e.objectId, objectLabel: e.objectLabel, before: snapshot(e.before), after: snapshot(e.after), requestId })),
  );
}

async function writeAudit(tx: Db, actor: AuditActor, requestId: string | null, e: AuditChange) {
  return insertAuditEvent(tx, {
    orgId: actor.orgId,
    actorId: actor.userId,
    actorLabel: actorLabelOf(actor),
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
 * Told after an outermost change commits, with the object types of the audit rows it wrote
 * (the organisation and what kind of thing changed; only the types are kept, so a bulk
 * import holds no copies of its rows until it commits): how work that follows changes — the risk signals evaluated soon after a
 * relevant one — learns of them without every module calling it. A listener must not throw
 * and must not wait: it schedules, the change's caller already has its answer.
 */
export type CommitListener = (orgId: string, objectTypes: ReadonlySet<string>) => void;
const COMMIT_LISTENERS = new Set<CommitListener>();
export function onCommitted(listener: CommitListener): () => void {
  COMMIT_LISTENERS.add(listener);
  return () => COMMIT_LISTENERS.delete(listener);
}

/** The object types a change (and the changes it joins) has audited so far. */
const WRITTEN = Symbol('audited object types');
type Collecting = { [WRITTEN]?: Set<string> };

/**
 * Runs a change in one transaction together with its audit rows, so both commit or
 * neither. Every write of every module goes through here; no module opens that block by
 * hand. Called inside another change, it joins it (a savepoint), so a service that
 * composes others (a go decision creating a vendor, an engagement and a contract) stays
 * all or nothing. Once the outermost change commits, the commit listeners hear of it.
 */
export function change<T>(ctx: Ctx, work: (tx: TxCtx) => Promise<T>): Promise<T> {
  const outer = (ctx as Collecting)[WRITTEN];
  const written = outer ?? new Set<string>();
  const run = ctx.db.transaction((db) =>
    work({
      ...ctx,
      db,
      [WRITTEN]: written,
      audit: (e) => {
        written.add(e.objectType);
        return writeAudit(db, ctx.actor, ctx.requestId, e);
      },
      auditMany: (es) => {
        for (const e of es) written.add(e.objectType);
        return writeAuditMany(db, ctx.actor, ctx.requestId, es);
      },
    } as TxCtx),
  );
  if (outer) return run;
  return run.then((result) => {
    if (written.size) {
      for (const listener of COMMIT_LISTENERS) {
        try {
          listener(ctx.actor.orgId, written);
        } catch (err) {
          ctx.log.error({ err }, 'a commit listener failed');
        }
      }
    }
    return result;
  });
}

/**
 * The same for changes made before anyone is signed in (first set-up, accepting an
 * invitation, a portal link): the actor is whom the change creates or concerns.
 */
export function changeAs<T>(db: Db, actor: AuditActor, requestId: string | null, work: (tx: Db, audit: (e: AuditChange) => Promise<void>) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx, (e) => writeAudit(tx, actor, requestId, e)));
}
