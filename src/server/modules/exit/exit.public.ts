/**
 * The exit module (assets and access, recovery objectives, in-house fallback, exit plans,
 * readiness, drills) as other modules, the portal, the CLI, seeds and builders see it.
 * The risk module reads `readinessByEngagement` (score, band, below the organisation's threshold).
 */
export { readinessByEngagement, readinessOfEngagements, computeReadiness } from './readiness.ts';
export { getExitSettings, updateExitSettings } from './settings.ts';
export { createAsset, createVendorAccount, deleteAsset, revokeVendorAccount, saveProfile, updateAsset, updateVendorAccount, verifyAsset } from './assets.ts';
export { createPlan, deliverStep, downloadStepFile, listOwnSteps, reviewPlan, startExit, updatePlan, updateStep, uploadStepFile } from './plans.ts';
export { createAction, recordDrill, updateAction } from './drills.ts';
export { engagementExit } from './view.ts';
export { recordReadinessDrift } from './drift.ts';
export { exitFeed } from './feed.ts';
