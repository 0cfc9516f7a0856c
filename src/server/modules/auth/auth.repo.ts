import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { loginFailures, sessions, users } from '../../db/schema.ts';

// Auth owns sessions and sign-in failures. It reads the users table (the users module's)
// only to resolve who a credential belongs to, and never writes it.

const principalColumns = {
  userId: users.id,
  orgId: users.orgId,
  role: users.role,
  vendorId: users.vendorId,
  email: users.email,
  name: users.name,
  disabledAt: users.disabledAt,
};
export type PrincipalRow = { userId: string; orgId: string; role: string; vendorId: string | null; email: string; name: string; disabledAt: Date | null };

/**
 * Sign-in by e-mail, before anyone is signed in: an e-mail names exactly one account
 * across all organisations, so this is the one lookup without an organisation.
 */
export async function findUserByEmailForSignIn(db: Db, email: string) {
  const rows = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return rows[0] ?? null;
}

/** A user by id, as sign-in sees it after a right password (the second step). */
export async function findUserByIdForSignIn(db: Db, orgId: string, userId: string) {
  const rows = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)))
    .limit(1);
  return rows[0] ?? null;
}

/** A user as sign-in sees it. */
export async function findPrincipal(db: Db, orgId: string, userId: string): Promise<PrincipalRow | null> {
  const rows = await db
    .select(principalColumns)
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * A session by the hash of its cookie secret, with its user, before anyone is signed in:
 * the secret is the only thing the request brings, so the lookup cannot name an organisation.
 */
export async function findSessionForSignIn(db: Db, id: string) {
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

export async function touchSession(db: Db, orgId: string, id: string, at: Date) {
  await db
    .update(sessions)
    .set({ lastSeenAt: at })
    .where(and(eq(sessions.orgId, orgId), eq(sessions.id, id)));
}

export async function deleteSession(db: Db, orgId: string, id: string) {
  await db.delete(sessions).where(and(eq(sessions.orgId, orgId), eq(sessions.id, id)));
}

export async function deleteSessionsOfUser(db: Db, orgId: string, userId: string) {
  await db.delete(sessions).where(and(eq(sessions.orgId, orgId), eq(sessions.userId, userId)));
}

// Failed sign-ins are keyed by e-mail or address, before anyone is signed in: no organisation.

export async function countRecentSignInFailures(db: Db, key: string, since: Date): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)));
  return Number(rows[0]?.n ?? 0);
}

export async function recordSignInFailures(db: Db, keys: string[], at: Date) {
  await db.insert(loginFailures).values(keys.map((key) => ({ key, at })));
}

export async function clearSignInFailures(db: Db, key: string) {
  await db.delete(loginFailures).where(eq(loginFailures.key, key));
}

/** Old failures say nothing about current attacks; keep the table small (all organisations at once). */
export async function pruneSignInFailuresAcrossOrgs(db: Db, before: Date) {
  await db.delete(loginFailures).where(lt(loginFailures.at, before));
}
