import { z } from 'zod';
import { BUILT_IN_TEMPLATE } from '../../../domain/questionnaire/builtin-template.ts';
import { exportTemplate } from '../../../domain/questionnaire/template.ts';
import { IdParams, OkResponse, Page } from '../../../shared/contracts/common.ts';
import { TemplateDetail, TemplateImportResult, TemplateInput, TemplateSummary } from '../../../shared/contracts/due-diligence.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import { decodeText } from '../../http/text-decode.ts';
import type { App } from '../../http/types.ts';
import * as service from './questionnaires.service.ts';

const tags = ['due diligence'];
const read = { access: 'assessment.read' } as const;
const write = { access: 'template.write' } as const;
const tid = (p: { id: string }) => parseId(p.id, 'questionnaire');

export function registerQuestionnaireRoutes(app: App) {
  app.get('/api/v1/questionnaires', { config: read, schema: { tags, summary: 'Questionnaire templates', response: { 200: Page(TemplateSummary) } } }, async (req) => ({
    items: await service.listTemplates(ctxOf(req)),
    nextCursor: null,
  }));
  app.post('/api/v1/questionnaires', { config: write, schema: { tags, summary: 'Create a questionnaire', body: TemplateInput, response: { 201: TemplateDetail } } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const definition = service.parseDefinition(req.body.definition);
    const { template } = await service.createTemplate(ctx.db, ctx.actor, { name: req.body.name, origin: 'custom', definition }, ctx.requestId, ctx.now);
    reply.status(201);
    return service.getTemplate(ctx, template.id);
  });
  app.post('/api/v1/questionnaires/builtin', { config: write, schema: { tags, summary: 'Add a copy of the built-in outsourced-IT questionnaire', response: { 201: TemplateDetail } } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const { template } = await service.createTemplate(ctx.db, ctx.actor, { name: BUILT_IN_TEMPLATE.name, origin: 'builtin', definition: BUILT_IN_TEMPLATE }, ctx.requestId, ctx.now);
    reply.status(201);
    return service.getTemplate(ctx, template.id);
  });
  app.post(
    '/api/v1/questionnaires/import',
    {
      config: write,
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags,
        summary: "Import a questionnaire: Google's VSAQ format or Outsight's own JSON (the file as the body)",
        querystring: z.object({ format: z.enum(['vsaq', 'outsight']), name: z.string().trim().min(1).max(200).optional() }),
        response: { 201: TemplateImportResult },
      },
    },
    async (req, reply) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.from(typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? ''));
      reply.status(201);
      return service.importQuestionnaire(ctxOf(req), decodeText(body), req.query);
    },
  );
  app.get(
    '/api/v1/questionnaires/:id',
    { config: read, schema: { tags, summary: 'A questionnaire (latest version, or ?version=N)', params: IdParams, querystring: z.object({ version: z.coerce.number().int().min(1).optional() }), response: { 200: TemplateDetail } } },
    (req) => service.getTemplate(ctxOf(req), tid(req.params), req.query.version),
  );
  app.put('/api/v1/questionnaires/:id', { config: write, schema: { tags, summary: 'Save a new version', params: IdParams, body: TemplateInput, response: { 200: TemplateDetail } } }, (req) =>
    service.saveTemplateVersion(ctxOf(req), tid(req.params), req.body),
  );
  app.get('/api/v1/questionnaires/:id/export', { config: read, schema: { tags, summary: 'Download as Outsight JSON', params: IdParams, querystring: z.object({ version: z.coerce.number().int().min(1).optional() }) } }, async (req, reply) => {
    const t = await service.getTemplate(ctxOf(req), tid(req.params), req.query.version);
    reply.header('content-type', 'application/json; charset=utf-8').header('content-disposition', `attachment; filename="questionnaire-${t.id}-v${t.version}.json"`);
    return exportTemplate(service.parseDefinition(t.definition));
  });
  app.post('/api/v1/questionnaires/:id/archive', { config: write, schema: { tags, summary: 'Archive a questionnaire', params: IdParams, response: { 200: OkResponse } } }, async (req) => {
    await service.archiveTemplate(ctxOf(req), tid(req.params));
    return { ok: true as const };
  });
}
