/**
 * The governance module (contacts and escalation, working-hours overlap, meeting cadences,
 * meetings with minutes, action items) as the portal, seeds, builders and the dashboard see it.
 */
export { engagementOverlap, getGovernance, updateGovernance } from './settings.ts';
export { createCadence, deleteCadence, listCadences, updateCadence } from './cadences.ts';
export { agendaFor, getMeeting, listMeetings, recordMeeting } from './meetings.ts';
export { createAction, getAction, listActions, listOwnActions, updateAction, vendorUpdateAction } from './actions.ts';
export { allStatusReports, attachStatusReportFile, downloadStatusReportFile, engagementStatusReports, ownStatusReports, submitStatusReport } from './status-reports.ts';
export { createReview, listReviews, ownReviews, shareReview } from './reviews.ts';
export { clientSide } from './client-side.ts';
export { answerSurvey, openSurvey, reviewSurvey, sendSurvey } from './surveys.ts';
export { governanceFeed } from './feed.ts';
