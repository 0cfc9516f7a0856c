import type { z } from 'zod';
import { HHI_BAND_LABELS, hhi, hhiBand, sharesOf } from '../../../domain/risk/concentration.ts';
import { totalsByCurrency, type Money } from '../../../domain/money.ts';
import type { Concentration, WhatIf, WhatIfQuery } from '../../../shared/contracts/risks.ts';
import { BudgetListQuery } from '../../../shared/contracts/costs.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { contractChecklist } from '../clauses/clauses.public.ts';
import { contractsOfVendor } from '../contracts/contracts.public.ts';
import { getCostSettings, listBudgets } from '../costs/costs.public.ts';
import { deliverablesFeed, paymentTotals } from '../deliverables/deliverables.public.ts';
import { referenceVendor } from '../vendors/vendors.public.ts';
import { coreFacts } from './facts/core.ts';
import { sharedFourthParties, vendorsNaming } from './fourth-parties.ts';
import { riskViewsPolicy } from './risks.policy.ts';
import { presentCell } from './risks.presenter.ts';
import * as repo from './risks.repo.ts';
import { settingsOf } from './settings.ts';
import { exitOfEngagements, invoicedSpend } from './what-if-exit-spend.ts';

export const IMPORTANT = new Set(['critical', 'high']);
const SPEND_NOTE = "Budgets of the current fiscal year, per currency (invoices are not yet summed by vendor; amounts in different currencies are never added).";

/** This fiscal year's budgets, per vendor and currency (the spend figure the costs module gives today). */
export async function budgetedSpend(ctx: Ctx): Promise<Array<{ vendorId: string; vendorName: string; amountMinor: number; currency: string }>> {
  const { currentFiscalYear } = await getCostSettings(ctx);
  const out: Array<{ vendorId: string; vendorName: string; amountMinor: number; currency: string }> = [];
  let cursor: string | undefined;
  do {
    const page = await listBudgets(ctx, BudgetListQuery.parse({ fiscalYear: currentFiscalYear, limit: 200, cursor }));
    for (const b of page.items) out.push({ vendorId: b.vendorId, vendorName: b.vendorName, amountMinor: b.amountMinor, currency: b.currency });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Per vendor its share of critical and high engagements and of budgeted spend; the HHI of each; by country; shared fourth parties. */
export async function concentration(ctx: Ctx): Promise<z.output<typeof Concentration>> {
  riskViewsPolicy.check(ctx.actor, 'read');
  const core = await coreFacts(ctx);
  const names = new Map(core.vendors.map((v) => [v.id, v.name]));
  const country = new Map(core.vendors.map((v) => [v.id, v.country ?? null]));
  const counts = new Map<string, number>();
  const byCountry = new Map<string, number>();
  let total = 0;
  for (const e of core.engagements) {
    if (!IMPORTANT.has(e.criticality)) continue;
    counts.set(e.vendorId, (counts.get(e.vendorId) ?? 0) + 1);
    // Where the service is delivered from: the engagement's delivery country, else the vendor's.
    const c = e.country ?? country.get(e.vendorId) ?? 'Unknown';
    byCountry.set(c, (byCountry.get(c) ?? 0) + 1);
    total++;
  }
  const shares = sharesOf(counts);
  const index = hhi(shares);
  // Business services hang off engagements of any criticality; one may depend on several vendors.
  const servicesOf = new Map<string, Set<string>>();
  const allServices = new Set<string>();
  for (const e of core.engagements) {
    for (const b of core.businessServices.get(e.id) ?? []) {
      const key = b.trim().toLowerCase();
      allServices.add(key);
      servicesOf.set(e.vendorId, (servicesOf.get(e.vendorId) ?? new Set()).add(key));
    }
  }
  const services = (id: string) => servicesOf.get(id)?.size ?? 0;

  let spend: z.output<typeof Concentration>['spend'] = [];
  let spendNote: string | null = SPEND_NOTE;
  try {
    const perCurrency = new Map<string, Map<string, number>>();
    const vendorNames = new Map<string, string>();
    for (const b of await budgetedSpend(ctx)) {
      const m = perCurrency.get(b.currency) ?? new Map<string, number>();
      m.set(b.vendorId, (m.get(b.vendorId) ?? 0) + b.amountMinor);
      perCurrency.set(b.currency, m);
      vendorNames.set(b.vendorId, b.vendorName);
    }
    spend = [...perCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency, m]) => {
      const s = sharesOf(m);
      const h = hhi(s);
      return { currency, totalMinor: s.reduce((n, x) => n + x.amount, 0), hhi: h, band: HHI_BAND_LABELS[hhiBand(h)], byVendor: s.map((x) => ({ id: x.key, name: vendorNames.get(x.key) ?? '', amountMinor: x.amount, share: x.share })) };
    });
    if (spend.length === 0) spendNote = 'No budget is recorded for the current fiscal year, so spend concentration cannot be worked out yet.';
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'forbidden') throw err;
    spendNote = 'Your role does not see costs.';
  }
  return {
    criticalEngagements: total,
    businessServices: allServices.size,
    byVendor: shares.map((s) => ({ id: s.key, name: names.get(s.key) ?? '', count: s.amount, share: s.share, businessServices: services(s.key), businessServiceShare: allServices.size ? services(s.key) / allServices.size : 0 })),
    hhiServices: index,
    hhiServicesBand: HHI_BAND_LABELS[hhiBand(index)],
    spend,
    spendNote,
    byCountry: sharesOf(byCountry).map((s) => ({ country: s.key, count: s.amount, share: s.share })),
    sharedFourthParties: await sharedFourthParties(ctx),
  };
}

const EXIT_CLAUSES = new Set(['exit_assistance', 'termination_rights']);

/**
 * What if this vendor — or a fourth party behind several vendors — failed tomorrow: the
 * engagements and business services affected with their exit readiness and in-house
 * fallback, the annual spend at stake (invoices, else budgets), open deliverables and payments, what the contracts say about exit and termination, other vendors on record
 * for the same service types, and the risks already registered.
 */
export async function whatIf(ctx: Ctx, q: z.output<typeof WhatIfQuery>): Promise<WhatIf> {
  riskViewsPolicy.check(ctx.actor, 'read');
  if (!q.vendorId === !q.fourthParty) throw AppError.invalid('vendorId', 'Name either a vendor or a fourth party.');
  const core = await coreFacts(ctx);
  let subject: WhatIf['subject'];
  let chosen: Array<{ id: string; service: string | null }>;
  if (q.vendorId) {
    const v = await referenceVendor(ctx, q.vendorId, 'vendorId');
    subject = { kind: 'vendor', name: v.name };
    chosen = [{ id: v.id, service: null }];
  } else {
    const naming = await vendorsNaming(ctx, q.fourthParty!);
    subject = { kind: 'fourth_party', name: naming[0]?.name ?? q.fourthParty! };
    chosen = naming.map((n) => ({ id: n.vendorId, service: n.service }));
  }
  const ids = new Set(chosen.map((c) => c.id));
  const vendorRows = core.vendors.filter((v) => ids.has(v.id));
  const names = new Map(core.vendors.map((v) => [v.id, v.name]));
  const engagements = core.engagements.filter((e) => ids.has(e.vendorId));
  const order = { critical: 0, high: 1, medium: 2, low: 3 } as Record<string, number>;
  engagements.sort((a, b) => (order[a.criticality] ?? 9) - (order[b.criticality] ?? 9) || a.name.localeCompare(b.name));

  // What is actually paid (invoices of the last twelve months) when recorded; else what is budgeted.
  let spendAtStake: Money[] = [];
  let spendSource: WhatIf['spendSource'] = null;
  let spendNote = 'No invoice of the last twelve months and no budget of this fiscal year is recorded for these vendors.';
  try {
    spendAtStake = await invoicedSpend(ctx, [...ids], core.today);
    if (spendAtStake.length) {
      spendSource = 'invoices';
      spendNote = 'Approved and paid invoices of the last twelve months, net of tax.';
    } else {
      spendAtStake = totalsByCurrency((await budgetedSpend(ctx)).filter((b) => ids.has(b.vendorId)).map((b) => ({ amountMinor: b.amountMinor, currency: b.currency })));
      if (spendAtStake.length) {
        spendSource = 'budgets';
        spendNote = 'No invoice of the last twelve months: budgets of the current fiscal year for these vendors.';
      }
    }
  } catch {
    spendNote = 'Costs could not be read.';
  }
  const exits = await exitOfEngagements(
    ctx,
    engagements.map((e) => e.id),
  ).catch(() => new Map());
  const openPayments: Money[] = [];
  let openDeliverables = 0;
  const due = await deliverablesFeed.due!(ctx, { from: core.today, to: '9999-12-31' });
  openDeliverables = due.filter((d) => d.kind === 'deliverable_due' && d.vendor && ids.has(d.vendor.id)).length;
  const contracts: WhatIf['contracts'] = [];
  const exitClauses: WhatIf['exitClauses'] = [];
  for (const id of ids) {
    openPayments.push(...(await paymentTotals(ctx, { vendorId: id })).total.planned);
    for (const c of await contractsOfVendor(ctx, id)) {
      contracts.push({ id: c.id, name: c.title, status: c.status, initialTermEnd: c.initialTermEnd });
      const checklist = await contractChecklist(ctx, c.id).catch(() => null);
      for (const item of checklist?.items ?? []) {
        if (!item.clause.key || !EXIT_CLAUSES.has(item.clause.key)) continue;
        exitClauses.push({ contract: { id: c.id, name: c.title }, clause: item.clause.title, status: item.review?.status ?? 'not reviewed' });
      }
    }
  }
  const types = [...new Set(engagements.map((e) => e.serviceType))];
  const alternatives = types.map((t) => {
    const others = new Map<string, string>();
    for (const e of core.engagements) if (e.serviceType === t && !ids.has(e.vendorId)) others.set(e.vendorId, names.get(e.vendorId) ?? '');
    return { serviceType: t, vendors: [...others].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)) };
  });
  const { matrix } = await settingsOf(ctx);
  const risks = await repo.risksOfVendors(ctx.db, ctx.actor.orgId, [...ids]);
  return {
    subject,
    vendors: vendorRows.map((v) => ({ id: v.id, name: v.name, tier: v.tier, service: chosen.find((c) => c.id === v.id)?.service ?? null })),
    engagements: engagements.map((e) => ({ id: e.id, name: e.name, vendorName: names.get(e.vendorId) ?? '', criticality: e.criticality, serviceType: e.serviceType, businessServices: core.businessServices.get(e.id) ?? [], status: e.status, exit: exits.get(e.id) ?? null })),
    spendAtStake: totalsByCurrency(spendAtStake),
    spendSource,
    spendNote,
    openDeliverables,
    openPayments: totalsByCurrency(openPayments),
    exitClauses,
    contracts,
    alternatives,
    risks: risks.map((r) => ({ id: r.id, title: r.title, residual: presentCell(matrix, { likelihood: r.residualLikelihood, impact: r.residualImpact }), status: r.status })),
  };
}
