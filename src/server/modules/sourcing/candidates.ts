import type { z } from 'zod';
import type { CandidateInput, InterviewInput, Project, ProposalInput, ReferenceInput, RfiInput, ScoresInput } from '../../../shared/contracts/sourcing.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import type { MailContext } from '../../mail/mailer.ts';
import { sendAssessment } from '../assessments/assessments.public.ts';
import { change } from '../audit/audit.public.ts';
import { referenceVendor } from '../vendors/vendors.public.ts';
import { getProject } from './projects.ts';
import { candidatePolicy, projectPolicy } from './sourcing.policy.ts';
import * as repo from './sourcing.repo.ts';

const label = (c: { vendorName: string; project: { name: string } }) => `${c.vendorName} for ${c.project.name}`;
/** The candidate's own columns, for the audit snapshot (not its project). */
const candidateOnly = ({ project: _p, vendorName: _n, vendorStatus: _s, ...row }: repo.CandidateInProject) => row;

/** Attaches a vendor in prospect status as a candidate; the first one moves a checked project to evaluating. */
export async function addCandidate(ctx: Ctx, projectId: string, input: z.output<typeof CandidateInput>): Promise<Project> {
  projectPolicy.check(ctx.actor, 'addCandidate');
  await change(ctx, async (tx) => {
    const p = projectPolicy.authorize(ctx.actor, 'addCandidate', await repo.lockProject(tx.db, ctx.actor.orgId, projectId));
    const vendor = await referenceVendor(tx, input.vendorId);
    if (vendor.status !== 'prospect') throw AppError.invalid('vendorId', `${vendor.name} is not a prospect (its status is ${vendor.status}); only prospects are compared as candidates.`);
    if ((await repo.candidatesOf(tx.db, ctx.actor.orgId, projectId)).some((c) => c.candidate.vendorId === vendor.id)) throw AppError.invalid('vendorId', `${vendor.name} is already a candidate of this project.`);
    const row = await repo.insertCandidate(tx.db, { orgId: ctx.actor.orgId, projectId, vendorId: vendor.id, createdAt: ctx.now });
    if (p.status === 'checked') await repo.updateProject(tx.db, ctx.actor.orgId, projectId, { status: 'evaluating', updatedAt: ctx.now });
    await tx.audit({ action: 'sourcing_project.add_candidate', objectType: 'sourcing_candidate', objectId: row.id, objectLabel: `${vendor.name} for ${p.name}`, after: row });
  });
  return getProject(ctx, projectId);
}

async function candidateChange(ctx: Ctx, id: string, action: Parameters<typeof candidatePolicy.authorize>[1], work: (c: repo.CandidateInProject, tx: Parameters<Parameters<typeof change>[1]>[0]) => Promise<void>): Promise<Project> {
  candidatePolicy.check(ctx.actor, action);
  let projectId = '';
  await change(ctx, async (tx) => {
    const c = candidatePolicy.authorize(ctx.actor, action, await repo.findCandidate(tx.db, ctx.actor.orgId, id, true));
    projectId = c.projectId;
    await work(c, tx);
  });
  return getProject(ctx, projectId);
}

/** Records a candidate's proposal as received; it stays sealed (out of the matrix) until opened. */
export function recordProposal(ctx: Ctx, id: string, input: z.output<typeof ProposalInput>): Promise<Project> {
  return candidateChange(ctx, id, 'proposal', async (c, tx) => {
    const after = await repo.updateCandidate(tx.db, ctx.actor.orgId, id, {
      proposalPriceMinor: input.priceMinor,
      proposalCurrency: input.currency,
      proposalTeam: input.team ?? null,
      proposalApproach: input.approach ?? null,
      proposalReceivedOn: input.receivedOn,
    });
    await tx.audit({ action: 'sourcing_candidate.record_proposal', objectType: 'sourcing_candidate', objectId: id, objectLabel: label(c), before: candidateOnly(c), after });
  });
}

/** Opens a proposal; the first one opened locks the project's weights (later changes need a reason). */
export function openProposal(ctx: Ctx, id: string): Promise<Project> {
  return candidateChange(ctx, id, 'openProposal', async (c, tx) => {
    const after = await repo.updateCandidate(tx.db, ctx.actor.orgId, id, { proposalOpenedAt: ctx.now });
    if (!c.project.weightsLockedAt) await repo.updateProject(tx.db, ctx.actor.orgId, c.projectId, { weightsLockedAt: ctx.now, updatedAt: ctx.now });
    await tx.audit({ action: 'sourcing_candidate.open_proposal', objectType: 'sourcing_candidate', objectId: id, objectLabel: label(c), before: { proposalOpenedAt: null }, after: { proposalOpenedAt: after.proposalOpenedAt, weightsLocked: true } });
  });
}

/**
 * Sends a request for information through the questionnaire portal: an assessment of the
 * chosen questionnaire to the candidate's contact, who answers it like any due diligence
 * and sees nothing of the project, the other candidates or the scores.
 */
export async function sendRfi(ctx: Ctx, id: string, input: z.output<typeof RfiInput>, mail: MailContext): Promise<Project> {
  candidatePolicy.check(ctx.actor, 'rfi');
  const c = candidatePolicy.authorize(ctx.actor, 'rfi', await repo.findCandidate(ctx.db, ctx.actor.orgId, id));
  const sent = await sendAssessment(ctx, { vendorId: c.vendorId, templateId: input.templateId, dueDate: input.dueDate, contactEmail: input.contactEmail, reassess: false }, mail);
  await change(ctx, async (tx) => {
    const after = await repo.updateCandidate(tx.db, ctx.actor.orgId, id, { rfiAssessmentId: sent.id });
    await tx.audit({ action: 'sourcing_candidate.send_rfi', objectType: 'sourcing_candidate', objectId: id, objectLabel: label(c), after });
  });
  return getProject(ctx, c.projectId);
}

/** The signed-in evaluator's own scores (0–5) of a candidate; other evaluators' are untouched. */
export function saveScores(ctx: Ctx, id: string, input: z.output<typeof ScoresInput>): Promise<Project> {
  return candidateChange(ctx, id, 'score', async (c, tx) => {
    const criteria = new Map((await repo.criteriaOf(tx.db, ctx.actor.orgId, c.projectId)).map((x) => [x.id, x]));
    input.scores.forEach((s, i) => {
      if (!criteria.has(s.criterionId)) throw AppError.invalid(`scores.${i}.criterionId`, 'Not a criterion of this project.');
    });
    for (const s of input.scores) await repo.upsertScore(tx.db, { orgId: ctx.actor.orgId, candidateId: id, criterionId: s.criterionId, evaluatorId: ctx.actor.userId, score: s.score, note: s.note ?? null, updatedAt: ctx.now });
    await tx.audit({
      action: 'sourcing_candidate.score',
      objectType: 'sourcing_candidate',
      objectId: id,
      objectLabel: label(c),
      after: { evaluator: ctx.actor.name, scores: input.scores.map((s) => ({ criterion: criteria.get(s.criterionId)!.name, score: s.score })) },
    });
  });
}

export function addReference(ctx: Ctx, id: string, input: z.output<typeof ReferenceInput>): Promise<Project> {
  return candidateChange(ctx, id, 'reference', async (c, tx) => {
    const row = await repo.insertReference(tx.db, { orgId: ctx.actor.orgId, candidateId: id, client: input.client, contactName: input.contactName, calledOn: input.calledOn, calledBy: ctx.actor.userId, questions: input.questions, rating: input.rating, createdAt: ctx.now });
    await tx.audit({ action: 'sourcing_candidate.add_reference', objectType: 'sourcing_candidate', objectId: id, objectLabel: label(c), after: row });
  });
}

export function addInterview(ctx: Ctx, id: string, input: z.output<typeof InterviewInput>): Promise<Project> {
  return candidateChange(ctx, id, 'interview', async (c, tx) => {
    const row = await repo.insertInterview(tx.db, { orgId: ctx.actor.orgId, candidateId: id, interviewerId: ctx.actor.userId, ...input, notes: input.notes ?? null, createdAt: ctx.now });
    await tx.audit({ action: 'sourcing_candidate.add_interview', objectType: 'sourcing_candidate', objectId: id, objectLabel: label(c), after: row });
  });
}
