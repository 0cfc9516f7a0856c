import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

let t: TestApp;
let org: TestOrg;
let owner: Login;
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
  owner = await loginAs(t.database.db, org.users.owner);
});
afterAll(() => t.close());

/** Every JSON write route with a valid body, so each mutation below differs in one way only. */
const WRITES: Array<{ method: 'POST' | 'PATCH'; label: string; url: () => string; body: () => Record<string, unknown> }> = [
  { method: 'POST', label: '/api/v1/vendors', url: () => '/api/v1/vendors', body: () => ({ name: `V${++n}`, kind: 'saas' }) },
  { method: 'PATCH', label: '/api/v1/vendors/:id', url: () => `/api/v1/vendors/${org.vendor.id}`, body: () => ({ notes: 'x' }) },
  { method: 'POST', label: '/api/v1/engagements', url: () => '/api/v1/engagements', body: () => ({ vendorId: org.vendor.id, name: `E${++n}`, serviceType: 'other' }) },
  { method: 'PATCH', label: '/api/v1/engagements/:id', url: () => `/api/v1/engagements/${org.engagementId}`, body: () => ({ description: 'x' }) },
  { method: 'PATCH', label: '/api/v1/users/:id', url: () => `/api/v1/users/${org.users.analyst.id}`, body: () => ({ name: 'Ana' }) },
  { method: 'POST', label: '/api/v1/invitations', url: () => '/api/v1/invitations', body: () => ({ email: `i${++n}@test.outsight.test`, role: 'analyst' }) },
  { method: 'POST', label: '/api/v1/tokens', url: () => '/api/v1/tokens', body: () => ({ name: `t${++n}` }) },
  { method: 'POST', label: '/api/v1/contracts', url: () => '/api/v1/contracts', body: () => ({ vendorId: org.vendor.id, type: 'nda', title: `C${++n}` }) },
  { method: 'PATCH', label: '/api/v1/org', url: () => '/api/v1/org', body: () => ({ name: 'Org' }) },
];

const send = (method: string, url: string, payload: string | object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: method as 'POST', url, payload, headers: { ...authHeaders(owner), 'content-type': 'application/json', ...headers } });

describe('bad input on every write route', () => {
  for (const w of WRITES) {
    const name = `${w.method} ${w.label}`;
    it(`${name}: malformed JSON, oversize body, wrong types, foreign keys in the body`, async () => {
      const malformed = await send(w.method, w.url(), '{"name": "x",');
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.code).toBe('bad_request');
      expect(malformed.json().error.requestId).toBeTruthy();

      const huge = await send(w.method, w.url(), JSON.stringify({ ...w.body(), notes: 'x'.repeat(2 * 1024 * 1024) }));
      expect(huge.statusCode).toBe(413);
      expect(huge.json().error.code).toBe('payload_too_large');

      for (const [field] of Object.entries(w.body())) {
        const wrong = await send(w.method, w.url(), { ...w.body(), [field]: { $gt: '' } });
        expect(wrong.statusCode, field).toBe(400);
        expect(wrong.json().error.code).toBe('validation_failed');
        expect(wrong.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(field);
      }

      for (const key of ['orgId', 'id', 'role', 'createdAt']) {
        if (key === 'role' && w.url().includes('/users/')) continue; // role is a real field there
        if (key === 'role' && w.url().endsWith('/invitations')) continue;
        const sneaky = await send(w.method, w.url(), { ...w.body(), [key]: '00000000-0000-0000-0000-000000000000' });
        expect(sneaky.statusCode, key).toBe(400);
        expect(JSON.stringify(sneaky.json().error.details.issues)).toContain(key);
      }
      // After all of that, nothing 5xx'd and a valid body still works.
      const ok = await send(w.method, w.url(), w.body());
      expect(ok.statusCode).toBeLessThan(300);
    });
  }

  it('text that looks like SQL or HTML is stored verbatim and returned as JSON data', async () => {
    const nasty = `<script>alert(1)</script> '); DROP TABLE vendors;-- ${++n}`;
    const res = await send('POST', '/api/v1/vendors', { name: nasty, kind: 'saas', notes: '<img src=x onerror=alert(1)>' });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toContain('application/json');
    const got = (await t.app.inject({ method: 'GET', url: `/api/v1/vendors/${res.json().id}`, headers: authHeaders(owner) })).json();
    expect(got.name).toBe(nasty);
    expect(got.notes).toBe('<img src=x onerror=alert(1)>');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/vendors', headers: authHeaders(owner) })).statusCode).toBe(200);
  });

  it('names the field for wrong formats: date, e-mail, time zone, country, working hours', async () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['/api/v1/engagements', { vendorId: org.vendor.id, name: 'D', serviceType: 'other', startDate: '31/12/2026' }, 'startDate'],
      ['/api/v1/vendors', { name: 'E1', kind: 'saas', contactEmail: 'not-an-email' }, 'contactEmail'],
      ['/api/v1/vendors', { name: 'E2', kind: 'saas', contactTimeZone: 'Mars/Olympus' }, 'contactTimeZone'],
      ['/api/v1/vendors', { name: 'E3', kind: 'saas', country: 'Germany' }, 'country'],
      ['/api/v1/vendors', { name: 'E4', kind: 'saas', contactWorkingHours: { days: [1], start: '18:00', end: '09:00' } }, 'contactWorkingHours.end'],
      ['/api/v1/vendors', { name: 'E5', kind: 'saas', website: 'javascript:alert(1)' }, 'website'],
      ['/api/v1/vendors', { name: 'E6', kind: 'spaceship' }, 'kind'],
      ['/api/v1/vendors', { name: 'E7', kind: 'saas', tier: 9 }, 'tier'],
    ];
    for (const [url, body, field] of cases) {
      const res = await send('POST', url, body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.details.issues.map((i: { path: string }) => i.path), field).toContain(field);
    }
  });

  it('treats malformed and unknown ids as not found, never as a server error', async () => {
    for (const url of ['/api/v1/vendors/1', "/api/v1/vendors/' OR 1=1 --", '/api/v1/engagements/00000000-0000-0000-0000-000000000000', '/api/v1/vendors/%00']) {
      const res = await t.app.inject({ method: 'GET', url, headers: authHeaders(owner) });
      expect(res.statusCode, url).toBe(404);
    }
  });

  it('rejects a body of the wrong media type', async () => {
    const res = await send('POST', '/api/v1/vendors', '<xml/>', { 'content-type': 'application/xml' });
    expect(res.statusCode).toBe(415);
  });
});
