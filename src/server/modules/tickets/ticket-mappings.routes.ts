import { IdParams, OkResponse, Page } from '../../../shared/contracts/common.ts';
import { SavedMapping, SavedMappingInput, TicketMapping } from '../../../shared/contracts/tickets.ts';
import { AppError } from '../../http/app-error.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import { recordAudit } from '../audit/record.ts';
import * as repo from './ticket-mappings.repo.ts';

const tags = ['tickets'];

function toSaved(r: repo.TicketMappingRow) {
  return { id: r.id, name: r.name, mapping: TicketMapping.parse(r.mapping), createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

// Small enough that route and service stay together.
export function registerTicketMappingRoutes(app: App) {
  app.get('/api/v1/ticket-mappings', { config: { access: 'sla.read' }, schema: { tags, summary: 'Saved import mappings', response: { 200: Page(SavedMapping) } } }, async (req) => {
    const ctx = ctxOf(req);
    return { items: (await repo.listMappings(ctx.db, ctx.actor.orgId)).map(toSaved), nextCursor: null };
  });
  app.get('/api/v1/ticket-mappings/:id', { config: { access: 'sla.read' }, schema: { tags, summary: 'A saved mapping (the JSON file the CLI reads is its "mapping")', params: IdParams, response: { 200: SavedMapping } } }, async (req) => {
    const ctx = ctxOf(req);
    const r = await repo.findMapping(ctx.db, ctx.actor.orgId, parseId(req.params.id, 'mapping'));
    if (!r) throw AppError.notFound('The mapping');
    return toSaved(r);
  });
  app.post('/api/v1/ticket-mappings', { config: { access: 'ticket.import' }, schema: { tags, summary: 'Save a mapping by name (replaces one of the same name)', body: SavedMappingInput, response: { 200: SavedMapping } } }, async (req) => {
    const ctx = ctxOf(req);
    return ctx.db.transaction(async (tx) => {
      const r = await repo.upsertMapping(tx, ctx.actor.orgId, req.body.name, req.body.mapping, ctx.now);
      await recordAudit(tx, ctx, { action: 'ticket_mapping.save', objectType: 'ticket_mapping', objectId: r.id, after: r });
      return toSaved(r);
    });
  });
  app.delete('/api/v1/ticket-mappings/:id', { config: { access: 'ticket.import' }, schema: { tags, summary: 'Delete a saved mapping', params: IdParams, response: { 200: OkResponse } } }, async (req) => {
    const ctx = ctxOf(req);
    await ctx.db.transaction(async (tx) => {
      const before = await repo.deleteMapping(tx, ctx.actor.orgId, parseId(req.params.id, 'mapping'));
      if (!before) throw AppError.notFound('The mapping');
      await recordAudit(tx, ctx, { action: 'ticket_mapping.delete', objectType: 'ticket_mapping', objectId: before.id, before });
    });
    return { ok: true as const };
  });
}
