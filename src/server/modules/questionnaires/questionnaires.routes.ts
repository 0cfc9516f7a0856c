import { z } from 'zod';
import { exportTemplate } from '../../../domain/questionnaire/template.ts';
import { IdParams, OkResponse, Page } from '../../../shared/contracts/common.ts';
import { QuestionnaireDetail, QuestionnaireImportResult, QuestionnaireInput, QuestionnaireListQuery, QuestionnaireSummary } from '../../../shared/contracts/due-diligence.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import { decodeText } from '../../http/text-decode.ts';
import type { App } from '../../http/types.ts';
import * as service from './questionnaires.service.ts';

const tags = ['due diligence'];
const read = { access: 'assessment.read' } as const;
const write = { access: 'template.write' } as const;
const qid = (p: { id: string }) => parseId(p.id, 'questionnaire');
const VersionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

export function registerQuestionnaireRoutes(app: App) {
  app.get('/api/v1/questionnaires', { config: read, schema: { tags, summary: 'Questionnaires in use', querystring: QuestionnaireListQuery, response: { 200: Page(QuestionnaireSummary) } } }, (req) =>
    service.listQuestionnaires(ctxOf(req), req.query),
  );
  app.post('/api/v1/questionnaires', { config: write, schema: { tags, summary: 'Create a questionnaire', body: QuestionnaireInput, response: { 201: QuestionnaireDetail } } }, async (req, reply) => {
    const definition = service.parseDefinition(req.body.definition);
    const created = await service.createQuestionnaire(ctxOf(req), { name: req.body.name, origin: 'custom', definition });
    reply.status(201);
    return created;
  });
  app.post('/api/v1/questionnaires/builtin', { config: write, schema: { tags, summary: 'Add a copy of the built-in outsourced-IT questionnaire', response: { 201: QuestionnaireDetail } } }, async (req, reply) => {
    const created = await service.addBuiltInQuestionnaire(ctxOf(req));
    reply.status(201);
    return created;
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
        response: { 201: QuestionnaireImportResult },
      },
    },
    async (req, reply) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.from(typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? ''));
      const result = await service.importQuestionnaire(ctxOf(req), decodeText(body), req.query);
      reply.status(201);
      return result;
    },
  );
  app.get(
    '/api/v1/questionnaires/:id',
    { config: read, schema: { tags, summary: 'A questionnaire (latest version, or ?version=N)', params: IdParams, querystring: VersionQuery, response: { 200: QuestionnaireDetail } } },
    (req) => service.getQuestionnaire(ctxOf(req), qid(req.params), req.query.version),
  );
  app.put('/api/v1/questionnaires/:id', { config: write, schema: { tags, summary: 'Save a new version', params: IdParams, body: QuestionnaireInput, response: { 200: QuestionnaireDetail } } }, (req) =>
    service.saveQuestionnaireVersion(ctxOf(req), qid(req.params), req.body),
  );
  app.get('/api/v1/questionnaires/:id/export', { config: read, schema: { tags, summary: 'Download as Outsight JSON', params: IdParams, querystring: VersionQuery } }, async (req, reply) => {
    const q = await service.getQuestionnaire(ctxOf(req), qid(req.params), req.query.version);
    reply.header('content-type', 'application/json; charset=utf-8').header('content-disposition', `attachment; filename="questionnaire-${q.id}-v${q.version}.json"`);
    return exportTemplate(service.parseDefinition(q.definition));
  });
  app.post('/api/v1/questionnaires/:id/archive', { config: write, schema: { tags, summary: 'Archive a questionnaire', params: IdParams, response: { 200: OkResponse } } }, async (req) => {
    await service.archiveQuestionnaire(ctxOf(req), qid(req.params));
    return { ok: true as const };
  });
}
