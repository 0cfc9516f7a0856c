import type { Engagement } from '../../../shared/contracts/engagements.ts';
import type { EngagementWithExtras } from './engagements.repo.ts';

export function presentEngagement(r: EngagementWithExtras): Engagement {
  const e = r.engagement;
  return {
    id: e.id,
    vendorId: e.vendorId,
    vendorName: r.vendorName,
    name: e.name,
    description: e.description,
    serviceType: e.serviceType as Engagement['serviceType'],
    criticality: e.criticality as Engagement['criticality'],
    dataAccess: e.dataAccess as Engagement['dataAccess'],
    startDate: e.startDate,
    endDate: e.endDate,
    status: e.status as Engagement['status'],
    internalOwnerId: e.internalOwnerId,
    internalOwnerName: r.internalOwnerName,
    businessServices: e.businessServices,
    deliveryCountry: e.deliveryCountry,
    archived: e.archivedAt !== null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
