import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAfterChanges, type AfterChangeEvaluations } from '../../src/server/jobs/risk-signals-after-change.ts';
import { aVendor } from '../../src/server/seed/builders/core.ts';
import { anEvidence } from '../../src/server/seed/builders/due-diligence.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { call, inApp } from '../support/deliverables.ts';
import { createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

// Issue 13: signals follow the facts soon after a relevant change, without "Evaluate now" or the hourly schedule.
let t: TestApp;
let org: TestOrg;
let manager: Login;
let after: AfterChangeEvaluations;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
  manager = await loginAs(t.database.db, org.users.manager);
  // A clock that never rings by itself within a test: settle() runs what is pending, deterministically.
  after = evaluateAfterChanges({ db: t.database.db, log: pino({ level: 'silent' }), config: t.config }, { delayMs: 3_600_000 });
});
afterAll(async () => {
  after.stop();
  await t.close();
});

describe('risk signals after a change', () => {
  it('an evidence record changed to expired raises its signal with no one pressing "Evaluate now"; many changes make one evaluation', async () => {
    const h = inApp(org, t.config);
    const vendor = await aVendor(h, { name: 'Fjord Hosting', tier: 1, status: 'active' });
    const cert = await anEvidence(h, { vendorId: vendor.id, type: 'iso27001_certificate', title: 'ISO 27001 certificate', validUntil: day(400) });
    await after.settle();
    const signals = async () => (await call(t, manager, 'GET', '/api/v1/risk-signals?rule=evidence_expiry&active=true')).json().items as Array<{ title: string }>;
    expect(await signals()).toEqual([]);

    // Three changes in a row: the certificate is found expired (its date corrected twice) and renamed.
    const runs = after.runs();
    expect((await call(t, manager, 'PATCH', `/api/v1/evidence/${cert.id}`, { validUntil: day(-20) })).statusCode).toBe(200);
    expect((await call(t, manager, 'PATCH', `/api/v1/evidence/${cert.id}`, { validUntil: day(-10) })).statusCode).toBe(200);
    expect((await call(t, manager, 'PATCH', `/api/v1/evidence/${cert.id}`, { title: 'ISO 27001 certificate (2023)' })).statusCode).toBe(200);
    await after.settle();
    expect(after.runs()).toBe(runs + 1);
    expect((await signals()).map((s) => s.title)).toEqual(['Fjord Hosting: ISO 27001 certificate expired']);
    const risks = (await call(t, manager, 'GET', `/api/v1/risks?source=signal&vendorId=${vendor.id}&q=ISO`)).json();
    expect(risks.total).toBe(1);

    // The renewed date clears it the same way; the evaluation's own writes schedule nothing further.
    expect((await call(t, manager, 'PATCH', `/api/v1/evidence/${cert.id}`, { validUntil: day(700) })).statusCode).toBe(200);
    await after.settle();
    expect(await signals()).toEqual([]);
    const settled = after.runs();
    await after.settle();
    expect(after.runs()).toBe(settled);
    // A change the rules do not read (a risk's own action) schedules nothing.
    expect((await call(t, manager, 'POST', `/api/v1/risks/${risks.items[0].id}/actions`, { title: 'Ask for the renewed certificate', dueOn: day(14) })).statusCode).toBeLessThan(300);
    await after.settle();
    expect(after.runs()).toBe(settled);
  });
});
