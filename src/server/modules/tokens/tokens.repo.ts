import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { apiTokens } from '../../db/schema.ts';

export type TokenRow = typeof apiTokens.$inferSelect;

export async function listTokens(db: Db, orgId: string, userId: string): Promise<TokenRow[]> {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt))
    .limit(500);
}

export async function insertToken(db: Db, row: typeof apiTokens.$inferInsert): Promise<TokenRow> {
  const [t] = await db.insert(apiTokens).values(row).returning();
  return t;
}

/** Only the token's own user revokes it; anyone else's id is simply not found. */
export async function revokeToken(db: Db, orgId: string, userId: string, id: string, at: Date): Promise<TokenRow | null> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.userId, userId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning();
  return rows[0] ?? null;
}
