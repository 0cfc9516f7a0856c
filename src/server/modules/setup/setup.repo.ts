import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** Same key in every process: concurrent first visitors and CLI runs are serialised. */
const SETUP_LOCK_KEY = 7_024_311_906;

/**
 * Holds the installation-wide set-up lock until the transaction ends. It guards the
 * question "is there any organisation yet?", so it spans all organisations by nature.
 */
export async function lockSetupAcrossOrgs(db: Db): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
}
