import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { risks } from '../../db/schema.ts';

/**
 * The set-based writes of an evaluation: a few statements whatever the number of signals,
 * each carrying its rows as one JSON parameter (jsonb_to_recordset), so 50,000 changes cost
 * what 50 do. Each statement is conditional on the stored state, so repeating it writes
 * nothing, and the unique key (organisation, rule, subject) keeps one signal per fact.
 */
export interface SignalValues {
  rule: string;
  subject_key: string;
  title: string;
  detail: string;
  fingerprint: string;
  evidence: Array<{ label: string; href: string }>;
}

const CHUNK = 10_000;

/** Serialises the writes of one organisation's evaluations (several servers): the second reads what the first wrote. */
export async function lockOrgSignals(tx: Db, orgId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`risk_signals:${orgId}`}, 0))`);
}

/** The stored signals, as an evaluation compares them. */
export async function storedSignals(db: Db, orgId: string) {
  return queryRows<{ rule: string; subject_key: string; status: string; fingerprint: string }>(db, sql`SELECT rule, subject_key, status, fingerprint FROM risk_signals WHERE org_id = ${orgId}`);
}

/** New signals, claimed on the unique key: only the rows returned were inserted (a signal that exists is left alone). */
export async function claimSignals(tx: Db, orgId: string, rows: SignalValues[], at: Date) {
  return queryRows<{ id: string; rule: string; subject_key: string }>(
    tx,
    sql`INSERT INTO risk_signals (org_id, rule, subject_key, status, title, detail, fingerprint, evidence, raised_at, updated_at)
        SELECT ${orgId}::uuid, v.rule, v.subject_key, 'active', v.title, v.detail, v.fingerprint, v.evidence, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(rule text, subject_key text, title text, detail text, fingerprint text, evidence jsonb)
        ORDER BY v.rule, v.subject_key
        ON CONFLICT (org_id, rule, subject_key) DO NOTHING
        RETURNING id, rule, subject_key`,
  );
}

/** A risk a new signal opens, scored on the organisation's matrix (inherent = residual). */
export interface OpenedRisk {
  id: string;
  title: string;
  description: string;
  category: string;
  vendor_id: string | null;
  engagement_id: string | null;
  finding_id: string | null;
  owner_id: string | null;
  likelihood: number;
  impact: number;
  level: number;
}

/** The risks and their first score rows, one statement each per chunk. */
export async function insertRisks(tx: Db, orgId: string, rows: OpenedRisk[], at: Date, byUserId: string, note: string): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK));
    await tx.execute(sql`INSERT INTO risks (id, org_id, title, description, category, vendor_id, engagement_id, finding_id, owner_id, inherent_likelihood, inherent_impact, residual_likelihood, residual_impact, residual_level, source, created_at, updated_at)
      SELECT v.id, ${orgId}::uuid, v.title, v.description, v.category, v.vendor_id, v.engagement_id, v.finding_id, v.owner_id, v.likelihood, v.impact, v.likelihood, v.impact, v.level, 'signal', ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
      FROM jsonb_to_recordset(${json}::jsonb) AS v(id uuid, title text, description text, category text, vendor_id uuid, engagement_id uuid, finding_id uuid, owner_id uuid, likelihood int, impact int, level int)`);
    await tx.execute(sql`INSERT INTO risk_scores (org_id, risk_id, at, inherent_likelihood, inherent_impact, residual_likelihood, residual_impact, by_user_id, note)
      SELECT ${orgId}::uuid, v.id, ${at.toISOString()}::timestamptz, v.likelihood, v.impact, v.likelihood, v.impact, ${byUserId}::uuid, ${note}
      FROM jsonb_to_recordset(${json}::jsonb) AS v(id uuid, likelihood int, impact int)`);
  }
}

export async function linkSignals(tx: Db, orgId: string, links: Array<{ id: string; risk_id: string }>): Promise<void> {
  if (!links.length) return;
  await tx.execute(sql`UPDATE risk_signals s SET risk_id = v.risk_id FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS v(id uuid, risk_id uuid) WHERE s.org_id = ${orgId} AND s.id = v.id`);
}

/**
 * Signals whose words changed or that are raised again; only rows that differ are written.
 * Returns the risks of those raised again. The new words travel once, in `old`, and the
 * update finds its rows by id: joining the JSON rows a second time let the planner (which
 * guesses 100 rows for any JSON set) pair every changed signal with every other, and
 * 50,000 changes ran past the statement timeout.
 */
export async function refreshSignals(tx: Db, orgId: string, rows: SignalValues[], at: Date) {
  const out: Array<{ id: string; risk_id: string | null; was_active: boolean }> = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    out.push(
      ...(await queryRows<{ id: string; risk_id: string | null; was_active: boolean }>(
        tx,
        sql`WITH old AS MATERIALIZED (
              SELECT s.id, s.status = 'active' AS was_active, v.title, v.detail, v.fingerprint, v.evidence FROM risk_signals s
              JOIN jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + CHUNK))}::jsonb) AS v(rule text, subject_key text, title text, detail text, fingerprint text, evidence jsonb)
                ON s.org_id = ${orgId} AND s.rule = v.rule AND s.subject_key = v.subject_key
              WHERE s.status <> 'active' OR s.fingerprint <> v.fingerprint
            )
            UPDATE risk_signals s SET status = 'active', title = old.title, detail = old.detail, fingerprint = old.fingerprint, evidence = old.evidence, updated_at = ${at.toISOString()}::timestamptz, cleared_at = NULL
            FROM old
            WHERE s.id = old.id
            RETURNING s.id, s.risk_id, old.was_active`,
      )),
    );
  }
  return out;
}

/** Active signals whose fact cleared; returns those marked. */
export async function clearSignals(tx: Db, orgId: string, keys: Array<{ rule: string; subject_key: string }>, at: Date) {
  if (!keys.length) return [];
  return queryRows<{ id: string }>(
    tx,
    sql`UPDATE risk_signals s SET status = 'cleared', cleared_at = ${at.toISOString()}::timestamptz, updated_at = ${at.toISOString()}::timestamptz
        FROM jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) AS v(rule text, subject_key text)
        WHERE s.org_id = ${orgId} AND s.status = 'active' AND s.rule = v.rule AND s.subject_key = v.subject_key
        RETURNING s.id`,
  );
}

/** Closed risks a returning signal reopens. */
export async function reopenRisks(tx: Db, orgId: string, ids: string[], at: Date) {
  const out: Array<typeof risks.$inferSelect> = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    out.push(
      ...(await tx
        .update(risks)
        .set({ status: 'open', closedAt: null, updatedAt: at })
        .where(and(eq(risks.orgId, orgId), eq(risks.status, 'closed'), inArray(risks.id, ids.slice(i, i + CHUNK))))
        .returning()),
    );
  }
  return out;
}
