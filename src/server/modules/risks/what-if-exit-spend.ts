import { totalsByCurrency, type Money } from '../../../domain/money.ts';
import type { WhatIf } from '../../../shared/contracts/risks.ts';
import type { Ctx } from '../../context.ts';
import { portfolioSpend } from '../costs/costs.public.ts';
import { engagementExit, readinessByEngagement } from '../exit/exit.public.ts';

/** "2026-12", 11 → "2026-01". */
function monthsBack(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) - n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/**
 * The annual spend at stake from the vendors' invoices: approved and paid, net, of the last
 * twelve months (this one included), per currency — what the organisation actually pays,
 * which a budget only plans. Empty when no invoice of those months is recorded.
 */
export async function invoicedSpend(ctx: Ctx, vendorIds: readonly string[], today: string): Promise<Money[]> {
  const to = today.slice(0, 7);
  const from = monthsBack(to, 11);
  const out: Money[] = [];
  for (const vendorId of vendorIds) {
    const current = await portfolioSpend(ctx, { vendorId });
    for (const s of [current, await portfolioSpend(ctx, { vendorId, fiscalYear: current.fiscalYear - 1 })]) {
      s.months.forEach((m, i) => {
        if (m.month < from || m.month > to) return;
        for (const r of s.rows) if (r.monthsMinor[i]) out.push({ currency: r.currency, amountMinor: r.monthsMinor[i] });
      });
    }
  }
  return totalsByCurrency(out).sort((a, b) => a.currency.localeCompare(b.currency));
}

/** The in-house fallback in words, from the exit profile: how long the organisation can run alone, the skills it holds, its runbooks. */
function fallbackWords(p: Awaited<ReturnType<typeof engagementExit>>['profile']): string | null {
  const parts: string[] = [];
  if (p.daysAlone !== null) parts.push(`runs without the vendor for ${p.daysAlone} day${p.daysAlone === 1 ? '' : 's'}`);
  if (p.skills.length) parts.push(`${p.skills.filter((s) => s.coverage !== 'none').length} of ${p.skills.length} skills held in-house`);
  if (p.runbooks.length) parts.push(`${p.runbooks.length} runbook${p.runbooks.length === 1 ? '' : 's'}`);
  if (p.substitutabilityLabel) parts.push(`replacing the vendor: ${p.substitutabilityLabel.toLowerCase()}`);
  if (p.backupOwners.length) parts.push(`backup owner${p.backupOwners.length === 1 ? '' : 's'} ${p.backupOwners.map((b) => b.name).join(', ')}`);
  return parts.length ? `${parts.join('; ')}.` : null;
}

/** Per affected engagement: exit readiness (score, band, plan) and the in-house fallback, from the exit module. */
export async function exitOfEngagements(ctx: Ctx, engagementIds: readonly string[]): Promise<Map<string, NonNullable<WhatIf['engagements'][number]['exit']>>> {
  const out = new Map<string, NonNullable<WhatIf['engagements'][number]['exit']>>();
  if (!engagementIds.length) return out;
  const readiness = new Map((await readinessByEngagement(ctx, engagementIds)).map((r) => [r.engagement.id, r]));
  for (const id of engagementIds) {
    const r = readiness.get(id);
    const view = await engagementExit(ctx, id).catch(() => null);
    out.set(id, {
      readiness: r?.score ?? null,
      band: r?.band ?? null,
      belowThreshold: r?.belowThreshold ?? false,
      planStatus: r?.planStatus ?? null,
      fallback: view ? fallbackWords(view.profile) : null,
    });
  }
  return out;
}
