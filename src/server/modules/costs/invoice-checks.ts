import { checkInvoice, type CheckResult } from '../../../domain/costs/checks.ts';
import type { Ctx } from '../../context.ts';
import { milestoneAcceptance } from '../deliverables/deliverables.public.ts';
import { CHANGE_STATUS_LABELS, isAgreed, type ChangeStatus } from '../../../domain/costs/change-requests.ts';
import * as changes from './change-requests.repo.ts';
import * as repo from './costs.repo.ts';

/**
 * Runs every check on a saved invoice (inside its change: `ctx` is the transaction's) and
 * stores what fails. An override is kept when the same check (same key) fails again in the
 * same words; a check whose facts changed must be looked at, and overridden, again.
 */
export async function recheck(ctx: Ctx, inv: repo.InvoiceRow, contractTitle: string | null, opts: { milestonesUnchanged?: boolean } = {}): Promise<CheckResult[]> {
  const orgId = ctx.actor.orgId;
  const lines = (await repo.linesOf(ctx.db, orgId, inv.id)).map((l) => l.line);
  const milestoneIds = lines.flatMap((l) => (l.milestoneId ? [l.milestoneId] : []));
  const [rateCard, others, milestones, previous, crs] = await Promise.all([
    inv.contractId ? repo.rateCardOf(ctx.db, orgId, inv.contractId) : Promise.resolve([]),
    repo.candidateDuplicates(ctx.db, orgId, inv.vendorId, inv),
    // A change that cannot move a milestone's acceptance keeps the stored milestone checks and
    // reads no milestone: the vendor contact withdrawing its change request may not read them.
    opts.milestonesUnchanged ? Promise.resolve(new Map()) : milestoneAcceptance(ctx, milestoneIds),
    repo.checksOf(ctx.db, orgId, inv.id),
    changes.changeRequestsByIds(ctx.db, orgId, [...new Set(lines.flatMap((l) => (l.changeRequestId ? [l.changeRequestId] : [])))]),
  ]);
  const changeRequests = new Map(crs.map((c) => [c.id, { id: c.id, title: c.title, agreed: isAgreed(c.status), statusWords: CHANGE_STATUS_LABELS[c.status as ChangeStatus]?.toLowerCase() ?? c.status }]));
  const results = checkInvoice(
    {
      id: inv.id,
      number: inv.number,
      invoiceDate: inv.invoiceDate,
      periodFrom: inv.periodFrom,
      periodTo: inv.periodTo,
      currency: inv.currency,
      subtotalMinor: inv.subtotalMinor,
      taxMinor: inv.taxMinor,
      totalMinor: inv.totalMinor,
      contractId: inv.contractId,
      contractTitle,
      engagementId: inv.engagementId,
      lines: lines.map((l) => ({
        position: l.position,
        description: l.description,
        quantityMilli: l.quantityMilli,
        unit: l.unit,
        unitPriceMinor: l.unitPriceMinor,
        amountMinor: l.amountMinor,
        taxMinor: l.taxMinor,
        rateCardItemId: l.rateCardItemId,
        milestoneId: l.milestoneId,
        changeRequestId: l.changeRequestId,
        serviceCreditMonth: l.serviceCreditMonth,
      })),
    },
    { rateCard, others, milestones, changeRequests },
  );
  if (opts.milestonesUnchanged) {
    for (const p of previous) if (p.check.code === 'milestone_not_accepted') results.push({ key: p.check.key, code: 'milestone_not_accepted', linePosition: p.check.linePosition, words: p.check.words });
  }
  const kept = new Map(previous.filter((p) => p.check.overrideReason !== null).map((p) => [p.check.key, p.check]));
  await repo.replaceChecks(
    ctx.db,
    orgId,
    inv.id,
    results.map((r) => {
      const old = kept.get(r.key);
      const same = old && old.words === r.words;
      return {
        key: r.key,
        code: r.code,
        linePosition: r.linePosition,
        words: r.words,
        relatedInvoiceIds: r.relatedInvoiceIds ?? null,
        overrideReason: same ? old.overrideReason : null,
        overriddenBy: same ? old.overriddenBy : null,
        overriddenAt: same ? old.overriddenAt : null,
      };
    }),
  );
  return results;
}
