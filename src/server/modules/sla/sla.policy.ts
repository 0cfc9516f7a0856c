import { definePolicy, type Owned } from '../../policy.ts';
import type { OutageRow } from './outages.repo.ts';

/**
 * What is measured of an engagement (its SLA report, ticket verdicts, the portfolio
 * overview): internal only, read with sla.read. The engagement is reached through
 * engagements.public first (`requireEngagement`, or `authorizeEngagementRead` on the
 * report's inputs statement), so its visibility rules hold.
 */
export const measurementPolicy = definePolicy<Owned, 'read'>({
  label: 'The SLA report',
  actions: {
    read: { permission: 'sla.read' },
  },
});

/** Outages and maintenance windows of an engagement: read with sla.read, recorded and removed with sla.write. */
export const outagePolicy = definePolicy<OutageRow, 'list' | 'create' | 'delete'>({
  label: 'The outage',
  actions: {
    list: { permission: 'sla.read' },
    create: { permission: 'sla.write' },
    delete: { permission: 'sla.write' },
  },
});
