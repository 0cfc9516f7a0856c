import type { z } from 'zod';
import type { ClauseReviewInput, ContractChecklist, RequirementWhen } from '../../../shared/contracts/clauses.ts';
import { ClauseReviewInput as ReviewSchema, RequirementInput as RequirementSchema } from '../../../shared/contracts/clauses.ts';
import { ContractInput } from '../../../shared/contracts/contracts.ts';
import { createClause, createRequirement, listClauses, saveClauseReview } from '../../modules/clauses/clauses.public.ts';
import { createContract } from '../../modules/contracts/contracts.public.ts';
import type { OrgHandle } from './core.ts';

/**
 * Builders for the clause checklist: clauses are named by their built-in key
 * ("exit_assistance") or their title, so tests and the demo read like the checklist.
 */
export async function clauseId(org: OrgHandle, keyOrTitle: string): Promise<string> {
  const { items } = await listClauses(org.ctx(), { retired: 'all' });
  const found = items.find((c) => c.key === keyOrTitle || c.title.toLowerCase() === keyOrTitle.toLowerCase());
  if (!found) throw new Error(`No clause "${keyOrTitle}" in the library`);
  return found.id;
}

/** The review of one clause of a contract (present, unless told otherwise). */
export async function aClauseReview(org: OrgHandle, o: { contractId: string; clause: string } & Partial<ClauseReviewInput>): Promise<ContractChecklist> {
  const { contractId, clause, ...review } = o;
  return saveClauseReview(org.ctx(), contractId, await clauseId(org, clause), ReviewSchema.parse({ status: 'present', ...review }));
}

/** Reviews of many clauses of one contract: `{ exit_assistance: 'missing', audit_rights: { status: 'weak', weakReason: '…' } }`. */
export async function clauseReviews(org: OrgHandle, contractId: string, reviews: Record<string, ClauseReviewInput['status'] | Partial<ClauseReviewInput>>): Promise<void> {
  for (const [clause, r] of Object.entries(reviews)) {
    await aClauseReview(org, { contractId, clause, ...(typeof r === 'string' ? { status: r } : r) });
  }
}

/** A clause of the organisation's own. */
export async function aCustomClause(org: OrgHandle, o: { title: string; guidance?: string; weakWhen?: string | null }) {
  return createClause(org.ctx(), { guidance: '', ...o });
}

/** A requirement of the organisation's own (clause by key or title). */
export async function aRequirement(org: OrgHandle, o: { clause: string; when?: Partial<z.input<typeof RequirementWhen>>; reason: string }) {
  return createRequirement(org.ctx(), RequirementSchema.parse({ clauseId: await clauseId(org, o.clause), when: o.when ?? {}, reason: o.reason }));
}

/** A signed contract (a master agreement, unless told otherwise) of `vendorId` covering `engagementIds`, for clause tests. */
export async function aReviewableContract(org: OrgHandle, o: { vendorId: string; engagementIds: string[]; title?: string } & Partial<z.input<typeof ContractInput>>) {
  return createContract(org.ctx(), ContractInput.parse({ type: 'master_agreement', status: 'active', title: `Contract ${Math.random().toString(36).slice(2, 8)}`, ...o }));
}
