import type { Fragment } from '../../db/fragment.ts';
import type { z } from 'zod';
import { validatePolicy, type SlaPolicy as EnginePolicy } from '../../../domain/sla/policy.ts';
import type { PageQuery } from '../../../shared/contracts/common.ts';
import type { SlaPolicy, SlaPolicyInput } from '../../../shared/contracts/sla.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { referenceCalendar } from '../calendars/calendars.public.ts';
import { requireEngagement } from '../engagements/engagements.public.ts';
import { slaPolicyPolicy } from './sla-policies.policy.ts';
import { presentSlaPolicy, type Definition } from './sla-policies.presenter.ts';
import * as repo from './sla-policies.repo.ts';

/** The engine's policy object for a stored row: the calendar id is the row's. */
export function enginePolicy(row: repo.SlaPolicyRow): EnginePolicy {
  return { ...(row.definition as Definition), calendarId: row.calendarId };
}

/**
 * The id or the calendar of the policy in force (or `version`) as a scalar subquery, for a
 * reader that gathers what it depends on in one round trip (the SLA report's cache key).
 * The caller has already been allowed to read the engagement.
 */
export function policyInForceSql(ctx: Ctx, engagementId: string, version: number | undefined, column: 'id' | 'calendarId'): Fragment<string | null> {
  slaPolicyPolicy.check(ctx.actor, 'read');
  return repo.policyColumnSql(ctx.actor.orgId, engagementId, version, column);
}

/**
 * The stored policy of an engagement the caller may read: the one in force, or version
 * `version`. Not found when the engagement has none (yet), or no such version.
 */
export async function findPolicyRow(ctx: Ctx, engagementId: string, version?: number): Promise<repo.PolicyWithAuthor> {
  slaPolicyPolicy.check(ctx.actor, 'read');
  await requireEngagement(ctx, 'read', engagementId);
  const found = await repo.findPolicy(ctx.db, ctx.actor.orgId, engagementId, version);
  if (!found) throw AppError.notFound(version ? `Version ${version} of the SLA policy` : 'The SLA policy of this engagement');
  slaPolicyPolicy.authorize(ctx.actor, 'read', found.policy);
  return found;
}

export async function getPolicy(ctx: Ctx, engagementId: string, version?: number): Promise<SlaPolicy> {
  return presentSlaPolicy(await findPolicyRow(ctx, engagementId, version));
}

/** Every version of an engagement's policy, newest first. */
export async function listPolicyVersions(ctx: Ctx, engagementId: string, q: z.output<typeof PageQuery>) {
  slaPolicyPolicy.check(ctx.actor, 'list');
  await requireEngagement(ctx, 'read', engagementId);
  return keysetPage(q, repo.VERSION_SORT, (after, limit) => repo.listPolicyVersions(ctx.db, ctx.actor.orgId, engagementId, after, limit), presentSlaPolicy);
}

/**
 * The policies in force of these engagements, those that have one (all of the
 * organisation's when null): one query, for views across engagements. The caller names
 * engagements it has already been allowed to see; rows are the organisation's only.
 */
export async function currentPolicies(ctx: Ctx, engagementIds: readonly string[] | null): Promise<repo.SlaPolicyRow[]> {
  slaPolicyPolicy.check(ctx.actor, 'list');
  return repo.currentPolicies(ctx.db, ctx.actor.orgId, engagementIds);
}

/**
 * Saves a new version of the engagement's SLA policy. Older versions stay, so earlier
 * reports can be reproduced; every report and ticket list is measured under the version
 * asked for, so the change applies to all tickets at once.
 */
export async function savePolicy(ctx: Ctx, engagementId: string, input: z.output<typeof SlaPolicyInput>): Promise<SlaPolicy> {
  slaPolicyPolicy.check(ctx.actor, 'save');
  await requireEngagement(ctx, 'read', engagementId);
  const { calendarId, ...definition } = input;
  const problems = validatePolicy({ ...definition, calendarId } as EnginePolicy);
  if (problems.length) {
    throw new AppError('validation_failed', 'The SLA policy is not valid.', { issues: problems.map((p) => ({ path: p.split(':')[0], message: p.split(': ').slice(1).join(': ') || p })) });
  }
  await referenceCalendar(ctx, calendarId);
  const row = await change(ctx, async (tx) => {
    await repo.lockPolicyVersions(tx.db, engagementId);
    const before = await repo.findPolicy(tx.db, ctx.actor.orgId, engagementId);
    const r = await repo.insertPolicy(tx.db, {
      orgId: ctx.actor.orgId,
      engagementId,
      version: (before?.policy.version ?? 0) + 1,
      calendarId,
      definition,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
    });
    await tx.audit({ action: 'sla_policy.save', objectType: 'engagement', objectId: engagementId, before: before?.policy ?? null, after: r });
    return r;
  });
  return presentSlaPolicy({ policy: row, createdByName: ctx.actor.name });
}

/** A fingerprint of the organisation's SLA policies: it changes with any write to them (a view keyed by what it read). */
export function policyRowVersionsSql(ctx: Ctx): Fragment<string> {
  slaPolicyPolicy.check(ctx.actor, 'list');
  return repo.policyRowVersionsSql(ctx.actor.orgId);
}
