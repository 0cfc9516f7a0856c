import { definePolicy } from '../../policy.ts';

/** The audit trail is read by those the permission table allows; nobody changes it (a trigger refuses). */
export const auditPolicy = definePolicy<{ orgId: string }, 'list'>({
  label: 'The audit trail',
  collection: true,
  actions: { list: { permission: 'audit.read' } },
});
