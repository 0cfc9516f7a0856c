import type { Vendor } from '../../../shared/contracts/vendors.ts';
import type { VendorWithExtras } from './vendors.repo.ts';

export function presentVendor(r: VendorWithExtras): Vendor {
  const v = r.vendor;
  return {
    id: v.id,
    name: v.name,
    legalName: v.legalName,
    website: v.website,
    country: v.country,
    kind: v.kind as Vendor['kind'],
    status: v.status as Vendor['status'],
    tier: v.tier,
    tierReason: v.tierReason,
    dataAccess: v.dataAccess as Vendor['dataAccess'],
    contactName: v.contactName,
    contactEmail: v.contactEmail,
    contactPhone: v.contactPhone,
    contactTimeZone: v.contactTimeZone,
    contactWorkingHours: v.contactWorkingHours ?? null,
    internalOwnerId: v.internalOwnerId,
    internalOwnerName: r.internalOwnerName,
    tags: v.tags,
    notes: v.notes,
    archived: v.archivedAt !== null,
    engagementCount: Number(r.engagementCount),
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}
