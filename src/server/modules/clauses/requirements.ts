import type { z } from 'zod';
import { DORA_REQUIREMENTS, type RequirementRule } from '../../../domain/contracts/requirements.ts';
import type { DoraSwitch, Requirement, RequirementInput, RequirementUpdate } from '../../../shared/contracts/clauses.ts';
import type { Ctx } from '../../context.ts';
import { change } from '../audit/audit.public.ts';
import { gapPolicy, requirementPolicy } from './clauses.policy.ts';
import { appliesToInWords } from './clauses.presenter.ts';
import * as repo from './clauses.repo.ts';
import { ensureClauseSetup, referenceClause } from './library.ts';

type When = Requirement['when'];

function requirementOf(r: { id: string | null; clause: repo.ClauseRow | undefined; when: When; reason: string; source: Requirement['source'] }): Requirement | null {
  if (!r.clause) return null;
  return { id: r.id, clause: { id: r.clause.id, title: r.clause.title, retired: r.clause.retiredAt !== null }, when: r.when, appliesTo: appliesToInWords(r.when), reason: r.reason, source: r.source };
}

const whenOf = (r: { criticality: string[]; dataAccess: string[]; serviceType: string[] }) => ({ criticality: r.criticality, dataAccess: r.dataAccess, serviceType: r.serviceType }) as When;

/**
 * Everything the gap rules need: the library (retired clauses too, for names), the
 * organisation's own requirements and, when switched on, the DORA set mapped onto the
 * library's built-in clauses.
 */
export async function requirementModel(ctx: Ctx) {
  const settings = await ensureClauseSetup(ctx);
  const [clauses, own] = await Promise.all([repo.listClauses(ctx.db, ctx.actor.orgId, 'all'), repo.listRequirements(ctx.db, ctx.actor.orgId)]);
  const byId = new Map(clauses.map((c) => [c.clause.id, c.clause]));
  const byKey = new Map(clauses.filter((c) => c.clause.builtinKey).map((c) => [c.clause.builtinKey!, c.clause]));
  const position = new Map(clauses.map((c, i) => [c.clause.id, i]));
  // In checklist order (the rows were made together when the library was seeded).
  const presentedOwn = own
    .map((r) => requirementOf({ id: r.id, clause: byId.get(r.clauseId), when: whenOf(r), reason: r.reason, source: 'own' }))
    .filter((r): r is Requirement => r !== null)
    .sort((a, b) => (position.get(a.clause.id) ?? 0) - (position.get(b.clause.id) ?? 0));
  const dora = DORA_REQUIREMENTS.map((r) =>
    requirementOf({ id: null, clause: byKey.get(r.clauseKey), when: { criticality: r.when.criticality ?? [], dataAccess: r.when.dataAccess ?? [], serviceType: [] } as When, reason: r.reason, source: 'dora' }),
  ).filter((r): r is Requirement => r !== null);
  const inForce = [...presentedOwn, ...(settings.doraEnabled ? dora : [])].filter((r) => !r.clause.retired);
  // The domain's rules name clauses by key; here the key is the library row's id.
  const rules: RequirementRule[] = inForce.map((r) => ({ clauseKey: r.clause.id, when: r.when, reason: r.reason }));
  return { settings, clauses: byId, order: clauses.map((c) => c.clause.id), own: presentedOwn, dora, rules, truncated: own.length >= repo.LIST_CAP };
}

export async function listRequirements(ctx: Ctx) {
  requirementPolicy.check(ctx.actor, 'list');
  const m = await requirementModel(ctx);
  return { items: m.own, dora: m.dora, doraEnabled: m.settings.doraEnabled, truncated: m.truncated };
}

const columnsOf = (when: z.output<typeof RequirementInput>['when']) => ({ criticality: when.criticality, dataAccess: when.dataAccess, serviceType: when.serviceType });

export async function createRequirement(ctx: Ctx, input: z.output<typeof RequirementInput>) {
  requirementPolicy.check(ctx.actor, 'create');
  const clause = await referenceClause(ctx, input.clauseId);
  await change(ctx, async (tx) => {
    const [row] = await repo.insertRequirements(tx.db, [{ orgId: ctx.actor.orgId, clauseId: clause.id, ...columnsOf(input.when), reason: input.reason, createdAt: ctx.now, updatedAt: ctx.now }]);
    await tx.audit({ action: 'clause_requirement.create', objectType: 'clause_requirement', objectId: row.id, objectLabel: clause.title, after: row });
  });
  return listRequirements(ctx);
}

export async function updateRequirement(ctx: Ctx, id: string, input: z.output<typeof RequirementUpdate>) {
  requirementPolicy.check(ctx.actor, 'update');
  const clause = input.clauseId ? await referenceClause(ctx, input.clauseId) : null;
  await change(ctx, async (tx) => {
    const before = requirementPolicy.authorize(ctx.actor, 'update', await repo.lockRequirement(tx.db, ctx.actor.orgId, id));
    const after = await repo.updateRequirement(tx.db, ctx.actor.orgId, id, {
      ...(clause ? { clauseId: clause.id } : {}),
      ...(input.when ? columnsOf(input.when) : {}),
      ...(input.reason !== undefined ? { reason: input.reason } : {}),
      updatedAt: ctx.now,
    });
    await tx.audit({ action: 'clause_requirement.update', objectType: 'clause_requirement', objectId: id, objectLabel: clause?.title ?? null, before, after });
  });
  return listRequirements(ctx);
}

export async function deleteRequirement(ctx: Ctx, id: string) {
  requirementPolicy.check(ctx.actor, 'delete');
  await change(ctx, async (tx) => {
    const before = requirementPolicy.authorize(ctx.actor, 'delete', await repo.lockRequirement(tx.db, ctx.actor.orgId, id));
    await repo.deleteRequirement(tx.db, ctx.actor.orgId, id);
    await tx.audit({ action: 'clause_requirement.delete', objectType: 'clause_requirement', objectId: id, objectLabel: before.reason.slice(0, 80), before });
  });
  return listRequirements(ctx);
}

/** Switches the DORA Article 30 requirement set on or off for the organisation. */
export async function setDora(ctx: Ctx, input: z.output<typeof DoraSwitch>) {
  gapPolicy.check(ctx.actor, 'settings');
  await ensureClauseSetup(ctx);
  await change(ctx, async (tx) => {
    const before = (await repo.lockSettings(tx.db, ctx.actor.orgId))!;
    if (before.doraEnabled === input.enabled) return;
    const after = await repo.updateSettings(tx.db, ctx.actor.orgId, { doraEnabled: input.enabled, updatedAt: ctx.now });
    await tx.audit({ action: 'clause_settings.update', objectType: 'clause_settings', objectId: null, objectLabel: 'DORA Article 30 requirements', before, after });
  });
  return listRequirements(ctx);
}
