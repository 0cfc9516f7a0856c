import type { CoreFacts } from '../../../../domain/risk/signals/index.ts';
import type { Engagement } from '../../../../shared/contracts/engagements.ts';
import type { Ctx } from '../../../context.ts';
import { allEngagements } from '../../engagements/engagements.public.ts';
import { allVendors } from '../../vendors/vendors.public.ts';
import { todayOf } from '../risks.service.ts';

export interface GatheredCore extends CoreFacts {
  businessServices: Map<string, string[]>;
  /**
   * The running engagements as the engagements module presents them, so the sources that
   * work per engagement (clause gaps, exit readiness) ask about these instead of reading
   * every engagement again: one read of 50,000 engagements is about 0.7 s.
   */
  running: readonly Engagement[];
}

/** The vendors in use (not archived, neither a prospect nor former) and their engagements that still run. */
export async function coreFacts(ctx: Ctx): Promise<GatheredCore> {
  // Both at once: each waits on the database for part of its read.
  const [allInUse, allRunning] = await Promise.all([allVendors(ctx, { archived: 'false', sort: 'name' }), allEngagements(ctx, { archived: 'false' })]);
  const vendors = allInUse.filter((v) => v.status !== 'former' && v.status !== 'prospect');
  const inUse = new Set(vendors.map((v) => v.id));
  const engagements = allRunning.filter((e) => e.status !== 'ended' && inUse.has(e.vendorId));
  return {
    today: todayOf(ctx),
    vendors: vendors.map((v) => ({ id: v.id, name: v.name, tier: v.tier, dataAccess: v.dataAccess, status: v.status, country: v.country ?? null, ownerId: v.internalOwnerId ?? null })),
    engagements: engagements.map((e) => ({ id: e.id, name: e.name, vendorId: e.vendorId, criticality: e.criticality, serviceType: e.serviceType, status: e.status, country: e.deliveryCountry ?? null })),
    businessServices: new Map(engagements.map((e) => [e.id, e.businessServices ?? []])),
    running: engagements,
  };
}
