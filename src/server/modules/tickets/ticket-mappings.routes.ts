import { IdParams, OkResponse, Page, PageQuery } from '../../../shared/contracts/common.ts';
import { SavedMapping, SavedMappingInput } from '../../../shared/contracts/tickets.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import * as service from './tickets.service.ts';

const tags = ['tickets'];
const read = { access: 'sla.read' } as const;
const write = { access: 'ticket.import' } as const;

export function registerTicketMappingRoutes(app: App) {
  app.get('/api/v1/ticket-mappings', { config: read, schema: { tags, summary: 'Saved import mappings, by name', querystring: PageQuery, response: { 200: Page(SavedMapping) } } }, (req) =>
    service.listMappings(ctxOf(req), req.query),
  );
  app.get('/api/v1/ticket-mappings/:id', { config: read, schema: { tags, summary: 'A saved mapping (the JSON file the CLI reads is its "mapping")', params: IdParams, response: { 200: SavedMapping } } }, (req) =>
    service.getMapping(ctxOf(req), parseId(req.params.id, 'mapping')),
  );
  app.post('/api/v1/ticket-mappings', { config: write, schema: { tags, summary: 'Save a mapping by name (replaces one of the same name)', body: SavedMappingInput, response: { 200: SavedMapping } } }, (req) =>
    service.saveMapping(ctxOf(req), req.body),
  );
  app.delete('/api/v1/ticket-mappings/:id', { config: write, schema: { tags, summary: 'Delete a saved mapping', params: IdParams, response: { 200: OkResponse } } }, async (req) => {
    await service.deleteMapping(ctxOf(req), parseId(req.params.id, 'mapping'));
    return { ok: true as const };
  });
}
