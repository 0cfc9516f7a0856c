import { definePolicy } from '../../policy.ts';
import type { VendorRow } from './vendors.repo.ts';

/**
 * Who may do what to a vendor. Internal roles follow the permission table; a vendor
 * contact sees exactly one vendor, its own (the portal's header), and changes none.
 */
export const vendorPolicy = definePolicy<VendorRow, 'list' | 'read' | 'create' | 'update' | 'archive' | 'reference'>({
  label: 'The vendor',
  vendorOf: (v) => v.id,
  actions: {
    list: { permission: 'vendor.read' },
    read: { permission: ['vendor.read', 'portal.use'] },
    create: { permission: 'vendor.write' },
    update: { permission: 'vendor.write' },
    archive: { permission: 'vendor.write' },
    // Naming a vendor in another object (an engagement, an assessment, a user's binding):
    // anyone who may write there may point at any vendor of the organisation.
    reference: { permission: ['vendor.read', 'portal.use'] },
  },
});
