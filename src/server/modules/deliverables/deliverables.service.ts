import type { z } from 'zod';
import { addDays, civilDateIn, monthInWords } from '../../../domain/civil-date.ts';
import { onTimeRate as rateOf, lateness, type DeliverableFacts } from '../../../domain/contracts/deliverables.ts';
import type {
  AcceptInput,
  DeliverableDetail,
  DeliverableInput,
  DeliverableListQuery,
  DeliverableStatusInput,
  DeliverableUpdate,
  Milestone,
  MilestoneInput,
  MilestoneListQuery,
  MilestoneUpdate,
  OnTimeRate,
  PortalDeliverableListQuery,
  RejectInput,
  SubmitInput,
} from '../../../shared/contracts/deliverables.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { referenceEngagement, type EngagementRow } from '../engagements/engagements.public.ts';
import { attachmentHeader, cleanFileName, openStored, removeStored, storeUpload, type UploadedFile } from '../evidence/evidence.public.ts';
import { requireVendor } from '../vendors/vendors.public.ts';
import { referenceContractFor } from './deliverables.contracts.ts';
import { deliverableFilePolicy, deliverablePolicy, milestonePolicy } from './deliverables.policy.ts';
import { dayInWords, factsOf, presentDeliverable, presentFile, presentMilestone, presentPortalDeliverable, presentSubmissions } from './deliverables.presenter.ts';
import * as repo from './deliverables.repo.ts';
import { defined } from '../../defined.ts';

/** The organisation's today (civil date); the organisation has no zone of its own yet, so UTC like the dashboard. */
export const todayOf = (ctx: Ctx) => civilDateIn(ctx.now, 'UTC');


// ---------------------------------------------------------------- milestones

export async function listMilestones(ctx: Ctx, q: z.output<typeof MilestoneListQuery>) {
  milestonePolicy.check(ctx.actor, 'list');
  return keysetPage(q, repo.milestoneSort, (after, limit) => repo.listMilestones(ctx.db, ctx.actor.orgId, q, after, limit), presentMilestone);
}

export async function getMilestone(ctx: Ctx, id: string): Promise<Milestone> {
  const found = await repo.findMilestone(ctx.db, ctx.actor.orgId, id);
  milestonePolicy.authorize(ctx.actor, 'read', found?.milestone);
  return presentMilestone(found!);
}

/** A milestone id named in a body: one of the organisation's, of the same engagement; else an invalid field. */
export async function referenceMilestone(ctx: Ctx, id: string, engagementId: string, field = 'milestoneId'): Promise<repo.MilestoneRow> {
  const m = milestonePolicy.reference(ctx.actor, 'reference', await repo.findMilestoneRow(ctx.db, ctx.actor.orgId, id), field, 'Choose one of your milestones.');
  if (m.engagementId !== engagementId) throw AppError.invalid(field, 'The milestone belongs to another engagement.');
  return m;
}

/** A deliverable id inside another module's body (a change request's affected deliverables): one the actor may see, of the engagement; else an invalid field. */
export async function referenceDeliverable(ctx: Ctx, id: string, engagementId: string, field = 'deliverableId'): Promise<repo.DeliverableRow> {
  const d = deliverablePolicy.reference(ctx.actor, 'read', await repo.findDeliverableRow(ctx.db, ctx.actor.orgId, id), field, 'Choose one of the engagement’s deliverables.');
  if (d.engagementId !== engagementId) throw AppError.invalid(field, 'The deliverable belongs to another engagement.');
  return d;
}

export async function createMilestone(ctx: Ctx, input: z.output<typeof MilestoneInput>): Promise<Milestone> {
  milestonePolicy.check(ctx.actor, 'create');
  const eng = await referenceEngagement(ctx, input.engagementId, 'engagementId');
  const contractId = input.contractId ? (await referenceContractFor(ctx, input.contractId, eng, 'contractId')).id : null;
  const id = await change(ctx, async (tx) => {
    const row = await repo.insertMilestone(tx.db, {
      orgId: ctx.actor.orgId,
      vendorId: eng.vendorId,
      engagementId: eng.id,
      contractId,
      name: input.name,
      dueDate: input.dueDate ?? null,
      position: input.position ?? 0,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await tx.audit({ action: 'milestone.create', objectType: 'milestone', objectId: row.id, after: row });
    return row.id;
  });
  return getMilestone(ctx, id);
}

export async function updateMilestone(ctx: Ctx, id: string, input: z.output<typeof MilestoneUpdate>): Promise<Milestone> {
  milestonePolicy.check(ctx.actor, 'update');
  await change(ctx, async (tx) => {
    const before = milestonePolicy.authorize(ctx.actor, 'update', await repo.lockMilestone(tx.db, ctx.actor.orgId, id));
    const patch: Partial<repo.MilestoneRow> = defined({ name: input.name, dueDate: input.dueDate, position: input.position });
    if (input.contractId !== undefined) {
      patch.contractId = input.contractId ? (await referenceContractFor(tx, input.contractId, { id: before.engagementId, vendorId: before.vendorId }, 'contractId')).id : null;
    }
    const after = await repo.updateMilestone(tx.db, ctx.actor.orgId, id, { ...patch, updatedAt: ctx.now });
    await tx.audit({ action: 'milestone.update', objectType: 'milestone', objectId: id, before, after });
  });
  return getMilestone(ctx, id);
}

// ---------------------------------------------------------------- deliverables (the client's side)

export async function listDeliverables(ctx: Ctx, q: z.output<typeof DeliverableListQuery>) {
  deliverablePolicy.check(ctx.actor, 'list');
  const today = todayOf(ctx);
  const [page, total] = await Promise.all([
    keysetPage(q, repo.deliverableSort, (after, limit) => repo.listDeliverables(ctx.db, ctx.actor.orgId, q, today, after, limit), (r) => presentDeliverable(r, today)),
    repo.countDeliverables(ctx.db, ctx.actor.orgId, q, today),
  ]);
  return { ...page, total };
}

async function detailOf(ctx: Ctx, r: repo.DeliverableWithExtras) {
  const [subs, files] = await Promise.all([repo.submissionsOf(ctx.db, ctx.actor.orgId, r.deliverable.id), repo.filesOf(ctx.db, ctx.actor.orgId, r.deliverable.id)]);
  return { submissions: presentSubmissions(subs, files), pendingFiles: files.filter((f) => f.submissionId === null).map(presentFile) };
}

export async function getDeliverable(ctx: Ctx, id: string): Promise<DeliverableDetail> {
  const found = await repo.findDeliverable(ctx.db, ctx.actor.orgId, id);
  deliverablePolicy.authorize(ctx.actor, 'read', found?.deliverable);
  return { ...presentDeliverable(found!, todayOf(ctx)), ...(await detailOf(ctx, found!)) };
}

/** The milestone and contract a deliverable or payment hangs on, checked against its engagement; the contract defaults to the milestone's. */
async function placement(ctx: Ctx, eng: Pick<EngagementRow, 'id' | 'vendorId'>, milestoneId: string | null | undefined, contractId: string | null | undefined) {
  const milestone = milestoneId ? await referenceMilestone(ctx, milestoneId, eng.id) : null;
  let contract = contractId ? (await referenceContractFor(ctx, contractId, eng, 'contractId')).id : null;
  if (!contract && contractId === undefined && milestone?.contractId) contract = milestone.contractId;
  return { milestoneId: milestone?.id ?? null, contractId: contract };
}

export async function createDeliverable(ctx: Ctx, input: z.output<typeof DeliverableInput>): Promise<DeliverableDetail> {
  deliverablePolicy.check(ctx.actor, 'create');
  const eng = await referenceEngagement(ctx, input.engagementId, 'engagementId');
  const where = await placement(ctx, eng, input.milestoneId, input.contractId);
  const id = await change(ctx, async (tx) => {
    const row = await repo.insertDeliverable(tx.db, {
      orgId: ctx.actor.orgId,
      vendorId: eng.vendorId,
      engagementId: eng.id,
      ...where,
      title: input.title,
      description: input.description ?? null,
      criteria: input.criteria.map((text) => ({ text, met: null })),
      dueDate: input.dueDate,
      graceDays: input.graceDays,
      status: 'planned',
      internalNote: input.internalNote ?? null,
      position: input.position ?? 0,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await tx.audit({ action: 'deliverable.create', objectType: 'deliverable', objectId: row.id, after: row });
    return row.id;
  });
  return getDeliverable(ctx, id);
}

export async function updateDeliverable(ctx: Ctx, id: string, input: z.output<typeof DeliverableUpdate>): Promise<DeliverableDetail> {
  deliverablePolicy.check(ctx.actor, 'update');
  await change(ctx, async (tx) => {
    const before = deliverablePolicy.authorize(ctx.actor, 'update', await repo.lockDeliverable(tx.db, ctx.actor.orgId, id));
    const patch: Partial<repo.DeliverableRow> = defined({
      title: input.title,
      description: input.description,
      dueDate: input.dueDate,
      graceDays: input.graceDays,
      internalNote: input.internalNote,
      position: input.position,
    });
    if (input.criteria !== undefined) patch.criteria = input.criteria.map((text) => ({ text, met: null }));
    const eng = { id: before.engagementId, vendorId: before.vendorId };
    if (input.milestoneId !== undefined) patch.milestoneId = input.milestoneId ? (await referenceMilestone(tx, input.milestoneId, eng.id)).id : null;
    if (input.contractId !== undefined) patch.contractId = input.contractId ? (await referenceContractFor(tx, input.contractId, eng, 'contractId')).id : null;
    const after = await repo.updateDeliverable(tx.db, ctx.actor.orgId, id, { ...patch, updatedAt: ctx.now });
    await tx.audit({ action: 'deliverable.update', objectType: 'deliverable', objectId: id, before, after });
  });
  return getDeliverable(ctx, id);
}

/** The client marks work as started, or back to planned. */
export async function setDeliverableStatus(ctx: Ctx, id: string, input: z.output<typeof DeliverableStatusInput>): Promise<DeliverableDetail> {
  deliverablePolicy.check(ctx.actor, 'setStatus');
  await change(ctx, async (tx) => {
    const before = deliverablePolicy.authorize(ctx.actor, 'setStatus', await repo.lockDeliverable(tx.db, ctx.actor.orgId, id));
    if (before.status === input.status) return;
    const after = await repo.updateDeliverable(tx.db, ctx.actor.orgId, id, { status: input.status, updatedAt: ctx.now });
    await tx.audit({ action: 'deliverable.update', objectType: 'deliverable', objectId: id, before, after });
  });
  return getDeliverable(ctx, id);
}

function ticks(d: repo.DeliverableRow, criteriaMet: boolean[]) {
  if (criteriaMet.length !== d.criteria.length) {
    throw AppError.invalid('criteriaMet', `Tick each of the ${d.criteria.length} acceptance criteria (${criteriaMet.length} given).`);
  }
  return d.criteria.map((c, i) => ({ text: c.text, met: criteriaMet[i] }));
}

/** Accepting checks every acceptance criterion: each must be met; otherwise reject it with a reason. */
export async function acceptDeliverable(ctx: Ctx, id: string, input: z.output<typeof AcceptInput>): Promise<DeliverableDetail> {
  deliverablePolicy.check(ctx.actor, 'accept');
  await change(ctx, async (tx) => {
    const before = deliverablePolicy.authorize(ctx.actor, 'accept', await repo.lockDeliverable(tx.db, ctx.actor.orgId, id));
    const criteria = ticks(before, input.criteriaMet);
    const unmet = criteria.filter((c) => !c.met);
    if (unmet.length) {
      throw AppError.invalid('criteriaMet', `Not every acceptance criterion is met (${unmet.map((c) => `"${c.text}"`).join(', ')}): reject the deliverable with a reason instead.`);
    }
    const after = await repo.updateDeliverable(tx.db, ctx.actor.orgId, id, {
      status: 'accepted',
      criteria,
      acceptedOn: todayOf(ctx),
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.now,
      rejectionReason: null,
      updatedAt: ctx.now,
    });
    await repo.decideLatestSubmission(tx.db, ctx.actor.orgId, id, { decision: 'accepted', decisionReason: input.note ?? null, decidedBy: ctx.actor.userId, decidedAt: ctx.now });
    await tx.audit({ action: 'deliverable.accept', objectType: 'deliverable', objectId: id, before, after });
  });
  return getDeliverable(ctx, id);
}

export async function rejectDeliverable(ctx: Ctx, id: string, input: z.output<typeof RejectInput>): Promise<DeliverableDetail> {
  deliverablePolicy.check(ctx.actor, 'reject');
  await change(ctx, async (tx) => {
    const before = deliverablePolicy.authorize(ctx.actor, 'reject', await repo.lockDeliverable(tx.db, ctx.actor.orgId, id));
    const criteria = input.criteriaMet ? ticks(before, input.criteriaMet) : before.criteria;
    const after = await repo.updateDeliverable(tx.db, ctx.actor.orgId, id, {
      status: 'rejected',
      criteria,
      acceptedOn: null,
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.now,
      rejectionReason: input.reason,
      updatedAt: ctx.now,
    });
    await repo.decideLatestSubmission(tx.db, ctx.actor.orgId, id, { decision: 'rejected', decisionReason: input.reason, decidedBy: ctx.actor.userId, decidedAt: ctx.now });
    await tx.audit({ action: 'deliverable.reject', objectType: 'deliverable', objectId: id, before, after });
  });
  return getDeliverable(ctx, id);
}

/** Opens a deliverable's file for download, if the caller may see it (a vendor contact: its own vendor's). */
export async function downloadDeliverableFile(ctx: Ctx, id: string) {
  const f = deliverableFilePolicy.authorize(ctx.actor, 'read', await repo.findFile(ctx.db, ctx.actor.orgId, id));
  const { stream, size } = await openStored(ctx.config.filesDir, ctx.actor.orgId, f.storageKey);
  return { stream, size, contentType: f.contentType, disposition: attachmentHeader(f.fileName) };
}

// ---------------------------------------------------------------- the vendor's side (through the portal)

function ownVendorId(ctx: Ctx): string {
  if (!ctx.actor.vendorId) throw AppError.notFound('Your vendor');
  return ctx.actor.vendorId;
}

/** One page of the contact's own vendor's deliverables, soonest due first. */
export async function listOwnDeliverables(ctx: Ctx, q: z.output<typeof PortalDeliverableListQuery>) {
  deliverablePolicy.check(ctx.actor, 'listOwn');
  const vendorId = ownVendorId(ctx);
  const today = todayOf(ctx);
  const f = { vendorId, status: q.status };
  const [page, total] = await Promise.all([
    keysetPage(q, repo.deliverableSort, (after, limit) => repo.listDeliverables(ctx.db, ctx.actor.orgId, f, today, after, limit), (r) =>
      presentPortalDeliverable(r, today, deliverablePolicy.can(ctx.actor, 'submit', r.deliverable)),
    ),
    repo.countDeliverables(ctx.db, ctx.actor.orgId, f, today),
  ]);
  return { ...page, total };
}

export async function getOwnDeliverable(ctx: Ctx, id: string) {
  const found = await repo.findDeliverable(ctx.db, ctx.actor.orgId, id);
  const d = deliverablePolicy.authorize(ctx.actor, 'read', found?.deliverable);
  return { ...presentPortalDeliverable(found!, todayOf(ctx), deliverablePolicy.can(ctx.actor, 'submit', d)), ...(await detailOf(ctx, found!)) };
}

/** A file for the next submission, stored like evidence (type from the content, size capped). */
export async function uploadDeliverableFile(ctx: Ctx, id: string, file: UploadedFile) {
  deliverablePolicy.check(ctx.actor, 'upload');
  const d = deliverablePolicy.authorize(ctx.actor, 'upload', await repo.findDeliverableRow(ctx.db, ctx.actor.orgId, id));
  await requireVendor(ctx, 'read', d.vendorId);
  const fileName = cleanFileName(file.name);
  const max = ctx.config.maxUploadBytes;
  if (file.declaredBytes !== null && file.declaredBytes > max) {
    file.stream.resume();
    throw new AppError('payload_too_large', `The file is larger than ${Math.round(max / 1024 / 1024)} MB.`);
  }
  const stored = await storeUpload(ctx.config.filesDir, ctx.actor.orgId, file.stream, max);
  try {
    const row = await change(ctx, async (tx) => {
      const r = await repo.insertFile(tx.db, { orgId: ctx.actor.orgId, vendorId: d.vendorId, deliverableId: d.id, submissionId: null, fileName, ...stored, uploadedBy: ctx.actor.userId, createdAt: ctx.now });
      await tx.audit({ action: 'deliverable_file.upload', objectType: 'deliverable_file', objectId: r.id, objectLabel: `${fileName} for ${d.title}`, after: r });
      return r;
    });
    return presentFile(row);
  } catch (err) {
    await removeStored(ctx.config.filesDir, ctx.actor.orgId, stored.storageKey);
    throw err;
  }
}

/** The vendor hands a deliverable in (again, after a rejection): a note and the files uploaded for it. */
export async function submitDeliverable(ctx: Ctx, id: string, input: z.output<typeof SubmitInput>) {
  deliverablePolicy.check(ctx.actor, 'submit');
  await change(ctx, async (tx) => {
    const before = deliverablePolicy.authorize(ctx.actor, 'submit', await repo.lockDeliverable(tx.db, ctx.actor.orgId, id));
    if (!input.note && input.fileIds.length === 0) throw AppError.invalid('note', 'Add a note or at least one file to hand in.');
    const round = (await repo.lastRound(tx.db, ctx.actor.orgId, id)) + 1;
    const sub = await repo.insertSubmission(tx.db, { orgId: ctx.actor.orgId, deliverableId: id, round, note: input.note ?? null, submittedBy: ctx.actor.userId, submittedAt: ctx.now });
    const ids = [...new Set(input.fileIds)];
    const attached = await repo.attachFiles(tx.db, ctx.actor.orgId, id, sub.id, ids);
    if (attached.length !== ids.length) throw AppError.invalid('fileIds', 'Attach files you uploaded for this deliverable and have not handed in yet.');
    const after = await repo.updateDeliverable(tx.db, ctx.actor.orgId, id, { status: 'submitted', updatedAt: ctx.now });
    await tx.audit({
      action: round > 1 ? 'deliverable.resubmit' : 'deliverable.submit',
      objectType: 'deliverable',
      objectId: id,
      before,
      after: { ...after, submissionNote: sub.note, files: attached.map((f) => f.fileName) },
    });
  });
  return getOwnDeliverable(ctx, id);
}

// ---------------------------------------------------------------- on-time rate

const QUARTER = (d: string) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
const periodLabel = (p: string) => (p.includes('Q') ? `${p.slice(5)} ${p.slice(0, 4)}` : monthInWords(p));

/**
 * A vendor's on-time rate over time: per quarter (or month) of each deliverable's deadline
 * (due date + grace), counting accepted ones and open ones already late; those still in
 * time are not judged yet. A period with nothing judged is left out, never shown as 100 %.
 */
/**
 * The engagement's deliverables handed in from `from` to before `to`, each with when the
 * client decided on it (null: still waiting) — the client's side of the governance review.
 */
export async function engagementHandIns(ctx: Ctx, engagementId: string, from: Date, to: Date) {
  deliverablePolicy.check(ctx.actor, 'list');
  await referenceEngagement(ctx, engagementId, 'engagementId');
  return repo.submissionsOfEngagement(ctx.db, ctx.actor.orgId, engagementId, from, to);
}

export async function vendorOnTimeRate(ctx: Ctx, vendorId: string, by: 'quarter' | 'month'): Promise<OnTimeRate> {
  deliverablePolicy.check(ctx.actor, 'list');
  await requireVendor(ctx, 'read', vendorId);
  const today = todayOf(ctx);
  const facts: DeliverableFacts[] = (await repo.deliverablesOfVendor(ctx.db, ctx.actor.orgId, vendorId)).map(factsOf);
  const groups = new Map<string, DeliverableFacts[]>();
  let open = 0;
  for (const d of facts) {
    const l = lateness(d, today);
    if (!l.late && d.status !== 'accepted') {
      open++;
      continue;
    }
    // An accepted deliverable counts in the period of its deadline; so does a late open one.
    const deadline = addDays(d.dueDate, d.graceDays);
    const p = by === 'quarter' ? QUARTER(deadline) : deadline.slice(0, 7);
    groups.set(p, [...(groups.get(p) ?? []), d]);
  }
  const periods = [...groups.keys()].sort().map((p) => ({ period: p, label: periodLabel(p), ...rateOf(groups.get(p)!, today) }));
  return { vendorId, by, overall: rateOf(facts, today), periods, open };
}

export { dayInWords };
