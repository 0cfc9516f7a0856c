import type { z } from 'zod';
import { evaluate, type Facts } from '../../../domain/risk/signals/index.ts';
import type { EvaluateResult, SignalListQuery } from '../../../shared/contracts/risks.ts';
import type { Ctx } from '../../context.ts';
import { keysetPage } from '../../paging.ts';
import { coreFacts } from './facts/core.ts';
import { FACT_SOURCES } from './facts/index.ts';
import { riskPolicy, riskViewsPolicy } from './risks.policy.ts';
import { presentSignal } from './risks.presenter.ts';
import * as repo from './risks.repo.ts';
import { settingsOf } from './settings.ts';
import { writeEvaluation } from './signals-write.ts';

/**
 * The snapshot of facts, source by source; a source that fails is named and its rules are
 * left alone. The sources read at the same time: each waits on the database for part of
 * its read, and at 50,000 engagements one after another cost about a second more.
 * `ms` is each source's own time, for the benchmark.
 */
export async function gatherFacts(ctx: Ctx) {
  const settings = await settingsOf(ctx);
  const started = performance.now();
  const core = await coreFacts(ctx);
  const ms: Record<string, number> = { core: performance.now() - started };
  const facts: Facts = { ...core, evidence: [], reviews: [], findings: [], sla: [], gaps: [], exit: [], budgets: [], credits: [] };
  const skipped = new Set<string>();
  const results = await Promise.all(
    FACT_SOURCES.map(async (source) => {
      const t0 = performance.now();
      try {
        return { source, ok: true as const, value: await source.gather(ctx, core, settings.rules) };
      } catch (err) {
        ctx.log.warn({ err, source: source.name }, 'risk signal facts could not be read');
        return { source, ok: false as const, value: {} };
      } finally {
        ms[source.name] = performance.now() - t0;
      }
    }),
  );
  const sources: Array<{ name: string; ok: boolean; note: string | null }> = [];
  for (const r of results) {
    // In the sources' order, so a later source's slice wins as it always did.
    Object.assign(facts, r.value);
    if (!r.ok) for (const rule of r.source.rules) skipped.add(rule);
    sources.push({ name: r.source.name, ok: r.ok, note: r.ok ? null : 'Could not be read; its signals were left as they were.' });
  }
  return { facts, settings, skipped, sources, businessServices: core.businessServices, ms };
}

/**
 * Evaluates every rule over the facts and writes only what changed: a new signal opens a
 * risk, a changed or returning one is updated (a closed risk it returns to is reopened), a
 * fact that cleared marks its signal cleared and leaves the risk for a person to close.
 * The facts are read outside the transaction; the writes are one transaction of a few
 * set-based statements (signals.repo.ts) under a per-organisation lock, compared with the
 * signals as stored under that lock, so two servers evaluating at once write each change
 * once and the unique key (organisation, rule, subject) makes a duplicate impossible.
 */
export async function runEvaluation(ctx: Ctx): Promise<z.output<typeof EvaluateResult>> {
  const { facts, settings, skipped, sources } = await gatherFacts(ctx);
  const current = evaluate(facts, settings.rules).filter((s) => !skipped.has(s.rule));
  // A risk a signal opens is owned by its vendor's internal owner.
  const owners = new Map(facts.vendors.map((v) => [v.id, v.ownerId ?? null]));
  const counts = await writeEvaluation(ctx, current, skipped, settings.matrix, owners);
  return { ...counts, active: current.length, sources };
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
