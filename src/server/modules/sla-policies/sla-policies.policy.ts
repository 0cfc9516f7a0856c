import { definePolicy } from '../../policy.ts';
import type { SlaPolicyRow } from './sla-policies.repo.ts';

/**
 * An engagement's SLA policy versions: internal only. The engagement itself is reached
 * through engagements.public (`requireEngagement`), so its visibility rules hold first.
 */
export const slaPolicyPolicy = definePolicy<SlaPolicyRow, 'list' | 'read' | 'save'>({
  label: 'The SLA policy',
  actions: {
    list: { permission: 'sla.read' },
    read: { permission: 'sla.read' },
    save: { permission: 'sla.write' },
  },
});
