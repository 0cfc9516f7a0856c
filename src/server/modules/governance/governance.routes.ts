import { z } from 'zod';
import { IdParams, OkResponse, Page } from '../../../shared/contracts/common.ts';
import {
  ActionInput,
  ActionItem,
  ActionListQuery,
  ActionUpdate,
  Agenda,
  Cadence,
  CadenceInput,
  CadenceList,
  CadenceUpdate,
  ClientSide,
  ClientSideQuery,
  EngagementStatusReports,
  GovernanceSettings,
  GovernanceSettingsInput,
  Meeting,
  MeetingInput,
  MeetingListQuery,
  Overlap,
  OverlapQuery,
  Review,
  ReviewInput,
  ReviewListQuery,
  ReviewSurvey,
  SurveyAnswer,
  SurveyForm,
  SurveySend,
} from '../../../shared/contracts/governance.ts';
import { ctxOf, publicCtxOf } from '../../http/ctx.ts';
import { mailContextOf } from '../../http/mail-context.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import * as actions from './actions.ts';
import * as cadences from './cadences.ts';
import { clientSide } from './client-side.ts';
import * as meetings from './meetings.ts';
import * as reviews from './reviews.ts';
import * as surveys from './surveys.ts';
import { engagementOverlap, getGovernance, updateGovernance } from './settings.ts';
import { downloadStatusReportFile, engagementStatusReports } from './status-reports.ts';
import { sendFile } from '../evidence/evidence.public.ts';

const tags = ['governance'];
const read = { access: 'governance.read' } as const;
const write = { access: 'governance.write' } as const;
const TokenParams = z.object({ token: z.string().max(200) });
const eid = (p: { id: string }) => parseId(p.id, 'engagement');

/** Contacts, escalation, working-hours overlap, meeting cadences, meetings and action items. Internal users; the vendor's side is in the portal. */
export function registerGovernanceRoutes(app: App) {
  app.get('/api/v1/engagements/:id/governance', { config: read, schema: { tags, summary: 'Contacts, escalation ladder, channels, vendor team and working hours of an engagement', params: IdParams, response: { 200: GovernanceSettings } } }, (req) =>
    getGovernance(ctxOf(req), eid(req.params)),
  );
  app.put(
    '/api/v1/engagements/:id/governance',
    { config: write, schema: { tags, summary: 'Set contacts, escalation ladder, channels, vendor team and working hours (fields left out keep their value)', params: IdParams, body: GovernanceSettingsInput, response: { 200: GovernanceSettings } } },
    (req) => updateGovernance(ctxOf(req), eid(req.params), req.body),
  );
  app.get(
    '/api/v1/engagements/:id/overlap',
    { config: read, schema: { tags, summary: "The teams' shared working hours per weekday, per week, and the weeks a clock change moves them", params: IdParams, querystring: OverlapQuery, response: { 200: Overlap } } },
    (req) => engagementOverlap(ctxOf(req), eid(req.params), req.query.week),
  );
  app.get('/api/v1/engagements/:id/cadences', { config: read, schema: { tags, summary: 'Meeting cadences with their next dates in both zones and how each was kept', params: IdParams, response: { 200: CadenceList } } }, (req) =>
    cadences.listCadences(ctxOf(req), eid(req.params)),
  );
  app.get('/api/v1/engagements/:id/agenda', { config: write, schema: { tags, summary: 'The next meeting’s agenda, filled in from what happened since the last one', params: IdParams, response: { 200: Agenda } } }, (req) =>
    meetings.agendaFor(ctxOf(req), eid(req.params)),
  );

  app.post('/api/v1/meeting-cadences', { config: write, schema: { tags, summary: 'Add a meeting cadence (a recurrence rule in the organiser’s zone)', body: CadenceInput, response: { 201: Cadence } } }, async (req, reply) => {
    reply.status(201);
    return cadences.createCadence(ctxOf(req), req.body);
  });
  app.patch('/api/v1/meeting-cadences/:id', { config: write, schema: { tags, summary: 'Edit a meeting cadence', params: IdParams, body: CadenceUpdate, response: { 200: Cadence } } }, (req) =>
    cadences.updateCadence(ctxOf(req), parseId(req.params.id, 'meeting cadence'), req.body),
  );
  app.delete('/api/v1/meeting-cadences/:id', { config: write, schema: { tags, summary: 'Remove a meeting cadence (meetings held under it stay)', params: IdParams, response: { 200: OkResponse } } }, (req) =>
    cadences.deleteCadence(ctxOf(req), parseId(req.params.id, 'meeting cadence')),
  );

  app.get('/api/v1/meetings', { config: read, schema: { tags, summary: 'Meetings held or skipped, newest first', querystring: MeetingListQuery, response: { 200: Page(Meeting) } } }, (req) => meetings.listMeetings(ctxOf(req), req.query));
  app.post('/api/v1/meetings', { config: write, schema: { tags, summary: 'Record a meeting held (minutes, decisions, actions) or skipped', body: MeetingInput, response: { 201: Meeting } } }, async (req, reply) => {
    reply.status(201);
    return meetings.recordMeeting(ctxOf(req), req.body);
  });
  app.get('/api/v1/meetings/:id', { config: read, schema: { tags, summary: 'A meeting with its minutes', params: IdParams, response: { 200: Meeting } } }, (req) => meetings.getMeeting(ctxOf(req), parseId(req.params.id, 'meeting')));

  app.get(
    '/api/v1/action-items',
    { config: read, schema: { tags, summary: 'Action items, soonest due first (mine=true: your own, across engagements)', querystring: ActionListQuery, response: { 200: Page(ActionItem).extend({ total: z.number().int() }) } } },
    (req) => actions.listActions(ctxOf(req), req.query),
  );
  app.post('/api/v1/action-items', { config: write, schema: { tags, summary: 'Add an action item for either side', body: ActionInput, response: { 201: ActionItem } } }, async (req, reply) => {
    reply.status(201);
    return actions.createAction(ctxOf(req), req.body);
  });
  app.get('/api/v1/action-items/:id', { config: read, schema: { tags, summary: 'An action item', params: IdParams, response: { 200: ActionItem } } }, (req) => actions.getAction(ctxOf(req), parseId(req.params.id, 'action item')));
  app.patch('/api/v1/action-items/:id', { config: write, schema: { tags, summary: 'Edit an action item, mark it done or drop it', params: IdParams, body: ActionUpdate, response: { 200: ActionItem } } }, (req) =>
    actions.updateAction(ctxOf(req), parseId(req.params.id, 'action item'), req.body),
  );

  app.get(
    '/api/v1/engagements/:id/status-reports',
    { config: read, schema: { tags, summary: 'The status reports the contract asks for: on time, late, missing and due', params: IdParams, response: { 200: EngagementStatusReports } } },
    (req) => engagementStatusReports(ctxOf(req), eid(req.params)),
  );
  app.get('/api/v1/status-reports/:id/file', { config: read, schema: { tags, summary: 'Download the file of a status report', params: IdParams } }, async (req, reply) =>
    sendFile(reply, await downloadStatusReportFile(ctxOf(req), parseId(req.params.id, 'status report'))),
  );

  app.get('/api/v1/performance-reviews', { config: read, schema: { tags, summary: 'Performance reviews (scorecards), oldest quarter first: the trend', querystring: ReviewListQuery, response: { 200: Page(Review) } } }, (req) =>
    reviews.listReviews(ctxOf(req), req.query),
  );
  app.post('/api/v1/performance-reviews', { config: write, schema: { tags, summary: 'Score an engagement for a quarter from its measured data (weighted criteria)', body: ReviewInput, response: { 201: Review } } }, async (req, reply) => {
    reply.status(201);
    return reviews.createReview(ctxOf(req), req.body);
  });
  app.get(
    '/api/v1/engagements/:id/client-side',
    { config: read, schema: { tags, summary: "The client's own side for a quarter: how fast it decides deliverables and change requests, and its meeting attendance (internal only)", params: IdParams, querystring: ClientSideQuery, response: { 200: ClientSide } } },
    (req) => clientSide(ctxOf(req), eid(req.params), req.query),
  );
  app.post('/api/v1/performance-reviews/:id/share', { config: write, schema: { tags, summary: 'Share a review with the vendor (its contacts read it in the portal)', params: IdParams, response: { 200: Review } } }, (req) =>
    reviews.shareReview(ctxOf(req), parseId(req.params.id, 'performance review')),
  );

  app.post(
    '/api/v1/performance-reviews/:id/survey',
    { config: write, schema: { tags, summary: 'E-mail the rated survey (quality, communication, expertise, proactiveness) to internal people, each by a single-use link', params: IdParams, body: SurveySend, response: { 200: ReviewSurvey } } },
    (req) => surveys.sendSurvey(ctxOf(req), parseId(req.params.id, 'performance review'), req.body, mailContextOf(req)),
  );
  app.get('/api/v1/performance-reviews/:id/survey', { config: read, schema: { tags, summary: 'Who was asked, who answered, averages and comments of the survey (internal only)', params: IdParams, response: { 200: ReviewSurvey } } }, (req) =>
    surveys.reviewSurvey(ctxOf(req), parseId(req.params.id, 'performance review')),
  );
  app.get('/api/v1/review-surveys/by-token/:token', { config: { access: 'public' }, schema: { tags, summary: 'The survey a single-use link opens (the questions, nothing else)', params: TokenParams, response: { 200: SurveyForm } } }, (req) =>
    surveys.openSurvey(publicCtxOf(req), req.params.token),
  );
  app.post(
    '/api/v1/review-surveys/by-token/:token',
    { config: { access: 'public' }, schema: { tags, summary: 'Answer the survey once (1–5 and a comment per criterion)', params: TokenParams, body: SurveyAnswer, response: { 200: OkResponse } } },
    async (req) => {
      await surveys.answerSurvey(publicCtxOf(req), req.params.token, req.body);
      return { ok: true as const };
    },
  );
}
