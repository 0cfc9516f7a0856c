import type { z } from 'zod';
import { civilDateIn } from '../../../domain/civil-date.ts';
import { fiscalYearLabel, fiscalYearOf } from '../../../domain/costs/fiscal.ts';
import type { CostSettings, CostSettingsInput } from '../../../shared/contracts/costs.ts';
import type { Ctx } from '../../context.ts';
import { change } from '../audit/audit.public.ts';
import { costSettingsPolicy } from './costs.policy.ts';
import * as repo from './costs.repo.ts';

export const DEFAULT_SETTINGS = { fiscalYearStartMonth: 1, baseCurrency: 'EUR', forecastThresholdPct: 10 };
/** The organisation's today (UTC, like the dashboard, until organisations have a zone). */
export const todayOf = (ctx: Ctx) => civilDateIn(ctx.now, 'UTC');

/** The settings in force (defaults until set), for services that already asked their own policy. */
export async function settingsOf(ctx: Ctx) {
  const s = await repo.findSettings(ctx.db, ctx.actor.orgId);
  return {
    fiscalYearStartMonth: s?.fiscalYearStartMonth ?? DEFAULT_SETTINGS.fiscalYearStartMonth,
    baseCurrency: s?.baseCurrency ?? DEFAULT_SETTINGS.baseCurrency,
    forecastThresholdPct: s?.forecastThresholdPct ?? DEFAULT_SETTINGS.forecastThresholdPct,
  };
}

export async function getCostSettings(ctx: Ctx): Promise<CostSettings> {
  costSettingsPolicy.check(ctx.actor, 'read');
  const s = await settingsOf(ctx);
  const year = fiscalYearOf(todayOf(ctx), s.fiscalYearStartMonth);
  return { ...s, currentFiscalYear: year, currentFiscalYearLabel: fiscalYearLabel(year, s.fiscalYearStartMonth) };
}

/** Sets the month the fiscal year starts in and the base currency. Budgets keep their twelve amounts; they are read in the new fiscal months. */
export async function updateCostSettings(ctx: Ctx, input: z.output<typeof CostSettingsInput>): Promise<CostSettings> {
  costSettingsPolicy.check(ctx.actor, 'update');
  await change(ctx, async (tx) => {
    const before = await repo.findSettings(tx.db, ctx.actor.orgId);
    const after = await repo.upsertSettings(tx.db, ctx.actor.orgId, { ...input, forecastThresholdPct: input.forecastThresholdPct ?? before?.forecastThresholdPct ?? DEFAULT_SETTINGS.forecastThresholdPct, updatedAt: ctx.now });
    await tx.audit({ action: 'cost_settings.update', objectType: 'cost_settings', objectId: ctx.actor.orgId, objectLabel: 'Cost settings', before, after });
  });
  return getCostSettings(ctx);
}
