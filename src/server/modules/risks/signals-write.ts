import { randomUUID } from 'node:crypto';
import { levelOf, scaled, type RiskMatrix } from '../../../domain/risk/matrix.ts';
import { fingerprintOf, reconcile, type Signal } from '../../../domain/risk/signals/index.ts';
import type { Ctx } from '../../context.ts';
import { change } from '../audit/audit.public.ts';
import * as repo from './signals.repo.ts';

const valuesOf = (s: Signal): repo.SignalValues => ({ rule: s.rule, subject_key: s.subjectKey, title: s.title, detail: s.detail, fingerprint: fingerprintOf(s), evidence: s.evidence });

/**
 * Writes what an evaluation changed, in one transaction: new signals claimed on the unique
 * key and a risk opened for each one claimed; changed or returning signals updated (a closed
 * risk reopened); cleared facts marked. The plan is made under the organisation's lock
 * against the signals as stored then, so a second evaluation (another server, or the same
 * facts again) finds nothing to do and writes nothing — not even its audit row. The audit
 * trail gets one row per evaluation with its counts, plus a row per risk opened or reopened.
 */
export async function writeEvaluation(ctx: Ctx, current: Signal[], skipped: ReadonlySet<string>, matrix: RiskMatrix, owners: ReadonlyMap<string, string | null>) {
  return change(ctx, async (tx) => {
    const orgId = ctx.actor.orgId;
    await repo.lockOrgSignals(tx.db, orgId);
    const before = (await repo.storedSignals(tx.db, orgId)).filter((s) => !skipped.has(s.rule));
    const plan = reconcile(
      before.map((s) => ({ rule: s.rule, subjectKey: s.subject_key, active: s.status === 'active', fingerprint: s.fingerprint })),
      current,
    );
    if (!plan.raise.length && !plan.update.length && !plan.clear.length) return { raised: 0, updated: 0, cleared: 0 };

    const claimed = plan.raise.length ? await repo.claimSignals(tx.db, orgId, plan.raise.map(valuesOf), ctx.now) : [];
    const byKey = new Map(plan.raise.map((s) => [`${s.rule}|${s.subjectKey}`, s]));
    const opened = claimed.map((c): { signalId: string; risk: repo.OpenedRisk } => {
      const s = byKey.get(`${c.rule}|${c.subject_key}`)!;
      const likelihood = scaled(matrix, s.likelihood);
      const impact = scaled(matrix, s.impact);
      return {
        signalId: c.id,
        risk: {
          id: randomUUID(),
          title: s.title,
          description: s.detail,
          category: s.category,
          vendor_id: s.vendorId,
          engagement_id: s.engagementId,
          finding_id: s.findingId,
          owner_id: s.vendorId ? (owners.get(s.vendorId) ?? null) : null,
          likelihood,
          impact,
          level: levelOf(matrix, { likelihood, impact }),
        },
      };
    });
    await repo.insertRisks(
      tx.db,
      orgId,
      opened.map((o) => o.risk),
      ctx.now,
      ctx.actor.userId,
      'Raised by a signal',
    );
    await repo.linkSignals(tx.db, orgId, opened.map((o) => ({ id: o.signalId, risk_id: o.risk.id })));

    const refreshed = await repo.refreshSignals(tx.db, orgId, plan.update.map(valuesOf), ctx.now);
    const returning = refreshed.filter((r) => !r.was_active && r.risk_id).map((r) => r.risk_id!);
    const reopened = await repo.reopenRisks(tx.db, orgId, returning, ctx.now);
    const cleared = await repo.clearSignals(tx.db, orgId, plan.clear.map((s) => ({ rule: s.rule, subject_key: s.subjectKey })), ctx.now);

    const counts = { raised: opened.length, updated: refreshed.length, cleared: cleared.length };
    if (!opened.length && !refreshed.length && !cleared.length) return { raised: 0, updated: 0, cleared: 0 };
    const byRule: Record<string, { raised: number; cleared: number }> = {};
    for (const s of plan.raise) (byRule[s.rule] ??= { raised: 0, cleared: 0 }).raised++;
    for (const s of plan.clear) (byRule[s.rule] ??= { raised: 0, cleared: 0 }).cleared++;
    await tx.auditMany([
      {
        action: 'risk_signal.evaluate',
        objectType: 'risk_signal',
        objectId: null,
        objectLabel: `Risk signals: ${counts.raised} raised, ${counts.updated} updated, ${counts.cleared} cleared`,
        after: { ...counts, byRule },
      },
      ...opened.map(({ risk: r }) => ({
        action: 'risk.create',
        objectType: 'risk',
        objectId: r.id,
        objectLabel: r.title,
        after: { id: r.id, title: r.title, description: r.description, category: r.category, vendorId: r.vendor_id, engagementId: r.engagement_id, findingId: r.finding_id, ownerId: r.owner_id, inherentLikelihood: r.likelihood, inherentImpact: r.impact, residualLikelihood: r.likelihood, residualImpact: r.impact, residualLevel: r.level, source: 'signal', status: 'open' },
      })),
      ...reopened.map((r) => ({ action: 'risk.reopen', objectType: 'risk', objectId: r.id, objectLabel: r.title, before: { ...r, status: 'closed' }, after: r })),
    ]);
    return counts;
  });
}
