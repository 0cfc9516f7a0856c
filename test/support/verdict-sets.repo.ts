import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../src/server/db/client.ts';

/**
 * Holds an engagement's SLA verdict set row in a transaction of its own (another
 * connection: PostgreSQL only), so a store of its verdicts cannot finish until released.
 */
export async function holdVerdictSet(db: Db, engagementId: string): Promise<{ release: () => Promise<void> }> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let locked: () => void = () => {};
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const blocker = db.transaction(async (tx) => {
    await tx.execute(sql`SELECT 1 FROM sla_verdict_sets WHERE engagement_id = ${engagementId} FOR UPDATE`);
    locked();
    await held;
  });
  await Promise.race([isLocked, blocker]);
  return {
    release: async () => {
      release();
      await blocker;
    },
  };
}

/** What the stored verdicts of an engagement were measured from (`sla_verdict_sets.inputs`). */
export async function storedInputs(db: Db, engagementId: string): Promise<string | undefined> {
  const [row] = await queryRows<{ inputs: string }>(db, sql`SELECT inputs FROM sla_verdict_sets WHERE engagement_id = ${engagementId}`);
  return row?.inputs;
}

/** How many sessions wait for a lock on a verdict set row (PostgreSQL): stores held up by holdVerdictSet. */
export async function storesWaiting(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%sla_verdict_sets%'`,
  );
  return Number(row.n);
}
