import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** The cheapest question the database can answer; it reads no organisation's rows. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`SELECT 1`);
}
