import type { z } from 'zod';
import { addDays } from '../../../domain/civil-date.ts';
import type { PlanInput, PlanUpdate, PortalStep, StepUpdate } from '../../../shared/contracts/exit.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change, type TxCtx } from '../audit/audit.public.ts';
import { attachmentHeader, cleanFileName, openStored, removeStored, storeUpload, type UploadedFile } from '../evidence/evidence.public.ts';
import { listEngagements, requireEngagement, updateEngagement } from '../engagements/engagements.public.ts';
import { referenceInternalUser } from '../users/users.public.ts';
import { updateVendor } from '../vendors/vendors.public.ts';
import { planPolicy, stepFilePolicy, stepPolicy } from './exit.policy.ts';
import { filesByStep, presentPortalStep } from './exit.presenter.ts';
import * as repo from './exit.repo.ts';
import { snapshotReadiness } from './readiness.ts';
import { keyedSteps, settingsOf, todayOf } from './settings.ts';
import { defined } from '../../defined.ts';

/** The key of the step after which every vendor account still open is revoked. */
const REVOKE_STEP = 'revoke_accounts';

function checkBudget(input: { budgetMinor?: number | null; currency?: string | null }, before?: repo.PlanRow) {
  const budget = input.budgetMinor !== undefined ? input.budgetMinor : (before?.budgetMinor ?? null);
  const currency = input.currency !== undefined ? input.currency : (before?.currency ?? null);
  if (budget !== null && !currency) throw AppError.invalid('currency', 'Give the currency of the budget (such as EUR).');
}

function checkTarget(input: { target?: string; alternativeName?: string | null }, before?: repo.PlanRow) {
  const target = input.target ?? before?.target ?? 'in_house';
  const name = input.alternativeName !== undefined ? input.alternativeName : (before?.alternativeName ?? null);
  if (target === 'vendor' && !name) throw AppError.invalid('alternativeName', 'Name the vendor the service would move to.');
}

async function checkOwners(ctx: Ctx, steps: ReadonlyArray<{ ownerUserId?: string | null }>) {
  for (const [i, s] of steps.entries()) if (s.ownerUserId) await referenceInternalUser(ctx, s.ownerUserId, `steps.${i}.ownerUserId`);
}

const stepRows = (ctx: Ctx, plan: repo.PlanRow, steps: ReadonlyArray<{ key: string; title: string; owner: string; offsetDays: number; evidence: string; ownerUserId?: string | null }>) =>
  steps.map((s, position) => ({ orgId: ctx.actor.orgId, vendorId: plan.vendorId, planId: plan.id, position, key: s.key, title: s.title, owner: s.owner, ownerUserId: s.ownerUserId ?? null, offsetDays: s.offsetDays, evidence: s.evidence || null, updatedAt: ctx.now }));

/** Builds the engagement's exit plan from the organisation's template (one plan per engagement). */
export async function createPlan(ctx: Ctx, engagementId: string, input: z.output<typeof PlanInput>): Promise<repo.PlanRow> {
  planPolicy.check(ctx.actor, 'create');
  const e = await requireEngagement(ctx, 'update', engagementId);
  checkBudget(input);
  checkTarget(input);
  const template = await settingsOf(ctx);
  return change(ctx, async (tx) => {
    if ((await repo.plansOf(tx.db, ctx.actor.orgId, [engagementId])).length) throw new AppError('conflict', 'This engagement already has an exit plan; edit it instead.');
    const plan = await repo.insertPlan(tx.db, {
      orgId: ctx.actor.orgId,
      vendorId: e.vendorId,
      engagementId,
      triggers: input.triggers ?? template.triggers,
      target: input.target ?? 'in_house',
      alternativeName: input.alternativeName ?? null,
      budgetMinor: input.budgetMinor ?? null,
      currency: input.currency ?? null,
      timelineDays: input.timelineDays ?? Math.max(...template.steps.map((s) => s.offsetDays), 1),
      notes: input.notes ?? null,
      // Building a plan is reviewing it; the yearly review starts today.
      reviewedOn: todayOf(ctx),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await repo.replaceSteps(tx.db, ctx.actor.orgId, plan.id, stepRows(ctx, plan, template.steps));
    await tx.audit({ action: 'exit_plan.create', objectType: 'exit_plan', objectId: plan.id, objectLabel: `Exit plan for ${e.name}`, after: plan });
    await snapshotReadiness(tx, engagementId, 'Exit plan built from the template');
    return plan;
  });
}

/** Edits a plan that has not started: its triggers, target, budget, timeline and steps (given steps replace the old ones). */
export async function updatePlan(ctx: Ctx, id: string, input: z.output<typeof PlanUpdate>): Promise<repo.PlanRow> {
  planPolicy.check(ctx.actor, 'update');
  if (input.steps) await checkOwners(ctx, input.steps);
  const steps = input.steps ? keyedSteps(input.steps).map((s, i) => ({ ...s, ownerUserId: input.steps![i].ownerUserId ?? null })) : null;
  return change(ctx, async (tx) => {
    const before = planPolicy.authorize(ctx.actor, 'update', await repo.lockPlan(tx.db, ctx.actor.orgId, id));
    checkBudget(input, before);
    checkTarget(input, before);
    const { steps: _steps, ...fields } = input;
    const after = await repo.updatePlan(tx.db, ctx.actor.orgId, id, { ...defined(fields), updatedAt: ctx.now });
    if (steps) await repo.replaceSteps(tx.db, ctx.actor.orgId, id, stepRows(ctx, after, steps));
    await tx.audit({ action: 'exit_plan.update', objectType: 'exit_plan', objectId: id, objectLabel: 'Exit plan', before, after: steps ? { ...after, steps: steps.map((s) => s.title) } : after });
    await snapshotReadiness(tx, after.engagementId, 'Exit plan edited');
    return after;
  });
}

/** Someone read the plan through and confirms it still holds: the yearly review. */
export async function reviewPlan(ctx: Ctx, id: string): Promise<repo.PlanRow> {
  planPolicy.check(ctx.actor, 'review');
  return change(ctx, async (tx) => {
    const before = planPolicy.authorize(ctx.actor, 'review', await repo.lockPlan(tx.db, ctx.actor.orgId, id));
    const after = await repo.updatePlan(tx.db, ctx.actor.orgId, id, { reviewedOn: todayOf(ctx), updatedAt: ctx.now });
    await tx.audit({ action: 'exit_plan.mark_reviewed', objectType: 'exit_plan', objectId: id, objectLabel: 'Exit plan', before, after });
    await snapshotReadiness(tx, after.engagementId, 'Exit plan reviewed');
    return after;
  });
}

/**
 * Starts the exit: the plan becomes a dated checklist from today, the vendor moves to
 * "exiting" and the engagement to "ending" (through their own modules), and the vendor's
 * contact sees its handover steps in the portal.
 */
export async function startExit(ctx: Ctx, id: string): Promise<repo.PlanRow> {
  planPolicy.check(ctx.actor, 'start');
  const today = todayOf(ctx);
  return change(ctx, async (tx) => {
    const before = planPolicy.authorize(ctx.actor, 'start', await repo.lockPlan(tx.db, ctx.actor.orgId, id));
    const steps = await repo.stepsOf(tx.db, ctx.actor.orgId, id);
    if (steps.length === 0) throw new AppError('conflict', 'The plan has no steps; add them before starting the exit.');
    for (const s of steps) await repo.updateStep(tx.db, ctx.actor.orgId, s.id, { dueOn: addDays(today, s.offsetDays), status: 'open', doneOn: null, updatedAt: ctx.now });
    const after = await repo.updatePlan(tx.db, ctx.actor.orgId, id, { status: 'running', startedOn: today, updatedAt: ctx.now });
    await tx.audit({ action: 'exit_plan.start', objectType: 'exit_plan', objectId: id, objectLabel: 'Exit plan', before, after });
    await updateVendor(tx, before.vendorId, { status: 'exiting' });
    await updateEngagement(tx, before.engagementId, { status: 'ending' });
    return after;
  });
}

/** When the last step is done, the exit is completed and the engagement closed. */
async function finishIfDone(tx: TxCtx, plan: repo.PlanRow) {
  const steps = await repo.stepsOf(tx.db, tx.actor.orgId, plan.id);
  if (steps.some((s) => s.status !== 'done')) return;
  const today = todayOf(tx);
  const after = await repo.updatePlan(tx.db, tx.actor.orgId, plan.id, { status: 'done', finishedOn: today, updatedAt: tx.now });
  await tx.audit({ action: 'exit_plan.complete', objectType: 'exit_plan', objectId: plan.id, objectLabel: 'Exit plan', before: plan, after });
  const e = await requireEngagement(tx, 'update', plan.engagementId);
  await updateEngagement(tx, plan.engagementId, { status: 'ended', endDate: e.startDate && e.startDate > today ? e.startDate : today });
  // The vendor is a former vendor once nothing of it still runs; with another engagement
  // still planned or running it stays "exiting" (that exit is not over yet).
  for (const status of ['planned', 'active', 'ending'] as const) {
    if ((await listEngagements(tx, { vendorId: plan.vendorId, status, archived: 'all', limit: 1 })).items.length > 0) return;
  }
  await updateVendor(tx, plan.vendorId, { status: 'former' });
}

/** Ticks a step of a running exit done (or opens it again), or sets its owner and internal note. */
export async function updateStep(ctx: Ctx, id: string, input: z.output<typeof StepUpdate>): Promise<repo.StepRow & { engagementId: string }> {
  stepPolicy.check(ctx.actor, 'update');
  if (input.ownerUserId) await referenceInternalUser(ctx, input.ownerUserId, 'ownerUserId');
  const today = todayOf(ctx);
  return change(ctx, async (tx) => {
    const before = stepPolicy.authorize(ctx.actor, 'update', await repo.findStep(tx.db, ctx.actor.orgId, id, true));
    const patch = defined({ internalNote: input.internalNote, ownerUserId: input.ownerUserId, status: input.status });
    if (input.status === 'done' && before.status !== 'done') Object.assign(patch, { doneOn: today });
    if (input.status && input.status !== 'done') Object.assign(patch, { doneOn: null });
    const after = await repo.updateStep(tx.db, ctx.actor.orgId, id, { ...patch, updatedAt: ctx.now });
    await tx.audit({ action: 'exit_step.update', objectType: 'exit_step', objectId: id, before, after });
    if (after.status === 'done' && before.status !== 'done') {
      if (after.key === REVOKE_STEP) {
        for (const a of await repo.revokeOpenAccounts(tx.db, ctx.actor.orgId, before.engagementId, today, ctx.now)) {
          await tx.audit({ action: 'exit_account.mark_revoked', objectType: 'exit_account', objectId: a.id, objectLabel: `${a.account} in ${a.system}`, after: a });
        }
      }
      const plan = (await repo.lockPlan(tx.db, ctx.actor.orgId, after.planId))!;
      await finishIfDone(tx, plan);
    }
    return { ...after, engagementId: before.engagementId };
  });
}

// ---------------------------------------------------------------- the vendor's side (called by the portal module)

/** A vendor contact's handover steps of exits that started: its own vendor's only, with the files handed over. */
export async function listOwnSteps(ctx: Ctx): Promise<PortalStep[]> {
  stepPolicy.check(ctx.actor, 'listOwn');
  if (!ctx.actor.vendorId) return [];
  const steps = await repo.vendorSteps(ctx.db, ctx.actor.orgId, ctx.actor.vendorId);
  const files = filesByStep(await repo.filesOfSteps(ctx.db, ctx.actor.orgId, steps.map((s) => s.id)));
  return steps.map((s) => presentPortalStep(s, files));
}

/** The vendor hands a step in with a note of what it delivered and where; the client ticks it done. */
export async function deliverStep(ctx: Ctx, id: string, note: string): Promise<PortalStep> {
  stepPolicy.check(ctx.actor, 'deliver');
  await change(ctx, async (tx) => {
    const before = stepPolicy.authorize(ctx.actor, 'deliver', await repo.findStep(tx.db, ctx.actor.orgId, id, true));
    const after = await repo.updateStep(tx.db, ctx.actor.orgId, id, { status: 'delivered', vendorNote: note, deliveredAt: ctx.now, updatedAt: ctx.now });
    await tx.audit({ action: 'exit_step.deliver', objectType: 'exit_step', objectId: id, before, after });
  });
  const step = (await repo.findStep(ctx.db, ctx.actor.orgId, id))!;
  return presentPortalStep(step, filesByStep(await repo.filesOfSteps(ctx.db, ctx.actor.orgId, [id])));
}

/** The vendor uploads a file for a step it owes (a source archive, the data export, the deletion certificate); it is stored like evidence. */
export async function uploadStepFile(ctx: Ctx, stepId: string, file: UploadedFile): Promise<repo.StepFileRow> {
  stepPolicy.check(ctx.actor, 'upload');
  const step = stepPolicy.authorize(ctx.actor, 'upload', await repo.findStep(ctx.db, ctx.actor.orgId, stepId));
  const fileName = cleanFileName(file.name);
  const max = ctx.config.maxUploadBytes;
  if (file.declaredBytes !== null && file.declaredBytes > max) {
    file.stream.resume();
    throw new AppError('payload_too_large', `The file is larger than ${Math.round(max / 1024 / 1024)} MB.`);
  }
  const stored = await storeUpload(ctx.config.filesDir, ctx.actor.orgId, file.stream, max);
  try {
    return await change(ctx, async (tx) => {
      const row = await repo.insertStepFile(tx.db, { orgId: ctx.actor.orgId, vendorId: step.vendorId, stepId, fileName, ...stored, uploadedBy: ctx.actor.userId, createdAt: ctx.now });
      await tx.audit({ action: 'exit_step_file.upload', objectType: 'exit_step_file', objectId: row.id, objectLabel: `${fileName} for ${step.title}`, after: row });
      return row;
    });
  } catch (err) {
    await removeStored(ctx.config.filesDir, ctx.actor.orgId, stored.storageKey);
    throw err;
  }
}

/** A handed-over file, for the client's users and the vendor's own contacts. */
export async function downloadStepFile(ctx: Ctx, id: string) {
  const f = stepFilePolicy.authorize(ctx.actor, 'read', await repo.findStepFile(ctx.db, ctx.actor.orgId, id));
  const { stream, size } = await openStored(ctx.config.filesDir, ctx.actor.orgId, f.storageKey);
  return { stream, size, contentType: f.contentType, disposition: attachmentHeader(f.fileName) };
}
