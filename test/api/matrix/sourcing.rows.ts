import { randomUUID } from 'node:crypto';
import { aVendor } from '../../../src/server/seed/builders/core.ts';
import { aQuestionnaire } from '../../../src/server/seed/builders/due-diligence.ts';
import { aCandidate, aPilot, aProposal, anRfi, aSourcingProject } from '../../../src/server/seed/builders/sourcing.ts';
import { decidePilot } from '../../../src/server/modules/sourcing/sourcing.public.ts';
import { inApp, PDF } from '../../support/due-diligence.ts';
import type { TestOrg } from '../../support/factories.ts';
import { ADMINS, IMPORTERS, INTERNAL, WRITERS, type AreaRows, type Call, type MatrixEnv, type Row } from './types.ts';

const P = 'The sourcing project';
const C = 'The candidate';
const PI = 'The pilot';
/** Evaluators: everyone internal but auditors (the same roles as importers). */
const SCORERS = IMPORTERS;

interface Fixtures {
  /** A project in draft (its check is answered by the check row, so it may become checked). */
  draftId: string;
  /** Evaluating, with candidates: one with a sealed proposal, one opened, one with an RFI sent. */
  evaluatingId: string;
  criterionId: string;
  sealedId: string;
  openedId: string;
  /** A file with each: the sealed one's cannot be read yet. */
  sealedFileId: string;
  openedFileId: string;
  rfiId: string;
  questionnaireId: string;
  /** A project in pilot, its candidate and running pilot. */
  pilotProjectId: string;
  pilotCandidateId: string;
  runningPilotId: string;
  /** A decided project's candidate and pilot. */
  decidedCandidateId: string;
  decidedPilotId: string;
}

/** Rows for sourcing projects, candidates and pilots (internal users only: a candidate's contact sees its RFI in the portal, nothing here). */
export function sourcingRows(env: MatrixEnv): AreaRows {
  const fx = new Map<TestOrg, Fixtures>();
  const f = (o: TestOrg) => fx.get(o)!;
  const h = (o: TestOrg) => inApp(o, env.t.config);
  const prospect = (o: TestOrg) => aVendor(h(o), { name: `Prospect ${env.uniq()}`, status: 'prospect', kind: 'help_desk' });
  const candidate = async (o: TestOrg, projectId: string) => aCandidate(h(o), { projectId, vendorId: (await prospect(o)).id });

  async function fixtures(o: TestOrg): Promise<Fixtures> {
    const draft = await aSourcingProject(h(o), { name: `Matrix draft ${env.uniq()}`, checked: false });
    const evaluating = await aSourcingProject(h(o), { name: `Matrix evaluating ${env.uniq()}` });
    const sealed = await candidate(o, evaluating.id);
    const sealedProject = await aProposal(h(o), sealed.id, { open: false, files: ['sealed offer.pdf'] });
    const opened = await candidate(o, evaluating.id);
    const withProposal = await aProposal(h(o), opened.id, { files: ['opened offer.pdf'] });
    const fileOf = (p: typeof withProposal, id: string) => p.candidates.find((x) => x.id === id)!.proposal!.files[0].id;
    const rfi = await candidate(o, evaluating.id);
    const q = await aQuestionnaire(h(o));
    await anRfi(h(o), rfi.id, { templateId: q.id, dueDate: '2099-12-31', contactEmail: `rfi.${env.uniq()}@example.test` });
    const inPilot = await aSourcingProject(h(o), { name: `Matrix pilot ${env.uniq()}` });
    const pc = await candidate(o, inPilot.id);
    const running = await aPilot(h(o), inPilot.id, { candidateId: pc.id });
    const decided = await aSourcingProject(h(o), { name: `Matrix decided ${env.uniq()}` });
    const dc = await candidate(o, decided.id);
    const dp = await aPilot(h(o), decided.id, { candidateId: dc.id });
    await decidePilot(h(o).ctx(), dp.id, { decision: 'go', rationale: 'Matrix' });
    return {
      draftId: draft.id,
      evaluatingId: evaluating.id,
      criterionId: withProposal.criteria[0].id,
      sealedId: sealed.id,
      openedId: opened.id,
      sealedFileId: fileOf(sealedProject, sealed.id),
      openedFileId: fileOf(withProposal, opened.id),
      rfiId: rfi.id,
      questionnaireId: q.id,
      pilotProjectId: inPilot.id,
      pilotCandidateId: pc.id,
      runningPilotId: running.id,
      decidedCandidateId: dc.id,
      decidedPilotId: dp.id,
    };
  }

  /** The object for a call: own/foreign fixtures, a random id when missing, the forbidding one in `state` scope. */
  const pick = (c: Call, own: (x: Fixtures) => string, state?: (x: Fixtures) => string) => {
    if (c.scope === 'missing') return randomUUID();
    if (c.scope === 'state') return state!(f(c.org));
    return own(f(c.org));
  };
  const proj = (c: Call, state?: (x: Fixtures) => string) => pick(c, (x) => x.draftId, state);

  const rows: Record<string, Row> = {
    'GET /api/v1/sourcing-projects': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/sourcing-projects' }) },
    'POST /api/v1/sourcing-projects': { allowed: WRITERS, ok: 201, build: () => ({ url: '/api/v1/sourcing-projects', payload: { name: `Need ${env.uniq()}`, scope: 'Backups', currency: 'EUR' } }) },
    'GET /api/v1/sourcing-projects/:id': { policy: P, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/sourcing-projects/${proj(c)}` }) },
    'PATCH /api/v1/sourcing-projects/:id': {
      policy: P,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/sourcing-projects/${proj(c, (x) => x.pilotProjectId)}`, payload: { goals: `Goal ${env.uniq()}` } }),
    },
    'PUT /api/v1/sourcing-projects/:id/check': {
      policy: P,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({
        url: `/api/v1/sourcing-projects/${proj(c, (x) => x.evaluatingId)}/check`,
        payload: {
          answers: { automatable: { answer: false }, understood: { answer: true }, core: { answer: false }, toolsReady: { answer: true }, peopleTold: { answer: true } },
          decision: 'outsource',
          rationale: 'Matrix',
        },
      }),
    },
    'PUT /api/v1/sourcing-projects/:id/criteria': {
      policy: P,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/sourcing-projects/${proj(c, (x) => x.pilotProjectId)}/criteria`, payload: { criteria: [{ name: 'Expertise', weight: 60 }, { name: 'Cost', weight: 40, source: 'proposal_price' }] } }),
    },
    'GET /api/v1/sourcing-projects/:id/matrix': { policy: P, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/sourcing-projects/${pick(c, (x) => x.evaluatingId)}/matrix` }) },
    'POST /api/v1/sourcing-projects/:id/candidates': {
      policy: P,
      allowed: WRITERS,
      ok: 201,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/sourcing-projects/${pick(c, (x) => x.evaluatingId, (x) => x.pilotProjectId)}/candidates`, payload: { vendorId: (await prospect(env.own)).id } }),
    },
    'POST /api/v1/sourcing-projects/:id/pilots': {
      policy: P,
      allowed: WRITERS,
      ok: 201,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => {
        if (c.scope !== 'own') return { url: `/api/v1/sourcing-projects/${pick(c, (x) => x.evaluatingId, (x) => x.pilotProjectId)}/pilots`, payload: { candidateId: randomUUID(), startsOn: '2026-02-01', endsOn: '2026-02-28' } };
        const p = await aSourcingProject(h(c.org), { name: `Matrix fresh pilot ${env.uniq()}` });
        const cand = await candidate(c.org, p.id);
        return { url: `/api/v1/sourcing-projects/${p.id}/pilots`, payload: { candidateId: cand.id, startsOn: '2026-02-01', endsOn: '2026-02-28', slaTargetPct: 95 } };
      },
    },

    'PUT /api/v1/sourcing-candidates/:id/proposal': {
      policy: C,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/sourcing-candidates/${pick(c, (x) => x.sealedId, (x) => x.openedId)}/proposal`, payload: { priceMinor: 5_000_00, currency: 'EUR', receivedOn: '2026-01-10' } }),
    },
    'POST /api/v1/sourcing-candidates/:id/proposal/open': {
      policy: C,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => {
        if (c.scope !== 'own') return { url: `/api/v1/sourcing-candidates/${pick(c, (x) => x.sealedId, (x) => x.openedId)}/proposal/open` };
        const cand = await candidate(c.org, f(c.org).evaluatingId);
        await aProposal(h(c.org), cand.id, { open: false });
        return { url: `/api/v1/sourcing-candidates/${cand.id}/proposal/open` };
      },
    },
    'POST /api/v1/sourcing-candidates/:id/proposal/files': {
      policy: C,
      allowed: WRITERS,
      ok: 201,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/sourcing-candidates/${pick(c, (x) => x.sealedId, (x) => x.openedId)}/proposal/files?fileName=annex.pdf`, payload: PDF, headers: { 'content-type': 'application/pdf' } }),
    },
    'GET /api/v1/sourcing-candidates/:id/proposal/files/:fileId/download': {
      policy: C,
      allowed: INTERNAL,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: (c) => {
        if (c.scope === 'missing') return { url: `/api/v1/sourcing-candidates/${randomUUID()}/proposal/files/${randomUUID()}/download` };
        const x = f(c.org);
        return c.scope === 'state' ? { url: `/api/v1/sourcing-candidates/${x.sealedId}/proposal/files/${x.sealedFileId}/download` } : { url: `/api/v1/sourcing-candidates/${x.openedId}/proposal/files/${x.openedFileId}/download` };
      },
    },
    'POST /api/v1/sourcing-candidates/:id/rfi': {
      policy: C,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => {
        const id = c.scope === 'own' ? (await candidate(c.org, f(c.org).evaluatingId)).id : pick(c, (x) => x.sealedId, (x) => x.rfiId);
        return { url: `/api/v1/sourcing-candidates/${id}/rfi`, payload: { templateId: f(env.own).questionnaireId, dueDate: '2099-12-31', contactEmail: `rfi.${env.uniq()}@example.test` } };
      },
    },
    'PUT /api/v1/sourcing-candidates/:id/scores': {
      policy: C,
      allowed: SCORERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/sourcing-candidates/${pick(c, (x) => x.sealedId, (x) => x.pilotCandidateId)}/scores`, payload: { scores: [{ criterionId: f(c.org).criterionId, score: 3 }] } }),
    },
    'POST /api/v1/sourcing-candidates/:id/references': {
      policy: C,
      allowed: SCORERS,
      ok: 201,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/sourcing-candidates/${pick(c, (x) => x.sealedId, (x) => x.decidedCandidateId)}/references`, payload: { client: 'Acme', contactName: 'CIO', calledOn: '2026-01-12', rating: 4 } }),
    },
    'POST /api/v1/sourcing-candidates/:id/interviews': {
      policy: C,
      allowed: SCORERS,
      ok: 201,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({
        url: `/api/v1/sourcing-candidates/${pick(c, (x) => x.sealedId, (x) => x.decidedCandidateId)}/interviews`,
        payload: { heldOn: '2026-01-12', communication: 4, clientFeedback: 3, hoursFit: 5, costEffective: 4 },
      }),
    },

    'GET /api/v1/sourcing-pilots/:id': { policy: PI, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/sourcing-pilots/${pick(c, (x) => x.runningPilotId)}` }) },
    'POST /api/v1/sourcing-pilots/:id/decision': {
      policy: PI,
      allowed: ADMINS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => {
        if (c.scope !== 'own') return { url: `/api/v1/sourcing-pilots/${pick(c, (x) => x.runningPilotId, (x) => x.decidedPilotId)}/decision`, payload: { decision: 'no_go', rationale: 'Matrix' } };
        const p = await aSourcingProject(h(c.org), { name: `Matrix decide ${env.uniq()}` });
        const cand = await candidate(c.org, p.id);
        const pilot = await aPilot(h(c.org), p.id, { candidateId: cand.id });
        return { url: `/api/v1/sourcing-pilots/${pilot.id}/decision`, payload: { decision: 'no_go', rationale: 'Matrix' } };
      },
    },
  };

  return {
    rows,
    async setup() {
      fx.set(env.own, await fixtures(env.own));
      fx.set(env.foreign, await fixtures(env.foreign));
    },
  };
}
