import type { z } from 'zod';
import { civilDateIn } from '../../../domain/civil-date.ts';
import { checkCell, heatMap, levelOf, type RiskMatrix } from '../../../domain/risk/matrix.ts';
import type { AcceptRiskInput, CloseRiskInput, RiskActionInput, RiskActionUpdate, RiskDetail, RiskInput, RiskListQuery, RiskUpdate } from '../../../shared/contracts/risks.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { referenceFinding } from '../assessments/assessments.public.ts';
import { change, type TxCtx } from '../audit/audit.public.ts';
import { referenceContract } from '../contracts/contracts.public.ts';
import { referenceEngagement } from '../engagements/engagements.public.ts';
import { referenceInternalUser } from '../users/users.public.ts';
import { referenceVendor } from '../vendors/vendors.public.ts';
import { riskActionPolicy, riskPolicy, riskViewsPolicy } from './risks.policy.ts';
import { presentAction, presentCell, presentRisk, presentSignal } from './risks.presenter.ts';
import * as repo from './risks.repo.ts';
import { settingsOf } from './settings.ts';

export const todayOf = (ctx: Pick<Ctx, 'now'>) => civilDateIn(ctx.now, 'UTC');
const label = (r: { title: string }) => r.title;

/** The query's filters as the repository reads them (appetite from the organisation's matrix). */
function filterOf(q: Partial<z.output<typeof RiskListQuery>>, m: RiskMatrix): repo.RiskFilter {
  return {
    vendorId: q.vendorId,
    category: q.category,
    status: q.status,
    source: q.source,
    score: q.score,
    likelihood: q.likelihood,
    impact: q.impact,
    levelAbove: q.aboveAppetite === 'true' ? m.appetite : undefined,
    levelAtMost: q.aboveAppetite === 'false' ? m.appetite : undefined,
    accepted: q.accepted === undefined ? undefined : q.accepted === 'true',
    q: q.q,
  };
}

/** The register, highest residual level first, with the count of what the filters match. */
export async function listRisks(ctx: Ctx, q: z.output<typeof RiskListQuery>) {
  riskPolicy.check(ctx.actor, 'list');
  if (q.vendorId) await referenceVendor(ctx, q.vendorId, 'vendorId');
  const { matrix } = await settingsOf(ctx);
  const f = filterOf(q, matrix);
  const today = todayOf(ctx);
  const page = await keysetPage(q, repo.riskSort, (after, limit) => repo.listRisks(ctx.db, ctx.actor.orgId, f, after, limit), (r) => presentRisk(r, matrix, today));
  return { ...page, total: await repo.countRisks(ctx.db, ctx.actor.orgId, f) };
}

export async function getRisk(ctx: Ctx, id: string): Promise<RiskDetail> {
  const found = await repo.findRisk(ctx.db, ctx.actor.orgId, id);
  riskPolicy.authorize(ctx.actor, 'read', found?.risk);
  const { matrix } = await settingsOf(ctx);
  const today = todayOf(ctx);
  const [actions, history, signals] = [await repo.actionsOf(ctx.db, ctx.actor.orgId, id), await repo.scoresOf(ctx.db, ctx.actor.orgId, id), await repo.signalsOfRisk(ctx.db, ctx.actor.orgId, id)];
  return {
    ...presentRisk(found!, matrix, today),
    actions: actions.map((a) => presentAction(a.action, a.ownerName, today)),
    history: history.map(({ s, byName }) => ({
      at: s.at.toISOString(),
      inherent: presentCell(matrix, { likelihood: s.inherentLikelihood, impact: s.inherentImpact }),
      residual: presentCell(matrix, { likelihood: s.residualLikelihood, impact: s.residualImpact }),
      by: byName,
      note: s.note,
    })),
    signals: signals.map(presentSignal),
  };
}

type Links = { vendorId?: string | null; engagementId?: string | null; contractId?: string | null; findingId?: string | null; ownerId?: string | null };

/** Each id named in the body goes through its own noun's policy; a link must agree with the vendor. */
async function resolveLinks(ctx: Ctx, input: Links, current: Links = {}) {
  const out: Links = {};
  if (input.ownerId) await referenceInternalUser(ctx, input.ownerId, 'ownerId');
  let vendorId = input.vendorId !== undefined ? input.vendorId : (current.vendorId ?? null);
  if (input.vendorId) await referenceVendor(ctx, input.vendorId, 'vendorId');
  const agree = (field: string, v: string | null) => {
    if (!v) return;
    if (vendorId && vendorId !== v) throw AppError.invalid(field, 'It belongs to another vendor than the risk.');
    vendorId = v;
  };
  if (input.engagementId) agree('engagementId', (await referenceEngagement(ctx, input.engagementId, 'engagementId')).vendorId);
  if (input.contractId) agree('contractId', (await referenceContract(ctx, input.contractId, 'contractId')).vendorId);
  if (input.findingId) agree('findingId', (await referenceFinding(ctx, input.findingId, 'findingId')).vendorId);
  for (const k of ['engagementId', 'contractId', 'findingId', 'ownerId'] as const) if (input[k] !== undefined) out[k] = input[k];
  if (vendorId !== (current.vendorId ?? null) || input.vendorId !== undefined) out.vendorId = vendorId;
  return out;
}

/** A new score row: the history keeps every scoring. */
async function recordScore(tx: TxCtx, r: repo.RiskRow, note: string | null) {
  await repo.insertScore(tx.db, {
    orgId: r.orgId,
    riskId: r.id,
    at: tx.now,
    inherentLikelihood: r.inherentLikelihood,
    inherentImpact: r.inherentImpact,
    residualLikelihood: r.residualLikelihood,
    residualImpact: r.residualImpact,
    byUserId: tx.actor.userId,
    note,
  });
}

/** Inserts a risk with its first score (the signal service and createRisk share it). */
export async function insertRiskIn(tx: TxCtx, m: RiskMatrix, values: Omit<repo.RiskInsert, 'orgId' | 'residualLevel' | 'residualLikelihood' | 'residualImpact'> & { residualLikelihood: number; residualImpact: number }, note: string | null) {
  const row = await repo.insertRisk(tx.db, { ...values, orgId: tx.actor.orgId, residualLevel: levelOf(m, { likelihood: values.residualLikelihood, impact: values.residualImpact }), createdAt: tx.now, updatedAt: tx.now });
  await recordScore(tx, row, note);
  await tx.audit({ action: 'risk.create', objectType: 'risk', objectId: row.id, objectLabel: label(row), after: row });
  return row;
}

export async function createRisk(ctx: Ctx, input: z.output<typeof RiskInput>): Promise<RiskDetail> {
  riskPolicy.check(ctx.actor, 'create');
  const { matrix } = await settingsOf(ctx);
  const inherent = { likelihood: input.inherentLikelihood, impact: input.inherentImpact };
  const residual = { likelihood: input.residualLikelihood ?? input.inherentLikelihood, impact: input.residualImpact ?? input.inherentImpact };
  checkCell(matrix, inherent, 'inherent');
  checkCell(matrix, residual, 'residual');
  const links = await resolveLinks(ctx, input);
  const id = await change(ctx, async (tx) => {
    const row = await insertRiskIn(
      tx,
      matrix,
      {
        title: input.title,
        description: input.description ?? null,
        category: input.category,
        ...links,
        inherentLikelihood: inherent.likelihood,
        inherentImpact: inherent.impact,
        residualLikelihood: residual.likelihood,
        residualImpact: residual.impact,
        treatment: input.treatment ?? null,
        reviewOn: input.reviewOn ?? null,
        source: 'manual',
      },
      'First assessment',
    );
    return row.id;
  });
  return getRisk(ctx, id);
}

const SCORE_FIELDS = ['inherentLikelihood', 'inherentImpact', 'residualLikelihood', 'residualImpact'] as const;

export async function updateRisk(ctx: Ctx, id: string, input: z.output<typeof RiskUpdate>): Promise<RiskDetail> {
  riskPolicy.check(ctx.actor, 'update');
  const { matrix } = await settingsOf(ctx);
  // The links are checked against their own modules before the change opens.
  const current = riskPolicy.authorize(ctx.actor, 'update', (await repo.findRisk(ctx.db, ctx.actor.orgId, id))?.risk);
  const links = await resolveLinks(ctx, input, current);
  await change(ctx, async (tx) => {
    const before = riskPolicy.authorize(ctx.actor, 'update', await repo.lockRisk(tx.db, ctx.actor.orgId, id));
    const { scoreNote, vendorId: _v, engagementId: _e, contractId: _c, findingId: _f, ownerId: _o, ...fields } = input;
    const patch: Partial<repo.RiskRow> = { ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)), ...links };
    const next = { ...before, ...patch };
    const rescored = SCORE_FIELDS.some((k) => next[k] !== before[k]);
    // Scores are checked when they change: a risk scored on a larger matrix keeps its cell until rescored.
    if (rescored) {
      checkCell(matrix, { likelihood: next.inherentLikelihood, impact: next.inherentImpact }, 'inherent');
      checkCell(matrix, { likelihood: next.residualLikelihood, impact: next.residualImpact }, 'residual');
    }
    if (rescored) patch.residualLevel = levelOf(matrix, { likelihood: next.residualLikelihood, impact: next.residualImpact });
    // Treating a risk otherwise than by accepting it withdraws the acceptance.
    if (patch.treatment !== undefined && patch.treatment !== 'accept' && before.acceptedAt) Object.assign(patch, { acceptedAt: null, acceptedById: null, acceptanceExpiresOn: null, acceptanceNote: null, acceptedLikelihood: null, acceptedImpact: null });
    const after = await repo.updateRisk(tx.db, ctx.actor.orgId, id, { ...patch, updatedAt: ctx.now });
    if (rescored) await recordScore(tx, after, scoreNote ?? null);
    await tx.audit({ action: 'risk.update', objectType: 'risk', objectId: id, objectLabel: label(after), before, after });
  });
  return getRisk(ctx, id);
}

/** Accepts the residual risk until a date; the approver is the actor, and the accepted cell is kept to flag a later change. */
export async function acceptRisk(ctx: Ctx, id: string, input: z.output<typeof AcceptRiskInput>): Promise<RiskDetail> {
  riskPolicy.check(ctx.actor, 'accept');
  if (input.expiresOn <= todayOf(ctx)) throw AppError.invalid('expiresOn', 'An acceptance runs until a date after today.');
  await change(ctx, async (tx) => {
    const before = riskPolicy.authorize(ctx.actor, 'accept', await repo.lockRisk(tx.db, ctx.actor.orgId, id));
    const after = await repo.updateRisk(tx.db, ctx.actor.orgId, id, {
      treatment: 'accept',
      acceptedById: ctx.actor.userId,
      acceptedAt: ctx.now,
      acceptanceExpiresOn: input.expiresOn,
      acceptanceNote: input.note ?? null,
      acceptedLikelihood: before.residualLikelihood,
      acceptedImpact: before.residualImpact,
      updatedAt: ctx.now,
    });
    await tx.audit({ action: 'risk.accept', objectType: 'risk', objectId: id, objectLabel: label(after), before, after });
  });
  return getRisk(ctx, id);
}

export async function closeRisk(ctx: Ctx, id: string, input: z.output<typeof CloseRiskInput>): Promise<RiskDetail> {
  riskPolicy.check(ctx.actor, 'close');
  await change(ctx, async (tx) => {
    const before = riskPolicy.authorize(ctx.actor, 'close', await repo.lockRisk(tx.db, ctx.actor.orgId, id));
    const after = await repo.updateRisk(tx.db, ctx.actor.orgId, id, { status: 'closed', closedAt: ctx.now, updatedAt: ctx.now });
    await tx.audit({ action: 'risk.close', objectType: 'risk', objectId: id, objectLabel: label(after), before, after: { ...after, closeNote: input.note ?? null } });
  });
  return getRisk(ctx, id);
}

export async function reopenRisk(ctx: Ctx, id: string): Promise<RiskDetail> {
  riskPolicy.check(ctx.actor, 'reopen');
  await change(ctx, async (tx) => {
    const before = riskPolicy.authorize(ctx.actor, 'reopen', await repo.lockRisk(tx.db, ctx.actor.orgId, id));
    const after = await repo.updateRisk(tx.db, ctx.actor.orgId, id, { status: 'open', closedAt: null, updatedAt: ctx.now });
    await tx.audit({ action: 'risk.reopen', objectType: 'risk', objectId: id, objectLabel: label(after), before, after });
  });
  return getRisk(ctx, id);
}

export async function addRiskAction(ctx: Ctx, riskId: string, input: z.output<typeof RiskActionInput>): Promise<RiskDetail> {
  riskPolicy.check(ctx.actor, 'addAction');
  if (input.ownerId) await referenceInternalUser(ctx, input.ownerId, 'ownerId');
  await change(ctx, async (tx) => {
    const risk = riskPolicy.authorize(ctx.actor, 'addAction', await repo.lockRisk(tx.db, ctx.actor.orgId, riskId));
    const row = await repo.insertAction(tx.db, { orgId: ctx.actor.orgId, riskId, title: input.title, ownerId: input.ownerId ?? null, dueOn: input.dueOn ?? null, status: input.status, createdAt: ctx.now, updatedAt: ctx.now });
    await tx.audit({ action: 'risk_action.create', objectType: 'risk_action', objectId: row.id, objectLabel: `${row.title} (${risk.title})`, after: row });
  });
  return getRisk(ctx, riskId);
}

export async function updateRiskAction(ctx: Ctx, id: string, input: z.output<typeof RiskActionUpdate>): Promise<RiskDetail> {
  riskActionPolicy.check(ctx.actor, 'update');
  if (input.ownerId) await referenceInternalUser(ctx, input.ownerId, 'ownerId');
  const riskId = await change(ctx, async (tx) => {
    const found = await repo.findAction(tx.db, ctx.actor.orgId, id);
    const before = riskActionPolicy.authorize(ctx.actor, 'update', found ? { ...found.action, riskStatus: found.riskStatus } : null);
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const after = await repo.updateAction(tx.db, ctx.actor.orgId, id, { ...patch, updatedAt: ctx.now });
    await tx.audit({ action: 'risk_action.update', objectType: 'risk_action', objectId: id, objectLabel: `${after.title} (${found!.riskTitle})`, before, after });
    return before.riskId;
  });
  return getRisk(ctx, riskId);
}

/** Counts per cell of the open risks, inherent and residual side by side, with the appetite. */
export async function riskHeatMap(ctx: Ctx, vendorId?: string) {
  riskViewsPolicy.check(ctx.actor, 'read');
  if (vendorId) await referenceVendor(ctx, vendorId, 'vendorId');
  const { matrix } = await settingsOf(ctx);
  const rows = await repo.openRiskCells(ctx.db, ctx.actor.orgId, vendorId);
  const counts = heatMap(
    matrix,
    rows.map((r) => ({ inherent: { likelihood: r.il, impact: r.ii }, residual: { likelihood: r.rl, impact: r.ri } })),
  );
  const cells = counts.inherent.map((row, l) =>
    row.map((n, i) => {
      const c = presentCell(matrix, { likelihood: l + 1, impact: i + 1 });
      return { level: c.level, levelLabel: c.levelLabel, color: c.color, aboveAppetite: c.aboveAppetite, inherent: n, residual: counts.residual[l][i] };
    }),
  );
  return { likelihoodLabels: matrix.likelihoodLabels, impactLabels: matrix.impactLabels, cells, appetiteLabel: matrix.levels[matrix.appetite]?.label ?? '', openRisks: rows.length };
}

/** The matrix changed: every risk's stored residual level is worked out again (inside the settings change). */
export async function recomputeLevels(ctx: Ctx, m: RiskMatrix) {
  for (const r of await repo.riskCells(ctx.db, ctx.actor.orgId)) {
    const level = levelOf(m, { likelihood: r.l, impact: r.i });
    if (level !== r.level) await repo.updateRisk(ctx.db, ctx.actor.orgId, r.id, { residualLevel: level });
  }
}
