import type { z } from 'zod';
import { BUILTIN_CLAUSES } from '../../../domain/contracts/clauses.ts';
import { DEFAULT_REQUIREMENTS } from '../../../domain/contracts/requirements.ts';
import type { Clause, ClauseInput, ClauseListQuery, ClauseUpdate } from '../../../shared/contracts/clauses.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { clausePolicy } from './clauses.policy.ts';
import { presentClause } from './clauses.presenter.ts';
import * as repo from './clauses.repo.ts';

/**
 * An organisation's clause library and default requirements are made on first use (any
 * clause, requirement or gap call), from the built-in set: organisations that existed
 * before this module get them exactly like new ones. One caller claims the settings row;
 * a concurrent one waits for it on the unique key and finds the work done.
 */
export async function ensureClauseSetup(ctx: Ctx): Promise<repo.SettingsRow> {
  const orgId = ctx.actor.orgId;
  const found = await repo.findSettings(ctx.db, orgId);
  if (found) return found;
  await change(ctx, async (tx) => {
    if (!(await repo.claimSettings(tx.db, orgId, ctx.now))) return;
    const clauses = await repo.insertClauses(
      tx.db,
      BUILTIN_CLAUSES.map((c, i) => ({ orgId, builtinKey: c.key, title: c.title, guidance: c.guidance, weakWhen: c.weakWhen, position: (i + 1) * 10, createdAt: ctx.now, updatedAt: ctx.now })),
    );
    const idOf = new Map(clauses.map((c) => [c.builtinKey, c.id]));
    const requirements = await repo.insertRequirements(
      tx.db,
      DEFAULT_REQUIREMENTS.flatMap((r) => {
        const clauseId = idOf.get(r.clauseKey);
        return clauseId
          ? [{ orgId, clauseId, criticality: r.when.criticality ?? [], dataAccess: r.when.dataAccess ?? [], serviceType: r.when.serviceType ?? [], reason: r.reason, createdAt: ctx.now, updatedAt: ctx.now }]
          : [];
      }),
    );
    await tx.audit({
      action: 'clause_library.create',
      objectType: 'clause_library',
      objectId: null,
      objectLabel: 'Clause library',
      after: { clauses: clauses.length, requirements: requirements.length },
    });
  });
  return (await repo.findSettings(ctx.db, orgId))!;
}

export async function listClauses(ctx: Ctx, q: z.output<typeof ClauseListQuery>): Promise<{ items: Clause[]; truncated: boolean }> {
  clausePolicy.check(ctx.actor, 'list');
  await ensureClauseSetup(ctx);
  const rows = await repo.listClauses(ctx.db, ctx.actor.orgId, q.retired, repo.LIST_CAP + 1);
  return { items: rows.slice(0, repo.LIST_CAP).map((r) => presentClause(r.clause, r.reviewCount)), truncated: rows.length > repo.LIST_CAP };
}

export async function getClause(ctx: Ctx, id: string): Promise<Clause> {
  const found = await repo.findClause(ctx.db, ctx.actor.orgId, id);
  clausePolicy.authorize(ctx.actor, 'read', found?.clause);
  return presentClause(found!.clause, found!.reviewCount);
}

/** A clause id named in a body: a current clause of the organisation's library, or an invalid field. */
export async function referenceClause(ctx: Ctx, id: string, field = 'clauseId'): Promise<repo.ClauseRow> {
  await ensureClauseSetup(ctx);
  const found = await repo.findClause(ctx.db, ctx.actor.orgId, id);
  const clause = clausePolicy.reference(ctx.actor, 'reference', found?.clause, field, 'Choose a clause of your library.');
  if (clause.retiredAt) throw AppError.invalid(field, `"${clause.title}" is retired; restore it first.`);
  return clause;
}

function titleTaken(e: unknown): boolean {
  const code = (e as { code?: string; cause?: { code?: string } })?.code ?? (e as { cause?: { code?: string } })?.cause?.code;
  return code === '23505';
}

export async function createClause(ctx: Ctx, input: z.output<typeof ClauseInput>): Promise<Clause> {
  clausePolicy.check(ctx.actor, 'create');
  await ensureClauseSetup(ctx);
  try {
    const id = await change(ctx, async (tx) => {
      const position = await repo.nextPosition(tx.db, ctx.actor.orgId);
      const row = await repo.insertClause(tx.db, {
        orgId: ctx.actor.orgId,
        builtinKey: null,
        title: input.title,
        guidance: input.guidance,
        weakWhen: input.weakWhen ?? null,
        position,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      await tx.audit({ action: 'clause.create', objectType: 'clause', objectId: row.id, after: row });
      return row.id;
    });
    return getClause(ctx, id);
  } catch (e) {
    if (titleTaken(e)) throw AppError.invalid('title', 'Your library already has a clause with this title.');
    throw e;
  }
}

export async function updateClause(ctx: Ctx, id: string, input: z.output<typeof ClauseUpdate>): Promise<Clause> {
  clausePolicy.check(ctx.actor, 'update');
  try {
    await change(ctx, async (tx) => {
      const before = clausePolicy.authorize(ctx.actor, 'update', await repo.lockClause(tx.db, ctx.actor.orgId, id));
      const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      const after = await repo.updateClause(tx.db, ctx.actor.orgId, id, { ...patch, updatedAt: ctx.now });
      await tx.audit({ action: 'clause.update', objectType: 'clause', objectId: id, before, after });
    });
  } catch (e) {
    if (titleTaken(e)) throw AppError.invalid('title', 'Your library already has a clause with this title.');
    throw e;
  }
  return getClause(ctx, id);
}

/** Retiring takes a clause off new checklists; its reviews and history stay. Restoring brings it back. */
export async function setClauseRetired(ctx: Ctx, id: string, retired: boolean): Promise<Clause> {
  clausePolicy.check(ctx.actor, 'retire');
  await change(ctx, async (tx) => {
    const before = clausePolicy.authorize(ctx.actor, 'retire', await repo.lockClause(tx.db, ctx.actor.orgId, id));
    if ((before.retiredAt !== null) === retired) return;
    const after = await repo.updateClause(tx.db, ctx.actor.orgId, id, { retiredAt: retired ? ctx.now : null, updatedAt: ctx.now });
    await tx.audit({ action: retired ? 'clause.retire' : 'clause.restore', objectType: 'clause', objectId: id, before, after });
  });
  return getClause(ctx, id);
}
