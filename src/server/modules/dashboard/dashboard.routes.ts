import { Dashboard } from '../../../shared/contracts/audit.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { ctxOf } from '../../http/ctx.ts';
import type { App } from '../../http/types.ts';
import { recentAudit } from '../audit/audit.service.ts';
import * as repo from './dashboard.repo.ts';

export function registerDashboardRoutes(app: App) {
  app.get('/api/v1/dashboard', { config: { access: 'dashboard.read' }, schema: { tags: ['dashboard'], summary: 'Counts for the home screen', response: { 200: Dashboard } } }, async (req) => {
    const ctx = ctxOf(req);
    const orgId = ctx.actor.orgId;
    const [vc, ec, users] = await Promise.all([repo.vendorCounts(ctx.db, orgId), repo.engagementCounts(ctx.db, orgId), repo.userCount(ctx.db, orgId)]);
    const byStatus: Record<string, number> = {};
    const byTier: Record<string, number> = {};
    let total = 0;
    for (const r of vc) {
      byStatus[r.status] = (byStatus[r.status] ?? 0) + Number(r.n);
      byTier[String(r.tier)] = (byTier[String(r.tier)] ?? 0) + Number(r.n);
      total += Number(r.n);
    }
    // Recent changes come from the audit trail, so only roles that may read it see them.
    const recentChanges = roleCan(ctx.actor.role, 'audit.read') ? await recentAudit(ctx.db, orgId, 8) : [];
    return { vendors: { total, byStatus, byTier }, engagements: { total: Number(ec.total), active: Number(ec.active) }, users, recentChanges };
  });
}
