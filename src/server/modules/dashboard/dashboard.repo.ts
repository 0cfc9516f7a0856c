import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { engagements, users, vendors } from '../../db/schema.ts';

export async function vendorCounts(db: Db, orgId: string) {
  const rows = await queryRows<{ status: string; tier: number; n: number }>(db, 
    sql`SELECT status, tier, count(*)::int AS n FROM ${vendors} WHERE org_id = ${orgId} AND archived_at IS NULL GROUP BY status, tier`,
  );
  return rows;
}

export async function engagementCounts(db: Db, orgId: string) {
  const rows = await queryRows<{ total: number; active: number }>(db, 
    sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'active')::int AS active
        FROM ${engagements} WHERE org_id = ${orgId} AND archived_at IS NULL`,
  );
  return rows[0] ?? { total: 0, active: 0 };
}

export async function userCount(db: Db, orgId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${users} WHERE org_id = ${orgId} AND disabled_at IS NULL`);
  return Number(rows[0]?.n ?? 0);
}
