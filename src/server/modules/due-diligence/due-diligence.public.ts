/** The due-diligence module as the CLI, seeds and builders see it. */
export { dueDiligenceFeed } from './feed.ts';
export { dueDiligenceOverview, reviewSchedule } from './overview.ts';
export { uploadVendorEvidence } from './upload-evidence.ts';
