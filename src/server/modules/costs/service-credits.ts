import type { z } from 'zod';
import { reconcileCredits, type CreditStatement } from '../../../domain/costs/credits.ts';
import { monthLabel } from '../../../domain/costs/fiscal.ts';
import { formatMoney, totalsByCurrency } from '../../../domain/money.ts';
import type { CreditWaiver, ServiceCredits, ServiceCreditsQuery, WaiveCreditInput } from '../../../shared/contracts/costs.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { referenceEngagement, requireEngagement } from '../engagements/engagements.public.ts';
import { serviceCreditsOwed } from '../sla/sla.public.ts';
import { creditWaiverPolicy, serviceCreditPolicy } from './costs.policy.ts';
import * as repo from './service-credits.repo.ts';
import { todayOf } from './settings.ts';

/** SLA months are calendar months: a year's statement runs January to December, or to this month in the current year. */
function range(ctx: Ctx, year: number) {
  const thisMonth = todayOf(ctx).slice(0, 7);
  const to = `${year}-12` < thisMonth ? `${year}-12` : thisMonth;
  return { from: `${year}-01`, to: to < `${year}-01` ? `${year}-01` : to };
}

/**
 * Service credits owed against received, per engagement and month of a year: the credit the
 * SLA engine computed, the credit lines on invoices not disputed (in the policy's currency;
 * others shown apart), what is still owed, and what was waived with its reason.
 */
export async function serviceCredits(ctx: Ctx, q: z.output<typeof ServiceCreditsQuery>): Promise<ServiceCredits> {
  serviceCreditPolicy.check(ctx.actor, 'list');
  if (q.engagementId) await requireEngagement(ctx, 'read', q.engagementId);
  const year = q.year ?? Number(todayOf(ctx).slice(0, 4));
  const { from, to } = range(ctx, year);
  const one = q.engagementId ?? null;
  const [owed, lines, waivers] = await Promise.all([
    serviceCreditsOwed(ctx, one ? [one] : null, from, to),
    repo.creditLineSums(ctx.db, ctx.actor.orgId, one, from, to),
    repo.waiversOf(ctx.db, ctx.actor.orgId, one, from, to),
  ]);
  const ids = [...new Set([...owed.map((o) => o.engagementId), ...lines.map((l) => l.engagementId), ...waivers.map((w) => w.waiver.engagementId)])];
  const labels = await repo.engagementLabels(ctx.db, ctx.actor.orgId, ids);
  const rows: ServiceCredits['rows'] = [];
  for (const id of ids) {
    const label = labels.get(id);
    if (!label) continue;
    const o = owed.find((x) => x.engagementId === id);
    const mine = lines.filter((l) => l.engagementId === id);
    const waived = waivers.filter((w) => w.waiver.engagementId === id);
    const currency = o?.currency ?? mine[0]?.currency ?? waived[0]?.waiver.currency ?? 'EUR';
    const statements: CreditStatement[] = reconcileCredits(currency, o?.months ?? [], mine, new Set(waived.map((w) => w.waiver.month)));
    for (const s of statements) {
      const w = waived.find((x) => x.waiver.month === s.month);
      rows.push({
        ...s,
        // Waived: what was let go when it was waived, as recorded.
        waivedMinor: w ? w.waiver.amountMinor : 0,
        engagementId: id,
        engagementName: label.name,
        vendorId: label.vendorId,
        vendorName: label.vendorName,
        label: monthLabel(s.month),
        waiver: w ? { id: w.waiver.id, reason: w.waiver.reason, byName: w.byName, at: w.waiver.waivedAt.toISOString() } : null,
      });
    }
  }
  rows.sort((a, b) => a.vendorName.localeCompare(b.vendorName) || a.engagementName.localeCompare(b.engagementName) || a.month.localeCompare(b.month));
  const sum = (f: (r: (typeof rows)[number]) => number) => totalsByCurrency(rows.map((r) => ({ currency: r.currency, amountMinor: f(r) })).filter((m) => m.amountMinor !== 0));
  return {
    year,
    rows,
    totals: { owed: sum((r) => r.owedMinor ?? 0), received: sum((r) => r.receivedMinor), outstanding: sum((r) => r.outstandingMinor), waived: sum((r) => r.waivedMinor) },
    notes: [
      'Owed is the service credit the SLA report computes for the month; received is the credit lines for that month on the vendor’s invoices that are not disputed.',
      'A policy without a monthly fee reports its credit in % only: it cannot be netted and is not counted as owed.',
      'Amounts are never added across currencies.',
    ],
  };
}

/** Lets a month's outstanding credit go, with a reason kept in the history; it then no longer counts as owed. */
export async function waiveServiceCredit(ctx: Ctx, input: z.output<typeof WaiveCreditInput>): Promise<z.infer<typeof CreditWaiver>> {
  serviceCreditPolicy.check(ctx.actor, 'waive');
  const eng = await referenceEngagement(ctx, input.engagementId, 'engagementId');
  const statement = await serviceCredits(ctx, { engagementId: eng.id, year: Number(input.month.slice(0, 4)) });
  const row = statement.rows.find((r) => r.month === input.month);
  if (row?.waiver) throw new AppError('conflict', `The credit of ${monthLabel(input.month)} was already waived: ${row.waiver.reason}`);
  if (!row || row.outstandingMinor === 0) throw AppError.invalid('month', `Nothing is owed and not received for ${monthLabel(input.month)}: there is nothing to waive.`);
  const w = await change(ctx, async (tx) => {
    const inserted = await repo.insertWaiver(tx.db, {
      orgId: ctx.actor.orgId,
      vendorId: eng.vendorId,
      engagementId: eng.id,
      month: input.month,
      currency: row.currency,
      amountMinor: row.outstandingMinor,
      reason: input.reason,
      waivedBy: ctx.actor.userId,
      waivedAt: ctx.now,
    });
    await tx.audit({
      action: 'service_credit.waive',
      objectType: 'service_credit',
      objectId: inserted.id,
      objectLabel: `Service credit of ${monthLabel(input.month)} for ${eng.name} (${formatMoney({ amountMinor: row.outstandingMinor, currency: row.currency })})`,
      after: inserted,
    });
    return inserted;
  });
  return { id: w.id, engagementId: w.engagementId, month: w.month, currency: w.currency, amountMinor: w.amountMinor, reason: w.reason, waivedAt: w.waivedAt.toISOString() };
}

/**
 * Takes a waiver back (a month waived by mistake): the month's credit counts as owed again,
 * and the history keeps the waiver as it was, who took it back and when.
 */
export async function withdrawWaiver(ctx: Ctx, id: string): Promise<{ ok: true }> {
  creditWaiverPolicy.check(ctx.actor, 'withdraw');
  await change(ctx, async (tx) => {
    const before = creditWaiverPolicy.authorize(ctx.actor, 'withdraw', await repo.lockWaiver(tx.db, ctx.actor.orgId, id));
    const eng = await requireEngagement(tx, 'read', before.engagementId);
    await repo.deleteWaiver(tx.db, ctx.actor.orgId, id);
    await tx.audit({
      action: 'service_credit.withdraw_waiver',
      objectType: 'service_credit',
      objectId: id,
      objectLabel: `Service credit of ${monthLabel(before.month)} for ${eng.name} (${formatMoney({ amountMinor: before.amountMinor, currency: before.currency })})`,
      before,
    });
  });
  return { ok: true };
}
