import { definePolicy } from '../../policy.ts';
import type { ContractRow } from './contracts.repo.ts';

const notArchived = (c: ContractRow) => (c.archivedAt === null ? true : 'An archived contract cannot be changed; restore it first.');

/**
 * Who may do what to a contract. Contracts are internal: a vendor contact never reads
 * them (its deliverables reach it through the portal), so the policy has no vendor scope.
 */
export const contractPolicy = definePolicy<ContractRow, 'list' | 'read' | 'create' | 'update' | 'archive' | 'restore' | 'notice' | 'reference'>({
  label: 'The contract',
  actions: {
    list: { permission: 'contract.read' },
    read: { permission: 'contract.read' },
    create: { permission: 'contract.write' },
    update: { permission: 'contract.write', when: notArchived },
    archive: { permission: 'contract.write' },
    restore: { permission: 'contract.write' },
    /** Recording notice, adding dates and documents: a change to a live contract. */
    notice: { permission: 'contract.write', when: notArchived },
    reference: { permission: 'contract.read' },
  },
});

/** The organisation's contract settings (lead time, reminder offsets, calendar): read by readers, set by those who manage the organisation. */
export const contractSettingsPolicy = definePolicy<{ orgId: string }, 'read' | 'update'>({
  label: 'The contract settings',
  collection: true,
  actions: {
    read: { permission: 'contract.read' },
    update: { permission: 'org.manage' },
  },
});
