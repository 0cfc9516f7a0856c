import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { tickets } from '../../db/schema.ts';

/** A ticket as the SLA engine needs it: instants as epoch ms, history as stored. */
export interface TicketForSla {
  id: string;
  externalId: string;
  title: string | null;
  priority: string | null;
  status: string | null;
  openedAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  history: Array<[number, string, number, string | null]>;
}

// Epoch ms straight from SQL: no Date objects for tens of thousands of rows.
const ms = (col: string) => sql.raw(`(extract(epoch from ${col}) * 1000)::float8`);

export async function loadTicketsForSla(db: Db, orgId: string, engagementId: string, ticketId?: string): Promise<TicketForSla[]> {
  const rows = await queryRows<{
    id: string;
    external_id: string;
    title: string | null;
    priority: string | null;
    status: string | null;
    opened_at: number;
    first_response_at: number | null;
    resolved_at: number | null;
    closed_at: number | null;
    history: TicketForSla['history'];
  }>(
    db,
    sql`SELECT id, external_id, title, priority, status, ${ms('opened_at')} AS opened_at, ${ms('first_response_at')} AS first_response_at,
               ${ms('resolved_at')} AS resolved_at, ${ms('closed_at')} AS closed_at, history
        FROM ${tickets}
        WHERE org_id = ${orgId} AND engagement_id = ${engagementId} ${ticketId ? sql`AND id = ${ticketId}` : sql``}`,
  );
  return rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    title: r.title,
    priority: r.priority,
    status: r.status,
    openedAt: Number(r.opened_at),
    firstResponseAt: r.first_response_at === null ? null : Number(r.first_response_at),
    resolvedAt: r.resolved_at === null ? null : Number(r.resolved_at),
    closedAt: r.closed_at === null ? null : Number(r.closed_at),
    history: typeof r.history === 'string' ? JSON.parse(r.history) : r.history,
  }));
}

export async function findTicketEngagement(db: Db, orgId: string, ticketId: string): Promise<string | null> {
  const rows = await db
    .select({ engagementId: tickets.engagementId })
    .from(tickets)
    .where(and(eq(tickets.orgId, orgId), eq(tickets.id, ticketId)))
    .limit(1);
  return rows[0]?.engagementId ?? null;
}

export async function countTicketsByEngagement(db: Db, orgId: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ engagement_id: string; n: number }>(db, sql`SELECT engagement_id, count(*)::int AS n FROM ${tickets} WHERE org_id = ${orgId} GROUP BY engagement_id`);
  return new Map(rows.map((r) => [r.engagement_id, Number(r.n)]));
}

/** A cheap fingerprint of an engagement's tickets: changes whenever any ticket does. */
export async function ticketsFingerprint(db: Db, orgId: string, engagementId: string): Promise<string> {
  const [r] = await queryRows<{ n: number; latest: string | null }>(
    db,
    sql`SELECT count(*)::int AS n, max(updated_at)::text AS latest FROM ${tickets} WHERE org_id = ${orgId} AND engagement_id = ${engagementId}`,
  );
  return `${r?.n ?? 0}|${r?.latest ?? ''}`;
}
