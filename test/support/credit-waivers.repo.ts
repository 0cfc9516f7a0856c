import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../src/server/db/client.ts';

/**
 * A waiver stored as it is, without a credit owed behind it: the authorization matrix needs
 * one to take back per call, and owing a credit takes an SLA policy and a month of tickets.
 */
export async function storeWaiver(db: Db, o: { orgId: string; vendorId: string; engagementId: string; month: string }): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`INSERT INTO service_credit_waivers (org_id, vendor_id, engagement_id, month, currency, amount_minor, reason)
        VALUES (${o.orgId}, ${o.vendorId}, ${o.engagementId}, ${o.month}, 'EUR', 100000, 'Matrix waiver') RETURNING id`,
  );
  return row.id;
}
