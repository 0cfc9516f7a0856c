import type { Owned } from '../../policy.ts';
import { definePolicy } from '../../policy.ts';
import type { ClauseRow, RequirementRow } from './clauses.repo.ts';

/** The organisation's clause library: read with contracts, edited by those who write contracts. Internal users only. */
export const clausePolicy = definePolicy<ClauseRow, 'list' | 'read' | 'create' | 'update' | 'retire' | 'reference'>({
  label: 'The clause',
  actions: {
    list: { permission: 'contract.read' },
    read: { permission: 'contract.read' },
    create: { permission: 'contract.write' },
    update: { permission: 'contract.write' },
    retire: { permission: 'contract.write' },
    reference: { permission: 'contract.read' },
  },
});

/** Which clauses the organisation requires for which engagements. */
export const requirementPolicy = definePolicy<RequirementRow, 'list' | 'create' | 'update' | 'delete'>({
  label: 'The clause requirement',
  actions: {
    list: { permission: 'contract.read' },
    create: { permission: 'contract.write' },
    update: { permission: 'contract.write' },
    delete: { permission: 'contract.write' },
  },
});

/** A contract as the clause review sees it (already one the actor may read, per the contracts module). */
export type ReviewedContract = Owned & { id: string; title: string };

/** The clause review of a contract: never shown to a vendor contact (the portal has no clause review). */
export const clauseReviewPolicy = definePolicy<ReviewedContract, 'read' | 'review'>({
  label: 'The clause review',
  actions: {
    read: { permission: 'contract.read' },
    review: { permission: 'contract.write' },
  },
});

/** Gaps across the portfolio: a view over the organisation, filtered by ids checked by their own modules. */
export const gapPolicy = definePolicy<Owned, 'list' | 'settings'>({
  label: 'Contract gaps',
  collection: true,
  actions: {
    list: { permission: 'contract.read' },
    settings: { permission: 'contract.write' },
  },
});
