import { z } from 'zod';
import { IdParams, OkResponse, Page } from '../../../shared/contracts/common.ts';
import {
  AcceptRiskInput,
  CloseRiskInput,
  Concentration,
  EvaluateResult,
  FourthParty,
  FourthPartyInput,
  FourthPartyListQuery,
  FourthPartyUpdate,
  HeatMap,
  HeatMapQuery,
  Risk,
  RiskActionInput,
  RiskActionUpdate,
  RiskDetail,
  RiskInput,
  RiskListQuery,
  RiskSettings,
  RiskSettingsInput,
  RiskSignal,
  RiskUpdate,
  SignalListQuery,
  WhatIf,
  WhatIfQuery,
} from '../../../shared/contracts/risks.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import { concentration, whatIf } from './exposure.ts';
import * as fp from './fourth-parties.ts';
import * as risks from './risks.service.ts';
import { getRiskSettings, updateRiskSettings } from './settings.ts';
import { evaluateSignals, listSignals } from './signals.ts';

const tags = ['risks'];
const read = { access: 'risk.read' } as const;
const write = { access: 'risk.write' } as const;
const rid = (p: { id: string }) => parseId(p.id, 'risk');

/** The risk register, its matrix and signals, concentration, fourth parties and what-if. Internal users only. */
export function registerRiskRoutes(app: App) {
  app.get('/api/v1/risk-settings', { config: read, schema: { tags, summary: "The organisation's risk matrix and signal rules", response: { 200: RiskSettings } } }, (req) => getRiskSettings(ctxOf(req)));
  app.put('/api/v1/risk-settings', { config: { access: 'org.manage' }, schema: { tags, summary: 'Set the risk matrix and the signal rules (on/off, thresholds)', body: RiskSettingsInput, response: { 200: RiskSettings } } }, (req) =>
    updateRiskSettings(ctxOf(req), req.body, risks.recomputeLevels),
  );

  app.get('/api/v1/risks', { config: read, schema: { tags, summary: 'The register, highest residual level first', querystring: RiskListQuery, response: { 200: Page(Risk).extend({ total: z.number().int() }) } } }, (req) => risks.listRisks(ctxOf(req), req.query));
  app.post('/api/v1/risks', { config: write, schema: { tags, summary: 'Register a risk', body: RiskInput, response: { 201: RiskDetail } } }, async (req, reply) => {
    reply.status(201);
    return risks.createRisk(ctxOf(req), req.body);
  });
  app.get('/api/v1/risks/heat-map', { config: read, schema: { tags, summary: 'Open risks per cell, inherent and residual, with the appetite', querystring: HeatMapQuery, response: { 200: HeatMap } } }, (req) => risks.riskHeatMap(ctxOf(req), req.query.vendorId));
  app.get('/api/v1/risks/:id', { config: read, schema: { tags, summary: 'A risk with its actions, score history and signals', params: IdParams, response: { 200: RiskDetail } } }, (req) => risks.getRisk(ctxOf(req), rid(req.params)));
  app.patch('/api/v1/risks/:id', { config: write, schema: { tags, summary: 'Edit or rescore a risk (a new score is kept in its history)', params: IdParams, body: RiskUpdate, response: { 200: RiskDetail } } }, (req) => risks.updateRisk(ctxOf(req), rid(req.params), req.body));
  app.post('/api/v1/risks/:id/accept', { config: { access: 'risk.accept' }, schema: { tags, summary: 'Accept the residual risk until a date (you are the approver)', params: IdParams, body: AcceptRiskInput, response: { 200: RiskDetail } } }, (req) =>
    risks.acceptRisk(ctxOf(req), rid(req.params), req.body),
  );
  app.post('/api/v1/risks/:id/close', { config: write, schema: { tags, summary: 'Close a risk', params: IdParams, body: CloseRiskInput, response: { 200: RiskDetail } } }, (req) => risks.closeRisk(ctxOf(req), rid(req.params), req.body));
  app.post('/api/v1/risks/:id/reopen', { config: write, schema: { tags, summary: 'Reopen a closed risk', params: IdParams, response: { 200: RiskDetail } } }, (req) => risks.reopenRisk(ctxOf(req), rid(req.params)));
  app.post('/api/v1/risks/:id/actions', { config: write, schema: { tags, summary: "Add an action to a risk's treatment", params: IdParams, body: RiskActionInput, response: { 201: RiskDetail } } }, async (req, reply) => {
    reply.status(201);
    return risks.addRiskAction(ctxOf(req), rid(req.params), req.body);
  });
  app.patch('/api/v1/risk-actions/:id', { config: write, schema: { tags, summary: 'Edit an action (owner, due date, status)', params: IdParams, body: RiskActionUpdate, response: { 200: RiskDetail } } }, (req) =>
    risks.updateRiskAction(ctxOf(req), parseId(req.params.id, 'risk action'), req.body),
  );

  app.get('/api/v1/risk-signals', { config: read, schema: { tags, summary: 'Signals raised by the rules, active and cleared', querystring: SignalListQuery, response: { 200: Page(RiskSignal) } } }, (req) => listSignals(ctxOf(req), req.query));
  app.post('/api/v1/risk-signals/evaluate', { config: write, schema: { tags, summary: 'Evaluate every signal rule now', description: 'Writes only what changed: a second evaluation over the same facts writes nothing.', response: { 200: EvaluateResult } } }, (req) =>
    evaluateSignals(ctxOf(req)),
  );

  app.get('/api/v1/fourth-parties', { config: read, schema: { tags, summary: 'Subcontractors and sub-processors of vendors', querystring: FourthPartyListQuery, response: { 200: Page(FourthParty) } } }, (req) => fp.listFourthParties(ctxOf(req), req.query));
  app.post('/api/v1/fourth-parties', { config: write, schema: { tags, summary: 'Record a fourth party of a vendor', body: FourthPartyInput, response: { 201: FourthParty } } }, async (req, reply) => {
    reply.status(201);
    return fp.createFourthParty(ctxOf(req), req.body);
  });
  app.get('/api/v1/fourth-parties/:id', { config: read, schema: { tags, summary: 'A fourth party', params: IdParams, response: { 200: FourthParty } } }, (req) => fp.getFourthParty(ctxOf(req), parseId(req.params.id, 'fourth party')));
  app.patch('/api/v1/fourth-parties/:id', { config: write, schema: { tags, summary: 'Edit a fourth party', params: IdParams, body: FourthPartyUpdate, response: { 200: FourthParty } } }, (req) =>
    fp.updateFourthParty(ctxOf(req), parseId(req.params.id, 'fourth party'), req.body),
  );
  app.delete('/api/v1/fourth-parties/:id', { config: write, schema: { tags, summary: 'Remove a fourth party', params: IdParams, response: { 200: OkResponse } } }, (req) => fp.deleteFourthParty(ctxOf(req), parseId(req.params.id, 'fourth party')));

  app.get('/api/v1/risk-concentration', { config: read, schema: { tags, summary: 'Shares and HHI of critical services and spend, by country, and shared fourth parties', response: { 200: Concentration } } }, (req) => concentration(ctxOf(req)));
  app.get('/api/v1/what-if', { config: read, schema: { tags, summary: 'What breaks if a vendor, or a fourth party behind several vendors, fails tomorrow', querystring: WhatIfQuery, response: { 200: WhatIf } } }, (req) => whatIf(ctxOf(req), req.query));
}
