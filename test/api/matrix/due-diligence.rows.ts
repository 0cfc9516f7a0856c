import { randomUUID } from 'node:crypto';
import { exportTemplate } from '../../../src/domain/questionnaire/template.ts';
import { createPortalLink } from '../../../src/server/modules/auth/auth.public.ts';
import { anEvidence, aQuestionnaire, type AssessmentState } from '../../../src/server/seed/builders/due-diligence.ts';
import { addDdFixtures, freshAssessment, inApp, MINI_TEMPLATE, PDF, type DdFixtures } from '../../support/due-diligence.ts';
import type { TestOrg } from '../../support/factories.ts';
import { CONTACT, INTERNAL, WRITERS, type AreaRows, type Call, type MatrixEnv, type Row } from './types.ts';

const Q = 'The questionnaire';
const A = 'The assessment';
const E = 'The evidence';

/** Rows for the due-diligence routes: questionnaires, assessments, findings, evidence, portal. */
export function ddRows(env: MatrixEnv): AreaRows {
  const fx = new Map<TestOrg, DdFixtures>();
  const f = (o: TestOrg) => fx.get(o)!;
  const h = (o: TestOrg) => inApp(o, env.t.config);
  const pdf = { 'content-type': 'application/pdf' };
  const meta = () => `type=policy&title=Policy%20${env.uniq()}&validUntil=2031-01-01&fileName=policy.pdf`;

  /** The fixture assessment: the organisation's vendor's, or for `otherVendor` scope the other vendor's. */
  const assessment = (c: Call) => (c.scope === 'missing' ? randomUUID() : c.scope === 'otherVendor' ? f(c.org).otherVendorAssessmentId : f(c.org).assessmentId);
  /**
   * A new assessment for a call that changes one: in state `ok`, or `forbidden` for the
   * state scope; of the other vendor for the otherVendor scope.
   */
  async function fresh(c: Call, ok: AssessmentState, forbidden?: AssessmentState): Promise<string> {
    if (c.scope === 'missing') return randomUUID();
    const state = c.scope === 'state' ? forbidden! : ok;
    return (await freshAssessment(h(c.org), c.org, f(c.org).questionnaireId, state, c.scope === 'otherVendor' ? 'otherVendor' : 'vendor')).id;
  }

  const rows: Record<string, Row> = {
    'GET /api/v1/questionnaires': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/questionnaires' }) },
    'POST /api/v1/questionnaires': { allowed: WRITERS, ok: 201, build: () => ({ url: '/api/v1/questionnaires', payload: { name: `Q ${env.uniq()}`, definition: MINI_TEMPLATE } }) },
    'POST /api/v1/questionnaires/builtin': { allowed: WRITERS, ok: 201, build: () => ({ url: '/api/v1/questionnaires/builtin' }) },
    'POST /api/v1/questionnaires/import': {
      allowed: WRITERS,
      ok: 201,
      build: () => ({ url: '/api/v1/questionnaires/import?format=outsight', payload: exportTemplate(MINI_TEMPLATE), headers: { 'content-type': 'text/plain' } }),
    },
    'GET /api/v1/questionnaires/:id': { policy: Q, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/questionnaires/${env.id(c, (o) => f(o).questionnaireId)}` }) },
    'PUT /api/v1/questionnaires/:id': {
      policy: Q,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: (c) => ({ url: `/api/v1/questionnaires/${env.id(c, (o) => f(o).questionnaireId)}`, payload: { name: 'Renamed', definition: MINI_TEMPLATE } }),
    },
    'GET /api/v1/questionnaires/:id/export': { policy: Q, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/questionnaires/${env.id(c, (o) => f(o).questionnaireId)}/export` }) },
    'POST /api/v1/questionnaires/:id/archive': {
      policy: Q,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: async (c) => ({ url: `/api/v1/questionnaires/${c.scope === 'missing' ? randomUUID() : (await aQuestionnaire(h(c.org))).id}/archive` }),
    },
    'GET /api/v1/assessments': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/assessments' }) },
    // Sending names a questionnaire: an archived one is no longer sent (an invalid field).
    'POST /api/v1/assessments': {
      policy: Q,
      allowed: WRITERS,
      ok: 201,
      forbiddenState: 400,
      build: (c) => ({
        url: '/api/v1/assessments',
        payload: { vendorId: env.own.vendor.id, templateId: c.scope === 'state' ? f(env.own).archivedQuestionnaireId : f(env.own).questionnaireId, dueDate: '2030-06-30', contactEmail: env.own.users.vendor_contact.email },
      }),
    },
    'GET /api/v1/assessments/:id': { policy: A, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/assessments/${assessment(c)}` }) },
    'POST /api/v1/assessments/:id/link': { policy: A, allowed: WRITERS, ok: 200, scoped: true, forbiddenState: 409, build: async (c) => ({ url: `/api/v1/assessments/${await fresh(c, 'sent', 'completed')}/link` }) },
    'PUT /api/v1/assessments/:id/answers/:questionId/review': {
      policy: A,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      // Answers are reviewed once submitted, not while the vendor still answers.
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/assessments/${c.scope === 'state' ? await fresh(c, 'in_progress', 'in_progress') : assessment(c)}/answers/mfa/review`, payload: { status: 'accepted' } }),
    },
    'POST /api/v1/assessments/:id/comments': {
      policy: A,
      allowed: WRITERS,
      ok: 201,
      scoped: true,
      build: (c) => ({ url: `/api/v1/assessments/${assessment(c)}/comments`, payload: { questionId: 'mfa', body: 'Why not?', visibility: 'internal' } }),
    },
    'POST /api/v1/assessments/:id/complete': {
      policy: A,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/assessments/${await fresh(c, 'submitted', 'sent')}/complete`, payload: { confirmUnreviewed: true } }),
    },
    'POST /api/v1/assessments/:id/answers/accept-unflagged': {
      policy: A,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      // Answers are accepted once submitted, not while the vendor still answers.
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/assessments/${await fresh(c, 'submitted', 'in_progress')}/answers/accept-unflagged` }),
    },
    'POST /api/v1/assessments/:id/cancel': { policy: A, allowed: WRITERS, ok: 200, scoped: true, forbiddenState: 409, build: async (c) => ({ url: `/api/v1/assessments/${await fresh(c, 'sent', 'completed')}/cancel` }) },
    'POST /api/v1/assessments/:id/findings': {
      policy: A,
      allowed: WRITERS,
      ok: 201,
      scoped: true,
      build: (c) => ({ url: `/api/v1/assessments/${assessment(c)}/findings`, payload: { title: 'Weak', severity: 'medium' } }),
    },
    'GET /api/v1/findings': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/findings' }) },
    'PATCH /api/v1/findings/:id': {
      policy: 'The finding',
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: (c) => ({ url: `/api/v1/findings/${env.id(c, (o) => f(o).findingId)}`, payload: { status: 'in_progress' } }),
    },
    'POST /api/v1/vendors/:id/evidence': {
      policy: 'The vendor',
      allowed: WRITERS,
      ok: 201,
      scoped: true,
      build: (c) => ({ url: `/api/v1/vendors/${env.id(c, (o) => o.vendor.id)}/evidence?${meta()}&sharedWithVendor=true`, payload: PDF, headers: pdf }),
    },
    'GET /api/v1/vendors/:id/evidence': { policy: 'The vendor', allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/vendors/${env.id(c, (o) => o.vendor.id)}/evidence` }) },
    'GET /api/v1/evidence/:id/download': { policy: E, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/evidence/${env.id(c, (o) => f(o).evidenceId)}/download` }) },
    'PATCH /api/v1/evidence/:id': { policy: E, allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/evidence/${env.id(c, (o) => f(o).evidenceId)}`, payload: { issuer: 'BSI', sharedWithVendor: true } }) },
    'DELETE /api/v1/evidence/:id': {
      policy: E,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: async (c) => ({ url: `/api/v1/evidence/${c.scope === 'missing' ? randomUUID() : (await anEvidence(h(c.org), { vendorId: c.org.vendor.id, type: 'nda', title: 'NDA' })).id}` }),
    },
    'GET /api/v1/due-diligence/overview': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/due-diligence/overview' }) },
    'POST /api/v1/portal/links/:token/session': {
      allowed: 'public',
      ok: 200,
      scoped: true,
      publicMissing: 404,
      build: async (c) => {
        if (c.scope === 'missing') return { url: '/api/v1/portal/links/pl_nope/session' };
        const { token } = await createPortalLink(env.t.database.db, { orgId: c.org.orgId, userId: c.org.users.vendor_contact.id, assessmentId: null, now: new Date(), baseUrl: 'http://localhost' });
        return { url: `/api/v1/portal/links/${token}/session` };
      },
    },
    // Answers everyone alike, known address or not; a fresh address per call keeps under the per-e-mail limit.
    'POST /api/v1/portal/links/request': { allowed: 'public', ok: 202, build: () => ({ url: '/api/v1/portal/links/request', payload: { email: `returning-${env.uniq()}@vendor.example` } }) },
    'GET /api/v1/portal': { allowed: CONTACT, ok: 200, build: () => ({ url: '/api/v1/portal' }) },
    'GET /api/v1/portal/assessments/:id': { policy: A, allowed: CONTACT, ok: 200, scoped: true, otherVendor: true, build: (c) => ({ url: `/api/v1/portal/assessments/${assessment(c)}` }) },
    // A submitted assessment cannot be answered (but for what the reviewer sends back).
    'PUT /api/v1/portal/assessments/:id/answers/:questionId': {
      policy: A,
      allowed: CONTACT,
      ok: 200,
      scoped: true,
      otherVendor: true,
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/portal/assessments/${await fresh(c, 'sent', 'submitted')}/answers/notes`, payload: { value: 'All good' } }),
    },
    'POST /api/v1/portal/assessments/:id/confirm': {
      policy: A,
      allowed: CONTACT,
      ok: 200,
      scoped: true,
      otherVendor: true,
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/portal/assessments/${await fresh(c, 'sent', 'submitted')}/confirm` }),
    },
    'POST /api/v1/portal/assessments/:id/submit': {
      policy: A,
      allowed: CONTACT,
      ok: 200,
      scoped: true,
      otherVendor: true,
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/portal/assessments/${await fresh(c, 'in_progress', 'completed')}/submit` }),
    },
    'POST /api/v1/portal/assessments/:id/comments': {
      policy: A,
      allowed: CONTACT,
      ok: 201,
      scoped: true,
      otherVendor: true,
      build: (c) => ({ url: `/api/v1/portal/assessments/${assessment(c)}/comments`, payload: { questionId: 'mfa', body: 'We are rolling it out' } }),
    },
    'GET /api/v1/portal/evidence': { allowed: CONTACT, ok: 200, build: () => ({ url: '/api/v1/portal/evidence' }) },
    'POST /api/v1/portal/evidence': { allowed: CONTACT, ok: 201, build: () => ({ url: `/api/v1/portal/evidence?${meta()}`, payload: PDF, headers: pdf }) },
    'GET /api/v1/portal/evidence/:id/download': {
      policy: E,
      allowed: CONTACT,
      ok: 200,
      scoped: true,
      otherVendor: true,
      build: (c) => ({ url: `/api/v1/portal/evidence/${c.scope === 'missing' ? randomUUID() : c.scope === 'otherVendor' ? f(c.org).otherVendorEvidenceId : f(c.org).evidenceId}/download` }),
    },
  };
  return {
    rows,
    async setup() {
      fx.set(env.own, await addDdFixtures(env.own, env.t.config));
      fx.set(env.foreign, await addDdFixtures(env.foreign, env.t.config));
    },
  };
}
