import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { MINI_TEMPLATE } from '../support/due-diligence.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';
import { startSmtp } from '../support/smtp.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let org: TestOrg;
let manager: Login;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ smtpUrl: smtp.url, publicUrl: 'https://outsight.example' });
  org = await createTestOrg(t.database.db);
  manager = await loginAs(t.database.db, org.users.manager);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function send(app: TestApp, login: Login, o: TestOrg, email: string): Promise<string> {
  const headers = authHeaders(login);
  const tpl = await app.app.inject({ method: 'POST', url: '/api/v1/questionnaires', payload: { name: 'Mini', definition: MINI_TEMPLATE }, headers });
  const sent = await app.app.inject({ method: 'POST', url: '/api/v1/assessments', payload: { vendorId: o.vendor.id, templateId: tpl.json().id, dueDate: '2030-06-30', contactEmail: email }, headers });
  expect(sent.statusCode).toBe(201);
  return sent.json().id as string;
}
const openLink = (token: string) => t.app.inject({ method: 'POST', url: `/api/v1/portal/links/${token}/session` });
const askForLink = (email: string) => t.app.inject({ method: 'POST', url: '/api/v1/portal/links/request', payload: { email } });
const mailsTo = (email: string) => smtp.inbox.filter((m) => m.to.includes(email)).length;

describe('a vendor can come back', () => {
  it('the questionnaire e-mail names the requesting organisation and a person, and starts with a capital', async () => {
    const email = 'named@vendor.example';
    await send(t, manager, org, email);
    const mail = smtp.inbox.filter((m) => m.to.includes(email)).at(-1)!;
    const orgName = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: authHeaders(manager) })).json().org.name as string;
    expect(mail.text).toContain(`${org.users.manager.name} of ${orgName} asks ${org.vendor.name} to answer`);
    expect(mail.subject).toContain(orgName);
    expect(mail.text).not.toMatch(/we would like/);
    for (const paragraph of mail.text.split('\n\n')) expect(paragraph.trim()).toMatch(/^([A-Z]|https:)/);
  });

  it('after the link was used, the vendor asks for a new one and gets it at its registered address', async () => {
    const email = 'returning@vendor.example';
    const id = await send(t, manager, org, email);
    const first = smtp.linkFor(email);
    expect((await openLink(first)).statusCode).toBe(200);
    expect((await openLink(first)).statusCode).toBe(410);

    const before = mailsTo(email);
    const asked = await askForLink('Returning@Vendor.example');
    expect(asked.statusCode).toBe(202);
    expect(mailsTo(email)).toBe(before + 1);
    const fresh = smtp.linkFor(email);
    expect(fresh).not.toBe(first);
    expect(smtp.inbox.filter((m) => m.to.includes(email)).at(-1)!.subject).toMatch(/new link/);
    const session = await openLink(fresh);
    expect(session.statusCode).toBe(200);
    expect(session.json().assessmentId).toBe(id);
  });

  it('answers the same for an unknown address or a non-vendor, and mails nobody (no account enumeration)', async () => {
    const known = await askForLink('returning@vendor.example');
    const total = smtp.inbox.length;
    const unknown = await askForLink('nobody-here@vendor.example');
    const internal = await askForLink(org.users.manager.email);
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.json()).toEqual(known.json());
    expect(internal.json()).toEqual(known.json());
    expect(smtp.inbox.length).toBe(total);
  });

  it('is limited per e-mail address, known or not', async () => {
    const email = 'limited@vendor.example';
    for (let i = 0; i < 3; i++) expect((await askForLink(email)).statusCode).toBe(202);
    const limited = await askForLink(email);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    // Another address is not held back by it.
    expect((await askForLink('other-limited@vendor.example')).statusCode).toBe(202);
  });

  it('the reviewer gets the link back only when no mail server is configured', async () => {
    const id = await send(t, manager, org, 'resend@vendor.example');
    const withSmtp = await t.app.inject({ method: 'POST', url: `/api/v1/assessments/${id}/link`, headers: authHeaders(manager) });
    expect(withSmtp.statusCode).toBe(200);
    expect(withSmtp.json()).toEqual({ ok: true, sentTo: 'resend@vendor.example', url: null });

    const bare = await createTestApp({ publicUrl: 'https://bare.example' });
    try {
      const o = await createTestOrg(bare.database.db);
      const m = await loginAs(bare.database.db, o.users.manager);
      const bareId = await send(bare, m, o, 'copy@vendor.example');
      const res = await bare.app.inject({ method: 'POST', url: `/api/v1/assessments/${bareId}/link`, headers: authHeaders(m) });
      expect(res.statusCode).toBe(200);
      expect(res.json().url).toMatch(/^https:\/\/bare\.example\/portal\/link\//);
      const token = /\/portal\/link\/(pl_[\w-]+)/.exec(res.json().url)![1];
      expect((await bare.app.inject({ method: 'POST', url: `/api/v1/portal/links/${token}/session` })).statusCode).toBe(200);
      // Readers may not send links, so they never see one.
      const analyst = await loginAs(bare.database.db, o.users.analyst);
      expect((await bare.app.inject({ method: 'POST', url: `/api/v1/assessments/${bareId}/link`, headers: authHeaders(analyst) })).statusCode).toBe(403);
    } finally {
      await bare.close();
    }
  });
});
