import type { z } from 'zod';
import type { ContractSettingsInput } from '../../../shared/contracts/contracts.ts';
import type { Ctx } from '../../context.ts';
import { change } from '../audit/audit.public.ts';
import { calendarsByIds, referenceCalendar } from '../calendars/calendars.public.ts';
import { DEFAULT_LEAD_DAYS, DEFAULT_REMINDER_OFFSETS } from './contracts.dates.ts';
import { contractSettingsPolicy } from './contracts.policy.ts';
import * as repo from './contracts.repo.ts';

export async function getContractSettings(ctx: Ctx) {
  contractSettingsPolicy.check(ctx.actor, 'read');
  const s = await repo.findSettings(ctx.db, ctx.actor.orgId);
  const calendar = s?.calendarId ? ((await calendarsByIds(ctx, [s.calendarId]))[0] ?? null) : null;
  return {
    leadDays: s?.leadDays ?? DEFAULT_LEAD_DAYS,
    reminderOffsets: [...(s?.reminderOffsets ?? DEFAULT_REMINDER_OFFSETS)].sort((a, b) => b - a),
    calendarId: calendar?.id ?? null,
    calendarName: calendar?.name ?? null,
  };
}

/** Sets the lead time, the reminder offsets and the calendar whose business days decide-by dates fall on. */
export async function updateContractSettings(ctx: Ctx, input: z.output<typeof ContractSettingsInput>) {
  contractSettingsPolicy.check(ctx.actor, 'update');
  if (input.calendarId) await referenceCalendar(ctx, input.calendarId, 'calendarId');
  await change(ctx, async (tx) => {
    const before = await repo.findSettings(tx.db, ctx.actor.orgId);
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const after = await repo.upsertSettings(tx.db, ctx.actor.orgId, { ...patch, updatedAt: ctx.now });
    await tx.audit({ action: 'contract_settings.update', objectType: 'contract_settings', objectId: ctx.actor.orgId, objectLabel: 'Contract settings', before, after });
  });
  return getContractSettings(ctx);
}
