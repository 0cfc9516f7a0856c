import type { z } from 'zod';
import { DomainError } from '../../../domain/errors.ts';
import { DEFAULT_MATRIX, validateMatrix, type RiskMatrix } from '../../../domain/risk/matrix.ts';
import { RULES, enabled, paramsOf, ruleOf, type RuleSettings } from '../../../domain/risk/signals/index.ts';
import type { RiskSettings, RiskSettingsInput } from '../../../shared/contracts/risks.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { riskSettingsPolicy } from './risks.policy.ts';
import * as repo from './risks.repo.ts';

/** The matrix and rule settings in force (defaults until set), for services that already asked their own policy. */
export async function settingsOf(ctx: Pick<Ctx, 'db' | 'actor'>): Promise<{ matrix: RiskMatrix; rules: RuleSettings }> {
  const s = await repo.findSettings(ctx.db, ctx.actor.orgId);
  return { matrix: (s?.matrix as RiskMatrix | undefined) ?? DEFAULT_MATRIX, rules: (s?.rules as RuleSettings | undefined) ?? {} };
}

function present(matrix: RiskMatrix, rules: RuleSettings): RiskSettings {
  return {
    matrix,
    rules: RULES.map((r) => {
      const p = paramsOf(r, rules);
      return { key: r.key, label: r.label, describe: r.describe, enabled: enabled(r, rules), params: Object.keys(r.defaults).map((k) => ({ key: k, label: r.paramLabels[k] ?? k, value: p[k], default: r.defaults[k] })) };
    }),
  };
}

export async function getRiskSettings(ctx: Ctx): Promise<RiskSettings> {
  riskSettingsPolicy.check(ctx.actor, 'read');
  const s = await settingsOf(ctx);
  return present(s.matrix, s.rules);
}

/**
 * Sets the matrix and the rules' on/off and thresholds. Risks keep their likelihood and
 * impact; a smaller matrix reads a cell beyond its edge as the edge (levelOf), and every
 * risk's stored residual level is worked out again by the caller (recomputeLevels).
 */
export async function updateRiskSettings(ctx: Ctx, input: z.output<typeof RiskSettingsInput>, recompute: (ctx: Ctx, m: RiskMatrix) => Promise<void>): Promise<RiskSettings> {
  riskSettingsPolicy.check(ctx.actor, 'update');
  const current = await settingsOf(ctx);
  let matrix = current.matrix;
  try {
    if (input.matrix) matrix = validateMatrix(input.matrix);
  } catch (err) {
    // The domain names the field within the matrix; the body names it under "matrix".
    const issue = err instanceof DomainError ? err.details?.issues?.[0] : undefined;
    if (issue) throw AppError.invalid(`matrix.${issue.path}`, issue.message);
    throw err;
  }
  const rules: RuleSettings = { ...current.rules };
  for (const [k, v] of Object.entries(input.rules ?? {})) {
    const rule = ruleOf(k);
    if (!rule) throw AppError.invalid(`rules.${k}`, `There is no signal rule "${k}".`);
    for (const p of Object.keys(v.params ?? {})) if (!(p in rule.defaults)) throw AppError.invalid(`rules.${k}.params.${p}`, `The rule "${rule.label}" has no setting "${p}".`);
    rules[k] = { enabled: v.enabled ?? rules[k]?.enabled, params: { ...(rules[k]?.params ?? {}), ...(v.params ?? {}) } };
  }
  await change(ctx, async (tx) => {
    const before = await repo.findSettings(tx.db, ctx.actor.orgId);
    const after = await repo.upsertSettings(tx.db, ctx.actor.orgId, { matrix, rules, updatedAt: ctx.now });
    if (input.matrix) await recompute({ ...ctx, db: tx.db }, matrix);
    await tx.audit({ action: 'risk_settings.update', objectType: 'risk_settings', objectId: ctx.actor.orgId, objectLabel: 'Risk settings', before, after });
  });
  return present(matrix, rules);
}
