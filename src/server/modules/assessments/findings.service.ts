import type { z } from 'zod';
import type { FindingInput, FindingUpdate } from '../../../shared/contracts/due-diligence.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/record.ts';
import { checkInternalOwner } from '../vendors/vendors.service.ts';
import * as repo from './assessments.repo.ts';
import { toFinding } from './assessments.view.ts';

export async function listFindings(ctx: Ctx, f: { vendorId?: string; status?: string }) {
  return (await repo.listFindings(ctx.db, ctx.actor.orgId, f)).map(toFinding);
}

async function findingById(ctx: Ctx, id: string) {
  const [r] = await repo.listFindings(ctx.db, ctx.actor.orgId, { id });
  if (!r) throw AppError.notFound('The finding');
  return toFinding(r);
}

/** Turns a weak answer into a finding with severity, owner, due date and remediation status. */
export async function raiseFinding(ctx: Ctx, assessmentId: string, input: z.output<typeof FindingInput>) {
  await checkInternalOwner(ctx.db, ctx.actor.orgId, input.ownerId);
  const id = await ctx.db.transaction(async (tx) => {
    const a = await repo.findAssessment(tx, ctx.actor.orgId, assessmentId, true);
    if (!a) throw AppError.notFound('The assessment');
    if (input.questionId) {
      const answer = (await repo.listAnswers(tx, assessmentId)).find((r) => r.questionId === input.questionId);
      if (!answer) throw AppError.invalid('questionId', 'This question has no answer to raise a finding on.');
      await repo.setReviewStatus(tx, assessmentId, input.questionId, 'finding', ctx.now);
    }
    const f = await repo.insertFinding(tx, {
      orgId: ctx.actor.orgId,
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
    await recordAudit(tx, ctx, { action: 'finding.create', objectType: 'finding', objectId: f.id, after: f });
    return f.id;
  });
  return findingById(ctx, id);
}

export async function updateFinding(ctx: Ctx, id: string, input: z.output<typeof FindingUpdate>) {
  await checkInternalOwner(ctx.db, ctx.actor.orgId, input.ownerId);
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findFinding(tx, ctx.actor.orgId, id);
    if (!before) throw AppError.notFound('The finding');
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const after = await repo.updateFinding(tx, ctx.actor.orgId, id, { ...patch, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'finding.update', objectType: 'finding', objectId: id, before, after });
  });
  return findingById(ctx, id);
}
