import { and, asc, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { loginFailures, orgs, people, sessions, users } from '../../db/schema.ts';

// Auth owns people (the login identity), sessions and sign-in failures. It reads the users
// table (the users module's memberships) only to resolve who a credential belongs to, and
// never writes it.

const principalColumns = {
  userId: users.id,
  orgId: users.orgId,
  role: users.role,
  vendorId: users.vendorId,
  email: users.email,
  name: users.name,
  disabledAt: users.disabledAt,
  personId: users.personId,
};
export type PrincipalRow = { userId: string; orgId: string; role: string; vendorId: string | null; email: string; name: string; disabledAt: Date | null; personId: string };
export type PersonRow = typeof people.$inferSelect;

// People are the one thing above organisations: an e-mail signs in as exactly one person,
// who may hold a membership (a users row) in several organisations. Their lookups name no
// organisation by nature.

/** The person an e-mail signs in as, before anyone is signed in. */
export async function findPersonByEmailForSignIn(db: Db, email: string): Promise<PersonRow | null> {
  const rows = await db
    .select()
    .from(people)
    .where(sql`lower(${people.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return rows[0] ?? null;
}

export async function findPersonForSignIn(db: Db, personId: string): Promise<PersonRow | null> {
  const rows = await db.select().from(people).where(eq(people.id, personId)).limit(1);
  return rows[0] ?? null;
}

/** A new person (the e-mail must be free: the unique index on lower(email) refuses a second). */
export async function insertPerson(db: Db, row: { email: string; passwordHash: string | null; at: Date }): Promise<PersonRow> {
  const [p] = await db.insert(people).values({ email: row.email, passwordHash: row.passwordHash, createdAt: row.at, updatedAt: row.at }).returning();
  return p;
}

export async function setPersonPassword(db: Db, personId: string, passwordHash: string, at: Date): Promise<void> {
  await db.update(people).set({ passwordHash, updatedAt: at }).where(eq(people.id, personId));
}

/** Every membership of a person, oldest first, with its organisation's name (disabled ones included). */
export async function membershipsOfPersonForSignIn(db: Db, personId: string) {
  return db
    .select({ user: users, orgName: orgs.name })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(users.personId, personId))
    .orderBy(asc(users.createdAt), asc(users.id));
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
// Every signed-in request makes this lookup: built once (`preparedQuery`).
const sessionForSignIn = preparedQuery('auth_session_for_sign_in', (db) =>
  db
    .select({ ...principalColumns, session: sessions })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .limit(1),
);

export async function findSessionForSignIn(db: Db, id: string) {
  const rows = await sessionForSignIn(db).execute({ id });
  return rows[0] ?? null;
}

export async function insertSession(db: Db, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

/** Moves a session to another membership of its person (the organisation switcher). */
export async function switchSession(db: Db, orgId: string, id: string, to: { personId: string; userId: string; orgId: string }): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ userId: to.userId, orgId: to.orgId })
    .where(and(eq(sessions.orgId, orgId), eq(sessions.id, id), eq(sessions.personId, to.personId)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Moves a session's last use forward, never back (another server may have touched it since it was read). */
export async function touchSession(db: Db, orgId: string, id: string, at: Date) {
  await db
    .update(sessions)
    .set({ lastSeenAt: at })
    .where(and(eq(sessions.orgId, orgId), eq(sessions.id, id), lt(sessions.lastSeenAt, at)));
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

/** The person a membership belongs to. */
export async function personIdOfMembership(db: Db, orgId: string, userId: string): Promise<string | null> {
  const rows = await db
    .select({ personId: users.personId })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)))
    .limit(1);
  return rows[0]?.personId ?? null;
}
