import { z } from 'zod';
import { ctxOf } from '../../http/ctx.ts';
import { AppError } from '../../http/app-error.ts';
import type { App } from '../../http/types.ts';
import { findOrg } from '../auth/auth.repo.ts';
import { findVendor } from '../vendors/vendors.repo.ts';

const Portal = z.object({ vendor: z.object({ id: z.string(), name: z.string() }), org: z.object({ name: z.string() }) });

/** The vendor portal: a vendor contact sees its own vendor and nothing else. */
export function registerPortalRoutes(app: App) {
  app.get('/api/v1/portal', { config: { access: 'portal.use' }, schema: { tags: ['portal'], summary: 'The signed-in vendor contact\'s portal', response: { 200: Portal } } }, async (req) => {
    const ctx = ctxOf(req);
    const vendor = ctx.actor.vendorId ? await findVendor(ctx.db, ctx.actor.orgId, ctx.actor.vendorId) : null;
    if (!vendor) throw AppError.notFound('Your vendor');
    const org = await findOrg(ctx.db, ctx.actor.orgId);
    return { vendor: { id: vendor.vendor.id, name: vendor.vendor.name }, org: { name: org?.name ?? '' } };
  });
}
