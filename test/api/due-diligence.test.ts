import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { MINI_TEMPLATE, PDF } from '../support/due-diligence.ts';
import { addUser, authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';
import { startSmtp } from '../support/smtp.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let org: TestOrg;
let manager: Login;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ smtpUrl: smtp.url, publicUrl: 'https://outsight.example', maxUploadBytes: 64 * 1024 });
  org = await createTestOrg(t.database.db);
  manager = await loginAs(t.database.db, org.users.manager);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const api = (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}, login: Login = manager) =>
  t.app.inject({ method: method as 'GET', url, payload: payload as object, headers: { ...authHeaders(login), ...headers } });

/** Opens the e-mailed portal link as the vendor would, returning the portal session. */
async function openLink(token: string) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/portal/links/${token}/session` });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'outsight_session')!.value;
  return { cookie: `outsight_session=${cookie}`, csrf: res.json().me.csrfToken as string };
}
const asVendor = (s: { cookie: string; csrf: string }) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

async function sendMini(email = 'answers@vendor.example') {
  const tpl = await api('POST', '/api/v1/questionnaires', { name: 'Mini', definition: MINI_TEMPLATE });
  expect(tpl.statusCode).toBe(201);
  const sent = await api('POST', '/api/v1/assessments', { vendorId: org.vendor.id, templateId: tpl.json().id, dueDate: '2030-06-30', contactEmail: email });
  expect(sent.statusCode).toBe(201);
  return { templateId: tpl.json().id as string, assessmentId: sent.json().id as string, email };
}

describe('the assessment loop through the API', () => {
  it('sends, answers through the portal link (condition, upload), submits, reviews, and scores', async () => {
    const { assessmentId, email } = await sendMini();
    const token = smtp.linkFor(email);
    expect(smtp.inbox.at(-1)!.text).toContain('https://outsight.example/portal/link/');
    const vendor = await openLink(token);
    // The link is single-use.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/portal/links/${token}/session` })).statusCode).toBe(410);

    const view = (await t.app.inject({ method: 'GET', url: `/api/v1/portal/assessments/${assessmentId}`, headers: asVendor(vendor) })).json();
    expect(view.visible).toEqual(['mfa', 'iso', 'notes']); // mfa_scope waits for "yes"
    const put = (q: string, value: unknown) => t.app.inject({ method: 'PUT', url: `/api/v1/portal/assessments/${assessmentId}/answers/${q}`, payload: { value }, headers: asVendor(vendor) });
    const hidden = await put('mfa_scope', 'all');
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.message).toMatch(/not shown/);
    expect((await put('mfa', 'perhaps')).statusCode).toBe(400);
    expect((await put('mfa', true)).statusCode).toBe(200);
    expect((await put('mfa_scope', 'admins')).statusCode).toBe(200);
    expect((await put('notes', '<script>alert(1)</script>')).statusCode).toBe(200);

    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/v1/portal/evidence?type=iso27001_certificate&title=ISO%2027001&issuer=BSI&validFrom=2025-01-01&validUntil=2028-01-01&fileName=iso.pdf&assessmentId=${assessmentId}&questionId=iso`,
      payload: PDF,
      headers: { ...asVendor(vendor), 'content-type': 'application/pdf' },
    });
    expect(upload.statusCode).toBe(201);
    expect(upload.json()).toMatchObject({ validUntil: '2028-01-01', validity: 'valid', fileName: 'iso.pdf' });
    expect((await put('iso', [upload.json().id])).statusCode).toBe(200);

    expect((await t.app.inject({ method: 'POST', url: `/api/v1/portal/assessments/${assessmentId}/submit`, headers: asVendor(vendor) })).statusCode).toBe(200);
    const late = await put('notes', 'changed my mind');
    expect(late.statusCode).toBe(409);
    expect(smtp.inbox.some((m) => m.to.includes(org.users.manager.email) && /submitted/.test(m.subject))).toBe(true);

    // Review: accept one answer, ask about another, raise a finding on the third.
    expect((await api('PUT', `/api/v1/assessments/${assessmentId}/answers/mfa/review`, { status: 'accepted' })).statusCode).toBe(200);
    expect((await api('PUT', `/api/v1/assessments/${assessmentId}/answers/mfa_scope/review`, { status: 'clarification' })).statusCode).toBe(200);
    await api('POST', `/api/v1/assessments/${assessmentId}/comments`, { questionId: 'mfa_scope', body: 'When will everyone have MFA?', visibility: 'vendor' });
    await api('POST', `/api/v1/assessments/${assessmentId}/comments`, { questionId: 'mfa_scope', body: 'Internal: they were vague on the call', visibility: 'internal' });
    const finding = await api('POST', `/api/v1/assessments/${assessmentId}/findings`, { questionId: 'mfa_scope', title: 'MFA only for admins', severity: 'high', ownerId: org.users.manager.id, dueDate: '2030-12-31' });
    expect(finding.statusCode).toBe(201);

    // The vendor sees the question addressed to it and never the internal note.
    const clarifyLink = smtp.linkFor(email);
    const vendor2 = await openLink(clarifyLink);
    const again = (await t.app.inject({ method: 'GET', url: `/api/v1/portal/assessments/${assessmentId}`, headers: asVendor(vendor2) })).json();
    expect(again.comments.map((c: { body: string }) => c.body)).toEqual(['When will everyone have MFA?']);
    expect(JSON.stringify(again)).not.toContain('vague');

    // iso and notes were never reviewed: completing says so until confirmed (issue 8).
    expect((await api('POST', `/api/v1/assessments/${assessmentId}/complete`)).statusCode).toBe(409);
    const done = await api('POST', `/api/v1/assessments/${assessmentId}/complete`, { confirmUnreviewed: true });
    expect(done.statusCode).toBe(200);
    const a = done.json();
    expect(a.status).toBe('completed');
    // mfa yes (2 of 2 points) + admins only with a HIGH finding (0 of 1 point; issue 8) = 2 of 3 points.
    expect(a.score.overall).toBeCloseTo(66.7, 1);
    expect(a.findings).toHaveLength(1);
    expect(a.answers.find((x: { questionId: string }) => x.questionId === 'notes').value).toBe('<script>alert(1)</script>');
  });

  it('a re-assessment starts from the previous answers, which the vendor must confirm', async () => {
    const { templateId, email } = await sendMini('reassess@vendor.example');
    const first = await openLink(smtp.linkFor(email));
    const firstId = (await t.app.inject({ method: 'GET', url: '/api/v1/portal', headers: asVendor(first) })).json().requests[0].id;
    await t.app.inject({ method: 'PUT', url: `/api/v1/portal/assessments/${firstId}/answers/mfa`, payload: { value: false }, headers: asVendor(first) });
    await t.app.inject({ method: 'POST', url: `/api/v1/portal/assessments/${firstId}/submit`, headers: asVendor(first) });
    const second = await api('POST', '/api/v1/assessments', { vendorId: org.vendor.id, templateId, dueDate: '2030-07-31', contactEmail: email, reassess: true });
    const secondId = second.json().id;
    expect(second.json().answers).toEqual([expect.objectContaining({ questionId: 'mfa', value: false, carriedOver: true })]);
    const v = await openLink(smtp.linkFor(email));
    const blocked = await t.app.inject({ method: 'POST', url: `/api/v1/portal/assessments/${secondId}/submit`, headers: asVendor(v) });
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json().error.details.issues[0]).toMatchObject({ path: 'mfa', message: expect.stringMatching(/Carried over/) });
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/portal/assessments/${secondId}/confirm`, headers: asVendor(v) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/portal/assessments/${secondId}/submit`, headers: asVendor(v) })).statusCode).toBe(200);
  });
});

describe('portal links', () => {
  it('an expired link is refused', async () => {
    const { email } = await sendMini('expired@vendor.example');
    const token = smtp.linkFor(email);
    t.clock.offsetMs = 15 * 86_400_000;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/portal/links/${token}/session` });
    t.clock.offsetMs = 0;
    expect(res.statusCode).toBe(410);
    expect(res.json().error.message).toMatch(/expired/);
  });
});

describe('reminders', () => {
  it('go out 7, 3 and 1 days before the due date and once when overdue, each exactly once', async () => {
    const { runReminders } = await import('../../src/server/jobs/reminders.ts');
    const o = await createTestOrg(t.database.db);
    const m = await loginAs(t.database.db, o.users.manager);
    const tpl = (await api('POST', '/api/v1/questionnaires', { name: 'Mini', definition: MINI_TEMPLATE }, {}, m)).json();
    const due = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await api('POST', '/api/v1/assessments', { vendorId: o.vendor.id, templateId: tpl.id, dueDate: due, contactEmail: 'remind@vendor.example' }, {}, m);
    const deps = { db: t.database.db, mailer: t.mailer, log: t.app.log, baseUrl: 'https://outsight.example' };
    const count = () => smtp.inbox.filter((x) => x.to.includes('remind@vendor.example')).length;
    expect(count()).toBe(1); // the invitation
    const at = (daysBeforeDue: number) => new Date(Date.parse(`${due}T09:00:00Z`) - daysBeforeDue * 86_400_000);
    await runReminders(deps, at(9));
    expect(count()).toBe(1);
    await runReminders(deps, at(7));
    await runReminders(deps, at(7)); // a second server, or the next run: no duplicate
    expect(count()).toBe(2);
    await runReminders(deps, at(3));
    await runReminders(deps, at(1));
    await runReminders(deps, at(-2));
    await runReminders(deps, at(-3));
    expect(count()).toBe(5);
    const subjects = smtp.inbox.filter((x) => x.to.includes('remind@vendor.example')).map((x) => x.subject);
    expect(subjects.slice(1)).toEqual([expect.stringMatching(/due in 7 days/), expect.stringMatching(/due in 3 days/), expect.stringMatching(/due in 1 day$/), expect.stringMatching(/^Overdue/)]);
    // Every reminder carries a working link.
    const s = await openLink(smtp.linkFor('remind@vendor.example'));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/portal', headers: asVendor(s) })).statusCode).toBe(200);
  });
});

describe('isolation', () => {
  it("a contact of another vendor of the same organisation sees none of this vendor's requests or documents", async () => {
    const { assessmentId } = await sendMini('iso-a@vendor.example');
    const other = await addUser(t.database.db, org.orgId, 'vendor_contact', org.otherVendor.id);
    const h = authHeaders(await loginAs(t.database.db, other));
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/portal/assessments/${assessmentId}`, headers: h })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/portal/assessments/${assessmentId}/answers/mfa`, payload: { value: true }, headers: h })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/portal', headers: h })).json().requests).toEqual([]);
    const docs = await api('GET', `/api/v1/vendors/${org.vendor.id}/evidence`);
    for (const d of docs.json().items) {
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/portal/evidence/${d.id}/download`, headers: h })).statusCode).toBe(404);
    }
    const attach = await t.app.inject({ method: 'POST', url: `/api/v1/portal/evidence?type=nda&title=x&fileName=x.pdf&assessmentId=${assessmentId}`, payload: PDF, headers: { ...h, 'content-type': 'application/pdf' } });
    expect(attach.statusCode).toBe(400);
  });
});

describe('uploads: bad files', () => {
  const up = (name: string, body: Buffer, extra = '') =>
    api('POST', `/api/v1/vendors/${org.vendor.id}/evidence?type=policy&title=Policy&fileName=${encodeURIComponent(name)}${extra}`, body, { 'content-type': 'application/pdf' });

  it('stores under a generated name and downloads as an attachment, whatever the name says', async () => {
    const res = await up('../../etc/passwd.pdf', PDF);
    expect(res.statusCode).toBe(201);
    expect(res.json().fileName).toBe('passwd.pdf');
    const { readdirSync } = await import('node:fs');
    const path = await import('node:path');
    const stored = readdirSync(path.join(t.config.filesDir, org.orgId));
    expect(stored.every((f) => /^[0-9a-f-]{36}$/.test(f))).toBe(true);
    const dl = await api('GET', `/api/v1/evidence/${res.json().id}/download`);
    expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="passwd.pdf"/);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.rawPayload.equals(PDF)).toBe(true);
  });

  it('refuses an overlong name, a program renamed .pdf, an oversize file, an empty file and reversed dates', async () => {
    expect((await up('a'.repeat(300) + '.pdf', PDF)).statusCode).toBe(400);
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200)]);
    const prog = await up('report.pdf', elf);
    expect(prog.statusCode).toBe(415);
    expect(prog.json().error.message).toMatch(/PDF, an image or an Office document/);
    const big = await up('big.pdf', Buffer.concat([PDF, Buffer.alloc(100 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect((await up('empty.pdf', Buffer.alloc(0))).statusCode).toBe(400);
    const dates = await up('dates.pdf', PDF, '&validFrom=2026-01-01&validUntil=2025-01-01');
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.details.issues[0].path).toBe('validUntil');
    const { readdirSync } = await import('node:fs');
    const path = await import('node:path');
    // Nothing half-written is left behind by the refused uploads.
    expect(readdirSync(path.join(t.config.filesDir, org.orgId)).some((f) => f.endsWith('.part'))).toBe(false);
  });
});

describe('questionnaire import and versions', () => {
  it("imports Google's VSAQ questionnaires with conditions, and refuses a file that is not one", async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync('../shared/data/google-vsaq/questionnaires/webapp.json', 'utf8');
    const res = await api('POST', '/api/v1/questionnaires/import?format=vsaq', text, { 'content-type': 'text/plain' });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r.questions).toBeGreaterThan(50);
    expect(r.conditions).toBeGreaterThan(10);
    expect(r.skipped.every((s: { reason: string }) => s.reason.length > 0)).toBe(true);
    const detail = (await api('GET', `/api/v1/questionnaires/${r.templateId}`)).json();
    expect(detail.questionCount).toBe(r.questions);
    const bad = await api('POST', '/api/v1/questionnaires/import?format=vsaq', 'this is not a questionnaire', { 'content-type': 'text/plain' });
    expect(bad.statusCode).toBe(422);
  });

  it('an edit is a new version; a sent assessment keeps the version it was sent with', async () => {
    const { templateId, assessmentId } = await sendMini('versions@vendor.example');
    const edited = { ...MINI_TEMPLATE, sections: [{ ...MINI_TEMPLATE.sections[0], questions: MINI_TEMPLATE.sections[0].questions.slice(0, 1) }] };
    const v2 = await api('PUT', `/api/v1/questionnaires/${templateId}`, { name: 'Mini v2', definition: edited });
    expect(v2.json()).toMatchObject({ version: 2, questionCount: 1 });
    expect((await api('GET', `/api/v1/assessments/${assessmentId}`)).json().definition.sections[0].questions).toHaveLength(4);
    const invalid = await api('PUT', `/api/v1/questionnaires/${templateId}`, { name: 'Broken', definition: { name: 'x', sections: [{ id: 's', title: 'S', questions: [{ id: 'q', type: 'single_choice', text: 'Pick', required: true, weight: 1, topic: 'exit', severity: 'low' }] }] } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details.issues[0].path).toMatch(/^definition\.sections\.0\.questions\.0/);
  });
});

describe('evidence expiry alerts', () => {
  it("e-mail the vendor's internal owner 60, 30 and 7 days before a document expires, once each", async () => {
    const { runReminders } = await import('../../src/server/jobs/reminders.ts');
    const o = await createTestOrg(t.database.db);
    const m = await loginAs(t.database.db, o.users.manager);
    await api('PATCH', `/api/v1/vendors/${o.vendor.id}`, { internalOwnerId: o.users.manager.id }, {}, m);
    const until = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const up = await api('POST', `/api/v1/vendors/${o.vendor.id}/evidence?type=soc2_type2_report&title=SOC%202%20report&validUntil=${until}&fileName=soc2.pdf`, PDF, { 'content-type': 'application/pdf' }, m);
    expect(up.statusCode).toBe(201);
    const deps = { db: t.database.db, mailer: t.mailer, log: t.app.log, baseUrl: 'https://outsight.example' };
    const mails = () => smtp.inbox.filter((x) => x.to.includes(o.users.manager.email) && /SOC 2 report/.test(x.subject));
    const at = (daysBefore: number) => new Date(Date.parse(`${until}T08:00:00Z`) - daysBefore * 86_400_000);
    for (const d of [61, 60, 59, 30, 30, 7, 6, 0]) await runReminders(deps, at(d));
    expect(mails()).toHaveLength(3);
    expect(mails()[0].subject).toContain(`expires on ${until}`);
  });
});

describe('clarification', () => {
  it('reopens the answers sent back (and questions they reveal) until the vendor submits again', async () => {
    const { assessmentId, email } = await sendMini('clarify@vendor.example');
    const v = await openLink(smtp.linkFor(email));
    const put = (q: string, value: unknown) => t.app.inject({ method: 'PUT', url: `/api/v1/portal/assessments/${assessmentId}/answers/${q}`, payload: { value }, headers: asVendor(v) });
    const submit = () => t.app.inject({ method: 'POST', url: `/api/v1/portal/assessments/${assessmentId}/submit`, headers: asVendor(v) });
    expect((await put('mfa', false)).statusCode).toBe(200);
    expect((await submit()).statusCode).toBe(200);
    expect((await submit()).statusCode).toBe(409); // nothing changed since
    await api('PUT', `/api/v1/assessments/${assessmentId}/answers/mfa/review`, { status: 'clarification' });
    expect((await put('notes', 'not sent back')).statusCode).toBe(409);
    expect((await put('mfa', true)).statusCode).toBe(200);
    expect((await put('mfa', true)).statusCode).toBe(200); // as often as needed
    expect((await put('mfa_scope', 'all')).statusCode).toBe(200); // revealed by the new answer
    const before = smtp.inbox.length;
    expect((await submit()).statusCode).toBe(200);
    expect(smtp.inbox.length).toBe(before + 1);
    const a = (await api('GET', `/api/v1/assessments/${assessmentId}`)).json();
    expect(a.answers.find((x: { questionId: string }) => x.questionId === 'mfa').reviewStatus).toBe('pending');
    expect((await put('mfa', false)).statusCode).toBe(409);
  });
});

describe('evidence names an assessment only through its policy (issue 9, item 7)', () => {
  const upload = (vendorId: string, assessmentId: string) =>
    api('POST', `/api/v1/vendors/${vendorId}/evidence?type=policy&title=Policy&fileName=p.pdf&assessmentId=${assessmentId}`, PDF, { 'content-type': 'application/pdf' });

  it("refuses another organisation's assessment, another vendor's, and an unknown id as an invalid field", async () => {
    const { assessmentId } = await sendMini('ref-own@vendor.example');
    const foreign = await createTestOrg(t.database.db, 'Elsewhere');
    const foreignManager = await loginAs(t.database.db, foreign.users.manager);
    const foreignTpl = (await api('POST', '/api/v1/questionnaires', { name: 'Theirs', definition: MINI_TEMPLATE }, {}, foreignManager)).json();
    const foreignAssessment = (await api('POST', '/api/v1/assessments', { vendorId: foreign.vendor.id, templateId: foreignTpl.id, dueDate: '2030-06-30', contactEmail: 'ref-foreign@vendor.example' }, {}, foreignManager)).json();

    for (const [vendorId, id] of [
      [org.vendor.id, foreignAssessment.id],
      [org.otherVendor.id, assessmentId],
      [org.vendor.id, '00000000-0000-4000-8000-000000000000'],
    ]) {
      const res = await upload(vendorId, id);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe('assessmentId');
    }
    const ok = await upload(org.vendor.id, assessmentId);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().assessmentId).toBe(assessmentId);
  });
});

describe('the portal shows the vendor only what is its to see (issue 9, item 8)', () => {
  it('no weights, severities, scores or verdicts but "sent back", no internal notes, no evidence the client filed for itself', async () => {
    const { assessmentId, email } = await sendMini('disclose@vendor.example');
    const v = await openLink(smtp.linkFor(email));
    const put = (q: string, value: unknown) => t.app.inject({ method: 'PUT', url: `/api/v1/portal/assessments/${assessmentId}/answers/${q}`, payload: { value }, headers: asVendor(v) });
    expect((await put('mfa', true)).statusCode).toBe(200);
    expect((await put('mfa_scope', 'admins')).statusCode).toBe(200);
    expect((await put('notes', 'none')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/portal/assessments/${assessmentId}/submit`, headers: asVendor(v) })).statusCode).toBe(200);
    await api('PUT', `/api/v1/assessments/${assessmentId}/answers/mfa/review`, { status: 'accepted' });
    await api('PUT', `/api/v1/assessments/${assessmentId}/answers/mfa_scope/review`, { status: 'finding' });
    await api('PUT', `/api/v1/assessments/${assessmentId}/answers/notes/review`, { status: 'clarification' });
    const internalDoc = await api('POST', `/api/v1/vendors/${org.vendor.id}/evidence?type=other&title=Internal%20audit%20notes&fileName=notes.pdf`, PDF, { 'content-type': 'application/pdf' });
    const attached = await api('POST', `/api/v1/vendors/${org.vendor.id}/evidence?type=nda&title=Signed%20NDA&fileName=nda.pdf&assessmentId=${assessmentId}&sharedWithVendor=true`, PDF, { 'content-type': 'application/pdf' });
    // Filed for the assessment but not shared: the review's own working papers.
    const attachedInternal = await api('POST', `/api/v1/vendors/${org.vendor.id}/evidence?type=other&title=Reviewer%20notes&fileName=review.pdf&assessmentId=${assessmentId}`, PDF, { 'content-type': 'application/pdf' });
    const own = await t.app.inject({ method: 'POST', url: '/api/v1/portal/evidence?type=policy&title=Our%20policy&fileName=policy.pdf', payload: PDF, headers: { ...asVendor(v), 'content-type': 'application/pdf' } });
    expect([internalDoc.statusCode, attached.statusCode, attachedInternal.statusCode, own.statusCode]).toEqual([201, 201, 201, 201]);
    expect([internalDoc.json().sharedWithVendor, attached.json().sharedWithVendor, attachedInternal.json().sharedWithVendor, own.json().sharedWithVendor]).toEqual([false, true, false, true]);

    const view = await t.app.inject({ method: 'GET', url: `/api/v1/portal/assessments/${assessmentId}`, headers: asVendor(v) });
    const text = view.body;
    for (const secret of ['"weight"', '"severity"', '"score"', '"topic"', '"finding"', '"accepted"', 'overallScore']) expect(text).not.toContain(secret);
    const body = view.json();
    // Enough to answer live: question text, type, choice labels, required, conditions.
    expect(body.definition.sections[0].questions[1]).toEqual({
      id: 'mfa_scope',
      type: 'single_choice',
      text: 'For whom is MFA enforced?',
      required: true,
      choices: [
        { id: 'all', label: 'Everyone' },
        { id: 'admins', label: 'Administrators only' },
      ],
      condition: { op: 'equals', question: 'mfa', value: true },
    });
    expect(Object.fromEntries(body.answers.map((a: { questionId: string; reviewStatus: string | null }) => [a.questionId, a.reviewStatus]))).toEqual({ mfa: null, mfa_scope: null, notes: 'clarification' });
    expect(body.evidence.map((e: { id: string }) => e.id)).toEqual([attached.json().id]);

    const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/portal/evidence?limit=200', headers: asVendor(v) })).json().items.map((e: { id: string }) => e.id);
    expect(listed).toEqual(expect.arrayContaining([attached.json().id, own.json().id]));
    expect(listed).not.toContain(internalDoc.json().id);
    expect(listed).not.toContain(attachedInternal.json().id);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/portal/evidence/${internalDoc.json().id}/download`, headers: asVendor(v) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/portal/evidence/${own.json().id}/download`, headers: asVendor(v) })).statusCode).toBe(200);

    // The client's own view keeps all of it.
    const internal = (await api('GET', `/api/v1/assessments/${assessmentId}`)).json();
    expect(internal.definition.sections[0].questions[0].weight).toBe(2);
    expect(internal.answers.find((a: { questionId: string }) => a.questionId === 'mfa_scope').reviewStatus).toBe('finding');
  });
});

describe('autosaves and file answers', () => {
  it('every autosave leaves an audit row; a file answer only takes evidence the vendor may attach', async () => {
    const { assessmentId, email } = await sendMini('autosave@vendor.example');
    const v = await openLink(smtp.linkFor(email));
    const put = (q: string, value: unknown) => t.app.inject({ method: 'PUT', url: `/api/v1/portal/assessments/${assessmentId}/answers/${q}`, payload: { value }, headers: asVendor(v) });
    expect((await put('notes', 'first')).statusCode).toBe(200);
    expect((await put('notes', 'second')).statusCode).toBe(200);
    const owner = await loginAs(t.database.db, org.users.owner);
    const audit = (await api('GET', `/api/v1/audit-events?action=assessment.answer&objectId=${assessmentId}&limit=200`, undefined, {}, owner)).json();
    expect(audit.items).toHaveLength(2);
    expect(audit.items.map((e: { after: { value: string } }) => e.after.value).sort()).toEqual(['first', 'second']);

    const mine = await t.app.inject({ method: 'POST', url: `/api/v1/portal/evidence?type=iso27001_certificate&title=ISO&fileName=iso.pdf&assessmentId=${assessmentId}&questionId=iso`, payload: PDF, headers: { ...asVendor(v), 'content-type': 'application/pdf' } });
    const otherVendors = await api('POST', `/api/v1/vendors/${org.otherVendor.id}/evidence?type=policy&title=Theirs&fileName=t.pdf`, PDF, { 'content-type': 'application/pdf' });
    const internalOnly = await api('POST', `/api/v1/vendors/${org.vendor.id}/evidence?type=other&title=Ours&fileName=o.pdf`, PDF, { 'content-type': 'application/pdf' });
    for (const bad of [[mine.json().id, otherVendors.json().id], [internalOnly.json().id], ['00000000-0000-4000-8000-000000000000']]) {
      const res = await put('iso', bad);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe('value');
    }
    expect((await put('iso', [mine.json().id])).statusCode).toBe(200);
  });
});

describe('evidence expiry e-mails', () => {
  it("link to the vendor page's Assessments tab, where its evidence is listed", async () => {
    const { runReminders } = await import('../../src/server/jobs/reminders.ts');
    const o = await createTestOrg(t.database.db);
    const m = await loginAs(t.database.db, o.users.manager);
    await api('PATCH', `/api/v1/vendors/${o.vendor.id}`, { internalOwnerId: o.users.manager.id }, {}, m);
    const until = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    expect((await api('POST', `/api/v1/vendors/${o.vendor.id}/evidence?type=dpa&title=Signed%20DPA&validUntil=${until}&fileName=dpa.pdf`, PDF, { 'content-type': 'application/pdf' }, m)).statusCode).toBe(201);
    await runReminders({ db: t.database.db, mailer: t.mailer, log: t.app.log, baseUrl: 'https://outsight.example' }, new Date(Date.parse(`${until}T08:00:00Z`) - 60 * 86_400_000));
    const mail = smtp.inbox.find((x) => x.to.includes(o.users.manager.email) && /Signed DPA/.test(x.subject));
    // The web's route is /vendors/:id/:tab; "assessments" is the tab with the vendor's evidence.
    expect(mail?.text).toMatch(new RegExp(`https://outsight\\.example/vendors/${o.vendor.id}/assessments\\r?\\n`));
    expect(mail?.text).not.toContain('?tab=');
  });
});

// Issue 9 §8: the client decides, per document, whether the vendor sees it in its portal.
describe('evidence shared with the vendor', () => {
  it('an unshared client document is never listed or downloadable in the portal; once shared it is; the vendor\'s own stays shared', async () => {
    const { email } = await sendMini('shared@vendor.example');
    const v = await openLink(smtp.linkFor(email));
    const portalIds = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/portal/evidence?limit=200', headers: asVendor(v) })).json().items.map((e: { id: string }) => e.id);
    const download = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/portal/evidence/${id}/download`, headers: asVendor(v) })).statusCode;

    const doc = await api('POST', `/api/v1/vendors/${org.vendor.id}/evidence?type=penetration_test&title=Our%20pen%20test%20of%20them&fileName=pentest.pdf`, PDF, { 'content-type': 'application/pdf' });
    expect(doc.statusCode).toBe(201);
    expect(doc.json().sharedWithVendor).toBe(false);
    expect(await portalIds()).not.toContain(doc.json().id);
    expect(await download(doc.json().id)).toBe(404);

    const shared = await api('PATCH', `/api/v1/evidence/${doc.json().id}`, { sharedWithVendor: true });
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json()).toMatchObject({ sharedWithVendor: true, title: 'Our pen test of them' });
    expect(await portalIds()).toContain(doc.json().id);
    expect(await download(doc.json().id)).toBe(200);

    expect((await api('PATCH', `/api/v1/evidence/${doc.json().id}`, { sharedWithVendor: false })).statusCode).toBe(200);
    expect(await portalIds()).not.toContain(doc.json().id);
    expect(await download(doc.json().id)).toBe(404);

    // What the vendor uploaded is its own: it cannot be hidden from it.
    const own = await t.app.inject({ method: 'POST', url: '/api/v1/portal/evidence?type=policy&title=Ours&fileName=ours.pdf', payload: PDF, headers: { ...asVendor(v), 'content-type': 'application/pdf' } });
    expect(own.statusCode).toBe(201);
    expect(own.json().sharedWithVendor).toBe(true);
    // The client's screens are told whose upload it is, so they can say why it stays shared.
    expect(own.json().fromVendor).toBe(true);
    expect(shared.json().fromVendor).toBe(false);
    const listed = (await api('GET', `/api/v1/vendors/${org.vendor.id}/evidence?limit=200`)).json().items as Array<{ id: string; fromVendor: boolean }>;
    expect(listed.find((e) => e.id === own.json().id)?.fromVendor).toBe(true);
    expect(listed.find((e) => e.id === doc.json().id)?.fromVendor).toBe(false);
    const renamed = await api('PATCH', `/api/v1/evidence/${own.json().id}`, { title: 'Ours, renamed' });
    expect(renamed.json()).toMatchObject({ title: 'Ours, renamed', fromVendor: true });
    const hide = await api('PATCH', `/api/v1/evidence/${own.json().id}`, { sharedWithVendor: false });
    expect(hide.statusCode).toBe(409);
    expect(hide.json().error.message).toContain('stays visible to the vendor');
    expect(await portalIds()).toContain(own.json().id);
  });
});
