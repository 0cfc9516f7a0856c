import { z } from 'zod';
import { IdParams, Page } from '../../../shared/contracts/common.ts';
import { PortalActionItem, PortalActionListQuery, PortalActionUpdate } from '../../../shared/contracts/governance.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import { listOwnActions, vendorUpdateAction } from '../governance/governance.public.ts';

const tags = ['portal'];
const contact = { access: 'portal.use' } as const;

/** The action items the vendor's side owns: seen and marked done in the portal; nothing of the client's items, minutes or notes. */
export function registerPortalGovernanceRoutes(app: App) {
  app.get(
    '/api/v1/portal/action-items',
    { config: contact, schema: { tags, summary: "Your side's action items, soonest due first", querystring: PortalActionListQuery, response: { 200: Page(PortalActionItem).extend({ total: z.number().int() }) } } },
    (req) => listOwnActions(ctxOf(req), req.query),
  );
  app.patch(
    '/api/v1/portal/action-items/:id',
    { config: contact, schema: { tags, summary: 'Mark one of your action items done (or open again), with a note', params: IdParams, body: PortalActionUpdate, response: { 200: PortalActionItem } } },
    (req) => vendorUpdateAction(ctxOf(req), parseId(req.params.id, 'action item'), req.body),
  );
}
