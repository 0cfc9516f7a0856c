import { and, count, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { apiTokens, loginFailures, orgs, sessions, users } from '../../db/schema.ts';

export async function findUserByEmail(db: Db, email: string) {
  const rows = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return rows[0] ?? null;
}

const principalColumns = {
  userId: users.id,
  orgId: users.orgId,
  role: users.role,
  vendorId: users.vendorId,
  email: users.email,
  name: users.name,
  disabledAt: users.disabledAt,
};

/** A user as sign-in sees it (the users table is the users module's; auth reads it to resolve principals). */
export async function findPrincipal(db: Db, orgId: string, id: string) {
  const rows = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findSession(db: Db, id: string) {
  const rows = await db
    .select({ ...principalColumns, session: sessions })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertSession(db: Db, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

export async function touchSession(db: Db, id: string, at: Date) {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfUser(db: Db, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function findActiveToken(db: Db, tokenHash: string, now: Date) {
  const rows = await db
    .select({ ...principalColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

export async function markTokenUsed(db: Db, tokenId: string, at: Date) {
  await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, tokenId));
}

export async function findOrg(db: Db, orgId: string) {
  const rows = await db.select().from(orgs).where(eq(orgs.id, orgId)).limit(1);
  return rows[0] ?? null;
}

export async function countRecentFailures(db: Db, key: string, since: Date): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)));
  return Number(rows[0]?.n ?? 0);
}

export async function recordFailures(db: Db, keys: string[], at: Date) {
  await db.insert(loginFailures).values(keys.map((key) => ({ key, at })));
}

export async function clearFailures(db: Db, key: string) {
  await db.delete(loginFailures).where(eq(loginFailures.key, key));
}

/** Old failures say nothing about current attacks; keep the table small. */
export async function pruneFailures(db: Db, before: Date) {
  await db.delete(loginFailures).where(lt(loginFailures.at, before));
}
