import type { z } from 'zod';
import { contractFieldIssues, type Contract, type ContractInput, type ContractListQuery, type ContractUpdate } from '../../../shared/contracts/contracts.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { decodeCursor, pageOf } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { calendarsByIds } from '../calendars/calendars.public.ts';
import { referenceEngagement } from '../engagements/engagements.public.ts';
import { referenceInternalUser } from '../users/users.public.ts';
import { referenceVendor } from '../vendors/vendors.public.ts';
import { dateRules, type DateRules } from './contracts.dates.ts';
import { contractPolicy } from './contracts.policy.ts';
import { presentContract, presentSummary } from './contracts.presenter.ts';
import type { ContractSummary } from './contracts.public.ts';
import * as repo from './contracts.repo.ts';
import { defined } from '../../defined.ts';


/** Today, the lead time and the business days of the organisation (its contract settings and chosen calendar). */
export async function loadDateRules(ctx: Ctx): Promise<DateRules> {
  const settings = await repo.findSettings(ctx.db, ctx.actor.orgId);
  const calendar = settings?.calendarId ? ((await calendarsByIds(ctx, [settings.calendarId]))[0] ?? null) : null;
  return dateRules(ctx.now, settings, calendar);
}

/** Rows → responses: engagements, notices and key dates fetched once for the lot. */
export async function presentMany(ctx: Ctx, rows: repo.ContractWithExtras[], rules?: DateRules): Promise<Contract[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.contract.id);
  const [links, notices, r] = await Promise.all([repo.engagementsOf(ctx.db, ctx.actor.orgId, ids), repo.noticesOf(ctx.db, ctx.actor.orgId, ids), rules ?? loadDateRules(ctx)]);
  return rows.map((row) =>
    presentContract(
      row,
      links.filter((l) => l.contractId === row.contract.id).map(({ id, name }) => ({ id, name })),
      notices.find((n) => n.notice.contractId === row.contract.id) ?? null,
      r,
    ),
  );
}

/** One page of contracts, sorted by vendor, then title, with the total the list shows. */
export async function listContracts(ctx: Ctx, q: ContractListQuery) {
  contractPolicy.check(ctx.actor, 'list');
  const after = decodeCursor(q.cursor, repo.CONTRACT_SORT.arity);
  const [rows, total] = await Promise.all([repo.listContracts(ctx.db, ctx.actor.orgId, q, after, q.limit + 1), repo.countContracts(ctx.db, ctx.actor.orgId, q)]);
  const page = pageOf(rows, q.limit, (r) => r, repo.CONTRACT_SORT.key);
  return { items: await presentMany(ctx, page.items), nextCursor: page.nextCursor, total };
}

export async function getContract(ctx: Ctx, id: string): Promise<Contract> {
  const found = await repo.findContract(ctx.db, ctx.actor.orgId, id);
  contractPolicy.authorize(ctx.actor, 'read', found?.contract);
  return (await presentMany(ctx, [found!]))[0];
}

/** The contract row behind an id the caller may `action` (sub-resources: notice, dates, documents). */
export async function requireContract(ctx: Ctx, action: 'read' | 'update' | 'notice', id: string): Promise<repo.ContractRow> {
  return contractPolicy.authorize(ctx.actor, action, await repo.findContractRow(ctx.db, ctx.actor.orgId, id));
}

// Public surface ------------------------------------------------------------------------------

async function summaries(ctx: Ctx, rows: repo.ContractRow[]): Promise<ContractSummary[]> {
  const links = await repo.engagementsOf(
    ctx.db,
    ctx.actor.orgId,
    rows.map((r) => r.id),
  );
  // Grouped once: filtering every link per contract is quadratic over a large portfolio.
  const byContract = new Map<string, string[]>();
  for (const l of links) {
    const ids = byContract.get(l.contractId);
    if (ids) ids.push(l.id);
    else byContract.set(l.contractId, [l.id]);
  }
  return rows.map((c) => presentSummary(c, byContract.get(c.id) ?? []));
}

export async function referenceContract(ctx: Ctx, id: string, field: string): Promise<ContractSummary> {
  const row = contractPolicy.reference(ctx.actor, 'reference', await repo.findContractRow(ctx.db, ctx.actor.orgId, id), field, 'Choose one of your contracts.');
  return (await summaries(ctx, [row]))[0];
}

export async function getContractSummary(ctx: Ctx, id: string): Promise<ContractSummary> {
  const row = contractPolicy.authorize(ctx.actor, 'read', await repo.findContractRow(ctx.db, ctx.actor.orgId, id));
  return (await summaries(ctx, [row]))[0];
}

export async function contractsCovering(ctx: Ctx, engagementIds: readonly string[]): Promise<ContractSummary[]> {
  contractPolicy.check(ctx.actor, 'list');
  return summaries(ctx, await repo.contractsCovering(ctx.db, ctx.actor.orgId, [...new Set(engagementIds)]));
}

export async function contractsOfVendor(ctx: Ctx, vendorId: string): Promise<ContractSummary[]> {
  contractPolicy.check(ctx.actor, 'list');
  return summaries(ctx, await repo.contractsOfVendor(ctx.db, ctx.actor.orgId, vendorId));
}

// Writes ---------------------------------------------------------------------------------------

/** Which status may follow which; the same status is always allowed. */
const NEXT_STATUS: Record<string, readonly string[]> = {
  draft: ['in_negotiation', 'signed', 'active', 'terminated'],
  in_negotiation: ['draft', 'signed', 'active', 'terminated'],
  signed: ['active', 'expired', 'terminated'],
  active: ['expired', 'terminated'],
  expired: ['active'],
  terminated: [],
};
const STATUS_WORDS: Record<string, string> = { draft: 'a draft', in_negotiation: 'in negotiation', signed: 'signed', active: 'active', expired: 'expired', terminated: 'terminated' };

function checkStatusChange(from: string, to: string) {
  if (from === to || NEXT_STATUS[from]?.includes(to)) return;
  throw new AppError('conflict', `A contract that is ${STATUS_WORDS[from]} cannot become ${STATUS_WORDS[to]}.`, { issues: [{ path: 'status', message: `Cannot change from ${STATUS_WORDS[from]} to ${STATUS_WORDS[to]}` }] });
}

function throwIssues(issues: Array<{ path: string; message: string }>) {
  if (issues.length) throw new AppError('validation_failed', issues[0].message, { issues });
}

/**
 * The parent rules: a master agreement has none; an amendment amends a contract of the
 * same vendor; any other contract may sit under a master agreement of the same vendor.
 * No contract is its own ancestor.
 */
async function checkParent(ctx: Ctx, db: Ctx['db'], self: { id: string | null; vendorId: string; type: string }, parentId: string | null | undefined) {
  if (self.type === 'amendment' && !parentId) throw AppError.invalid('parentId', 'Choose the contract this amendment amends.');
  if (!parentId) return;
  if (self.type === 'master_agreement') throw AppError.invalid('parentId', 'A master agreement sits under no other contract.');
  const parent = contractPolicy.reference(ctx.actor, 'reference', await repo.findContractRow(db, ctx.actor.orgId, parentId), 'parentId', 'Choose one of your contracts.');
  if (parent.vendorId !== self.vendorId) throw AppError.invalid('parentId', 'The parent contract is with another vendor.');
  if (self.type !== 'amendment' && parent.type !== 'master_agreement') throw AppError.invalid('parentId', 'Choose a master agreement as the parent.');
  if (self.id && (parentId === self.id || (await repo.ancestors(db, ctx.actor.orgId, parentId)).includes(self.id))) {
    throw AppError.invalid('parentId', 'A contract cannot sit under itself or under one of its own amendments.');
  }
}

async function checkEngagements(ctx: Ctx, vendorId: string, ids: readonly string[]) {
  for (const [i, id] of ids.entries()) {
    const e = await referenceEngagement(ctx, id, `engagementIds.${i}`);
    if (e.vendorId !== vendorId) throw AppError.invalid(`engagementIds.${i}`, `"${e.name}" is an engagement of another vendor.`);
  }
}

/** Creates a contract of one of the organisation's vendors. */
export async function createContract(ctx: Ctx, input: z.output<typeof ContractInput>): Promise<Contract> {
  contractPolicy.check(ctx.actor, 'create');
  await referenceVendor(ctx, input.vendorId);
  if (input.internalOwnerId) await referenceInternalUser(ctx, input.internalOwnerId, 'internalOwnerId');
  await checkEngagements(ctx, input.vendorId, input.engagementIds);
  const { engagementIds, ...fields } = input;
  const id = await change(ctx, async (tx) => {
    await checkParent(ctx, tx.db, { id: null, vendorId: input.vendorId, type: input.type }, input.parentId);
    const row = await repo.insertContract(tx.db, { ...(defined(fields) as repo.ContractInsert), orgId: ctx.actor.orgId, createdAt: ctx.now, updatedAt: ctx.now });
    await repo.setEngagements(tx.db, ctx.actor.orgId, row.id, engagementIds);
    await tx.audit({ action: 'contract.create', objectType: 'contract', objectId: row.id, after: { ...row, engagementIds } });
    return row.id;
  });
  return getContract(ctx, id);
}

export async function updateContract(ctx: Ctx, id: string, input: z.output<typeof ContractUpdate>): Promise<Contract> {
  contractPolicy.check(ctx.actor, 'update');
  if (input.internalOwnerId) await referenceInternalUser(ctx, input.internalOwnerId, 'internalOwnerId');
  await change(ctx, async (tx) => {
    const before = contractPolicy.authorize(ctx.actor, 'update', await repo.lockContract(tx.db, ctx.actor.orgId, id));
    const { engagementIds, ...fields } = input;
    const merged = { ...before, ...defined(fields) } as repo.ContractRow;
    throwIssues(
      contractFieldIssues({
        ...merged,
        renewalKind: merged.renewalKind as 'none',
        noticeUnit: merged.noticeUnit as 'days' | null,
        convenienceNoticeUnit: merged.convenienceNoticeUnit as 'days' | null,
        type: merged.type as 'nda',
        status: merged.status as 'draft',
      }),
    );
    if (input.status) checkStatusChange(before.status, input.status);
    if (input.parentId !== undefined || input.type !== undefined) await checkParent(ctx, tx.db, { id, vendorId: before.vendorId, type: merged.type }, merged.parentId);
    if (engagementIds) {
      await checkEngagements(ctx, before.vendorId, engagementIds);
      await repo.setEngagements(tx.db, ctx.actor.orgId, id, engagementIds);
    }
    const after = await repo.updateContract(tx.db, ctx.actor.orgId, id, { ...defined(fields), updatedAt: ctx.now });
    await tx.audit({ action: 'contract.update', objectType: 'contract', objectId: id, before, after: engagementIds ? { ...after, engagementIds } : after });
  });
  return getContract(ctx, id);
}

export async function setContractArchived(ctx: Ctx, id: string, archived: boolean): Promise<Contract> {
  contractPolicy.check(ctx.actor, archived ? 'archive' : 'restore');
  await change(ctx, async (tx) => {
    const before = contractPolicy.authorize(ctx.actor, archived ? 'archive' : 'restore', await repo.lockContract(tx.db, ctx.actor.orgId, id));
    if ((before.archivedAt !== null) === archived) return;
    const after = await repo.updateContract(tx.db, ctx.actor.orgId, id, { archivedAt: archived ? ctx.now : null, updatedAt: ctx.now });
    await tx.audit({ action: archived ? 'contract.archive' : 'contract.restore', objectType: 'contract', objectId: id, before, after });
  });
  return getContract(ctx, id);
}
