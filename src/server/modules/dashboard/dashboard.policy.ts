import { definePolicy } from '../../policy.ts';

/** The home screen is for internal roles; what it shows of each module follows that module's own policy. */
export const dashboardPolicy = definePolicy<{ orgId: string }, 'read'>({
  label: 'The dashboard',
  collection: true,
  actions: { read: { permission: 'dashboard.read' } },
});
