import type { z } from 'zod';
import { EngagementInput } from '../../../shared/contracts/engagements.ts';
import { ContractInput } from '../../../shared/contracts/contracts.ts';
import type { DecisionInput, Pilot, PilotInput } from '../../../shared/contracts/sourcing.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { createContract } from '../contracts/contracts.public.ts';
import { createEngagement, updateEngagement } from '../engagements/engagements.public.ts';
import { requireVendor, updateVendor } from '../vendors/vendors.public.ts';
import { carryPilotSlaTarget } from './pilot-sla.ts';
import { measurePilot } from './pilots-measure.ts';
import { pilotPolicy, projectPolicy } from './sourcing.policy.ts';
import { presentPilot } from './sourcing.presenter.ts';
import * as repo from './sourcing.repo.ts';

export async function getPilot(ctx: Ctx, id: string): Promise<Pilot> {
  const p = pilotPolicy.authorize(ctx.actor, 'read', await repo.findPilot(ctx.db, ctx.actor.orgId, id));
  return presentPilot(p, p.status === 'running' ? await measurePilot(ctx, p) : []);
}

/**
 * Starts a time-boxed pilot with one candidate (article 004 §6): a pilot engagement of the
 * vendor over the pilot's dates, the vendor from prospect to pilot, the project to "pilot" —
 * one change. Its success criteria are measured from that engagement's data.
 */
export async function startPilot(ctx: Ctx, projectId: string, input: z.output<typeof PilotInput>): Promise<Pilot> {
  projectPolicy.check(ctx.actor, 'startPilot');
  const id = await change(ctx, async (tx) => {
    const project = projectPolicy.authorize(ctx.actor, 'startPilot', await repo.lockProject(tx.db, ctx.actor.orgId, projectId));
    const cand = await repo.findCandidate(tx.db, ctx.actor.orgId, input.candidateId);
    if (!cand || cand.projectId !== projectId) throw AppError.invalid('candidateId', 'Not a candidate of this project.');
    if (input.budgetCeilingMinor !== null && input.budgetCeilingMinor !== undefined && !input.currency && !project.currency) throw AppError.invalid('currency', 'Give the currency of the budget ceiling.');
    const eng = await createEngagement(
      tx,
      EngagementInput.parse({
        vendorId: cand.vendorId,
        name: input.engagementName ?? `Pilot: ${project.name}`,
        serviceType: input.serviceType,
        status: 'active',
        startDate: input.startsOn,
        endDate: input.endsOn,
        description: `Pilot of the sourcing project "${project.name}".`,
      }),
    );
    if (cand.vendorStatus === 'prospect') await updateVendor(tx, cand.vendorId, { status: 'pilot' });
    const row = await repo.insertPilot(tx.db, {
      orgId: ctx.actor.orgId,
      projectId,
      candidateId: cand.id,
      vendorId: cand.vendorId,
      engagementId: eng.id,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      status: 'running',
      slaTargetPct: input.slaTargetPct ?? null,
      deliverablesDueBy: input.deliverablesDueBy ?? null,
      budgetCeilingMinor: input.budgetCeilingMinor ?? null,
      currency: input.currency ?? project.currency,
      scorecardThreshold: input.scorecardThreshold ?? null,
      createdAt: ctx.now,
    });
    await repo.updateProject(tx.db, ctx.actor.orgId, projectId, { status: 'pilot', updatedAt: ctx.now });
    await tx.audit({ action: 'sourcing_pilot.start', objectType: 'sourcing_pilot', objectId: row.id, objectLabel: `Pilot of ${cand.vendorName} for ${project.name}`, after: row });
    return row.id;
  });
  return getPilot(ctx, id);
}

/**
 * The go / no-go decision, with rationale and approver (the actor), the criteria as measured
 * kept with it. "Go", in one change: the vendor becomes active, the pilot engagement runs on
 * (no end date) with the pilot's SLA target carried into its SLA policy (pilot-sla.ts), a
 * draft contract covering it is opened (its clause checklist comes with any contract), the
 * project is decided. A step that fails undoes every other. "No-go" returns
 * the vendor to prospect, ends the pilot engagement and the project to the matrix.
 */
export async function decidePilot(ctx: Ctx, id: string, input: z.output<typeof DecisionInput>): Promise<Pilot> {
  pilotPolicy.check(ctx.actor, 'decide');
  if (input.decision === 'no_go' && input.contractReference) throw AppError.invalid('contractReference', 'A no-go opens no contract.');
  await change(ctx, async (tx) => {
    const before = pilotPolicy.authorize(ctx.actor, 'decide', await repo.lockPilot(tx.db, ctx.actor.orgId, id));
    const project = (await repo.lockProject(tx.db, ctx.actor.orgId, before.projectId))!;
    const measured = await measurePilot(tx, before);
    let contractId: string | null = null;
    if (input.decision === 'go') {
      const vendor = await updateVendor(tx, before.vendorId, { status: 'active' });
      if (before.engagementId) await updateEngagement(tx, before.engagementId, { status: 'active', endDate: null });
      if (before.engagementId && before.slaTargetPct !== null) await carryPilotSlaTarget(tx, before.engagementId, before.slaTargetPct);
      const contract = await createContract(
        tx,
        ContractInput.parse({
          vendorId: before.vendorId,
          type: 'master_agreement',
          title: `${vendor.name} — ${project.name}`,
          reference: input.contractReference ?? null,
          status: 'draft',
          currency: before.currency,
          engagementIds: before.engagementId ? [before.engagementId] : [],
          notes: `Opened by the go decision on the pilot (${before.startsOn} to ${before.endsOn}): ${input.rationale}`,
        }),
      );
      contractId = contract.id;
      await repo.updateProject(tx.db, ctx.actor.orgId, project.id, { status: 'decided', chosenCandidateId: before.candidateId, updatedAt: ctx.now });
    } else {
      // Back to prospect only from pilot: a vendor someone made active meanwhile stays so.
      if ((await requireVendor(tx, 'read', before.vendorId)).status === 'pilot') await updateVendor(tx, before.vendorId, { status: 'prospect' });
      if (before.engagementId) await updateEngagement(tx, before.engagementId, { status: 'ended' });
      await repo.updateProject(tx.db, ctx.actor.orgId, project.id, { status: 'evaluating', updatedAt: ctx.now });
    }
    const after = await repo.updatePilot(tx.db, ctx.actor.orgId, id, {
      status: input.decision,
      rationale: input.rationale,
      approverId: ctx.actor.userId,
      decidedAt: ctx.now,
      contractId,
      measured,
    });
    await tx.audit({ action: `sourcing_pilot.${input.decision}`, objectType: 'sourcing_pilot', objectId: id, objectLabel: `Pilot for ${project.name}`, before, after });
  });
  return getPilot(ctx, id);
}
