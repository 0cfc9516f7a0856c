import type { z } from 'zod';
import type { SlaPolicy, SlaPolicyInput } from '../../../shared/contracts/sla.ts';
import { validatePolicy, type SlaPolicy as EnginePolicy } from '../../../domain/sla/policy.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/record.ts';
import { findCalendar } from '../calendars/calendars.repo.ts';
import { findEngagement, lockEngagement } from '../engagements/engagements.repo.ts';
import * as repo from './sla-policies.repo.ts';

type Definition = Omit<EnginePolicy, 'calendarId'>;

export function toSlaPolicy(r: { policy: repo.SlaPolicyRow; createdByName: string | null }): SlaPolicy {
  const d = r.policy.definition as Definition;
  return {
    ...(d as unknown as z.output<typeof SlaPolicyInput>),
    calendarId: r.policy.calendarId,
    id: r.policy.id,
    engagementId: r.policy.engagementId,
    version: r.policy.version,
    createdAt: r.policy.createdAt.toISOString(),
    createdByName: r.createdByName,
  };
}

/** The engine's policy object for a stored row: the calendar id is the row's. */
export function enginePolicy(row: repo.SlaPolicyRow): EnginePolicy {
  return { ...(row.definition as Definition), calendarId: row.calendarId };
}

async function requireEngagement(ctx: Ctx, engagementId: string) {
  if (!(await findEngagement(ctx.db, ctx.actor.orgId, engagementId))) throw AppError.notFound('The engagement');
}

export async function getPolicy(ctx: Ctx, engagementId: string, version?: number): Promise<SlaPolicy> {
  await requireEngagement(ctx, engagementId);
  const r = await repo.findPolicy(ctx.db, ctx.actor.orgId, engagementId, version);
  if (!r) throw AppError.notFound(version ? `Version ${version} of the SLA policy` : 'The SLA policy of this engagement');
  return toSlaPolicy(r);
}

export async function listPolicyVersions(ctx: Ctx, engagementId: string): Promise<SlaPolicy[]> {
  await requireEngagement(ctx, engagementId);
  return (await repo.listPolicyVersions(ctx.db, ctx.actor.orgId, engagementId)).map(toSlaPolicy);
}

/**
 * Saves a new version of the engagement's SLA policy. Older versions stay, so earlier
 * reports can be reproduced; every report and ticket list is computed from the tickets
 * under the version asked for, so the change applies to all tickets at once.
 */
export async function savePolicy(ctx: Ctx, engagementId: string, input: z.output<typeof SlaPolicyInput>): Promise<SlaPolicy> {
  await requireEngagement(ctx, engagementId);
  const { calendarId, ...definition } = input;
  const problems = validatePolicy({ ...definition, calendarId } as EnginePolicy);
  if (problems.length) {
    throw new AppError('validation_failed', 'The SLA policy is not valid.', { issues: problems.map((p) => ({ path: p.split(':')[0], message: p.split(': ').slice(1).join(': ') || p })) });
  }
  if (!(await findCalendar(ctx.db, ctx.actor.orgId, calendarId))) throw AppError.invalid('calendarId', 'Choose one of your calendars.');
  const row = await ctx.db.transaction(async (tx) => {
    // Serialise concurrent edits of one engagement's policy: versions must not collide.
    if (!(await lockEngagement(tx, ctx.actor.orgId, engagementId))) throw AppError.notFound('The engagement');
    const before = await repo.findPolicy(tx, ctx.actor.orgId, engagementId);
    const r = await repo.insertPolicy(tx, {
      orgId: ctx.actor.orgId,
      engagementId,
      version: (before?.policy.version ?? 0) + 1,
      calendarId,
      definition,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
    });
    await recordAudit(tx, ctx, { action: 'sla_policy.save', objectType: 'engagement', objectId: engagementId, before: before?.policy ?? null, after: r });
    return r;
  });
  return toSlaPolicy({ policy: row, createdByName: ctx.actor.name });
}
