import { z } from 'zod';
import { IdParams } from '../../../shared/contracts/common.ts';
import {
  Clause,
  ClauseInput,
  ClauseList,
  ClauseListQuery,
  ClauseReviewInput,
  ClauseUpdate,
  ContractChecklist,
  DoraSwitch,
  GapListQuery,
  GapPage,
  RequirementInput,
  RequirementList,
  RequirementUpdate,
} from '../../../shared/contracts/clauses.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import { listGaps } from './gaps.ts';
import * as library from './library.ts';
import * as requirements from './requirements.ts';
import * as reviews from './reviews.ts';

const tags = ['clauses'];
const read = { access: 'contract.read' } as const;
const write = { access: 'contract.write' } as const;
const ReviewParams = z.object({ id: z.string(), clauseId: z.string() });
const CopyInput = z.object({ fromContractId: z.uuid({ message: 'Choose a contract' }) }).strict();

export function registerClauseRoutes(app: App) {
  // The clause library
  app.get('/api/v1/clauses', { config: read, schema: { tags, summary: "The organisation's clause library", querystring: ClauseListQuery, response: { 200: ClauseList } } }, (req) =>
    library.listClauses(ctxOf(req), req.query),
  );
  app.post('/api/v1/clauses', { config: write, schema: { tags, summary: 'Add a clause of your own', body: ClauseInput, response: { 201: Clause } } }, async (req, reply) => {
    reply.status(201);
    return library.createClause(ctxOf(req), req.body);
  });
  app.patch('/api/v1/clauses/:id', { config: write, schema: { tags, summary: "Edit a clause's title, guidance or what makes it weak", params: IdParams, body: ClauseUpdate, response: { 200: Clause } } }, (req) =>
    library.updateClause(ctxOf(req), parseId(req.params.id, 'clause'), req.body),
  );
  app.post('/api/v1/clauses/:id/retire', { config: write, schema: { tags, summary: 'Retire a clause (its reviews stay)', params: IdParams, response: { 200: Clause } } }, (req) =>
    library.setClauseRetired(ctxOf(req), parseId(req.params.id, 'clause'), true),
  );
  app.post('/api/v1/clauses/:id/restore', { config: write, schema: { tags, summary: 'Restore a retired clause', params: IdParams, response: { 200: Clause } } }, (req) =>
    library.setClauseRetired(ctxOf(req), parseId(req.params.id, 'clause'), false),
  );

  // The clause review of a contract
  app.get('/api/v1/contracts/:id/clauses', { config: read, schema: { tags, summary: "A contract's clause checklist, progress and the gaps it leaves", params: IdParams, response: { 200: ContractChecklist } } }, (req) =>
    reviews.contractChecklist(ctxOf(req), parseId(req.params.id, 'contract')),
  );
  app.put(
    '/api/v1/contracts/:id/clauses/:clauseId',
    { config: write, schema: { tags, summary: 'Review one clause of a contract (weak needs the reason)', params: ReviewParams, body: ClauseReviewInput, response: { 200: ContractChecklist } } },
    (req) => reviews.saveClauseReview(ctxOf(req), parseId(req.params.id, 'contract'), parseId(req.params.clauseId, 'clause'), req.body),
  );
  app.post(
    '/api/v1/contracts/:id/clauses/copy',
    { config: write, schema: { tags, summary: "Start a contract's review from another contract's", params: IdParams, body: CopyInput, response: { 200: ContractChecklist } } },
    (req) => reviews.copyClauseReviews(ctxOf(req), parseId(req.params.id, 'contract'), req.body.fromContractId),
  );

  // Requirements
  app.get('/api/v1/clause-requirements', { config: read, schema: { tags, summary: 'Which clauses are required for which engagements', response: { 200: RequirementList } } }, (req) =>
    requirements.listRequirements(ctxOf(req)),
  );
  app.post('/api/v1/clause-requirements', { config: write, schema: { tags, summary: 'Add a requirement', body: RequirementInput, response: { 201: RequirementList } } }, async (req, reply) => {
    reply.status(201);
    return requirements.createRequirement(ctxOf(req), req.body);
  });
  app.put('/api/v1/clause-requirements/dora', { config: write, schema: { tags, summary: 'Switch the DORA Article 30 requirement set on or off', body: DoraSwitch, response: { 200: RequirementList } } }, (req) =>
    requirements.setDora(ctxOf(req), req.body),
  );
  app.patch('/api/v1/clause-requirements/:id', { config: write, schema: { tags, summary: 'Edit a requirement', params: IdParams, body: RequirementUpdate, response: { 200: RequirementList } } }, (req) =>
    requirements.updateRequirement(ctxOf(req), parseId(req.params.id, 'clause requirement'), req.body),
  );
  app.delete('/api/v1/clause-requirements/:id', { config: write, schema: { tags, summary: 'Remove a requirement', params: IdParams, response: { 200: RequirementList } } }, (req) =>
    requirements.deleteRequirement(ctxOf(req), parseId(req.params.id, 'clause requirement')),
  );

  // Gaps
  app.get('/api/v1/contract-gaps', { config: read, schema: { tags, summary: 'Required clauses the contracts of running engagements lack', querystring: GapListQuery, response: { 200: GapPage } } }, (req) =>
    listGaps(ctxOf(req), req.query),
  );
}
