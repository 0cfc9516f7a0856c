import type { z } from 'zod';
import type { Dashboard } from '../../../shared/contracts/audit.ts';
import type { Ctx } from '../../context.ts';
import { recentAudit } from '../audit/audit.public.ts';
import { countEngagements } from '../engagements/engagements.public.ts';
import { countUsers } from '../users/users.public.ts';
import { countVendors } from '../vendors/vendors.public.ts';
import { dashboardPolicy } from './dashboard.policy.ts';

/** The home screen: each figure asked of the module that owns it. */
export async function getDashboard(ctx: Ctx): Promise<z.output<typeof Dashboard>> {
  dashboardPolicy.check(ctx.actor, 'read');
  const [vendors, engagements, users, recentChanges] = await Promise.all([countVendors(ctx), countEngagements(ctx), countUsers(ctx), recentAudit(ctx, 8)]);
  return { vendors, engagements, users, recentChanges };
}
