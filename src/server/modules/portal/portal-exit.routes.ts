import { z } from 'zod';
import { IdParams } from '../../../shared/contracts/common.ts';
import { DeliverStepInput, PortalStep } from '../../../shared/contracts/exit.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import { deliverStep, listOwnSteps, presentPortalStep } from '../exit/exit.public.ts';

const tags = ['portal'];
const contact = { access: 'portal.use' } as const;

/**
 * The vendor's handover obligations of an exit the client started: its own vendor's steps
 * only (another vendor's is "not found"), without the client's internal notes, owners or budget.
 */
export function registerPortalExitRoutes(app: App) {
  app.get(
    '/api/v1/portal/exit-steps',
    { config: contact, schema: { tags, summary: 'Your handover steps of exits in progress, soonest due first', response: { 200: z.object({ items: z.array(PortalStep) }) } } },
    async (req) => ({ items: (await listOwnSteps(ctxOf(req))).map(presentPortalStep) }),
  );
  app.post(
    '/api/v1/portal/exit-steps/:id/deliver',
    { config: contact, schema: { tags, summary: 'Hand in a handover step with a note of what was delivered and where', params: IdParams, body: DeliverStepInput, response: { 200: PortalStep } } },
    async (req) => presentPortalStep(await deliverStep(ctxOf(req), parseId(req.params.id, 'exit step'), req.body.note)),
  );
}
