import type { z } from 'zod';
import type { Finding, FindingInput, FindingListQuery, FindingUpdate } from '../../../shared/contracts/due-diligence.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { referenceInternalUser } from '../users/users.public.ts';
import { assessmentPolicy, findingPolicy } from './assessments.policy.ts';
import { presentFinding } from './assessments.presenter.ts';
import * as repo from './assessments.repo.ts';

const CLOSED = new Set(['resolved', 'accepted_risk']);

/**
 * A vendor's findings with a due date from `from` to `to` (inclusive), each with the day it
 * closed (resolved or accepted as a risk; in UTC), for the governance scorecard's "findings
 * closed in time". A finding closed before the closing day was recorded stands on its last update.
 */
export async function findingsDueBetween(ctx: Ctx, vendorId: string, from: string, to: string): Promise<{ id: string; title: string; dueDate: string; status: string; closedOn: string | null }[]> {
  findingPolicy.check(ctx.actor, 'list');
  const rows = await repo.findingsDueBetween(ctx.db, ctx.actor.orgId, vendorId, from, to);
  return rows.map((f) => ({ id: f.id, title: f.title, dueDate: f.dueDate!, status: f.status, closedOn: CLOSED.has(f.status) ? (f.closedAt ?? f.updatedAt).toISOString().slice(0, 10) : null }));
}

/** One page of findings across vendors, newest first. */
export async function listFindings(ctx: Ctx, q: z.output<typeof FindingListQuery>) {
  findingPolicy.check(ctx.actor, 'list');
  const f = { vendorId: q.vendorId, status: q.status ? [q.status] : undefined };
  return keysetPage(q, repo.FINDING_SORT, (after, limit) => repo.listFindings(ctx.db, ctx.actor.orgId, f, after, limit), presentFinding);
}

export async function getFinding(ctx: Ctx, id: string): Promise<Finding> {
  const found = await repo.findFinding(ctx.db, ctx.actor.orgId, id);
  findingPolicy.authorize(ctx.actor, 'read', found?.finding);
  return presentFinding(found!);
}

/** A finding id inside another module's body (a risk's link): the finding if the actor may read it, else an invalid field. */
export async function referenceFinding(ctx: Ctx, id: string, field = 'findingId') {
  const found = await repo.findFinding(ctx.db, ctx.actor.orgId, id);
  const f = findingPolicy.reference(ctx.actor, 'read', found?.finding, field, 'Choose a finding of your organisation.');
  return { id: f.id, vendorId: f.vendorId, title: f.title };
}

/** Turns a weak answer into a finding with severity, owner, due date and remediation status. */
export async function raiseFinding(ctx: Ctx, assessmentId: string, input: z.output<typeof FindingInput>): Promise<Finding> {
  assessmentPolicy.check(ctx.actor, 'raiseFinding');
  if (input.ownerId) await referenceInternalUser(ctx, input.ownerId, 'ownerId');
  const orgId = ctx.actor.orgId;
  const id = await change(ctx, async (tx) => {
    const a = assessmentPolicy.authorize(ctx.actor, 'raiseFinding', await repo.lockAssessment(tx.db, orgId, assessmentId));
    if (input.questionId) {
      const marked = await repo.setReviewStatus(tx.db, orgId, assessmentId, [input.questionId], 'finding', ctx.now);
      if (marked.length === 0) throw AppError.invalid('questionId', 'This question has no answer to raise a finding on.');
    }
    const f = await repo.insertFinding(tx.db, {
      orgId,
      vendorId: a.vendorId,
      assessmentId,
      questionId: input.questionId ?? null,
      title: input.title,
      description: input.description ?? null,
      severity: input.severity,
      ownerId: input.ownerId ?? null,
      dueDate: input.dueDate ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await tx.audit({ action: 'finding.create', objectType: 'finding', objectId: f.id, after: f });
    return f.id;
  });
  return getFinding(ctx, id);
}

export async function updateFinding(ctx: Ctx, id: string, input: z.output<typeof FindingUpdate>): Promise<Finding> {
  findingPolicy.check(ctx.actor, 'update');
  if (input.ownerId) await referenceInternalUser(ctx, input.ownerId, 'ownerId');
  await change(ctx, async (tx) => {
    const before = findingPolicy.authorize(ctx.actor, 'update', await repo.lockFinding(tx.db, ctx.actor.orgId, id));
    const patch: Partial<repo.FindingRow> = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    // When it closed: set as it moves to resolved or accepted, cleared if it is reopened (the governance scorecard reads it).
    if (input.status && CLOSED.has(input.status) !== CLOSED.has(before.status)) patch.closedAt = CLOSED.has(input.status) ? ctx.now : null;
    const after = await repo.updateFinding(tx.db, ctx.actor.orgId, id, { ...patch, updatedAt: ctx.now });
    await tx.audit({ action: 'finding.update', objectType: 'finding', objectId: id, before, after });
  });
  return getFinding(ctx, id);
}

/** Findings still being worked on, newest first, at most `cap`; `truncated` when there were more. */
/**
 * Every open finding, uncut: a signal rule that saw only the first 500 would clear the
 * signals of the rest as if they had been resolved.
 */
export async function allOpenFindings(ctx: Ctx): Promise<Finding[]> {
  findingPolicy.check(ctx.actor, 'list');
  return (await repo.allOpenFindings(ctx.db, ctx.actor.orgId)).map(presentFinding);
}

export async function openFindingsForOverview(ctx: Ctx, cap: number): Promise<{ items: Finding[]; truncated: boolean }> {
  findingPolicy.check(ctx.actor, 'list');
  const rows = await repo.listFindings(ctx.db, ctx.actor.orgId, { status: ['open', 'in_progress'] }, null, cap + 1);
  return { items: rows.slice(0, cap).map(presentFinding), truncated: rows.length > cap };
}
