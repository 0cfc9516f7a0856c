import { sql, type SQL } from 'drizzle-orm';
import type { OutageRecord } from '../../../domain/sla/report.ts';
import type { Db } from '../../db/client.ts';
import { rowVersionsSql, type Fragment } from '../../db/fragment.ts';
import { outages, slaVerdictSets } from '../../db/schema.ts';
import { outageRecordsJsonSql } from './outages.repo.ts';

/** What a measurement of one engagement and the report built from it depend on. */
export interface MeasurementInputs {
  /** The engagement's vendor, NULL when there is no such engagement: its read authorization (`authorizeEngagementRead`). */
  engagementVendor: string | null;
  policyId: string | null;
  calendarId: string | null;
  calendarRevision: string | null;
  dataVersion: string;
  outages: OutageRecord[];
}

/**
 * Reads a report's inputs in one statement: the scalar subqueries come from the modules
 * that own the tables (each through its public surface), the outages from this module.
 * Before, a report read that found its measurement cached still cost five round trips.
 */
export async function readMeasurementInputs(
  db: Db,
  orgId: string,
  engagementId: string,
  parts: { engagementVendor: SQL<string | null>; policyId: SQL<string | null>; calendarId: SQL<string | null>; calendarRevision: SQL<string | null>; dataVersion: SQL<string> },
): Promise<MeasurementInputs> {
  const [row] = await db
    .select({
      engagementVendor: parts.engagementVendor,
      policyId: parts.policyId,
      calendarId: parts.calendarId,
      calendarRevision: parts.calendarRevision,
      dataVersion: parts.dataVersion,
      outages: outageRecordsJsonSql(orgId, engagementId),
    })
    .from(sql`(VALUES (1)) AS one (x)`);
  return { ...row, outages: JSON.parse(row.outages) as OutageRecord[] };
}

/**
 * One fingerprint of everything the portfolio overview reads — the other modules' rows as
 * their fingerprints (`parts`), this module's verdict sets and outages — in one statement.
 */
export async function readOverviewFingerprint(db: Db, orgId: string, parts: readonly Fragment<string>[]): Promise<string> {
  const all = [...parts, rowVersionsSql(slaVerdictSets, slaVerdictSets.orgId, orgId), rowVersionsSql(outages, outages.orgId, orgId)];
  const [row] = await db.select({ fingerprint: sql<string>`md5(concat_ws('|', ${sql.join(all, sql`, `)}))` }).from(sql`(VALUES (1)) AS one (x)`);
  return row.fingerprint;
}
