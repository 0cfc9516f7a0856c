import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, MIGRATIONS_DIR, type Db } from '../../src/server/db/client.ts';

/**
 * Migration 0038's backfill, run on checks the services stored: the other invoices it finds
 * for a check must be those the pure checks named when they saved it.
 */
export interface StoredRelated {
  invoiceId: string;
  key: string;
  related: string[] | null;
}

export async function storedRelated(db: Db, orgIds: string[]): Promise<StoredRelated[]> {
  return queryRows<StoredRelated>(
    db,
    sql`SELECT invoice_id AS "invoiceId", key, related_invoice_ids AS related FROM invoice_checks WHERE org_id = ANY(${sql.param(orgIds)}::uuid[]) AND key IN ('duplicate:number', 'duplicate:amount-date', 'period_overlap') ORDER BY invoice_id, key`,
  );
}

/**
 * Forgets these organisations' related invoices (as before migration 0038), runs the
 * migration's own statements after its ALTER TABLE as the migrator does, and reads what they
 * stored — in a transaction rolled back, because the backfill touches every organisation's
 * checks and on PostgreSQL other test files share the database.
 */
export async function backfilled(db: Db, orgIds: string[]): Promise<StoredRelated[]> {
  const file = readFileSync(path.join(MIGRATIONS_DIR, '0038_invoice_checks_related_invoices.sql'), 'utf8');
  const statements = file.split('--> statement-breakpoint').filter((s) => !/^\s*ALTER TABLE/i.test(s));
  if (statements.length !== 1) throw new Error(`Expected the backfill as one statement after the ALTER TABLE, found ${statements.length}`);
  let out: StoredRelated[] = [];
  const rollback = new Error('rollback');
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE invoice_checks SET related_invoice_ids = NULL WHERE org_id = ANY(${sql.param(orgIds)}::uuid[])`);
      if ((await storedRelated(tx, orgIds)).some((r) => r.related !== null)) throw new Error('The related invoices were not forgotten');
      await tx.execute(sql.raw(statements[0]));
      out = await storedRelated(tx, orgIds);
      throw rollback;
    });
  } catch (e) {
    if (e !== rollback) throw e;
  }
  return out;
}
