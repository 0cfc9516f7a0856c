import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compileCalendar } from '../../src/domain/sla/calendar.ts';
import { evidenceOf } from '../../src/domain/sla/first-response.ts';
import { evaluateTicket, type TicketInput, type TicketVerdict } from '../../src/domain/sla/ticket.ts';
import { buildApp, type OutsightApp } from '../../src/server/app.ts';
import type { Database } from '../../src/server/db/client.ts';
import { calendarsByIds, specOf } from '../../src/server/modules/calendars/calendars.public.ts';
import { enginePolicy, findPolicyRow } from '../../src/server/modules/sla-policies/sla-policies.public.ts';
import { loadTicketsForSla, type TicketForSla } from '../../src/server/modules/tickets/tickets.public.ts';
import { anEngagement } from '../../src/server/seed/builders/core.ts';
import { aCalendar, anSlaPolicy, someTickets, type TicketSpec } from '../../src/server/seed/builders/sla.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { openTestDatabase } from '../support/db.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

// Issue 10, tests: two app servers on one database see each other's policy edits at once;
// the server's verdicts (stored, paged from the database) and report agree ticket by
// ticket with the engine's object API on generated tickets with pauses and reopenings.
const H = 3_600_000;
let a: TestApp;
let b: { app: OutsightApp; database: Database | null };
let org: TestOrg;
let manager: Login;
beforeAll(async () => {
  a = await createTestApp();
  // On PostgreSQL the second server has its own pool; the embedded database has one connection, so both share it.
  const second = inject('databaseUrl') ? await openTestDatabase() : null;
  b = { app: await buildApp({ db: (second ?? a.database).db, config: a.config, now: () => new Date(), mailer: a.mailer }), database: second };
  org = await createTestOrg(a.database.db);
  manager = await loginAs(a.database.db, org.users.manager);
});
afterAll(async () => {
  await b.app.close();
  await b.database?.close();
  await a.close();
});

const get = async (app: OutsightApp, url: string) => {
  const res = await app.inject({ method: 'GET', url, headers: authHeaders(manager) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

type Report = {
  policyVersion: number;
  months: Array<{ priorities: Array<{ priority: string; tickets: number; breached: number }> }>;
  problemCount?: number;
  problems?: Array<{ externalId: string; problem: string }>;
};
const breachedIn = (r: Report) => r.months.flatMap((m) => m.priorities).reduce((n, p) => n + p.breached, 0);

describe('two app servers on one database', () => {
  it('a policy edit through one is reflected by the next report and ticket list read through the other', async () => {
    const eng = await anEngagement(org.handle);
    const policy = await anSlaPolicy(org.handle, { engagementId: eng.id });
    await someTickets(org.handle, { engagementId: eng.id, tickets: 20 });
    const report = `/api/v1/engagements/${eng.id}/sla/report`;
    // Both servers have measured (and cached) under the first policy: four-hour resolution, nothing breached.
    for (const app of [a.app, b.app]) expect(breachedIn(await get(app, report))).toBe(0);

    const edit = await a.app.inject({
      method: 'PUT',
      url: `/api/v1/engagements/${eng.id}/sla-policy`,
      headers: authHeaders(manager),
      payload: { calendarId: policy.calendarId, priorities: { P1: { resolution: { ms: H, clock: 'calendar' } } }, resolvedStatuses: ['Resolved'] },
    });
    expect(edit.statusCode, edit.body).toBe(200);

    const after = (await get(b.app, report)) as Report;
    expect(after.policyVersion).toBe(policy.version + 1);
    expect(breachedIn(after)).toBe(20);
    const list = await get(b.app, `/api/v1/engagements/${eng.id}/sla/tickets?filter=breached&limit=100`);
    expect(list.total).toBe(20);
  });

  it('a calendar edit and a new outage through one are reflected by the next report read through the other', async () => {
    const eng = await anEngagement(org.handle);
    const calendar = await aCalendar(org.handle, { timeZone: 'UTC' });
    await anSlaPolicy(org.handle, { engagementId: eng.id, calendarId: calendar.id });
    await someTickets(org.handle, { engagementId: eng.id, tickets: 5 });
    const report = `/api/v1/engagements/${eng.id}/sla/report`;
    for (const app of [a.app, b.app]) {
      const r = await get(app, report);
      expect(r.timeZone).toBe('UTC');
      expect(r.months.every((m: { availability: unknown }) => m.availability === null)).toBe(true);
    }

    const edit = await a.app.inject({ method: 'PATCH', url: `/api/v1/calendars/${calendar.id}`, headers: authHeaders(manager), payload: { timeZone: 'Europe/Berlin' } });
    expect(edit.statusCode, edit.body).toBe(200);
    expect((await get(b.app, report)).timeZone).toBe('Europe/Berlin');

    const month = (await get(b.app, report)).months.at(-1).month as string;
    const outage = await a.app.inject({ method: 'POST', url: `/api/v1/engagements/${eng.id}/outages`, headers: authHeaders(manager), payload: { startAt: `${month}-10T10:00:00Z`, endAt: `${month}-10T11:00:00Z` } });
    expect(outage.statusCode, outage.body).toBe(201);
    const withOutage = (await get(b.app, report)).months.at(-1);
    expect(withOutage.availability).not.toBeNull();
    expect(withOutage.availability.met).toBeDefined();
  });

  it('the portfolio overview read through one shows the next change made through the other', async () => {
    const eng = await anEngagement(org.handle, { name: 'Overview desk' });
    const policy = await anSlaPolicy(org.handle, { engagementId: eng.id });
    await someTickets(org.handle, { engagementId: eng.id, tickets: 4 });
    const row = async (app: OutsightApp) => {
      const items = (await get(app, '/api/v1/sla/overview')).items as Array<{ engagementId: string; engagementName: string; vendorName: string; breached: number; tickets: number }>;
      return items.find((i) => i.engagementId === eng.id);
    };
    const month = ((await get(b.app, '/api/v1/sla/overview')) as { month: string }).month;
    const at = (await row(b.app))!;
    expect(at.engagementName).toBe('Overview desk');

    const patch = async (url: string, payload: object) => {
      const res = await a.app.inject({ method: 'PATCH', url, headers: authHeaders(manager), payload });
      expect(res.statusCode, res.body).toBe(200);
    };
    await patch(`/api/v1/engagements/${eng.id}`, { name: 'Overview desk, renamed' });
    expect((await row(b.app))!.engagementName).toBe('Overview desk, renamed');
    await patch(`/api/v1/vendors/${eng.vendorId}`, { name: 'Renamed vendor for the overview' });
    expect((await row(b.app))!.vendorName).toBe('Renamed vendor for the overview');

    // New tickets in the overview's month, breaching a one-hour resolution target.
    const [y, m] = month.split('-').map(Number);
    const opened = Date.UTC(y, m - 1, 10, 9);
    await someTickets(org.handle, { engagementId: eng.id, tickets: [{ externalId: 'OV-1', priority: 'P1', openedAt: opened, events: [{ at: opened, status: 'New' }, { at: opened + 5 * H, status: 'Resolved' }], resolvedAt: opened + 5 * H }] });
    const afterImport = (await row(b.app))!;
    expect(afterImport.tickets).toBe(at.tickets + 1);
    expect(afterImport.breached).toBe(at.breached + 1);
    const edit = await a.app.inject({
      method: 'PUT',
      url: `/api/v1/engagements/${eng.id}/sla-policy`,
      headers: authHeaders(manager),
      payload: { calendarId: policy.calendarId, priorities: { P1: { resolution: { ms: 6 * H, clock: 'calendar' } } }, resolvedStatuses: ['Resolved'] },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect((await row(b.app))!.breached).toBe(at.breached);
  });
});

/** A seeded generator (mulberry32): the same tickets on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Resolved tickets over three months: P1, P2 and some P3 (no targets: a problem), with pauses and reopenings. */
function generated(n: number): TicketSpec[] {
  const r = random(10);
  const out: TicketSpec[] = [];
  for (let i = 0; i < n; i++) {
    const opened = Date.UTC(2026, 0, 1) + Math.floor(r() * 88 * 24) * H + Math.floor(r() * 60) * 60_000;
    let at = opened;
    const step = () => (at += Math.floor(r() * 30 * H * (r() < 0.3 ? 0.1 : 1)) + 60_000);
    const events = [{ at, status: 'New' }, { at: step(), status: 'In Progress' }];
    if (r() < 0.4) events.push({ at: step(), status: 'Awaiting User Info' }, { at: step(), status: 'In Progress' });
    events.push({ at: step(), status: 'Resolved' });
    if (r() < 0.2) events.push({ at: step(), status: 'In Progress' }, { at: step(), status: 'Resolved' });
    out.push({ externalId: `GEN-${i}`, priority: r() < 0.4 ? 'P1' : r() < 0.9 ? 'P2' : 'P3', openedAt: opened, events, resolvedAt: at });
  }
  return out;
}

/** A stored ticket as the object API takes it: history rows [at, status, seq, priority]. */
function objectInput(t: TicketForSla): TicketInput {
  const priorityHistory: Array<{ atMs: number; priority: string }> = [];
  for (const [atMs, , , priority] of t.history) if (priority && priority !== priorityHistory.at(-1)?.priority) priorityHistory.push({ atMs, priority });
  return {
    id: t.id,
    priority: t.priority,
    priorityHistory: priorityHistory.length ? priorityHistory : null,
    openedAt: t.openedAt,
    firstResponseAt: t.firstResponseAt,
    statusHistory: t.history.map(([atMs, status]) => ({ atMs, status })),
    resolvedAt: t.resolvedAt,
    closedAt: t.closedAt,
    responseEvidence: evidenceOf(t.firstResponseSource),
  };
}

describe('the server path against the object API', () => {
  it('agrees ticket by ticket, and the report counts the same tickets and breaches per priority', async () => {
    const eng = await anEngagement(org.handle);
    const cal = await aCalendar(org.handle, { timeZone: 'Europe/Berlin', week: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ from: '09:00', to: '17:00' }]])) });
    await anSlaPolicy(org.handle, {
      engagementId: eng.id,
      calendarId: cal.id,
      priorities: {
        P1: { response: { ms: H, clock: 'business' }, resolution: { ms: 8 * H, clock: 'business' }, monthlyAttainment: 0.9 },
        P2: { response: { ms: 4 * H, clock: 'business' }, resolution: { ms: 3 * 24 * H, clock: 'calendar' }, monthlyAttainment: 0.8 },
      },
      pauseStatuses: ['Awaiting User Info'],
      resolvedStatuses: ['Resolved'],
    });
    await someTickets(org.handle, { engagementId: eng.id, tickets: generated(400) });

    // The server: every page of the ticket list, and the report.
    const listed = new Map<string, Record<string, unknown>>();
    let cursor: string | null = null;
    do {
      const page: { items: Array<Record<string, unknown>>; nextCursor: string | null } = await get(a.app, `/api/v1/engagements/${eng.id}/sla/tickets?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      for (const item of page.items) listed.set(item.id as string, item);
      cursor = page.nextCursor;
    } while (cursor);
    const report = (await get(a.app, `/api/v1/engagements/${eng.id}/sla/report?from=2026-01&to=2026-06`)) as Report;

    // The object API on the stored tickets.
    const ctx = org.handle.ctx();
    const policy = enginePolicy((await findPolicyRow(ctx, eng.id)).policy);
    const [calRow] = await calendarsByIds(ctx, [cal.id]);
    const calendars = { [cal.id]: compileCalendar(specOf(calRow)) };
    const stored = await loadTicketsForSla(ctx, eng.id);
    expect(stored).toHaveLength(400);
    expect(listed.size).toBe(400);
    const perPriority = new Map<string, { tickets: number; breached: number }>();
    let problems = 0;
    const problemIds: string[] = [];
    let pauses = 0;
    for (const t of stored) {
      const ev = evaluateTicket(policy, calendars, objectInput(t), Date.now());
      const item = listed.get(t.id)!;
      if (ev.problem !== null) {
        problems++;
        problemIds.push(t.externalId);
        expect(item.problem, t.externalId).not.toBeNull();
        continue;
      }
      const v = ev as TicketVerdict;
      if (v.pausedMs > 0) pauses++;
      expect(
        { state: item.state, breached: item.breached, responseBreached: item.responseBreached, resolutionBreached: item.resolutionBreached, responseMs: item.responseMs, resolutionMs: item.resolutionMs, pausedMs: item.pausedMs, reopenCount: item.reopenCount, problem: item.problem },
        t.externalId,
      ).toEqual({
        state: v.state,
        breached: v.breached,
        responseBreached: v.response.breached,
        resolutionBreached: v.resolution.breached,
        responseMs: v.response.measured ? v.response.elapsedMs : null,
        resolutionMs: v.resolution.elapsedMs,
        pausedMs: v.pausedMs,
        reopenCount: v.reopenCount,
        problem: null,
      });
      const p = perPriority.get(v.priority) ?? { tickets: 0, breached: 0 };
      p.tickets++;
      if (v.breached) p.breached++;
      perPriority.set(v.priority, p);
    }
    // The generated set exercises what it should: problems, pauses, breaches and tickets within target.
    expect(problems).toBeGreaterThan(0);
    expect(pauses).toBeGreaterThan(0);
    // The report counts the problems and names each listed one by the vendor's ticket id.
    expect(problems).toBeLessThanOrEqual(100);
    expect(report.problemCount).toBe(problems);
    expect(report.problems!.map((p) => p.externalId).sort()).toEqual(problemIds.sort());
    const sums = new Map<string, { tickets: number; breached: number }>();
    for (const p of report.months.flatMap((m) => m.priorities)) {
      const s = sums.get(p.priority) ?? { tickets: 0, breached: 0 };
      sums.set(p.priority, { tickets: s.tickets + p.tickets, breached: s.breached + p.breached });
    }
    expect(Object.fromEntries(sums)).toEqual(Object.fromEntries(perPriority));
    const all = [...perPriority.values()];
    expect(all.some((p) => p.breached > 0 && p.breached < p.tickets)).toBe(true);
  });
});

describe('a policy edit', () => {
  it('rewrites only the stored verdicts it changes, and leaves them as measuring afresh would', async () => {
    const eng = await anEngagement(org.handle);
    const policy = await anSlaPolicy(org.handle, {
      engagementId: eng.id,
      priorities: { P1: { resolution: { ms: 30 * H, clock: 'calendar' } }, P2: { resolution: { ms: 3 * 24 * H, clock: 'calendar' } } },
      pauseStatuses: ['Awaiting User Info'],
      resolvedStatuses: ['Resolved'],
    });
    await someTickets(org.handle, { engagementId: eng.id, tickets: generated(300) });
    const list = `/api/v1/engagements/${eng.id}/sla/tickets?limit=10`;
    // Every stored verdict with its row version (xmin changes whenever a row is written again).
    const stored = async () => {
      const res = await a.database.db.execute(`SELECT v.xmin::text AS written, v.*, t.priority AS ticket_priority FROM sla_ticket_verdicts v JOIN tickets t ON t.id = v.ticket_id WHERE v.engagement_id = '${eng.id}' ORDER BY v.ticket_id`);
      return (res as unknown as { rows: Array<Record<string, unknown>> }).rows ?? (res as unknown as Array<Record<string, unknown>>);
    };
    const content = (rows: Array<Record<string, unknown>>) => rows.map(({ written: _w, ...r }) => r);
    await get(a.app, list);
    const before = await stored();
    expect(before).toHaveLength(300);

    // Tighten P1's resolution target only.
    const edit = await a.app.inject({
      method: 'PUT',
      url: `/api/v1/engagements/${eng.id}/sla-policy`,
      headers: authHeaders(manager),
      payload: { calendarId: policy.calendarId, priorities: { P1: { resolution: { ms: 2 * H, clock: 'calendar' } }, P2: { resolution: { ms: 3 * 24 * H, clock: 'calendar' } } }, pauseStatuses: ['Awaiting User Info'], resolvedStatuses: ['Resolved'] },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    await get(a.app, list);
    const after = await stored();
    const was = new Map(before.map((r) => [r.ticket_id, r]));
    const rewritten = after.filter((r) => r.written !== was.get(r.ticket_id)!.written);
    // Every P1 verdict carries the new target, so each is written again; no P2 or P3 one is.
    expect(new Set(rewritten.map((r) => r.ticket_priority))).toEqual(new Set(['P1']));
    expect(rewritten.length).toBe(after.filter((r) => r.ticket_priority === 'P1').length);
    expect(rewritten.length).toBeGreaterThan(0);

    // Measured afresh (nothing stored), the verdicts are the same rows.
    await a.database.db.execute(`DELETE FROM sla_ticket_verdicts WHERE engagement_id = '${eng.id}'`);
    await a.database.db.execute(`DELETE FROM sla_verdict_sets WHERE engagement_id = '${eng.id}'`);
    await get(a.app, list);
    expect(content(await stored())).toEqual(content(after));
  });
});
