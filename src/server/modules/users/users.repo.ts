import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { users } from '../../db/schema.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUser(db: Db, orgId: string, id: string): Promise<UserRow | null> {
  const rows = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function lockUser(db: Db, orgId: string, id: string): Promise<UserRow | null> {
  const rows = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

export async function listUsers(db: Db, orgId: string): Promise<UserRow[]> {
  return db.select().from(users).where(eq(users.orgId, orgId)).orderBy(asc(sql`lower(${users.name})`), asc(users.id)).limit(1000);
}

export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<UserRow> {
  const [u] = await db.insert(users).values(row).returning();
  return u;
}

export async function updateUser(db: Db, orgId: string, id: string, patch: Partial<typeof users.$inferInsert>): Promise<UserRow> {
  const [u] = await db
    .update(users)
    .set(patch)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)))
    .returning();
  return u;
}

export async function countActiveOwners(db: Db, orgId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, 
    sql`SELECT count(*)::int AS n FROM ${users} WHERE org_id = ${orgId} AND role = 'owner' AND disabled_at IS NULL`,
  );
  return Number(rows[0]?.n ?? 0);
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return rows.length > 0;
}

export async function countEnabledUsers(db: Db, orgId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${users} WHERE org_id = ${orgId} AND disabled_at IS NULL`);
  return Number(rows[0]?.n ?? 0);
}
