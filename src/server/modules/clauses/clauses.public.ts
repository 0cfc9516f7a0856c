/**
 * The clauses module as others see it: the risk module turns gaps into risks, the
 * dashboard reads the feed, seeds and builders review clauses through the services.
 */
export { gapFactsOf, gapsForEngagements, type GapFact } from './gaps.ts';
export { clausesFeed } from './feed.ts';
export { createClause, listClauses, setClauseRetired, updateClause } from './library.ts';
export { createRequirement, listRequirements, setDora } from './requirements.ts';
export { contractChecklist, copyClauseReviews, saveClauseReview } from './reviews.ts';
export { builtinClauseByEngagement, type ClausePresence } from './presence.ts';
