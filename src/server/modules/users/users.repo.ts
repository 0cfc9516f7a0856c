import { and, asc, count, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { users } from '../../db/schema.ts';

export type UserRow = typeof users.$inferSelect;
export type UserInsert = typeof users.$inferInsert;
export type UserListRow = { user: UserRow; nameKey: string };

// By name as the database lowercases it (the cursor must compare exactly like the sort), then id.
const SORT: KeysetSort = { cols: [key(sql`lower(${users.name})`, 'text'), key(sql`${users.id}`, 'uuid')], desc: false };
export const USER_SORT = { arity: SORT.cols.length, key: (r: UserListRow) => [r.nameKey, r.user.id] };

export async function listUsers(db: Db, orgId: string, after: unknown[] | null, limit: number): Promise<UserListRow[]> {
  return db
    .select({ user: users, nameKey: sql<string>`lower(${users.name})` })
    .from(users)
    .where(and(eq(users.orgId, orgId), afterCursor(SORT, after)))
    .orderBy(...keysetOrder(SORT))
    .limit(limit);
}

export async function findUser(db: Db, orgId: string, id: string): Promise<UserRow | null> {
  const rows = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

/** Users whose lowercased name or e-mail is one of `lowerKeys`. */
export async function findUsersByNamesOrEmails(db: Db, orgId: string, lowerKeys: string[]): Promise<UserRow[]> {
  if (lowerKeys.length === 0) return [];
  return db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), or(inArray(sql`lower(${users.name})`, lowerKeys), inArray(sql`lower(${users.email})`, lowerKeys))));
}

/** Row lock for read-modify-write, so two editors cannot interleave their audit rows. */
export async function lockUser(db: Db, orgId: string, id: string): Promise<UserRow | null> {
  const rows = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

/** The organisation's longest-standing active owner (who the CLI acts as when nobody is named). */
export async function findFirstActiveOwner(db: Db, orgId: string): Promise<UserRow | null> {
  const rows = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'owner'), isNull(users.disabledAt)))
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * A new user; its vendor is guarded by the composite foreign key (org_id, vendor_id) of
 * migration 0005, so another organisation's vendor is refused here (db/errors.ts names the field).
 */
export async function insertUser(db: Db, row: UserInsert): Promise<UserRow> {
  const [u] = await db.insert(users).values(row).returning();
  return u;
}

export async function updateUser(db: Db, orgId: string, id: string, patch: Partial<UserInsert>): Promise<UserRow> {
  const [u] = await db
    .update(users)
    .set(patch)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)))
    .returning();
  return u;
}

export async function countActiveOwners(db: Db, orgId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'owner'), isNull(users.disabledAt)));
  return Number(rows[0]?.n ?? 0);
}

/** The organisation's user (membership) with this e-mail, if any: e-mails are unique within an organisation. */
export async function findUserByEmail(db: Db, orgId: string, email: string): Promise<UserRow | null> {
  const rows = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), sql`lower(${users.email}) = ${email.trim().toLowerCase()}`))
    .limit(1);
  return rows[0] ?? null;
}

export async function countEnabledUsers(db: Db, orgId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.orgId, orgId), isNull(users.disabledAt)));
  return Number(rows[0]?.n ?? 0);
}
