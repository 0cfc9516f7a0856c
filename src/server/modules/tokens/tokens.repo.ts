import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { apiTokens } from '../../db/schema.ts';

export type TokenRow = typeof apiTokens.$inferSelect;
export type TokenInsert = typeof apiTokens.$inferInsert;
export type TokenListRow = { token: TokenRow; createdAtText: string };

// Newest first; the text form of the timestamp keeps microseconds in the cursor.
const SORT: KeysetSort = { cols: [key(sql`${apiTokens.createdAt}`, 'timestamptz'), key(sql`${apiTokens.id}`, 'uuid')], desc: true };
export const TOKEN_SORT = { arity: SORT.cols.length, key: (r: TokenListRow) => [r.createdAtText, r.token.id] };

/** A user's tokens that still work or may (not revoked), newest first. */
export async function listTokens(db: Db, orgId: string, userId: string, after: unknown[] | null, limit: number): Promise<TokenListRow[]> {
  return db
    .select({ token: apiTokens, createdAtText: sql<string>`${apiTokens.createdAt}::text` })
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt), afterCursor(SORT, after)))
    .orderBy(...keysetOrder(SORT))
    .limit(limit);
}

export async function insertToken(db: Db, row: TokenInsert): Promise<TokenRow> {
  const [t] = await db.insert(apiTokens).values(row).returning();
  return t;
}

/** Row lock for read-modify-write, so a token is revoked (and audited) once. */
export async function lockToken(db: Db, orgId: string, id: string): Promise<TokenRow | null> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, id)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

export async function revokeToken(db: Db, orgId: string, id: string, at: Date): Promise<TokenRow> {
  const [t] = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, id)))
    .returning();
  return t;
}

/**
 * A working token by the hash of its secret, before anyone is signed in: the secret is
 * all a request brings, so the lookup cannot name an organisation.
 */
export async function findActiveTokenForSignIn(db: Db, tokenHash: string, now: Date): Promise<TokenRow | null> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now))))
    .limit(1);
  return rows[0] ?? null;
}

export async function markTokenUsed(db: Db, orgId: string, id: string, at: Date) {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: at })
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, id)));
}
