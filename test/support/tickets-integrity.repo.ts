import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../src/server/db/client.ts';
import { copyInto, csvText } from '../../src/server/db/copy.ts';

/**
 * Writes to `tickets` and `engagements` below the services, to test what the database
 * itself refuses (migration 0035): no service writes a ticket for another organisation's
 * engagement, so only SQL can try.
 */
export interface RawTicket {
  orgId: string;
  engagementId: string;
  externalId: string;
}

const history = '[]';

/** One multi-row INSERT: all the rows or none. */
export async function insertRawTickets(db: Db, rows: RawTicket[]): Promise<void> {
  const values = rows.map((r) => sql`(${r.orgId}::uuid, ${r.engagementId}::uuid, ${r.externalId}, now(), ${history}::jsonb)`);
  await db.execute(sql`INSERT INTO tickets (org_id, engagement_id, external_id, opened_at, history) VALUES ${sql.join(values, sql`, `)}`);
}

/** One COPY in a transaction of its own, as the first import of an export loads. */
export async function copyRawTickets(db: Db, rows: RawTicket[]): Promise<void> {
  await db.transaction(async (tx) => {
    const copy = await copyInto(tx, 'tickets', ['org_id', 'engagement_id', 'external_id', 'opened_at', 'history']);
    const at = new Date().toISOString();
    await copy.write(rows.map((r) => `${r.orgId},${r.engagementId},${csvText(r.externalId)},${at},${history}\n`).join(''));
    await copy.finish();
  });
}

export async function moveRawTicket(db: Db, externalId: string, to: { orgId: string; engagementId: string }): Promise<void> {
  await db.execute(sql`UPDATE tickets SET org_id = ${to.orgId}::uuid, engagement_id = ${to.engagementId}::uuid WHERE external_id = ${externalId}`);
}

export async function retitleRawTicket(db: Db, externalId: string, title: string): Promise<void> {
  await db.execute(sql`UPDATE tickets SET title = ${title} WHERE external_id = ${externalId}`);
}

export async function deleteRawEngagement(db: Db, engagementId: string): Promise<void> {
  await db.execute(sql`DELETE FROM engagements WHERE id = ${engagementId}::uuid`);
}

export async function moveRawEngagement(db: Db, engagementId: string, orgId: string): Promise<void> {
  await db.execute(sql`UPDATE engagements SET org_id = ${orgId}::uuid WHERE id = ${engagementId}::uuid`);
}

/** Where each of these tickets is stored, by external id (absent: not stored). */
export async function rawTicketPlaces(db: Db, externalIds: string[]): Promise<Record<string, string>> {
  const rows = await queryRows<{ external_id: string; engagement_id: string }>(
    db,
    sql`SELECT external_id, engagement_id FROM tickets WHERE external_id IN (${sql.join(externalIds.map((id) => sql`${id}`), sql`, `)})`,
  );
  return Object.fromEntries(rows.map((r) => [r.external_id, r.engagement_id]));
}

/** The id of a stored ticket, by external id. */
export async function rawTicketId(db: Db, externalId: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(db, sql`SELECT id FROM tickets WHERE external_id = ${externalId}`);
  return row.id;
}

/** A bare SLA verdict of a ticket (the measured columns at their simplest). */
export async function insertRawVerdict(db: Db, v: { ticketId: string; orgId: string; engagementId: string }): Promise<void> {
  await db.execute(sql`INSERT INTO sla_ticket_verdicts (ticket_id, org_id, engagement_id, opened_at, month, breached, response_breached, resolution_breached, at_risk, reopen_count, volatile)
    VALUES (${v.ticketId}::uuid, ${v.orgId}::uuid, ${v.engagementId}::uuid, now(), '2026-12', false, false, false, false, 0, false)`);
}

export async function rawVerdictExists(db: Db, ticketId: string): Promise<boolean> {
  const [row] = await queryRows<{ any: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM sla_ticket_verdicts WHERE ticket_id = ${ticketId}::uuid) AS any`);
  return row.any;
}

export async function moveRawVerdict(db: Db, ticketId: string, toTicketId: string): Promise<void> {
  await db.execute(sql`UPDATE sla_ticket_verdicts SET ticket_id = ${toTicketId}::uuid WHERE ticket_id = ${ticketId}::uuid`);
}

export async function deleteRawTicket(db: Db, ticketId: string): Promise<void> {
  await db.execute(sql`DELETE FROM tickets WHERE id = ${ticketId}::uuid`);
}

export async function renumberRawTicket(db: Db, ticketId: string): Promise<void> {
  await db.execute(sql`UPDATE tickets SET id = gen_random_uuid() WHERE id = ${ticketId}::uuid`);
}
