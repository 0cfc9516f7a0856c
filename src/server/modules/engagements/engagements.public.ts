/** The engagements module as other modules see it (lint rule outsight/public-surface). */
export {
  allEngagements,
  authorizeEngagementRead,
  countEngagements,
  createEngagement,
  engagementReadSql,
  engagementRowVersionsSql,
  engagementsOfVendorsByNames,
  findEngagementsByName,
  getEngagement,
  listEngagements,
  ownEngagements,
  referenceEngagement,
  requireEngagement,
  updateEngagement,
} from './engagements.service.ts';
export type { EngagementRow } from './engagements.repo.ts';
