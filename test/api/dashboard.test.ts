import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DueItem } from '../../src/shared/contracts/dashboard.ts';
import type { ModuleFeed } from '../../src/server/feeds/feed.ts';
import { addDays, civilDateIn } from '../../src/domain/civil-date.ts';
import { DUE_AHEAD_LIMIT, getDashboard, listDueAhead, THIS_WEEK_LIMIT } from '../../src/server/modules/dashboard/dashboard.public.ts';
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

describe('everything due, past the week', () => {
  it('lists every feed’s dates for the days asked, only the signed-in person’s with mine, and says when the list is cut', async () => {
    const ctx = { ...org.handle.ctx(), now: new Date('2026-12-04T10:00:00Z') };
    const me = ctx.actor.userId;
    const feeds: ModuleFeed[] = [
      {
        name: 'First',
        due: async (_c, w) => {
          expect(w).toEqual({ from: '2026-12-04', to: '2027-01-03' });
          return [{ ...item('2026-12-30', 'Mine later'), ownerId: me }, item('2026-12-20', 'Someone else'), { ...item('2026-11-01', 'Mine overdue', true), ownerId: me }, { ...item('2027-01-04', 'Beyond'), ownerId: me }];
        },
      },
      { name: 'Broken', due: async () => Promise.reject(new Error('down')) },
    ];
    const all = await listDueAhead(ctx, { days: 30, mine: false }, feeds);
    expect(all.items.map((i) => i.title)).toEqual(['Mine overdue', 'Someone else', 'Mine later']);
    expect(all).toMatchObject({ from: '2026-12-04', to: '2027-01-03', total: 3, truncated: false, unavailable: ['Broken'] });
    const mine = await listDueAhead(ctx, { days: 30, mine: true }, feeds);
    expect(mine.items.map((i) => i.title)).toEqual(['Mine overdue', 'Mine later']);

    const many: ModuleFeed = { name: 'Many', due: async () => Array.from({ length: DUE_AHEAD_LIMIT + 2 }, (_, i) => item('2026-12-05', `Item ${String(i).padStart(3, '0')}`)) };
    const cut = await listDueAhead(ctx, { days: 7, mine: false }, [many]);
    expect(cut).toMatchObject({ total: DUE_AHEAD_LIMIT + 2, truncated: true });
    expect(cut.items).toHaveLength(DUE_AHEAD_LIMIT);
  });

  it('answers a person the exit action they own, not someone else, and names a bad number of days', async () => {
    const analyst = await loginAs(t.database.db, org.users.analyst);
    const manager = await loginAs(t.database.db, org.users.manager);
    const dueOn = addDays(civilDateIn(new Date(), 'UTC'), 20);
    const added = await t.app.inject({ method: 'POST', url: `/api/v1/engagements/${org.engagementId}/exit/actions`, payload: { title: 'Copy the runbooks to our wiki', dueOn, ownerUserId: org.users.analyst.id }, headers: authHeaders(manager) });
    expect(added.statusCode, added.body).toBe(201);
    const key = `exit-action:${added.json().actions.find((a: { title: string }) => a.title === 'Copy the runbooks to our wiki').id}`;
    const keys = async (login: typeof analyst, query: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/dashboard/due?${query}`, headers: authHeaders(login) });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as DueItem[]).map((i) => i.key);
    };
    expect(await keys(analyst, 'days=30&mine=true')).toContain(key);
    expect(await keys(analyst, 'days=7&mine=true')).not.toContain(key);
    expect(await keys(manager, 'days=30&mine=true')).not.toContain(key);
    expect(await keys(manager, 'days=30')).toContain(key);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/dashboard/due?days=forever', headers: authHeaders(analyst) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('days');
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
