import { definePolicy } from '../../policy.ts';
import type { EngagementRow } from './engagements.repo.ts';

/** What the policy decides on: the organisation and vendor (a statement that reads only these can be authorized). */
export type EngagementAccess = Pick<EngagementRow, 'orgId' | 'vendorId'>;

/** Internal roles per the permission table; a vendor contact may read its own vendor's engagements (portal labels). */
export const engagementPolicy = definePolicy<EngagementAccess, 'list' | 'read' | 'create' | 'update' | 'archive' | 'reference'>({
  label: 'The engagement',
  vendorOf: (e) => e.vendorId,
  actions: {
    list: { permission: 'engagement.read' },
    read: { permission: ['engagement.read', 'portal.use'] },
    create: { permission: 'engagement.write' },
    update: { permission: 'engagement.write' },
    archive: { permission: 'engagement.write' },
    reference: { permission: ['engagement.read', 'portal.use'] },
  },
});
