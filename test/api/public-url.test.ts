import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { MINI_TEMPLATE } from '../support/due-diligence.ts';
import { authHeaders, createTestOrg, loginAs } from '../support/factories.ts';
import { startSmtp } from '../support/smtp.ts';

// Issue 9, item 9: links in e-mails and answers come from configuration, never from the
// request's Host header, which anyone can forge.
let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  smtp = await startSmtp();
  // No publicUrl override: the test app's configuration derives it, as a server without OUTSIGHT_PUBLIC_URL does.
  t = await createTestApp({ smtpUrl: smtp.url });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('the public URL', () => {
  it('is OUTSIGHT_PUBLIC_URL, or derived once at start from HOST and PORT', () => {
    expect(loadConfig({ OUTSIGHT_PUBLIC_URL: 'https://outsight.example.com/', OUTSIGHT_DATA_DIR: '/x' }).publicUrl).toBe('https://outsight.example.com');
    expect(loadConfig({ PORT: '8080', OUTSIGHT_DATA_DIR: '/x' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ HOST: '10.1.2.3', PORT: '8080', OUTSIGHT_DATA_DIR: '/x' }).publicUrl).toBe('http://10.1.2.3:8080');
    expect(loadConfig({ OUTSIGHT_DATA_DIR: '/x' }).publicUrlDerived).toBe(true);
  });

  it('a forged Host header reaches neither the questionnaire e-mail, the new-link e-mail nor an invitation link', async () => {
    const org = await createTestOrg(t.database.db);
    const headers = { ...authHeaders(await loginAs(t.database.db, org.users.owner)), host: 'evil.example', 'x-forwarded-host': 'evil.example' };
    const tpl = await t.app.inject({ method: 'POST', url: '/api/v1/questionnaires', payload: { name: 'Mini', definition: MINI_TEMPLATE }, headers });
    const email = 'forged-host@vendor.example';
    const sent = await t.app.inject({ method: 'POST', url: '/api/v1/assessments', payload: { vendorId: org.vendor.id, templateId: tpl.json().id, dueDate: '2030-06-30', contactEmail: email }, headers });
    expect(sent.statusCode, sent.body).toBe(201);
    const asked = await t.app.inject({ method: 'POST', url: '/api/v1/portal/links/request', payload: { email }, headers: { host: 'evil.example' } });
    expect(asked.statusCode).toBe(202);
    const mails = smtp.inbox.filter((m) => m.to.includes(email));
    expect(mails).toHaveLength(2);
    for (const m of mails) {
      expect(m.text).not.toContain('evil.example');
      expect(m.text).toContain(`${t.config.publicUrl}/portal/`);
    }
    const inv = await t.app.inject({ method: 'POST', url: '/api/v1/invitations', payload: { email: 'new.person@client.example', role: 'analyst' }, headers });
    expect(inv.statusCode, inv.body).toBe(201);
    expect(inv.json().link).toMatch(new RegExp(`^${t.config.publicUrl}/invite/`));
  });
});
