import { randomUUID } from 'node:crypto';
import { exportTemplate } from '../../../src/domain/questionnaire/template.ts';
import { insertAssessment, upsertAnswer } from '../../../src/server/modules/assessments/assessments.repo.ts';
import { newSecret, sha256 } from '../../../src/server/modules/auth/secrets.ts';
import { insertEvidence } from '../../../src/server/modules/evidence/evidence.repo.ts';
import { insertPortalLink } from '../../../src/server/modules/auth/portal-links.repo.ts';
import { createTemplate } from '../../../src/server/modules/questionnaires/questionnaires.service.ts';
import { addDdFixtures, MINI_TEMPLATE, PDF, type DdFixtures } from '../../support/due-diligence.ts';
import type { TestOrg } from '../../support/factories.ts';
import { CONTACT, INTERNAL, WRITERS, type AreaRows, type Call, type MatrixEnv, type Row } from './types.ts';

/** Rows for the due-diligence routes: questionnaires, assessments, findings, evidence, portal. */
export function ddRows(env: MatrixEnv): AreaRows {
  const fx = new Map<TestOrg, DdFixtures>();
  const f = (o: TestOrg) => fx.get(o)!;
  const db = () => env.t.database.db;
  const pdf = { 'content-type': 'application/pdf' };
  const meta = () => `type=policy&title=Policy%20${env.uniq()}&validUntil=2031-01-01&fileName=policy.pdf`;

  /** A fresh assessment of the organisation's vendor, so state-changing calls never collide. */
  async function fresh(org: TestOrg, status: 'sent' | 'submitted') {
    const versionId = (await createTemplate(db(), { userId: org.users.owner.id, orgId: org.orgId, name: 'x', email: 'x', via: 'session' }, { name: 'Fresh', origin: 'custom', definition: MINI_TEMPLATE }, null)).version.id;
    const a = await insertAssessment(db(), { orgId: org.orgId, vendorId: org.vendor.id, templateVersionId: versionId, status, dueDate: '2030-01-01', contactUserId: org.users.vendor_contact.id, reviewerId: org.users.owner.id });
    await upsertAnswer(db(), { assessmentId: a.id, orgId: org.orgId, questionId: 'mfa', value: false });
    return a.id;
  }
  const freshId = async (c: Call, status: 'sent' | 'submitted') => (c.scope === 'missing' ? randomUUID() : fresh(c.org, status));

  const rows: Record<string, Row> = {
    'GET /api/v1/questionnaires': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/questionnaires' }) },
    'POST /api/v1/questionnaires': { allowed: WRITERS, ok: 201, build: () => ({ url: '/api/v1/questionnaires', payload: { name: `Q ${env.uniq()}`, definition: MINI_TEMPLATE } }) },
    'POST /api/v1/questionnaires/builtin': { allowed: WRITERS, ok: 201, build: () => ({ url: '/api/v1/questionnaires/builtin' }) },
    'POST /api/v1/questionnaires/import': {
      allowed: WRITERS,
      ok: 201,
      build: () => ({ url: '/api/v1/questionnaires/import?format=outsight', payload: exportTemplate(MINI_TEMPLATE), headers: { 'content-type': 'text/plain' } }),
    },
    'GET /api/v1/questionnaires/:id': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/questionnaires/${env.id(c, (o) => f(o).templateId)}` }) },
    'PUT /api/v1/questionnaires/:id': { allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/questionnaires/${env.id(c, (o) => f(o).templateId)}`, payload: { name: 'Renamed', definition: MINI_TEMPLATE } }) },
    'GET /api/v1/questionnaires/:id/export': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/questionnaires/${env.id(c, (o) => f(o).templateId)}/export` }) },
    'POST /api/v1/questionnaires/:id/archive': {
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: async (c) => {
        if (c.scope === 'missing') return { url: `/api/v1/questionnaires/${randomUUID()}/archive` };
        const { template } = await createTemplate(db(), { userId: c.org.users.owner.id, orgId: c.org.orgId, name: 'x', email: 'x', via: 'session' }, { name: 'To archive', origin: 'custom', definition: MINI_TEMPLATE }, null);
        return { url: `/api/v1/questionnaires/${template.id}/archive` };
      },
    },
    'GET /api/v1/assessments': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/assessments' }) },
    'POST /api/v1/assessments': {
      allowed: WRITERS,
      ok: 201,
      build: () => ({ url: '/api/v1/assessments', payload: { vendorId: env.own.vendor.id, templateId: f(env.own).templateId, dueDate: '2030-06-30', contactEmail: env.own.users.vendor_contact.email } }),
    },
    'GET /api/v1/assessments/:id': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/assessments/${env.id(c, (o) => f(o).assessmentId)}` }) },
    'POST /api/v1/assessments/:id/link': { allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/assessments/${env.id(c, (o) => f(o).assessmentId)}/link` }) },
    'PUT /api/v1/assessments/:id/answers/:questionId/review': {
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: (c) => ({ url: `/api/v1/assessments/${env.id(c, (o) => f(o).assessmentId)}/answers/mfa/review`, payload: { status: 'accepted' } }),
    },
    'POST /api/v1/assessments/:id/comments': {
      allowed: WRITERS,
      ok: 201,
      scoped: true,
      build: (c) => ({ url: `/api/v1/assessments/${env.id(c, (o) => f(o).assessmentId)}/comments`, payload: { questionId: 'mfa', body: 'Why not?', visibility: 'internal' } }),
    },
    'POST /api/v1/assessments/:id/complete': { allowed: WRITERS, ok: 200, scoped: true, build: async (c) => ({ url: `/api/v1/assessments/${await freshId(c, 'submitted')}/complete` }) },
    'POST /api/v1/assessments/:id/cancel': { allowed: WRITERS, ok: 200, scoped: true, build: async (c) => ({ url: `/api/v1/assessments/${await freshId(c, 'sent')}/cancel` }) },
    'POST /api/v1/assessments/:id/findings': {
      allowed: WRITERS,
      ok: 201,
      scoped: true,
      build: (c) => ({ url: `/api/v1/assessments/${env.id(c, (o) => f(o).assessmentId)}/findings`, payload: { title: 'Weak', severity: 'medium' } }),
    },
    'GET /api/v1/findings': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/findings' }) },
    'PATCH /api/v1/findings/:id': { allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/findings/${env.id(c, (o) => f(o).findingId)}`, payload: { status: 'in_progress' } }) },
    'POST /api/v1/vendors/:id/evidence': {
      allowed: WRITERS,
      ok: 201,
      scoped: true,
      build: (c) => ({ url: `/api/v1/vendors/${env.id(c, (o) => o.vendor.id)}/evidence?${meta()}`, payload: PDF, headers: pdf }),
    },
    'GET /api/v1/vendors/:id/evidence': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/vendors/${env.id(c, (o) => o.vendor.id)}/evidence` }) },
    'GET /api/v1/evidence/:id/download': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/evidence/${env.id(c, (o) => f(o).evidenceId)}/download` }) },
    'PATCH /api/v1/evidence/:id': { allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/evidence/${env.id(c, (o) => f(o).evidenceId)}`, payload: { issuer: 'BSI' } }) },
    'DELETE /api/v1/evidence/:id': {
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: async (c) => {
        if (c.scope === 'missing') return { url: `/api/v1/evidence/${randomUUID()}` };
        const e = await insertEvidence(db(), { orgId: c.org.orgId, vendorId: c.org.vendor.id, type: 'nda', title: 'NDA', fileName: 'nda.pdf', storageKey: randomUUID(), contentType: 'application/pdf', sizeBytes: 1, sha256: 'x' });
        return { url: `/api/v1/evidence/${e.id}` };
      },
    },
    'GET /api/v1/due-diligence/overview': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/due-diligence/overview' }) },
    'POST /api/v1/portal/links/:token/session': {
      allowed: 'public',
      ok: 200,
      scoped: true,
      publicMissing: 404,
      build: async (c) => {
        if (c.scope === 'missing') return { url: '/api/v1/portal/links/pl_nope/session' };
        const token = newSecret('pl_');
        await insertPortalLink(db(), { orgId: c.org.orgId, userId: c.org.users.vendor_contact.id, tokenHash: sha256(token), expiresAt: new Date(Date.now() + 3_600_000) });
        return { url: `/api/v1/portal/links/${token}/session` };
      },
    },
    'GET /api/v1/portal': { allowed: CONTACT, ok: 200, build: () => ({ url: '/api/v1/portal' }) },
    'GET /api/v1/portal/assessments/:id': { allowed: CONTACT, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/portal/assessments/${env.id(c, (o) => f(o).assessmentId)}` }) },
    'PUT /api/v1/portal/assessments/:id/answers/:questionId': {
      allowed: CONTACT,
      ok: 200,
      scoped: true,
      build: async (c) => ({ url: `/api/v1/portal/assessments/${await freshId(c, 'sent')}/answers/notes`, payload: { value: 'All good' } }),
    },
    'POST /api/v1/portal/assessments/:id/confirm': { allowed: CONTACT, ok: 200, scoped: true, build: async (c) => ({ url: `/api/v1/portal/assessments/${await freshId(c, 'sent')}/confirm` }) },
    'POST /api/v1/portal/assessments/:id/submit': { allowed: CONTACT, ok: 200, scoped: true, build: async (c) => ({ url: `/api/v1/portal/assessments/${await freshId(c, 'sent')}/submit` }) },
    'POST /api/v1/portal/assessments/:id/comments': {
      allowed: CONTACT,
      ok: 201,
      scoped: true,
      build: (c) => ({ url: `/api/v1/portal/assessments/${env.id(c, (o) => f(o).assessmentId)}/comments`, payload: { questionId: 'mfa', body: 'We are rolling it out' } }),
    },
    'GET /api/v1/portal/evidence': { allowed: CONTACT, ok: 200, build: () => ({ url: '/api/v1/portal/evidence' }) },
    'POST /api/v1/portal/evidence': { allowed: CONTACT, ok: 201, build: () => ({ url: `/api/v1/portal/evidence?${meta()}`, payload: PDF, headers: pdf }) },
    'GET /api/v1/portal/evidence/:id/download': { allowed: CONTACT, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/portal/evidence/${env.id(c, (o) => f(o).evidenceId)}/download` }) },
  };
  return {
    rows,
    async setup() {
      fx.set(env.own, await addDdFixtures(db(), env.own, env.t.config.filesDir));
      fx.set(env.foreign, await addDdFixtures(db(), env.foreign, env.t.config.filesDir));
    },
  };
}
