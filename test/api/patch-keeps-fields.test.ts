import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

// A PATCH changes what it names and nothing else. zod 4's .partial() still filled in
// .default() values, so renaming a vendor reset its status and tier, renaming a calendar
// dropped its holidays, and editing a deliverable's title emptied its acceptance criteria.
let t: TestApp;
let org: TestOrg;
let manager: Login;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
  manager = await loginAs(t.database.db, org.users.manager);
});
afterAll(() => t.close());

const api = async (method: string, url: string, payload?: unknown) => {
  const res = await t.app.inject({ method: method as 'GET', url, payload: payload as object, headers: authHeaders(manager) });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
};

describe('a PATCH leaves the fields it does not name alone', () => {
  it('vendor: a new name keeps status, tier, data access and tags', async () => {
    const v = await api('POST', '/api/v1/vendors', { name: 'Patchy IT', kind: 'saas', status: 'active', tier: 1, dataAccess: 'personal_data', tags: ['core'] });
    const after = await api('PATCH', `/api/v1/vendors/${v.id}`, { name: 'Patchy IT Ltd' });
    expect(after).toMatchObject({ name: 'Patchy IT Ltd', status: 'active', tier: 1, dataAccess: 'personal_data', tags: ['core'] });
  });

  it('engagement: a new name keeps criticality, status and business services', async () => {
    const e = await api('POST', '/api/v1/engagements', { vendorId: org.vendor.id, name: 'Patch desk', serviceType: 'service_desk', criticality: 'critical', status: 'active', businessServices: ['Payroll'] });
    const after = await api('PATCH', `/api/v1/engagements/${e.id}`, { name: 'Patch desk 24/7' });
    expect(after).toMatchObject({ name: 'Patch desk 24/7', criticality: 'critical', status: 'active', businessServices: ['Payroll'] });
  });

  it('calendar: a new name keeps the holidays', async () => {
    const nine = [{ from: '09:00', to: '17:00' }];
    const c = await api('POST', '/api/v1/calendars', { name: 'Patch hours', timeZone: 'Europe/Berlin', week: { 1: nine }, holidays: ['2026-12-25'] });
    const after = await api('PATCH', `/api/v1/calendars/${c.id}`, { name: 'Patch hours (Berlin)' });
    expect(after).toMatchObject({ name: 'Patch hours (Berlin)', holidays: ['2026-12-25'] });
  });

  it('deliverable: a new title keeps the acceptance criteria and grace days', async () => {
    const d = await api('POST', '/api/v1/deliverables', { engagementId: org.engagementId, title: 'Runbook', criteria: ['Covers restore'], dueDate: '2027-01-15', graceDays: 5 });
    const after = await api('PATCH', `/api/v1/deliverables/${d.id}`, { title: 'Runbook v2' });
    expect(after).toMatchObject({ title: 'Runbook v2', graceDays: 5, criteria: [{ text: 'Covers restore' }] });
  });
});
