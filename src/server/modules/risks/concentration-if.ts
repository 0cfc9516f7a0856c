import type { z } from 'zod';
import { concentrationWith, HHI_BAND_LABELS, hhiBand } from '../../../domain/risk/concentration.ts';
import type { ConcentrationIf, ConcentrationIfQuery } from '../../../shared/contracts/risks.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { budgetedSpend, IMPORTANT } from './exposure.ts';
import { coreFacts } from './facts/core.ts';
import { riskViewsPolicy } from './risks.policy.ts';
import * as repo from './risks.repo.ts';

/**
 * Concentration with a hypothetical engagement: if this vendor were chosen for one more
 * critical service (a sourcing need), its share of critical and high engagements and the HHI
 * before and after; the same for budgeted spend with the proposal's price added (in that
 * currency only — amounts in different currencies are never added); and the fourth parties
 * it shares with the vendors already in use.
 */
export async function concentrationIf(ctx: Ctx, q: z.output<typeof ConcentrationIfQuery>): Promise<ConcentrationIf> {
  riskViewsPolicy.check(ctx.actor, 'read');
  const core = await coreFacts(ctx);
  const counts = new Map<string, number>();
  for (const e of core.engagements) if (IMPORTANT.has(e.criticality)) counts.set(e.vendorId, (counts.get(e.vendorId) ?? 0) + 1);
  const s = concentrationWith(counts, q.vendorId, 1);
  const services = { ...s, bandAfter: HHI_BAND_LABELS[hhiBand(s.hhiAfter)] };

  let spend: ConcentrationIf['spend'] = null;
  let spendNote: string | null = null;
  if (q.spendMinor === null || !q.currency) spendNote = 'No opened proposal with a price yet.';
  else {
    try {
      const amounts = new Map<string, number>();
      for (const b of await budgetedSpend(ctx)) if (b.currency === q.currency) amounts.set(b.vendorId, (amounts.get(b.vendorId) ?? 0) + b.amountMinor);
      const c = concentrationWith(amounts, q.vendorId, q.spendMinor);
      spend = { currency: q.currency, ...c, bandAfter: HHI_BAND_LABELS[hhiBand(c.hhiAfter)] };
      if (amounts.size === 0) spendNote = `No budget in ${q.currency} is recorded for the current fiscal year, so this vendor would hold all of it.`;
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'forbidden') throw err;
      spendNote = 'Your role does not see costs.';
    }
  }

  // Shared with the vendors in use — other prospects in the same comparison do not count.
  const inUse = new Set(core.vendors.map((v) => v.id));
  const all = await repo.allFourthParties(ctx.db, ctx.actor.orgId);
  const mine = all.filter((r) => r.fp.vendorId === q.vendorId);
  const sharedFourthParties = mine
    .map((m) => {
      const others = new Map<string, string>();
      for (const r of all) if (r.fp.normalisedName === m.fp.normalisedName && r.fp.vendorId !== q.vendorId && inUse.has(r.fp.vendorId)) others.set(r.fp.vendorId, r.vendorName);
      return { name: m.fp.name, vendors: [...others].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)) };
    })
    .filter((x) => x.vendors.length > 0)
    .sort((a, b) => b.vendors.length - a.vendors.length || a.name.localeCompare(b.name));
  return { services, spend, spendNote, sharedFourthParties };
}
