import type { z } from 'zod';
import { scaled } from '../../../domain/risk/matrix.ts';
import { evaluate, fingerprintOf, reconcile, type Facts, type Signal } from '../../../domain/risk/signals/index.ts';
import type { EvaluateResult, SignalListQuery } from '../../../shared/contracts/risks.ts';
import type { Ctx } from '../../context.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { coreFacts } from './facts/core.ts';
import { FACT_SOURCES } from './facts/index.ts';
import { riskPolicy, riskViewsPolicy } from './risks.policy.ts';
import { presentSignal } from './risks.presenter.ts';
import * as repo from './risks.repo.ts';
import { insertRiskIn } from './risks.service.ts';
import { settingsOf } from './settings.ts';

/** The snapshot of facts, source by source; a source that fails is named and its rules are left alone. */
export async function gatherFacts(ctx: Ctx) {
  const settings = await settingsOf(ctx);
  const core = await coreFacts(ctx);
  const facts: Facts = { ...core, evidence: [], reviews: [], findings: [], sla: [], gaps: [], exit: [], budgets: [], credits: [] };
  const skipped = new Set<string>();
  const sources: Array<{ name: string; ok: boolean; note: string | null }> = [];
  for (const source of FACT_SOURCES) {
    try {
      Object.assign(facts, await source.gather(ctx, core, settings.rules));
      sources.push({ name: source.name, ok: true, note: null });
    } catch (err) {
      ctx.log.warn({ err, source: source.name }, 'risk signal facts could not be read');
      for (const r of source.rules) skipped.add(r);
      sources.push({ name: source.name, ok: false, note: 'Could not be read; its signals were left as they were.' });
    }
  }
  return { facts, settings, skipped, sources, businessServices: core.businessServices };
}

const stored = (s: repo.RiskSignalRow) => ({ rule: s.rule, subjectKey: s.subjectKey, active: s.status === 'active', fingerprint: s.fingerprint });

/**
 * Evaluates every rule over the facts and writes only what changed: a new signal opens a
 * risk, a changed or returning one is updated (a closed risk it returns to is reopened), a
 * fact that cleared marks its signal cleared and leaves the risk for a person to close.
 * Each write locks its signal and looks again, so two servers evaluating at once write each
 * change once; the unique key (organisation, rule, subject) makes a duplicate impossible.
 */
export async function runEvaluation(ctx: Ctx): Promise<z.output<typeof EvaluateResult>> {
  const { facts, settings, skipped, sources } = await gatherFacts(ctx);
  const current = evaluate(facts, settings.rules).filter((s) => !skipped.has(s.rule));
  const before = (await repo.signalsOf(ctx.db, ctx.actor.orgId)).filter((s) => !skipped.has(s.rule));
  const plan = reconcile(before.map(stored), current);
  let raised = 0;
  let updated = 0;
  let cleared = 0;
  // A risk a signal opens is owned by its vendor's internal owner.
  const owners = new Map(facts.vendors.map((v) => [v.id, v.ownerId ?? null]));
  for (const s of [...plan.raise, ...plan.update]) {
    const r = await writeSignal(ctx, s, settings.matrix, s.vendorId ? (owners.get(s.vendorId) ?? null) : null);
    if (r === 'raised') raised++;
    if (r === 'updated') updated++;
  }
  for (const s of plan.clear) if (await clearSignal(ctx, s.rule, s.subjectKey)) cleared++;
  return { raised, updated, cleared, active: current.length, sources };
}

async function writeSignal(ctx: Ctx, s: Signal, matrix: Awaited<ReturnType<typeof settingsOf>>['matrix'], ownerId: string | null): Promise<'raised' | 'updated' | null> {
  const fingerprint = fingerprintOf(s);
  return change(ctx, async (tx) => {
    const claimed = await repo.claimSignal(tx.db, {
      orgId: ctx.actor.orgId,
      rule: s.rule,
      subjectKey: s.subjectKey,
      status: 'active',
      title: s.title,
      detail: s.detail,
      fingerprint,
      evidence: s.evidence,
      raisedAt: ctx.now,
      updatedAt: ctx.now,
    });
    if (claimed) {
      const likelihood = scaled(matrix, s.likelihood);
      const impact = scaled(matrix, s.impact);
      const risk = await insertRiskIn(
        tx,
        matrix,
        {
          title: s.title,
          description: s.detail,
          category: s.category,
          vendorId: s.vendorId,
          engagementId: s.engagementId,
          findingId: s.findingId,
          ownerId,
          inherentLikelihood: likelihood,
          inherentImpact: impact,
          residualLikelihood: likelihood,
          residualImpact: impact,
          source: 'signal',
        },
        'Raised by a signal',
      );
      await repo.updateSignal(tx.db, ctx.actor.orgId, claimed.id, { riskId: risk.id });
      await tx.audit({ action: 'risk_signal.raise', objectType: 'risk_signal', objectId: claimed.id, objectLabel: s.title, after: { ...claimed, riskId: risk.id } });
      return 'raised';
    }
    // It exists: look again under its lock (another server may have written the same already).
    const old = (await repo.lockSignal(tx.db, ctx.actor.orgId, s.rule, s.subjectKey))!;
    if (old.status === 'active' && old.fingerprint === fingerprint) return null;
    const after = { status: 'active', title: s.title, detail: s.detail, fingerprint, evidence: s.evidence, updatedAt: ctx.now, clearedAt: null };
    await repo.updateSignal(tx.db, ctx.actor.orgId, old.id, after);
    if (old.status !== 'active' && old.riskId) {
      const risk = await repo.lockRisk(tx.db, ctx.actor.orgId, old.riskId);
      if (risk?.status === 'closed') {
        const reopened = await repo.updateRisk(tx.db, ctx.actor.orgId, risk.id, { status: 'open', closedAt: null, updatedAt: ctx.now });
        await tx.audit({ action: 'risk.reopen', objectType: 'risk', objectId: risk.id, objectLabel: risk.title, before: risk, after: reopened });
      }
    }
    await tx.audit({ action: old.status === 'active' ? 'risk_signal.update' : 'risk_signal.raise', objectType: 'risk_signal', objectId: old.id, objectLabel: s.title, before: old, after: { ...old, ...after } });
    return 'updated';
  });
}

async function clearSignal(ctx: Ctx, rule: string, subjectKey: string): Promise<boolean> {
  return change(ctx, async (tx) => {
    const old = await repo.lockSignal(tx.db, ctx.actor.orgId, rule, subjectKey);
    if (!old || old.status !== 'active') return false;
    const after = { status: 'cleared', clearedAt: ctx.now, updatedAt: ctx.now };
    await repo.updateSignal(tx.db, ctx.actor.orgId, old.id, after);
    await tx.audit({ action: 'risk_signal.clear', objectType: 'risk_signal', objectId: old.id, objectLabel: old.title, before: old, after: { ...old, ...after } });
    return true;
  });
}

/** "Evaluate now": the same evaluation the schedule runs. */
export async function evaluateSignals(ctx: Ctx) {
  riskViewsPolicy.check(ctx.actor, 'evaluate');
  return runEvaluation(ctx);
}

export async function listSignals(ctx: Ctx, q: z.output<typeof SignalListQuery>) {
  riskPolicy.check(ctx.actor, 'list');
  const f = { active: q.active === undefined ? undefined : q.active === 'true', rule: q.rule };
  return keysetPage(q, repo.signalSort, (after, limit) => repo.listSignals(ctx.db, ctx.actor.orgId, f, after, limit), presentSignal);
}
