import type { SlaPolicy as EnginePolicy } from '../../../domain/sla/policy.ts';
import type { SlaPolicy } from '../../../shared/contracts/sla.ts';
import type { PolicyWithAuthor } from './sla-policies.repo.ts';

/** Policies saved before money carried its currency were all in euros. */
export const DEFAULT_CURRENCY = 'EUR';

/** The stored definition: the engine's policy without its calendar id (that is a column). */
export type Definition = Omit<EnginePolicy, 'calendarId'>;

export function presentSlaPolicy(r: PolicyWithAuthor): SlaPolicy {
  const d = r.policy.definition as Definition;
  return {
    ...(d as unknown as Omit<SlaPolicy, 'calendarId' | 'id' | 'engagementId' | 'version' | 'createdAt' | 'createdByName'>),
    currency: d.currency ?? DEFAULT_CURRENCY,
    calendarId: r.policy.calendarId,
    id: r.policy.id,
    engagementId: r.policy.engagementId,
    version: r.policy.version,
    createdAt: r.policy.createdAt.toISOString(),
    createdByName: r.createdByName,
  };
}
