/** The org module as other code sees it (lint rule outsight/public-surface). */
export { getOrg, insertNewOrg, installationHasOrgs, oldestOrgIds, orgName, renameOrg } from './org.service.ts';
export type { OrgRow } from './org.repo.ts';
