import type { CoreFacts } from '../../../../domain/risk/signals/index.ts';
import type { Ctx } from '../../../context.ts';
import { allEngagements } from '../../engagements/engagements.public.ts';
import { listVendors } from '../../vendors/vendors.public.ts';
import { todayOf } from '../risks.service.ts';

/** Page after page: an organisation has thousands of vendors and engagements at most. */
async function all<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    out.push(...p.items);
    cursor = p.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** The vendors in use (not archived, neither a prospect nor former) and their engagements that still run. */
export async function coreFacts(ctx: Ctx): Promise<CoreFacts & { businessServices: Map<string, string[]> }> {
  const vendors = (await all((cursor) => listVendors(ctx, { archived: 'false', sort: 'name', limit: 200, cursor }))).filter((v) => v.status !== 'former' && v.status !== 'prospect');
  const inUse = new Set(vendors.map((v) => v.id));
  const engagements = (await allEngagements(ctx, { archived: 'false' })).filter((e) => e.status !== 'ended' && inUse.has(e.vendorId));
  return {
    today: todayOf(ctx),
    vendors: vendors.map((v) => ({ id: v.id, name: v.name, tier: v.tier, dataAccess: v.dataAccess, status: v.status, country: v.country ?? null, ownerId: v.internalOwnerId ?? null })),
    engagements: engagements.map((e) => ({ id: e.id, name: e.name, vendorId: e.vendorId, criticality: e.criticality, serviceType: e.serviceType, status: e.status, country: e.deliveryCountry ?? null })),
    businessServices: new Map(engagements.map((e) => [e.id, e.businessServices ?? []])),
  };
}
