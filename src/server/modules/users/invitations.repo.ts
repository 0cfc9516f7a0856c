import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { invitations, orgs } from '../../db/schema.ts';

export type InvitationRow = typeof invitations.$inferSelect;

export async function insertInvitation(db: Db, row: typeof invitations.$inferInsert): Promise<InvitationRow> {
  const [r] = await db.insert(invitations).values(row).returning();
  return r;
}

export async function listPending(db: Db, orgId: string): Promise<InvitationRow[]> {
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt))
    .limit(500);
}

export async function findInvitation(db: Db, orgId: string, id: string): Promise<InvitationRow | null> {
  const rows = await db.select().from(invitations).where(and(eq(invitations.orgId, orgId), eq(invitations.id, id))).limit(1);
  return rows[0] ?? null;
}

export async function findByTokenHash(db: Db, tokenHash: string) {
  const rows = await db
    .select({ invitation: invitations, orgName: orgs.name })
    .from(invitations)
    .innerJoin(orgs, eq(orgs.id, invitations.orgId))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return rows[0] ?? null;
}

/** Marks the invitation used; only one caller can win, which makes the link single-use. */
export async function claimInvitation(db: Db, id: string, at: Date): Promise<InvitationRow | null> {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: at })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning();
  return rows[0] ?? null;
}

export async function revokeInvitation(db: Db, orgId: string, id: string, at: Date): Promise<InvitationRow | null> {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: at })
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning();
  return rows[0] ?? null;
}
