import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { portalLinks } from '../../db/schema.ts';

export async function insertPortalLink(db: Db, row: typeof portalLinks.$inferInsert) {
  const [r] = await db.insert(portalLinks).values(row).returning();
  return r;
}

/** A link by the hash of its token, before anyone is signed in: the token is all the request brings. */
export async function findPortalLinkForSignIn(db: Db, tokenHash: string) {
  const rows = await db.select().from(portalLinks).where(eq(portalLinks.tokenHash, tokenHash)).limit(1);
  return rows[0] ?? null;
}

/** Marks the link used; only the first caller wins, which makes it single-use. */
export async function claimPortalLink(db: Db, orgId: string, id: string, at: Date) {
  const rows = await db
    .update(portalLinks)
    .set({ usedAt: at })
    .where(and(eq(portalLinks.orgId, orgId), eq(portalLinks.id, id), isNull(portalLinks.usedAt)))
    .returning();
  return rows[0] ?? null;
}
