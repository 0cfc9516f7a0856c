import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { invitations, orgs } from '../../db/schema.ts';

export type InvitationRow = typeof invitations.$inferSelect;
export type InvitationInsert = typeof invitations.$inferInsert;
export type InvitationListRow = { invitation: InvitationRow; createdAtText: string };

// Newest first; the text form of the timestamp keeps microseconds in the cursor.
const SORT: KeysetSort = { cols: [key(sql`${invitations.createdAt}`, 'timestamptz'), key(sql`${invitations.id}`, 'uuid')], desc: true };
export const INVITATION_SORT = { arity: SORT.cols.length, key: (r: InvitationListRow) => [r.createdAtText, r.invitation.id] };

/**
 * A new invitation; like a user, its vendor is guarded by the composite foreign key of
 * migration 0005 (another organisation's vendor is refused, db/errors.ts names the field).
 */
export async function insertInvitation(db: Db, row: InvitationInsert): Promise<InvitationRow> {
  const [r] = await db.insert(invitations).values(row).returning();
  return r;
}

/** Invitations neither accepted nor withdrawn (expired ones included: the list shows their date). */
export async function listPending(db: Db, orgId: string, after: unknown[] | null, limit: number): Promise<InvitationListRow[]> {
  return db
    .select({ invitation: invitations, createdAtText: sql<string>`${invitations.createdAt}::text` })
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), afterCursor(SORT, after)))
    .orderBy(...keysetOrder(SORT))
    .limit(limit);
}

/** Row lock for read-modify-write, so an invitation is withdrawn (and audited) once. */
export async function lockInvitation(db: Db, orgId: string, id: string): Promise<InvitationRow | null> {
  const rows = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

export async function revokeInvitation(db: Db, orgId: string, id: string, at: Date): Promise<InvitationRow> {
  const [r] = await db
    .update(invitations)
    .set({ revokedAt: at })
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id)))
    .returning();
  return r;
}

/**
 * An invitation by the hash of its link's token, with its organisation's name, before
 * anyone is signed in: the token is all the invitee brings, so no organisation is named.
 */
export async function findInvitationByTokenForSignIn(db: Db, tokenHash: string) {
  const rows = await db
    .select({ invitation: invitations, orgName: orgs.name })
    .from(invitations)
    .innerJoin(orgs, eq(orgs.id, invitations.orgId))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return rows[0] ?? null;
}

/** Marks the invitation used; only one caller can win, which makes the link single-use. */
export async function claimInvitation(db: Db, orgId: string, id: string, at: Date): Promise<InvitationRow | null> {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: at })
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning();
  return rows[0] ?? null;
}
