import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DueItem } from '../../src/shared/contracts/dashboard.ts';
import type { ModuleFeed } from '../../src/server/feeds/feed.ts';
import { getDashboard, THIS_WEEK_LIMIT } from '../../src/server/modules/dashboard/dashboard.public.ts';
import { aFinding, anAssessment } from '../../src/server/seed/builders/due-diligence.ts';
import { aVendor, anOrg } from '../../src/server/seed/builders/core.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { authHeaders, createTestOrg, loginAs, type TestOrg } from '../support/factories.ts';

let t: TestApp;
let org: TestOrg;
beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
});
afterAll(() => t.close());

const item = (date: string, title: string, overdue = false): DueItem => ({ key: `k:${title}`, kind: 'test', title, detail: null, date, overdue, vendor: null, engagement: null, href: '/x' });

describe('the owner dashboard', () => {
  it('gathers every feed: dates up to a week ahead in order, exposures by severity, money per currency; a failing feed is named', async () => {
    const ctx = { ...org.handle.ctx(), now: new Date('2026-12-04T10:00:00Z') };
    const feeds: ModuleFeed[] = [
      {
        name: 'First',
        due: async (_c, w) => {
          expect(w).toEqual({ from: '2026-12-04', to: '2026-12-11' });
          return [item('2026-12-10', 'Later'), item('2026-11-30', 'Overdue one', true), item('2026-12-12', 'Beyond the week')];
        },
        exposures: async () => [
          { key: 'low', label: 'Low', count: 3, severity: 'low', href: '/l', examples: [] },
          { key: 'zero', label: 'Nothing', count: 0, severity: 'high', href: '/z', examples: [] },
          { key: 'high', label: 'High', count: 1, severity: 'high', href: '/h', examples: [] },
        ],
        money: async () => [{ key: 'credits', label: 'Credits owed', period: 'Year to date', amounts: [{ currency: 'EUR', amountMinor: 100 }, { currency: 'USD', amountMinor: 5 }], href: '/sla', note: null }],
      },
      { name: 'Broken', due: async () => Promise.reject(new Error('down')) },
    ];
    const d = await getDashboard(ctx, feeds);
    expect(d.today).toBe('2026-12-04');
    expect(d.thisWeek.items.map((i) => i.title)).toEqual(['Overdue one', 'Later']);
    expect(d.thisWeek).toMatchObject({ total: 2, truncated: false });
    expect(d.exposed.map((e) => e.key)).toEqual(['high', 'low']);
    expect(d.payingFor[0].amounts).toEqual([{ currency: 'EUR', amountMinor: 100 }, { currency: 'USD', amountMinor: 5 }]);
    expect(d.unavailable).toEqual(['Broken']);
  });

  it('says when the week holds more dates than it lists', async () => {
    const many: ModuleFeed = { name: 'Many', due: async () => Array.from({ length: THIS_WEEK_LIMIT + 3 }, (_, i) => item('2026-12-05', `Item ${String(i).padStart(2, '0')}`)) };
    const d = await getDashboard({ ...org.handle.ctx(), now: new Date('2026-12-04T10:00:00Z') }, [many]);
    expect(d.thisWeek).toMatchObject({ total: THIS_WEEK_LIMIT + 3, truncated: true });
    expect(d.thisWeek.items).toHaveLength(THIS_WEEK_LIMIT);
  });

  it('answers managers and analysts too, with the audit trail left to those who may read it', async () => {
    for (const role of ['manager', 'analyst'] as const) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/dashboard', headers: authHeaders(await loginAs(t.database.db, org.users[role])) });
      expect(res.statusCode).toBe(200);
      expect(res.json().recentChanges).toEqual([]);
    }
    const owner = await t.app.inject({ method: 'GET', url: '/api/v1/dashboard', headers: authHeaders(await loginAs(t.database.db, org.users.owner)) });
    expect(owner.json().recentChanges.length).toBeGreaterThan(0);
    expect(owner.json().counts.vendors.total).toBe(2);
  });
});

describe('due diligence on the dashboard', () => {
  it('shows questionnaires due this week and overdue, reviews due, and what exposes the organisation', async () => {
    const o = await anOrg({ db: t.database.db, config: t.config });
    const critical = await aVendor(o, { name: 'Critical Hosting', tier: 1 });
    const second = await aVendor(o, { name: 'Second Desk', tier: 2 });
    const today = new Date().toISOString().slice(0, 10);
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    await anAssessment(o, { vendorId: critical.id, dueDate: inDays(3) });
    const submitted = await anAssessment(o, { vendorId: second.id, state: 'submitted' });
    await aFinding(o, { assessmentId: submitted.id, title: 'No MFA for admins', severity: 'high', dueDate: inDays(2) });
    const d = await getDashboard(o.ctx());
    expect(d.unavailable).toEqual([]);
    const titles = d.thisWeek.items.map((i) => i.title);
    expect(titles).toContain('Questionnaire due from Critical Hosting');
    expect(titles).toContain('Finding to fix: No MFA for admins');
    // Neither vendor has a completed assessment: both first reviews are due today, in one line
    // (a new organisation's every vendor is due at once and would push everything else out).
    expect(d.thisWeek.items.filter((i) => i.kind === 'review_due').map((i) => [i.title, i.detail, i.date <= today, i.href])).toEqual([
      ['First due-diligence review due: 2 vendors never assessed', 'Critical Hosting, Second Desk', true, '/due-diligence'],
    ]);
    const exposure = (key: string) => d.exposed.find((e) => e.key === key);
    expect(exposure('dd:never-assessed')).toMatchObject({ count: 2, severity: 'high' });
    expect(exposure('dd:high-findings')).toMatchObject({ count: 1, examples: [{ label: 'No MFA for admins (Second Desk)' }] });
  });
});
