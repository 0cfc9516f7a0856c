import type { Ctx } from '../../context.ts';
import { currentPolicies, enginePolicy } from '../sla-policies/sla-policies.public.ts';
import { slaReport } from './sla.service.ts';
import { measurementPolicy } from './sla.policy.ts';

export interface CreditsOwed {
  engagementId: string;
  /** The policy's fee currency; credits are in % only without a fee. */
  currency: string;
  months: Array<{ month: string; creditPct: number; creditMinor: number | null }>;
}

/**
 * The service credit the engine computed per month from `from` to `to` (YYYY-MM), for each
 * engagement with an SLA policy (all of them, or those given): what the costs module nets
 * against the credit lines on invoices. The same report the SLA tab shows, so they agree.
 */
export async function serviceCreditsOwed(ctx: Ctx, engagementIds: readonly string[] | null, from: string, to: string): Promise<CreditsOwed[]> {
  measurementPolicy.check(ctx.actor, 'read');
  const out: CreditsOwed[] = [];
  for (const p of await currentPolicies(ctx, engagementIds)) {
    const report = await slaReport(ctx, p.engagementId, { from, to });
    out.push({ engagementId: p.engagementId, currency: enginePolicy(p).currency ?? 'EUR', months: report.months.map((m) => ({ month: m.month, creditPct: m.creditPct, creditMinor: m.creditMinor })) });
  }
  return out;
}
