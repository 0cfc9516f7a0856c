import { z } from 'zod';
import { IdParams, Page } from '../../../shared/contracts/common.ts';
import {
  ActionInput,
  ActionUpdate,
  AssetInput,
  AssetUpdate,
  DrillInput,
  EngagementExit,
  ExitSettings,
  ExitSettingsInput,
  PlanInput,
  PlanUpdate,
  ProfileInput,
  ReadinessListQuery,
  ReadinessRow,
  StepUpdate,
  VendorAccountInput,
  VendorAccountUpdate,
  VerifyAssetInput,
} from '../../../shared/contracts/exit.ts';
import type { Ctx } from '../../context.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import * as assets from './assets.ts';
import { createAction, recordDrill, updateAction } from './drills.ts';
import { sendFile } from '../evidence/evidence.public.ts';
import * as plans from './plans.ts';
import { listReadiness } from './readiness.ts';
import { getExitSettings, updateExitSettings } from './settings.ts';
import { engagementExit } from './view.ts';

const tags = ['exit'];
const read = { access: 'exit.read' } as const;
const write = { access: 'exit.write' } as const;
const eid = (p: { id: string }) => parseId(p.id, 'engagement');
const answers = <S extends 200 | 201>(status: S) => ({ [status]: EngagementExit }) as Record<S, typeof EngagementExit>;
/** A route on one object that answers the engagement's exit page. */
const schema = <B extends z.ZodType | undefined = undefined, S extends 200 | 201 = 200>(summary: string, extra: { body?: B; description?: string } = {}, status: S = 200 as S) => ({
  tags,
  summary,
  params: IdParams,
  response: answers(status),
  ...(extra as { body: B; description?: string }),
});

/** After a write, the engagement's exit page as it now reads. */
const then =
  <T extends { engagementId: string }>(ctx: Ctx) =>
  (row: T) =>
    engagementExit(ctx, row.engagementId);

/** Assets and access, recovery objectives, in-house fallback, exit plans, readiness and drills (internal users; the vendor's side is in the portal). */
export function registerExitRoutes(app: App) {
  app.get('/api/v1/exit-settings', { config: read, schema: { tags, summary: 'The exit plan template, readiness weights and threshold', response: { 200: ExitSettings } } }, (req) => getExitSettings(ctxOf(req)));
  app.put('/api/v1/exit-settings', { config: { access: 'org.manage' }, schema: { tags, summary: 'Set the exit plan template, readiness weights or threshold (null: the built-in ones)', body: ExitSettingsInput, response: { 200: ExitSettings } } }, (req) =>
    updateExitSettings(ctxOf(req), req.body),
  );
  app.get(
    '/api/v1/exit/readiness',
    { config: read, schema: { tags, summary: 'Exit readiness of the running engagements, weakest first', querystring: ReadinessListQuery, response: { 200: Page(ReadinessRow).extend({ total: z.number().int() }) } } },
    (req) => listReadiness(ctxOf(req), req.query),
  );

  app.get('/api/v1/engagements/:id/exit', { config: read, schema: schema('An engagement’s exit: assets, fallback, plan, readiness with its history, drills') }, (req) => engagementExit(ctxOf(req), eid(req.params)));
  app.put('/api/v1/engagements/:id/exit/profile', { config: write, schema: schema('Save recovery objectives and the in-house fallback', { body: ProfileInput }) }, async (req) => {
    const ctx = ctxOf(req);
    await assets.saveProfile(ctx, eid(req.params), req.body);
    return engagementExit(ctx, eid(req.params));
  });

  app.post('/api/v1/engagements/:id/exit/assets', { config: write, schema: schema('Add an asset the service depends on', { body: AssetInput }, 201) }, async (req, reply) => {
    const ctx = ctxOf(req);
    const out = await assets.createAsset(ctx, eid(req.params), req.body).then(then(ctx));
    reply.status(201);
    return out;
  });
  app.patch('/api/v1/exit-assets/:id', { config: write, schema: schema('Edit an asset', { body: AssetUpdate }) }, (req) => {
    const ctx = ctxOf(req);
    return assets.updateAsset(ctx, parseId(req.params.id, 'exit asset'), req.body).then(then(ctx));
  });
  app.post('/api/v1/exit-assets/:id/verify', { config: write, schema: schema('Record that admin access was checked today', { body: VerifyAssetInput }) }, (req) => {
    const ctx = ctxOf(req);
    return assets.verifyAsset(ctx, parseId(req.params.id, 'exit asset'), req.body).then(then(ctx));
  });
  app.delete('/api/v1/exit-assets/:id', { config: write, schema: schema('Remove an asset') }, (req) => {
    const ctx = ctxOf(req);
    return assets.deleteAsset(ctx, parseId(req.params.id, 'exit asset')).then(then(ctx));
  });

  app.post('/api/v1/engagements/:id/exit/accounts', { config: write, schema: schema('Add a vendor account in our systems', { body: VendorAccountInput }, 201) }, async (req, reply) => {
    const ctx = ctxOf(req);
    const out = await assets.createVendorAccount(ctx, eid(req.params), req.body).then(then(ctx));
    reply.status(201);
    return out;
  });
  app.patch('/api/v1/exit-accounts/:id', { config: write, schema: schema('Edit a vendor account', { body: VendorAccountUpdate }) }, (req) => {
    const ctx = ctxOf(req);
    return assets.updateVendorAccount(ctx, parseId(req.params.id, 'vendor account'), req.body).then(then(ctx));
  });
  app.post('/api/v1/exit-accounts/:id/revoke', { config: write, schema: schema('Record that a vendor account was revoked today') }, (req) => {
    const ctx = ctxOf(req);
    return assets.revokeVendorAccount(ctx, parseId(req.params.id, 'vendor account')).then(then(ctx));
  });

  app.post('/api/v1/engagements/:id/exit/plan', { config: write, schema: schema('Build the exit plan from the template', { body: PlanInput }, 201) }, async (req, reply) => {
    const ctx = ctxOf(req);
    const out = await plans.createPlan(ctx, eid(req.params), req.body).then(then(ctx));
    reply.status(201);
    return out;
  });
  app.patch('/api/v1/exit-plans/:id', { config: write, schema: schema('Edit an exit plan not yet started', { body: PlanUpdate }) }, (req) => {
    const ctx = ctxOf(req);
    return plans.updatePlan(ctx, parseId(req.params.id, 'exit plan'), req.body).then(then(ctx));
  });
  app.post('/api/v1/exit-plans/:id/review', { config: write, schema: schema('Record that the plan was reviewed today') }, (req) => {
    const ctx = ctxOf(req);
    return plans.reviewPlan(ctx, parseId(req.params.id, 'exit plan')).then(then(ctx));
  });
  app.post(
    '/api/v1/exit-plans/:id/start',
    { config: write, schema: schema('Start the exit: a dated checklist from today; the vendor moves to exiting', { description: 'The vendor contact then sees its handover steps in the portal.' }) },
    (req) => {
      const ctx = ctxOf(req);
      return plans.startExit(ctx, parseId(req.params.id, 'exit plan')).then(then(ctx));
    },
  );
  app.patch('/api/v1/exit-steps/:id', { config: write, schema: schema('Tick a step of a running exit done, or set its owner and internal note', { body: StepUpdate }) }, (req) => {
    const ctx = ctxOf(req);
    return plans.updateStep(ctx, parseId(req.params.id, 'exit step'), req.body).then(then(ctx));
  });

  app.get('/api/v1/exit-step-files/:id/download', { config: read, schema: { tags, summary: 'Download a file the vendor handed over with a step', params: IdParams } }, async (req, reply) =>
    sendFile(reply, await plans.downloadStepFile(ctxOf(req), parseId(req.params.id, 'file'))),
  );

  app.post('/api/v1/engagements/:id/exit/drills', { config: write, schema: schema('Record an exit drill; gaps become exit actions', { body: DrillInput }, 201) }, async (req, reply) => {
    const ctx = ctxOf(req);
    await recordDrill(ctx, eid(req.params), req.body);
    reply.status(201);
    return engagementExit(ctx, eid(req.params));
  });
  app.post('/api/v1/engagements/:id/exit/actions', { config: write, schema: schema('Add an exit action by hand: a gap found outside a drill', { body: ActionInput }, 201) }, async (req, reply) => {
    const ctx = ctxOf(req);
    await createAction(ctx, eid(req.params), req.body);
    reply.status(201);
    return engagementExit(ctx, eid(req.params));
  });
  app.patch('/api/v1/exit-actions/:id', { config: write, schema: schema('Close an exit action (or open it again), or change its title, due date or owner', { body: ActionUpdate }) }, (req) => {
    const ctx = ctxOf(req);
    return updateAction(ctx, parseId(req.params.id, 'exit action'), req.body).then(then(ctx));
  });
}
