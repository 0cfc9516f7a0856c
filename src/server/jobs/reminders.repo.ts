import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { notifications, users } from '../db/schema.ts';

/** Claims a notification; false when another run (or server) already sent it. */
export async function claimNotification(db: Db, row: typeof notifications.$inferInsert): Promise<string | null> {
  const rows = await db.insert(notifications).values(row).onConflictDoNothing().returning({ id: notifications.id });
  return rows[0]?.id ?? null;
}

/** A failed send gives the claim back, so the next run tries again. */
export async function releaseNotification(db: Db, orgId: string, id: string) {
  await db.delete(notifications).where(and(eq(notifications.orgId, orgId), eq(notifications.id, id)));
}

/** Who hears about an organisation's expiring evidence when a vendor has no internal owner. */
export async function orgAdmins(db: Db, orgId: string) {
  return db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.role, ['owner', 'admin']), isNull(users.disabledAt)));
}
