import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FirstResponseRule } from '../../../domain/sla/first-response.ts';
import { queryRows, type Db } from '../../db/client.ts';
import { tickets } from '../../db/schema.ts';

/** A ticket as the SLA engine needs it: instants as epoch ms, history as stored. */
export interface TicketForSla {
  id: string;
  engagementId: string;
  externalId: string;
  title: string | null;
  priority: string | null;
  status: string | null;
  openedAt: number;
  firstResponseAt: number | null;
  /** The rule an event log's first response was inferred by; null when recorded in the export. */
  firstResponseSource: FirstResponseRule | null;
  resolvedAt: number | null;
  closedAt: number | null;
  history: Array<[number, string, number, string | null]>;
}

/** What the policy needs of a ticket: whose it is, and where it hangs. */
export interface TicketRef {
  id: string;
  orgId: string;
  engagementId: string;
}

// Epoch ms straight from SQL: no Date objects for tens of thousands of rows.
const ms = (col: string) => sql.raw(`(extract(epoch from ${col}) * 1000)::float8`);

/** Which tickets to load: an engagement's (all, or some of them by id), or any of the organisation's by id. */
export type TicketScope = { engagementId: string; ids: readonly string[] | null } | { engagementId: null; ids: readonly string[] };

const ID_CHUNK = 5_000;

/** Tickets for measuring; ids go to the database in chunks, well under its parameter limit. */
export async function loadTicketsForSla(db: Db, orgId: string, scope: TicketScope): Promise<TicketForSla[]> {
  if (scope.ids === null) return loadChunk(db, orgId, scope.engagementId, null);
  const out: TicketForSla[] = [];
  for (let i = 0; i < scope.ids.length; i += ID_CHUNK) out.push(...(await loadChunk(db, orgId, scope.engagementId, scope.ids.slice(i, i + ID_CHUNK))));
  return out;
}

async function loadChunk(db: Db, orgId: string, engagementId: string | null, ids: readonly string[] | null): Promise<TicketForSla[]> {
  const rows = await queryRows<{
    id: string;
    engagement_id: string;
    external_id: string;
    title: string | null;
    priority: string | null;
    status: string | null;
    opened_at: number;
    first_response_at: number | null;
    first_response_source: string | null;
    resolved_at: number | null;
    closed_at: number | null;
    history: TicketForSla['history'];
  }>(
    db,
    sql`SELECT id, engagement_id, external_id, title, priority, status, ${ms('opened_at')} AS opened_at, ${ms('first_response_at')} AS first_response_at, first_response_source,
               ${ms('resolved_at')} AS resolved_at, ${ms('closed_at')} AS closed_at, history
        FROM ${tickets}
        WHERE org_id = ${orgId}
          ${engagementId === null ? sql`` : sql`AND engagement_id = ${engagementId}`}
          ${ids === null ? sql`` : sql`AND id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`}`,
  );
  return rows.map((r) => ({
    id: r.id,
    engagementId: r.engagement_id,
    externalId: r.external_id,
    title: r.title,
    priority: r.priority,
    status: r.status,
    openedAt: Number(r.opened_at),
    firstResponseAt: r.first_response_at === null ? null : Number(r.first_response_at),
    firstResponseSource: (r.first_response_source as FirstResponseRule | null) ?? null,
    resolvedAt: r.resolved_at === null ? null : Number(r.resolved_at),
    closedAt: r.closed_at === null ? null : Number(r.closed_at),
    history: typeof r.history === 'string' ? JSON.parse(r.history) : r.history,
  }));
}

export async function findTicket(db: Db, orgId: string, id: string): Promise<TicketRef | null> {
  const rows = await db
    .select({ id: tickets.id, orgId: tickets.orgId, engagementId: tickets.engagementId })
    .from(tickets)
    .where(and(eq(tickets.orgId, orgId), eq(tickets.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

/** Ticket ids by their id in the vendor's tool, within one engagement. */
export async function ticketIdsByExternalId(db: Db, orgId: string, engagementId: string, externalIds: readonly string[]): Promise<Map<string, string>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db
    .select({ id: tickets.id, externalId: tickets.externalId })
    .from(tickets)
    .where(and(eq(tickets.orgId, orgId), eq(tickets.engagementId, engagementId), inArray(tickets.externalId, [...externalIds])));
  return new Map(rows.map((r) => [r.externalId, r.id]));
}

/** How many tickets an engagement has stored (whether or not anything measures them yet). */
export async function countTickets(db: Db, orgId: string, engagementId: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(eq(tickets.orgId, orgId), eq(tickets.engagementId, engagementId)));
  return Number(n);
}
