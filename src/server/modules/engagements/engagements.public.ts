/** The engagements module as other modules see it (lint rule outsight/public-surface). */
export {
  allEngagements,
  countEngagements,
  createEngagement,
  engagementsOfVendorsByNames,
  findEngagementsByName,
  getEngagement,
  listEngagements,
  ownEngagements,
  referenceEngagement,
  requireEngagement,
  updateEngagement,
  engagementRowVersionsSql,
} from './engagements.service.ts';
export type { EngagementRow } from './engagements.repo.ts';
