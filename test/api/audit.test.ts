import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { aQuestionnaire, anAssessment } from '../../src/server/seed/builders/due-diligence.ts';
import { aVendor } from '../../src/server/seed/builders/core.ts';
import { authHeaders, createTestOrg, loginAs, type TestOrg } from '../support/factories.ts';

let t: TestApp;
let org: TestOrg;
beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
});
afterAll(() => t.close());

describe('the audit trail reads in names', () => {
  it('keeps the name an object had when it changed, and says the action in words', async () => {
    const h = authHeaders(await loginAs(t.database.db, org.users.owner));
    const v = (await t.app.inject({ method: 'POST', url: '/api/v1/vendors', headers: h, payload: { name: 'Old Name Ltd', kind: 'saas' } })).json();
    await t.app.inject({ method: 'PATCH', url: `/api/v1/vendors/${v.id}`, headers: h, payload: { name: 'New Name Ltd' } });
    const events = (await t.app.inject({ method: 'GET', url: `/api/v1/audit-events?objectId=${v.id}`, headers: h })).json().items;
    expect(events.map((e: { actionLabel: string; objectLabel: string }) => [e.actionLabel, e.objectLabel])).toEqual([
      ['changed vendor', 'New Name Ltd'],
      ['created vendor', 'Old Name Ltd'],
    ]);
  });

  it('names objects that have no name of their own by their module\'s words: an assessment by questionnaire and vendor', async () => {
    const vendor = await aVendor(org.handle, { name: 'Labelled Vendor' });
    const q = await aQuestionnaire(org.handle, { name: 'Security review' });
    const a = await anAssessment(org.handle, { vendorId: vendor.id, questionnaireId: q.id });
    const h = authHeaders(await loginAs(t.database.db, org.users.owner));
    const events = (await t.app.inject({ method: 'GET', url: `/api/v1/audit-events?objectId=${a.id}`, headers: h })).json().items;
    expect(events.map((e: { actionLabel: string; objectLabel: string }) => [e.actionLabel, e.objectLabel])).toEqual([['sent assessment', 'Security review for Labelled Vendor']]);
  });
});
