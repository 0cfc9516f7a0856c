import type { z } from 'zod';
import { civilDateIn } from '../../../domain/civil-date.ts';
import { DEFAULT_WEIGHTS, FACTORS, validateWeights, type Weights } from '../../../domain/exit/readiness.ts';
import { BUILTIN_STEPS, BUILTIN_TRIGGERS, type TemplateStep, type Trigger } from '../../../domain/exit/template.ts';
import type { ExitSettings, ExitSettingsInput } from '../../../shared/contracts/exit.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { exitSettingsPolicy } from './exit.policy.ts';
import * as repo from './exit.repo.ts';

export const DEFAULT_THRESHOLD = 50;
/** The organisation's today (UTC, like the dashboard, until organisations have a zone). */
export const todayOf = (ctx: Ctx) => civilDateIn(ctx.now, 'UTC');

export interface SettingsInForce {
  steps: TemplateStep[];
  stepsAreBuiltin: boolean;
  triggers: Trigger[];
  weights: Weights;
  weightsAreDefault: boolean;
  threshold: number;
}

/** The template, weights and threshold in force (built-in until the organisation sets its own), for services that already asked their policy. */
export async function settingsOf(ctx: Ctx): Promise<SettingsInForce> {
  const s = await repo.findSettings(ctx.db, ctx.actor.orgId);
  const weights = s?.weights ? (Object.fromEntries(FACTORS.map((k) => [k, s.weights![k] ?? 0])) as Weights) : DEFAULT_WEIGHTS;
  return {
    steps: s?.steps ?? BUILTIN_STEPS.map((x) => ({ ...x })),
    stepsAreBuiltin: !s?.steps,
    triggers: (s?.triggers as Trigger[] | null) ?? [...BUILTIN_TRIGGERS],
    weights,
    weightsAreDefault: !s?.weights,
    threshold: s?.threshold ?? DEFAULT_THRESHOLD,
  };
}

/** Step keys from titles where none is given ("Hand over the keys" → hand_over_the_keys), unique within the plan. */
export function keyedSteps(steps: ReadonlyArray<{ key?: string; title: string; owner: 'us' | 'vendor'; offsetDays: number; evidence?: string | null }>, field = 'steps'): TemplateStep[] {
  const seen = new Set<string>();
  return steps.map((s, i) => {
    let key = s.key || s.title.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40) || `step_${i + 1}`;
    if (!/^[a-z]/.test(key)) key = `step_${key}`;
    if (seen.has(key)) {
      if (s.key) throw AppError.invalid(`${field}.${i}.key`, `Two steps share the key "${key}"; give each step its own.`);
      key = `${key}_${i + 1}`;
    }
    seen.add(key);
    return { key, title: s.title, owner: s.owner, offsetDays: s.offsetDays, evidence: s.evidence ?? '' };
  });
}

export async function getExitSettings(ctx: Ctx): Promise<ExitSettings> {
  exitSettingsPolicy.check(ctx.actor, 'read');
  return settingsOf(ctx);
}

/** Sets the organisation's own template, weights or threshold; null puts the built-in one back. */
export async function updateExitSettings(ctx: Ctx, input: z.output<typeof ExitSettingsInput>): Promise<ExitSettings> {
  exitSettingsPolicy.check(ctx.actor, 'update');
  if (input.weights) validateWeights(input.weights);
  const steps = input.steps ? keyedSteps(input.steps) : input.steps;
  await change(ctx, async (tx) => {
    const before = await repo.findSettings(tx.db, ctx.actor.orgId);
    const after = await repo.upsertSettings(tx.db, ctx.actor.orgId, {
      steps: steps === undefined ? (before?.steps ?? null) : steps,
      triggers: input.triggers === undefined ? (before?.triggers ?? null) : input.triggers,
      weights: input.weights === undefined ? (before?.weights ?? null) : input.weights,
      threshold: input.threshold ?? before?.threshold ?? DEFAULT_THRESHOLD,
      updatedAt: ctx.now,
    });
    await tx.audit({ action: 'exit_settings.update', objectType: 'exit_settings', objectId: ctx.actor.orgId, objectLabel: 'Exit settings', before, after });
  });
  return settingsOf(ctx);
}
