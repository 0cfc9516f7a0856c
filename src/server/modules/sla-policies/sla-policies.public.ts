/** The SLA policies module as other modules, the CLI, seeds and builders see it (lint rule outsight/public-surface). */
export { currentPolicies, enginePolicy, findPolicyRow, getPolicy, listPolicyVersions, policyInForceSql, policyRowVersionsSql, savePolicy } from './sla-policies.service.ts';
export type { SlaPolicyRow } from './sla-policies.repo.ts';
