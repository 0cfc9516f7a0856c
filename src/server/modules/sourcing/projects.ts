import type { z } from 'zod';
import { CHECK_QUESTIONS, type CheckInput, type CriteriaInput, type CriterionSource, type Project, type ProjectInput, type ProjectListQuery, type ProjectUpdate } from '../../../shared/contracts/sourcing.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { getAssessment } from '../assessments/assessments.public.ts';
import { change } from '../audit/audit.public.ts';
import { referenceVendor } from '../vendors/vendors.public.ts';
import { measurePilot } from './pilots-measure.ts';
import { projectPolicy } from './sourcing.policy.ts';
import { presentCheck, presentCriterion, presentInterview, presentPilot, presentProposalFile, presentReference, presentSummary } from './sourcing.presenter.ts';
import * as repo from './sourcing.repo.ts';

/** The default criteria (issue 16 §3), in points adding up to 100; where a score can come from data, it does. */
export const DEFAULT_CRITERIA: ReadonlyArray<{ name: string; weight: number; source: CriterionSource }> = [
  { name: 'Expertise for this need', weight: 20, source: 'evaluators' },
  { name: 'References', weight: 15, source: 'references' },
  { name: 'Certifications (ISO 27001, ITIL)', weight: 10, source: 'evaluators' },
  { name: 'Communication', weight: 10, source: 'interviews' },
  { name: 'Working-hours overlap', weight: 10, source: 'hours_overlap' },
  { name: 'Cost', weight: 15, source: 'proposal_price' },
  { name: 'Security (due diligence)', weight: 10, source: 'due_diligence' },
  { name: 'Financial stability', weight: 10, source: 'evaluators' },
];

export async function listProjects(ctx: Ctx, q: z.output<typeof ProjectListQuery>) {
  projectPolicy.check(ctx.actor, 'list');
  if (q.vendorId) await referenceVendor(ctx, q.vendorId);
  return keysetPage(q, repo.projectSort, (after, limit) => repo.listProjects(ctx.db, ctx.actor.orgId, q, after, limit), (r) => presentSummary(r.project, r.candidateCount));
}

/** A project the actor may read, else 404 (for the other services of the module). */
export async function requireProject(ctx: Ctx, id: string): Promise<repo.ProjectRow> {
  return projectPolicy.authorize(ctx.actor, 'read', await repo.findProject(ctx.db, ctx.actor.orgId, id));
}

export async function getProject(ctx: Ctx, id: string): Promise<Project> {
  const p = await requireProject(ctx, id);
  const [criteria, candidates, scores, refs, interviews, pilots, files] = await Promise.all([
    repo.criteriaOf(ctx.db, ctx.actor.orgId, id),
    repo.candidatesOf(ctx.db, ctx.actor.orgId, id),
    repo.scoresOf(ctx.db, ctx.actor.orgId, id),
    repo.referencesOf(ctx.db, ctx.actor.orgId, id),
    repo.interviewsOf(ctx.db, ctx.actor.orgId, id),
    repo.pilotsOf(ctx.db, ctx.actor.orgId, id),
    repo.proposalFilesOf(ctx.db, ctx.actor.orgId, id),
  ]);
  const rfiOf = async (assessmentId: string | null) => {
    if (!assessmentId) return null;
    const a = await getAssessment(ctx, assessmentId);
    return { assessmentId, status: a.status, dueDate: a.dueDate };
  };
  const chosen = p.chosenCandidateId ? candidates.find((c) => c.candidate.id === p.chosenCandidateId) : undefined;
  const goPilot = pilots.find((x) => x.status === 'go');
  return {
    ...presentSummary(p, candidates.length),
    scope: p.scope,
    goals: p.goals,
    deliverables: p.deliverables,
    successMeasures: p.successMeasures,
    startOn: p.startOn,
    hoursNeeded: p.hoursNeeded,
    check: presentCheck(p),
    criteria: criteria.map(presentCriterion),
    weightsLockedAt: p.weightsLockedAt?.toISOString() ?? null,
    weightChanges: p.weightChanges.map((w) => ({ at: w.at, by: w.byName, reason: w.reason, changes: w.changes })),
    candidates: await Promise.all(
      candidates.map(async ({ candidate: c, vendorName, vendorStatus }) => ({
        id: c.id,
        projectId: c.projectId,
        vendorId: c.vendorId,
        vendorName,
        vendorStatus,
        proposal:
          c.proposalReceivedOn && c.proposalPriceMinor !== null
            ? {
                priceMinor: c.proposalOpenedAt ? c.proposalPriceMinor : null,
                currency: c.proposalCurrency ?? p.currency,
                team: c.proposalOpenedAt ? c.proposalTeam : null,
                approach: c.proposalOpenedAt ? c.proposalApproach : null,
                files: files.filter((f) => f.candidateId === c.id).map(presentProposalFile),
                receivedOn: c.proposalReceivedOn,
                opened: c.proposalOpenedAt !== null,
                openedAt: c.proposalOpenedAt?.toISOString() ?? null,
              }
            : null,
        rfi: await rfiOf(c.rfiAssessmentId),
        references: refs.filter((r) => r.candidateId === c.id).map(presentReference),
        interviews: interviews.filter((i) => i.candidateId === c.id).map(presentInterview),
        myScores: scores.filter((s) => s.candidateId === c.id && s.evaluatorId === ctx.actor.userId).map((s) => ({ criterionId: s.criterionId, score: s.score, note: s.note })),
        addedAt: c.createdAt.toISOString(),
      })),
    ),
    pilots: await Promise.all(pilots.map(async (x) => presentPilot(x, x.status === 'running' ? await measurePilot(ctx, x) : []))),
    outcome: chosen ? { vendorId: chosen.candidate.vendorId, vendorName: chosen.vendorName, contractId: goPilot?.contractId ?? null, engagementId: goPilot?.engagementId ?? null } : null,
  };
}

const needColumns = (input: Partial<z.output<typeof ProjectInput>>) =>
  Object.fromEntries(
    Object.entries({
      name: input.name,
      scope: input.scope,
      goals: input.goals,
      deliverables: input.deliverables,
      successMeasures: input.successMeasures,
      budgetMinor: input.budgetMinor,
      currency: input.currency,
      startOn: input.startOn,
      decideBy: input.decideBy,
      hoursNeeded: input.hoursNeeded,
    }).filter(([, v]) => v !== undefined),
  ) as Partial<repo.ProjectRow>;

/** A new project: the need, in draft, with the default criteria. */
export async function createProject(ctx: Ctx, input: z.output<typeof ProjectInput>): Promise<Project> {
  projectPolicy.check(ctx.actor, 'create');
  const id = await change(ctx, async (tx) => {
    const row = await repo.insertProject(tx.db, { ...(needColumns(input) as typeof row), orgId: ctx.actor.orgId, status: 'draft', weightChanges: [], createdAt: ctx.now, updatedAt: ctx.now });
    await repo.insertCriteria(
      tx.db,
      DEFAULT_CRITERIA.map((c, i) => ({ orgId: ctx.actor.orgId, projectId: row.id, name: c.name, weight: c.weight, source: c.source, position: i })),
    );
    await tx.audit({ action: 'sourcing_project.create', objectType: 'sourcing_project', objectId: row.id, after: row });
    return row.id;
  });
  return getProject(ctx, id);
}

export async function updateProject(ctx: Ctx, id: string, input: z.output<typeof ProjectUpdate>): Promise<Project> {
  projectPolicy.check(ctx.actor, 'update');
  await change(ctx, async (tx) => {
    const before = projectPolicy.authorize(ctx.actor, 'update', await repo.lockProject(tx.db, ctx.actor.orgId, id));
    const after = await repo.updateProject(tx.db, ctx.actor.orgId, id, { ...needColumns(input), updatedAt: ctx.now });
    await tx.audit({ action: 'sourcing_project.update', objectType: 'sourcing_project', objectId: id, before, after });
  });
  return getProject(ctx, id);
}

/**
 * The should-we-outsource check, answered before any vendor is named; the answers are kept
 * with the decision. "Outsource" moves a draft to "check done"; "do not outsource" keeps
 * the project from naming candidates until the check is answered again.
 */
export async function answerCheck(ctx: Ctx, id: string, input: z.output<typeof CheckInput>): Promise<Project> {
  projectPolicy.check(ctx.actor, 'check');
  await change(ctx, async (tx) => {
    const before = projectPolicy.authorize(ctx.actor, 'check', await repo.lockProject(tx.db, ctx.actor.orgId, id));
    const check = {
      answers: Object.fromEntries(CHECK_QUESTIONS.map((q) => [q, { answer: input.answers[q].answer, note: input.answers[q].note ?? null }])),
      decision: input.decision,
      rationale: input.rationale,
      doneBy: ctx.actor.userId,
      doneByName: ctx.actor.name,
      doneAt: ctx.now.toISOString(),
    };
    const after = await repo.updateProject(tx.db, ctx.actor.orgId, id, { check, status: 'checked', updatedAt: ctx.now });
    await tx.audit({ action: 'sourcing_project.answer_check', objectType: 'sourcing_project', objectId: id, objectLabel: before.name, before: { check: before.check, status: before.status }, after: { check, status: after.status } });
  });
  return getProject(ctx, id);
}

/**
 * The criteria and their weights. Once the first proposal is opened the weights are locked:
 * criteria can no longer be added or removed, and a weight changed afterwards needs a reason,
 * kept with the project (and in the audit trail) with the weights before and after.
 */
export async function setCriteria(ctx: Ctx, id: string, input: z.output<typeof CriteriaInput>): Promise<Project> {
  projectPolicy.check(ctx.actor, 'criteria');
  await change(ctx, async (tx) => {
    const p = projectPolicy.authorize(ctx.actor, 'criteria', await repo.lockProject(tx.db, ctx.actor.orgId, id));
    const existing = await repo.criteriaOf(tx.db, ctx.actor.orgId, id);
    const byId = new Map(existing.map((c) => [c.id, c]));
    input.criteria.forEach((c, i) => {
      if (c.id && !byId.has(c.id)) throw AppError.invalid(`criteria.${i}.id`, 'Not a criterion of this project.');
    });
    if (input.criteria.every((c) => c.weight === 0)) throw AppError.invalid('criteria', 'At least one criterion needs a weight above zero.');
    const kept = new Set(input.criteria.map((c) => c.id).filter(Boolean));
    const removed = existing.filter((c) => !kept.has(c.id));
    const changes = [
      ...input.criteria.filter((c) => !c.id || byId.get(c.id)!.weight !== c.weight).map((c) => ({ criterion: c.name, from: c.id ? byId.get(c.id)!.weight : null, to: c.weight })),
      ...removed.map((c) => ({ criterion: c.name, from: c.weight, to: null })),
    ];
    if (p.weightsLockedAt) {
      if (removed.length || input.criteria.some((c) => !c.id)) throw AppError.invalid('criteria', 'The weights are locked since the first proposal was opened: criteria can no longer be added or removed, only their weights changed with a reason.');
      if (changes.length && !input.reason?.trim()) throw AppError.invalid('reason', 'The weights are locked since the first proposal was opened; give the reason for changing them.');
    }
    await repo.deleteCriteria(tx.db, ctx.actor.orgId, removed.map((c) => c.id));
    const fresh: Parameters<typeof repo.insertCriteria>[1] = [];
    for (const [i, c] of input.criteria.entries()) {
      if (c.id) await repo.updateCriterion(tx.db, ctx.actor.orgId, c.id, { name: c.name, weight: c.weight, source: c.source, position: i });
      else fresh.push({ orgId: ctx.actor.orgId, projectId: id, name: c.name, weight: c.weight, source: c.source, position: i });
    }
    await repo.insertCriteria(tx.db, fresh);
    if (p.weightsLockedAt && changes.length) {
      const record = { at: ctx.now.toISOString(), byName: ctx.actor.name, reason: input.reason!.trim(), changes };
      await repo.updateProject(tx.db, ctx.actor.orgId, id, { weightChanges: [...p.weightChanges, record], updatedAt: ctx.now });
    } else await repo.updateProject(tx.db, ctx.actor.orgId, id, { updatedAt: ctx.now });
    await tx.audit({
      action: 'sourcing_project.set_criteria',
      objectType: 'sourcing_project',
      objectId: id,
      objectLabel: p.name,
      before: { criteria: existing.map((c) => ({ name: c.name, weight: c.weight, source: c.source })) },
      after: { criteria: input.criteria.map((c) => ({ name: c.name, weight: c.weight, source: c.source })), reason: input.reason ?? null, weightsLocked: p.weightsLockedAt !== null },
    });
  });
  return getProject(ctx, id);
}
