import { IdParams, Page } from '../../../shared/contracts/common.ts';
import {
  CandidateInput,
  CheckInput,
  CriteriaInput,
  DecisionInput,
  InterviewInput,
  Pilot,
  PilotInput,
  Project,
  ProjectInput,
  ProjectListQuery,
  ProjectSummary,
  ProjectUpdate,
  ProposalInput,
  ReferenceInput,
  RfiInput,
  ScoresInput,
  SourcingMatrix,
} from '../../../shared/contracts/sourcing.ts';
import { z } from 'zod';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import { mailContextOf } from '../../http/mail-context.ts';
import type { App } from '../../http/types.ts';
import { sendFile, uploadedFile, withRawBody } from '../evidence/evidence.public.ts';
import * as candidates from './candidates.ts';
import { projectMatrix } from './matrix.ts';
import { decidePilot, getPilot, startPilot } from './pilots.ts';
import * as projects from './projects.ts';
import { attachProposalFile, downloadProposalFile } from './proposal-files.ts';

const tags = ['sourcing'];
const read = { access: 'sourcing.read' } as const;
const write = { access: 'sourcing.write' } as const;
const score = { access: 'sourcing.score' } as const;
const pid = (p: { id: string }) => parseId(p.id, 'sourcing project');
const cid = (p: { id: string }) => parseId(p.id, 'candidate');

/** Choosing a vendor: the need and the should-we-outsource check, candidates, the comparison matrix, references, interviews and the pilot. Internal users only. */
export async function registerSourcingRoutes(app: App) {
  app.get('/api/v1/sourcing-projects', { config: read, schema: { tags, summary: 'Sourcing projects, newest first', querystring: ProjectListQuery, response: { 200: Page(ProjectSummary) } } }, (req) =>
    projects.listProjects(ctxOf(req), req.query),
  );
  app.post('/api/v1/sourcing-projects', { config: write, schema: { tags, summary: 'Describe a need (a draft project with the default criteria)', body: ProjectInput, response: { 201: Project } } }, async (req, reply) => {
    reply.status(201);
    return projects.createProject(ctxOf(req), req.body);
  });
  app.get('/api/v1/sourcing-projects/:id', { config: read, schema: { tags, summary: 'A project: need, check, criteria, candidates, pilots', params: IdParams, response: { 200: Project } } }, (req) =>
    projects.getProject(ctxOf(req), pid(req.params)),
  );
  app.patch('/api/v1/sourcing-projects/:id', { config: write, schema: { tags, summary: 'Edit the need (until a pilot starts)', params: IdParams, body: ProjectUpdate, response: { 200: Project } } }, (req) =>
    projects.updateProject(ctxOf(req), pid(req.params), req.body),
  );
  app.put('/api/v1/sourcing-projects/:id/check', { config: write, schema: { tags, summary: 'Answer the should-we-outsource check', params: IdParams, body: CheckInput, response: { 200: Project } } }, (req) =>
    projects.answerCheck(ctxOf(req), pid(req.params), req.body),
  );
  app.put(
    '/api/v1/sourcing-projects/:id/criteria',
    { config: write, schema: { tags, summary: 'Set the criteria and weights', description: 'Once a proposal is opened, only weights change, and with a reason.', params: IdParams, body: CriteriaInput, response: { 200: Project } } },
    (req) => projects.setCriteria(ctxOf(req), pid(req.params), req.body),
  );
  app.get('/api/v1/sourcing-projects/:id/matrix', { config: read, schema: { tags, summary: 'The comparison matrix: weighted totals, evaluator spread, robustness', params: IdParams, response: { 200: SourcingMatrix } } }, (req) =>
    projectMatrix(ctxOf(req), pid(req.params)),
  );
  app.post('/api/v1/sourcing-projects/:id/candidates', { config: write, schema: { tags, summary: 'Attach a prospect as a candidate', params: IdParams, body: CandidateInput, response: { 201: Project } } }, async (req, reply) => {
    const out = await candidates.addCandidate(ctxOf(req), pid(req.params), req.body);
    reply.status(201);
    return out;
  });
  app.post('/api/v1/sourcing-projects/:id/pilots', { config: write, schema: { tags, summary: 'Start a time-boxed pilot with a candidate', params: IdParams, body: PilotInput, response: { 201: Pilot } } }, async (req, reply) => {
    const out = await startPilot(ctxOf(req), pid(req.params), req.body);
    reply.status(201);
    return out;
  });

  app.put('/api/v1/sourcing-candidates/:id/proposal', { config: write, schema: { tags, summary: "Record a candidate's proposal (sealed until opened)", params: IdParams, body: ProposalInput, response: { 200: Project } } }, (req) =>
    candidates.recordProposal(ctxOf(req), cid(req.params), req.body),
  );
  app.post('/api/v1/sourcing-candidates/:id/proposal/open', { config: write, schema: { tags, summary: 'Open a proposal (the first locks the weights)', params: IdParams, response: { 200: Project } } }, (req) =>
    candidates.openProposal(ctxOf(req), cid(req.params)),
  );
  await withRawBody(app, (scope) => {
    scope.post(
      '/api/v1/sourcing-candidates/:id/proposal/files',
      {
        config: write,
        bodyLimit: 1024 ** 3,
        schema: { tags, summary: 'Attach a file to a recorded proposal, before it is opened (the file as the body, its name in the query)', params: IdParams, querystring: z.object({ fileName: z.string().min(1).max(255) }), response: { 201: Project } },
      },
      async (req, reply) => {
        const out = await attachProposalFile(ctxOf(req), cid(req.params), uploadedFile(req, req.query.fileName));
        reply.status(201);
        return out;
      },
    );
  });
  app.get(
    '/api/v1/sourcing-candidates/:id/proposal/files/:fileId/download',
    { config: read, schema: { tags, summary: "Download a proposal's file once the proposal is opened (always as an attachment)", params: z.object({ id: z.string(), fileId: z.string() }) } },
    async (req, reply) => sendFile(reply, await downloadProposalFile(ctxOf(req), cid(req.params), parseId(req.params.fileId, 'file'))),
  );
  app.post('/api/v1/sourcing-candidates/:id/rfi', { config: write, schema: { tags, summary: 'Send a request for information through the questionnaire portal', params: IdParams, body: RfiInput, response: { 200: Project } } }, (req) =>
    candidates.sendRfi(ctxOf(req), cid(req.params), req.body, mailContextOf(req)),
  );
  app.put('/api/v1/sourcing-candidates/:id/scores', { config: score, schema: { tags, summary: "Save the signed-in evaluator's scores of a candidate", params: IdParams, body: ScoresInput, response: { 200: Project } } }, (req) =>
    candidates.saveScores(ctxOf(req), cid(req.params), req.body),
  );
  app.post('/api/v1/sourcing-candidates/:id/references', { config: score, schema: { tags, summary: 'Record a reference check', params: IdParams, body: ReferenceInput, response: { 201: Project } } }, async (req, reply) => {
    const out = await candidates.addReference(ctxOf(req), cid(req.params), req.body);
    reply.status(201);
    return out;
  });
  app.post('/api/v1/sourcing-candidates/:id/interviews', { config: score, schema: { tags, summary: 'Record an interview scorecard', params: IdParams, body: InterviewInput, response: { 201: Project } } }, async (req, reply) => {
    const out = await candidates.addInterview(ctxOf(req), cid(req.params), req.body);
    reply.status(201);
    return out;
  });

  app.get('/api/v1/sourcing-pilots/:id', { config: read, schema: { tags, summary: 'A pilot with its success criteria measured from the data', params: IdParams, response: { 200: Pilot } } }, (req) =>
    getPilot(ctxOf(req), parseId(req.params.id, 'pilot')),
  );
  app.post(
    '/api/v1/sourcing-pilots/:id/decision',
    { config: { access: 'sourcing.decide' }, schema: { tags, summary: 'Decide go or no-go with a rationale', description: 'Go: the vendor becomes active, the pilot engagement runs on, a draft contract opens — in one transaction.', params: IdParams, body: DecisionInput, response: { 200: Pilot } } },
    (req) => decidePilot(ctxOf(req), parseId(req.params.id, 'pilot'), req.body),
  );
}
