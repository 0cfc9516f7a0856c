import { definePolicy } from '../../policy.ts';
import type { EvidenceItem } from './evidence.repo.ts';

/**
 * Evidence belongs to a vendor. The client's users see all of it; a vendor contact sees
 * only what is shared with its vendor — its own uploads, and what the client chose to
 * share — not every document the client files under that vendor (an internal audit
 * report, say).
 */
export const evidencePolicy = definePolicy<EvidenceItem, 'list' | 'listShared' | 'read' | 'upload' | 'update' | 'delete' | 'attach'>({
  label: 'The evidence',
  vendorOf: (e) => e.vendorId,
  visible: (e, actor) => actor.role !== 'vendor_contact' || e.sharedWithVendor,
  actions: {
    list: { permission: 'assessment.read' },
    listShared: { permission: 'portal.use' },
    read: { permission: ['assessment.read', 'portal.use'] },
    upload: { permission: ['evidence.write', 'portal.use'] },
    update: { permission: 'evidence.write' },
    delete: { permission: 'evidence.write' },
    // Named in a file answer.
    attach: { permission: ['evidence.write', 'portal.use'] },
  },
});
