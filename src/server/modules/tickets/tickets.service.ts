import type { Fragment } from '../../db/fragment.ts';
import type { z } from 'zod';
import type { PageQuery } from '../../../shared/contracts/common.ts';
import type { SavedMapping, SavedMappingInput } from '../../../shared/contracts/tickets.ts';
import type { Ctx } from '../../context.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { requireEngagement } from '../engagements/engagements.public.ts';
import * as imports from './ticket-imports.repo.ts';
import * as mappings from './ticket-mappings.repo.ts';
import { ticketImportPolicy, ticketMappingPolicy, ticketPolicy } from './tickets.policy.ts';
import { presentImport, presentMapping, rejectionRecords } from './tickets.presenter.ts';
import * as repo from './tickets.repo.ts';

type Paging = z.output<typeof PageQuery>;

// ---------------------------------------------------------------------------------------
// Tickets (read by the SLA module, which measures them)
// ---------------------------------------------------------------------------------------

/** The tickets of an engagement, or only those with the given ids, as the SLA engine reads them. */
export async function loadTicketsForSla(ctx: Ctx, engagementId: string, ids: readonly string[] | null = null): Promise<repo.TicketForSla[]> {
  ticketPolicy.check(ctx.actor, 'list');
  await requireEngagement(ctx, 'read', engagementId);
  if (ids !== null && ids.length === 0) return [];
  return repo.loadTicketsForSla(ctx.db, ctx.actor.orgId, { engagementId, ids });
}

/**
 * Tickets by id across engagements, in one pass (a view over many engagements measuring
 * some tickets of each again). Only the organisation's tickets are found; each names
 * its engagement.
 */
export async function loadTicketsForSlaByIds(ctx: Ctx, ids: readonly string[]): Promise<repo.TicketForSla[]> {
  ticketPolicy.check(ctx.actor, 'list');
  if (ids.length === 0) return [];
  return repo.loadTicketsForSla(ctx.db, ctx.actor.orgId, { engagementId: null, ids });
}

/** A ticket the caller may read: its id and the engagement it belongs to. */
export async function requireTicket(ctx: Ctx, id: string): Promise<repo.TicketRef> {
  return ticketPolicy.authorize(ctx.actor, 'read', await repo.findTicket(ctx.db, ctx.actor.orgId, id));
}

/** Ticket ids by their id in the vendor's tool (builders and scripts name tickets that way). */
export async function ticketIdsByExternalId(ctx: Ctx, engagementId: string, externalIds: readonly string[]): Promise<Map<string, string>> {
  ticketPolicy.check(ctx.actor, 'list');
  await requireEngagement(ctx, 'read', engagementId);
  return repo.ticketIdsByExternalId(ctx.db, ctx.actor.orgId, engagementId, externalIds);
}

/**
 * A version of each engagement's ticket data: it changes whenever the tickets may have,
 * so whoever keeps something derived from them (the SLA verdicts) knows when to redo it.
 * One grouped query for any number of engagements; no engagement lookups, since the
 * caller names engagements it has already been allowed to see.
 */
export async function ticketDataVersions(ctx: Ctx, engagementIds: readonly string[]): Promise<Map<string, string>> {
  ticketPolicy.check(ctx.actor, 'list');
  const counts = await imports.succeededImportCounts(ctx.db, ctx.actor.orgId, engagementIds);
  return new Map(engagementIds.map((id) => [id, imports.dataVersionOf(counts.get(id) ?? 0)]));
}

/** `ticketDataVersions` of one engagement as a scalar subquery, for a reader that gathers its inputs in one statement. */
export function ticketDataVersionSql(ctx: Ctx, engagementId: string): Fragment<string> {
  ticketPolicy.check(ctx.actor, 'list');
  return imports.dataVersionSql(ctx.actor.orgId, engagementId);
}

// ---------------------------------------------------------------------------------------
// Imports
// ---------------------------------------------------------------------------------------

/** An engagement's imports, newest first, and how many tickets the engagement has. */
export async function listTicketImports(ctx: Ctx, engagementId: string, q: Paging) {
  ticketImportPolicy.check(ctx.actor, 'list');
  await requireEngagement(ctx, 'read', engagementId);
  const page = await keysetPage(q, imports.IMPORT_SORT, (after, limit) => imports.listTicketImports(ctx.db, ctx.actor.orgId, engagementId, after, limit), (r) => presentImport(r));
  // The tickets the imports left, so a view can say how many there are before anything measures them.
  return { ...page, ticketCount: await repo.countTickets(ctx.db, ctx.actor.orgId, engagementId) };
}

/** Every rejected row of an import, for the downloadable report. */
export async function importRejections(ctx: Ctx, importId: string) {
  const row = ticketImportPolicy.authorize(ctx.actor, 'read', await imports.findTicketImport(ctx.db, ctx.actor.orgId, importId));
  return { importId: row.id, records: rejectionRecords(row) };
}

// ---------------------------------------------------------------------------------------
// Saved mappings
// ---------------------------------------------------------------------------------------

export async function listMappings(ctx: Ctx, q: Paging) {
  ticketMappingPolicy.check(ctx.actor, 'list');
  return keysetPage(q, mappings.MAPPING_SORT, (after, limit) => mappings.listMappings(ctx.db, ctx.actor.orgId, after, limit), presentMapping);
}

export async function getMapping(ctx: Ctx, id: string): Promise<SavedMapping> {
  return presentMapping(ticketMappingPolicy.authorize(ctx.actor, 'read', await mappings.findMapping(ctx.db, ctx.actor.orgId, id)));
}

/** Saves a mapping by name; one of the same name (in any case) is replaced. */
export async function saveMapping(ctx: Ctx, input: z.output<typeof SavedMappingInput>): Promise<SavedMapping> {
  ticketMappingPolicy.check(ctx.actor, 'save');
  const row = await change(ctx, async (tx) => {
    const before = await mappings.findMappingByName(tx.db, ctx.actor.orgId, input.name);
    const after = await mappings.upsertMapping(tx.db, ctx.actor.orgId, input.name, input.mapping, ctx.now);
    await tx.audit({ action: 'ticket_mapping.save', objectType: 'ticket_mapping', objectId: after.id, before, after });
    return after;
  });
  return presentMapping(row);
}

export async function deleteMapping(ctx: Ctx, id: string): Promise<void> {
  ticketMappingPolicy.check(ctx.actor, 'delete');
  await change(ctx, async (tx) => {
    const before = ticketMappingPolicy.authorize(ctx.actor, 'delete', await mappings.findMapping(tx.db, ctx.actor.orgId, id));
    await mappings.deleteMapping(tx.db, ctx.actor.orgId, before.id);
    await tx.audit({ action: 'ticket_mapping.delete', objectType: 'ticket_mapping', objectId: before.id, before });
  });
}

/** A fingerprint of the organisation's ticket imports: it changes with any write to them (a view keyed by what it read). */
export function importRowVersionsSql(ctx: Ctx): Fragment<string> {
  ticketPolicy.check(ctx.actor, 'list');
  return imports.importRowVersionsSql(ctx.actor.orgId);
}
