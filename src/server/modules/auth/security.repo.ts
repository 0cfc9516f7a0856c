import { and, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { mfaRecoveryCodes, orgSecurity, passwordResets, serverKeys, sessions, signInChallenges, signInThrottles, userMfa } from '../../db/schema.ts';

// Throttles are keyed by account, address or user before anyone is signed in: no organisation.

export type ThrottleRow = typeof signInThrottles.$inferSelect;

/**
 * Runs `decide` on the throttle row of `key` under the row's lock (created first if new) and
 * stores what it returns: parallel attempts on one key queue here, so a count cannot be raced.
 */
export async function withThrottleLocked<T>(db: Db, key: string, now: Date, decide: (row: ThrottleRow) => { next: Partial<ThrottleRow>; result: T }): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.insert(signInThrottles).values({ key, attempts: 0, windowStartedAt: now, lockouts: 0, lastAt: now }).onConflictDoNothing();
    const [row] = await tx.select().from(signInThrottles).where(eq(signInThrottles.key, key)).for('update');
    const { next, result } = decide(row);
    if (Object.keys(next).length > 0) await tx.update(signInThrottles).set(next).where(eq(signInThrottles.key, key));
    return result;
  });
}

export async function clearThrottle(db: Db, key: string) {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, key));
}

/** Gives back one counted attempt (a correct password from a busy address). */
export async function refundThrottle(db: Db, key: string) {
  await db
    .update(signInThrottles)
    .set({ attempts: sql`greatest(${signInThrottles.attempts} - 1, 0)` })
    .where(eq(signInThrottles.key, key));
}

/** Old throttles say nothing about current attacks (all organisations at once). */
export async function pruneThrottlesAcrossOrgs(db: Db, before: Date) {
  await db.delete(signInThrottles).where(and(lt(signInThrottles.lastAt, before), sql`coalesce(${signInThrottles.lockedUntil}, ${signInThrottles.lastAt}) < ${before}`));
}

// Authenticators belong to a person (above organisations: sign-in comes before choosing one).

export async function findMfaOfPerson(db: Db, personId: string) {
  const rows = await db.select().from(userMfa).where(eq(userMfa.personId, personId)).limit(1);
  return rows[0] ?? null;
}

/** A new (not yet confirmed) authenticator replaces any earlier one of the person. */
export async function upsertPendingMfaOfPerson(db: Db, row: { personId: string; secretEncrypted: string; createdAt: Date }) {
  await db
    .insert(userMfa)
    .values({ ...row, enabledAt: null, lastStep: null })
    .onConflictDoUpdate({ target: userMfa.personId, set: { secretEncrypted: row.secretEncrypted, createdAt: row.createdAt, enabledAt: null, lastStep: null } });
}

export async function enableMfaOfPerson(db: Db, personId: string, at: Date, step: number) {
  await db.update(userMfa).set({ enabledAt: at, lastStep: step }).where(eq(userMfa.personId, personId));
}

/** Records the step a code was used for; only a later step wins, so a code works once. */
export async function claimMfaStepOfPerson(db: Db, personId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(userMfa)
    .set({ lastStep: step })
    .where(and(eq(userMfa.personId, personId), sql`coalesce(${userMfa.lastStep}, -1) < ${step}`))
    .returning({ personId: userMfa.personId });
  return rows.length > 0;
}

export async function deleteMfaOfPerson(db: Db, personId: string) {
  await db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.personId, personId));
  await db.delete(userMfa).where(eq(userMfa.personId, personId));
}

export async function replaceRecoveryCodesOfPerson(db: Db, personId: string, hashes: string[], at: Date) {
  await db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.personId, personId));
  await db.insert(mfaRecoveryCodes).values(hashes.map((codeHash) => ({ personId, codeHash, createdAt: at })));
}

/** Marks a recovery code used; only the first caller wins. */
export async function claimRecoveryCodeOfPerson(db: Db, personId: string, codeHash: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(mfaRecoveryCodes)
    .set({ usedAt: at })
    .where(and(eq(mfaRecoveryCodes.personId, personId), eq(mfaRecoveryCodes.codeHash, codeHash), isNull(mfaRecoveryCodes.usedAt)))
    .returning({ id: mfaRecoveryCodes.id });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodesOfPerson(db: Db, personId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.personId, personId), isNull(mfaRecoveryCodes.usedAt)));
  return Number(rows[0]?.n ?? 0);
}

// Second steps of sign-in, by the hash of the token the browser holds (before sign-in: no organisation).

export async function insertChallenge(db: Db, row: typeof signInChallenges.$inferInsert) {
  await db.insert(signInChallenges).values(row);
}

export async function findChallengeForSignIn(db: Db, id: string) {
  const rows = await db.select().from(signInChallenges).where(eq(signInChallenges.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function claimChallenge(db: Db, orgId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(signInChallenges)
    .set({ usedAt: at })
    .where(and(eq(signInChallenges.orgId, orgId), eq(signInChallenges.id, id), isNull(signInChallenges.usedAt), gt(signInChallenges.expiresAt, at)))
    .returning({ id: signInChallenges.id });
  return rows.length > 0;
}

// Password resets.

export async function insertPasswordReset(db: Db, row: typeof passwordResets.$inferInsert) {
  await db.insert(passwordResets).values(row);
}

/** A reset by the hash of its token, before sign-in: the token is all the request brings. */
export async function findPasswordResetForSignIn(db: Db, tokenHash: string) {
  const rows = await db.select().from(passwordResets).where(eq(passwordResets.tokenHash, tokenHash)).limit(1);
  return rows[0] ?? null;
}

export async function claimPasswordReset(db: Db, orgId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(passwordResets)
    .set({ usedAt: at })
    .where(and(eq(passwordResets.orgId, orgId), eq(passwordResets.id, id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, at)))
    .returning({ id: passwordResets.id });
  return rows.length > 0;
}

/** Earlier reset links of a user stop working when one is used or a new password is set. */
export async function expirePasswordResetsOf(db: Db, orgId: string, userId: string, at: Date) {
  await db
    .update(passwordResets)
    .set({ usedAt: at })
    .where(and(eq(passwordResets.orgId, orgId), eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

// The organisation's rule.

export async function findOrgSecurity(db: Db, orgId: string) {
  const rows = await db.select().from(orgSecurity).where(eq(orgSecurity.orgId, orgId)).limit(1);
  return rows[0] ?? null;
}

export async function saveOrgSecurity(db: Db, orgId: string, requireMfa: boolean, at: Date) {
  const [row] = await db
    .insert(orgSecurity)
    .values({ orgId, requireMfa, updatedAt: at })
    .onConflictDoUpdate({ target: orgSecurity.orgId, set: { requireMfa, updatedAt: at } })
    .returning();
  return row;
}

// Sessions of one person, whichever organisation each is in now (a session can switch).

export async function listSessionsOfPerson(db: Db, personId: string) {
  return db
    .select()
    .from(sessions)
    .where(eq(sessions.personId, personId))
    .orderBy(sql`${sessions.lastSeenAt} desc`, sessions.id)
    .limit(200);
}

export async function deleteOtherSessionsOfPerson(db: Db, personId: string, keepId: string | null): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.personId, personId), keepId ? ne(sessions.id, keepId) : undefined))
    .returning({ id: sessions.id });
  return rows.length;
}

// The database-kept key that encrypts secrets when none is configured (server-wide).

export async function serverKeyAcrossOrgs(db: Db, name: string, fresh: string): Promise<string> {
  await db.insert(serverKeys).values({ name, value: fresh }).onConflictDoNothing();
  const [row] = await db.select().from(serverKeys).where(eq(serverKeys.name, name));
  return row.value;
}
