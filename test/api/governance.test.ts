import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDS } from '../../src/server/feeds/registry.ts';
import { governanceFeed, vendorUpdateAction } from '../../src/server/modules/governance/governance.public.ts';
import { aDeliverable } from '../../src/server/seed/builders/deliverables.ts';
import { addComment, addVendorReply, updateFinding } from '../../src/server/modules/assessments/assessments.public.ts';
import { approveChangeRequest, createChangeRequest, raiseChangeRequest, rejectChangeRequest } from '../../src/server/modules/costs/costs.public.ts';
import { acceptDeliverable, rejectDeliverable, submitDeliverable } from '../../src/server/modules/deliverables/deliverables.public.ts';
import { anEngagement } from '../../src/server/seed/builders/core.ts';
import { anInvoice } from '../../src/server/seed/builders/costs.ts';
import { aRisk } from '../../src/server/seed/builders/risks.ts';
import { aFinding, anAssessment } from '../../src/server/seed/builders/due-diligence.ts';
import { aCadence, aMeeting, anActionItem } from '../../src/server/seed/builders/governance.ts';
import { aCalendar, anSlaPolicy, someTickets } from '../../src/server/seed/builders/sla.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

// Issue 15: contacts and escalation, working-hours overlap, cadences, meetings with a pre-filled agenda, action items.
let t: TestApp;
let org: TestOrg;
let manager: Login;
let analyst: Login;
let contact: Login;
let berlin: string;
let bangalore: string;
let newYork: string;
/** The app's clock stands on Friday 20 March 2026, noon UTC: Berlin changes its clocks on the 29th. */
const NOW = Date.parse('2026-03-20T12:00:00Z');
const wk = (from: string, to: string) => Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ from, to }]]));

function call(login: Login, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: authHeaders(login) });
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.offsetMs = NOW - Date.now();
  org = await createTestOrg(t.database.db);
  const at = new Date(NOW);
  manager = await loginAs(t.database.db, org.users.manager, at);
  analyst = await loginAs(t.database.db, org.users.analyst, at);
  contact = await loginAs(t.database.db, org.users.vendor_contact, at);
  berlin = (await aCalendar(org.handle, { name: 'Berlin office', timeZone: 'Europe/Berlin', week: wk('09:00', '17:00') })).id;
  bangalore = (await aCalendar(org.handle, { name: 'Bangalore delivery centre', timeZone: 'Asia/Kolkata', week: wk('10:00', '19:00') })).id;
  newYork = (await aCalendar(org.handle, { name: 'New York desk', timeZone: 'America/New_York', week: wk('09:00', '17:00') })).id;
});
afterAll(() => t.close());

describe('contacts, escalation and channels', () => {
  it('are set by a manager and read back in words, with the ladder numbered', async () => {
    const res = await call(manager, 'PUT', `/api/v1/engagements/${org.engagementId}/governance`, {
      clientContactId: org.users.manager.id,
      vendorContactId: org.users.vendor_contact.id,
      escalation: [
        { clientPerson: 'Service owner', vendorPerson: 'Delivery lead', afterHours: 0 },
        { clientPerson: 'Head of IT', vendorPerson: 'Account director', afterHours: 24 },
      ],
      chatChannel: '#acme-ops',
      meetingLink: 'https://meet.example.com/acme',
      vendorTeamSize: 14,
      vendorLocations: ['Bangalore', 'Pune'],
      clientCalendarId: berlin,
      vendorCalendarId: bangalore,
      requiredOverlapHours: 25,
    });
    expect(res.statusCode, res.body).toBe(200);
    const g = res.json();
    expect(g.clientContact.name).toBe(org.users.manager.name);
    expect(g.vendorContact.id).toBe(org.users.vendor_contact.id);
    expect(g.escalation.map((l: { level: number; afterHours: number }) => [l.level, l.afterHours])).toEqual([
      [1, 0],
      [2, 24],
    ]);
    expect(g.vendorCalendar).toMatchObject({ name: 'Bangalore delivery centre', timeZone: 'Asia/Kolkata' });
    // A later edit of one field keeps the others.
    const again = (await call(manager, 'PUT', `/api/v1/engagements/${org.engagementId}/governance`, { vendorTeamSize: 16 })).json();
    expect([again.vendorTeamSize, again.chatChannel, again.requiredOverlapHours]).toEqual([16, '#acme-ops', 25]);
  });

  it('refuse a point of contact of the wrong side, a bad link, and an analyst', async () => {
    const url = `/api/v1/engagements/${org.engagementId}/governance`;
    const wrong = await call(manager, 'PUT', url, { vendorContactId: org.users.analyst.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0].path).toBe('vendorContactId');
    expect((await call(manager, 'PUT', url, { clientContactId: org.users.vendor_contact.id })).statusCode).toBe(400);
    expect((await call(manager, 'PUT', url, { meetingLink: 'javascript:alert(1)' })).json().error.details.issues[0].path).toBe('meetingLink');
    expect((await call(analyst, 'PUT', url, { chatChannel: '#x' })).statusCode).toBe(403);
    expect((await call(analyst, 'GET', url)).statusCode).toBe(200);
  });
});

describe('working-hours overlap', () => {
  it('Berlin 09–17 against Bangalore 10–19 in the week of 16 March: 5.5 h a day, shown in Berlin time with the vendor’s own clock', async () => {
    const o = (await call(analyst, 'GET', `/api/v1/engagements/${org.engagementId}/overlap`)).json();
    expect(o.weekOf).toBe('2026-03-16');
    expect(o.hoursThisWeek).toBe(27.5);
    expect(o.days[0]).toMatchObject({
      client: [{ from: '09:00', to: '17:00' }],
      vendor: [{ from: '05:30', to: '14:30' }],
      overlap: [{ from: '09:00', to: '14:30', vendorFrom: '13:30', vendorTo: '19:00' }],
      hours: 5.5,
    });
    expect(o.days[5].hours).toBe(0);
    // Berlin's summer time gives an hour more a day: 32.5 h is the usual week of 2026; the winter weeks stand out.
    expect(o.typicalHours).toBe(32.5);
    expect(o.shiftedWeeks.map((p: { from: string; hours: number }) => [p.from, p.hours])).toEqual([
      ['2026-01-05', 27.5],
      ['2026-10-26', 27.5],
    ]);
    expect(o.belowRequired).toBe(false);
    expect((await call(analyst, 'GET', `/api/v1/engagements/${org.engagementId}/overlap?week=2026-06-17`)).json().hoursThisWeek).toBe(32.5);
  });

  it('a New York team against Berlin: 10 h a week, below the 25 h required, 15 h in the weeks between the two clock changes', async () => {
    await call(manager, 'PUT', `/api/v1/engagements/${org.engagementId}/governance`, { vendorCalendarId: newYork });
    const o = (await call(analyst, 'GET', `/api/v1/engagements/${org.engagementId}/overlap`)).json();
    expect([o.hoursThisWeek, o.typicalHours, o.requiredHours, o.belowRequired]).toEqual([15, 10, 25, true]);
    expect(o.shiftedWeeks).toEqual([
      { from: '2026-03-09', to: '2026-03-29', hours: 15 },
      { from: '2026-10-26', to: '2026-11-01', hours: 15 },
    ]);
    await call(manager, 'PUT', `/api/v1/engagements/${org.engagementId}/governance`, { vendorCalendarId: bangalore });
  });
});

let cadenceId: string;
describe('cadences and meetings', () => {
  it('a weekly operations meeting at 10:00 Berlin: next dates across the clock change, in Berlin and in Bangalore', async () => {
    const res = await call(manager, 'POST', '/api/v1/meeting-cadences', { engagementId: org.engagementId, kind: 'weekly_operations', startsOn: '2026-01-06', startTime: '10:00', timeZone: 'Europe/Berlin' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    cadenceId = c.id;
    expect(c.rrule).toBe('FREQ=WEEKLY;BYDAY=TU');
    expect(c.next.slice(0, 2)).toEqual([
      { date: '2026-03-24', startsAt: '2026-03-24T09:00:00.000Z', clientTime: '10:00', vendorTime: '14:30', vendorDate: '2026-03-24' },
      { date: '2026-03-31', startsAt: '2026-03-31T08:00:00.000Z', clientTime: '10:00', vendorTime: '13:30', vendorDate: '2026-03-31' },
    ]);
    const bad = await call(manager, 'POST', '/api/v1/meeting-cadences', { engagementId: org.engagementId, kind: 'weekly_operations', rrule: 'FREQ=HOURLY', startsOn: '2026-01-06', startTime: '10:00', timeZone: 'Europe/Berlin' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('rrule');
  });

  it('the agenda is filled from what happened since the last meeting; holding it records minutes and actions', async () => {
    await aDeliverable(org.handle, { engagementId: org.engagementId, title: 'Runbook for the service desk', dueDate: '2026-03-10' });
    await anActionItem(org.handle, { engagementId: org.engagementId, title: 'Send the staffing plan', ownerSide: 'vendor', dueOn: '2026-03-01' });
    const agenda = (await call(manager, 'GET', `/api/v1/engagements/${org.engagementId}/agenda`)).json();
    expect(agenda.since).toBeNull();
    const texts = agenda.items.map((i: { text: string }) => i.text);
    expect(texts).toContain('Late since 2026-03-10: Runbook for the service desk');
    expect(texts.some((x: string) => x.startsWith('Overdue action') && x.endsWith('Send the staffing plan'))).toBe(true);

    const skipped = await call(manager, 'POST', '/api/v1/meetings', { engagementId: org.engagementId, cadenceId, occursOn: '2026-03-10', status: 'skipped', skipReason: 'Vendor lead on leave' });
    expect(skipped.statusCode, skipped.body).toBe(201);
    const held = await call(manager, 'POST', '/api/v1/meetings', {
      engagementId: org.engagementId,
      cadenceId,
      occursOn: '2026-03-17',
      agenda: agenda.items,
      attendees: [
        { name: 'Maria (service owner)', side: 'client' },
        { name: 'Ravi (delivery lead)', side: 'vendor' },
      ],
      notes: 'Internal: we doubt the vendor can staff the second shift.',
      decisions: ['Runbook is due by 27 March'],
      actions: [
        { title: 'Deliver the runbook', ownerSide: 'vendor', ownerId: org.users.vendor_contact.id, dueOn: '2026-03-27' },
        { title: 'Review the runbook', ownerSide: 'client', ownerId: org.users.manager.id, dueOn: '2026-04-03' },
      ],
    });
    expect(held.statusCode, held.body).toBe(201);
    expect(held.json()).toMatchObject({ title: 'Weekly operations', status: 'held', actionCount: 2 });
    // The same date of the cadence is recorded once.
    expect((await call(manager, 'POST', '/api/v1/meetings', { engagementId: org.engagementId, cadenceId, occursOn: '2026-03-17' })).statusCode).toBe(409);
    expect((await call(manager, 'GET', `/api/v1/engagements/${org.engagementId}/agenda`)).json().since).toBe('2026-03-17');
    const list = (await call(analyst, 'GET', `/api/v1/meetings?engagementId=${org.engagementId}`)).json();
    expect(list.items.map((m: { occursOn: string; status: string }) => [m.occursOn, m.status])).toEqual([
      ['2026-03-17', 'held'],
      ['2026-03-10', 'skipped'],
    ]);
  });

  it('over the last quarter one of eleven Tuesdays was held: the cadence decays, and the skipped and missed dates are listed', async () => {
    const c = (await call(analyst, 'GET', `/api/v1/engagements/${org.engagementId}/cadences`)).json().items[0];
    expect(c.health).toMatchObject({ expected: 11, held: 1, skipped: ['2026-03-10'], decaying: true });
    expect(c.health.missed).toHaveLength(9);
    const exposures = await governanceFeed.exposures!(org.handle.ctx(), '2026-03-20');
    expect(exposures.find((e) => e.key === 'governance:cadence-decaying')!.count).toBe(1);
  });
});

describe('action items', () => {
  it('the vendor contact sees only its side’s items, never the internal note, and marks one done', async () => {
    await anActionItem(org.handle, { engagementId: org.engagementId, title: 'Secret client task', ownerSide: 'client', dueOn: '2026-03-25', internalNote: 'not for the vendor' });
    await anActionItem(org.handle, { engagementId: org.engagementId, title: 'Send the DR test report', ownerSide: 'vendor', dueOn: '2026-03-30', internalNote: 'we expect it late' });
    const mine = await call(contact, 'GET', '/api/v1/portal/action-items?status=open');
    expect(mine.statusCode, mine.body).toBe(200);
    const titles = mine.json().items.map((a: { title: string }) => a.title);
    expect(titles).toEqual(['Send the staffing plan', 'Deliver the runbook', 'Send the DR test report']);
    expect(mine.body).not.toContain('internalNote');
    expect(mine.body).not.toContain('we expect it late');
    expect(mine.json().items[0].overdue).toBe(true);

    const runbook = mine.json().items[1];
    const done = await call(contact, 'PATCH', `/api/v1/portal/action-items/${runbook.id}`, { status: 'done', vendorNote: 'Uploaded to the shared drive' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', doneOn: '2026-03-20', vendorNote: 'Uploaded to the shared drive' });
    // The client sees the vendor's note beside its own.
    const seen = (await call(analyst, 'GET', `/api/v1/action-items/${runbook.id}`)).json();
    expect([seen.status, seen.vendorNote]).toEqual(['done', 'Uploaded to the shared drive']);
  });

  it('a client item is not found for the vendor; a dropped one cannot be updated (409); the meeting minutes stay internal', async () => {
    const all = (await call(analyst, 'GET', `/api/v1/action-items?engagementId=${org.engagementId}`)).json();
    const clientItem = all.items.find((a: { title: string }) => a.title === 'Secret client task');
    expect((await call(contact, 'PATCH', `/api/v1/portal/action-items/${clientItem.id}`, { status: 'done' })).statusCode).toBe(404);
    const staffing = all.items.find((a: { title: string }) => a.title === 'Send the staffing plan');
    expect((await call(manager, 'PATCH', `/api/v1/action-items/${staffing.id}`, { status: 'dropped' })).statusCode).toBe(200);
    const refused = await call(contact, 'PATCH', `/api/v1/portal/action-items/${staffing.id}`, { status: 'done' });
    expect(refused.statusCode).toBe(409);
    expect((await call(contact, 'GET', `/api/v1/meetings?engagementId=${org.engagementId}`)).statusCode).toBe(403);
  });

  it('"my actions": the manager’s own open items across engagements, with a total', async () => {
    const mine = (await call(manager, 'GET', '/api/v1/action-items?mine=true&status=open')).json();
    expect(mine.items.map((a: { title: string }) => a.title)).toEqual(['Review the runbook']);
    expect(mine.total).toBe(1);
    const wrongSide = await call(manager, 'POST', '/api/v1/action-items', { engagementId: org.engagementId, title: 'x', ownerSide: 'vendor', ownerId: org.users.manager.id, dueOn: '2026-04-01' });
    expect(wrongSide.json().error.details.issues[0].path).toBe('ownerId');
  });
});

describe('the feed', () => {
  it('lists the meetings and actions due in the window (the backlog is left to the exposures), and is registered', async () => {
    expect(FEEDS).toContain(governanceFeed);
    const due = await governanceFeed.due!(org.handle.ctx(), { from: '2026-03-20', to: '2026-03-31' });
    const meetings = due.filter((d) => d.kind === 'meeting_due').map((d) => d.date);
    expect(meetings).toEqual(['2026-03-24', '2026-03-31']);
    const actions = due.filter((d) => d.kind === 'action_due');
    expect(actions.map((d) => d.title)).toContain('Action for our side: Secret client task');
    // The backlog is an exposure, not a line of the week: nothing overdue is listed.
    expect(due.every((d) => !d.overdue && d.date >= '2026-03-20')).toBe(true);
    expect(actions.every((d) => d.href === `/engagements/${org.engagementId}/governance`)).toBe(true);
  });
});

describe('status reports', () => {
  it('weekly, due Monday: the vendor hands one in late and the next on time, attaches a file once; the ten other Mondays since 5 January show as missing', async () => {
    const url = `/api/v1/engagements/${org.engagementId}/governance`;
    const bad = await call(manager, 'PUT', url, { statusReportRrule: 'FREQ=WEEKLY;BYDAY=MO' });
    expect(bad.json().error.details.issues[0].path).toBe('statusReportFrom');
    const set = await call(manager, 'PUT', url, { statusReportRrule: 'FREQ=WEEKLY;BYDAY=MO', statusReportFrom: '2026-01-05' });
    expect(set.json().statusReportWords).toBe('every week on Monday');

    const portal = (await call(contact, 'GET', '/api/v1/portal/status-reports')).json();
    expect(portal.items[0].slots.slice(0, 2).map((s: { dueOn: string; state: string }) => [s.dueOn, s.state])).toEqual([
      ['2026-03-23', 'upcoming'],
      ['2026-03-16', 'missing'],
    ]);
    const late = await call(contact, 'POST', '/api/v1/portal/status-reports', { engagementId: org.engagementId, dueOn: '2026-03-16', text: 'Week 11: two P3 breaches, both explained.' });
    expect(late.statusCode, late.body).toBe(201);
    expect((await call(contact, 'POST', '/api/v1/portal/status-reports', { engagementId: org.engagementId, dueOn: '2026-03-16', text: 'again' })).statusCode).toBe(409);
    expect((await call(contact, 'POST', '/api/v1/portal/status-reports', { engagementId: org.engagementId, dueOn: '2026-03-17', text: 'x' })).json().error.details.issues[0].path).toBe('dueOn');
    const onTime = (await call(contact, 'POST', '/api/v1/portal/status-reports', { engagementId: org.engagementId, dueOn: '2026-03-23', text: 'Week 12 early.' })).json();

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    const upload = (id: string) => t.app.inject({ method: 'POST', url: `/api/v1/portal/status-reports/${id}/file?fileName=week-12.pdf`, payload: pdf, headers: { ...authHeaders(contact), 'content-type': 'application/pdf' } });
    const attached = await upload(onTime.id);
    expect(attached.statusCode, attached.body).toBe(201);
    expect(attached.json().fileName).toBe('week-12.pdf');
    expect((await upload(onTime.id)).statusCode).toBe(409);

    const r = (await call(analyst, 'GET', `/api/v1/engagements/${org.engagementId}/status-reports`)).json();
    expect([r.onTime, r.late, r.missing]).toEqual([1, 1, 10]);
    expect(r.slots[0]).toMatchObject({ dueOn: '2026-03-23', state: 'on_time', report: { text: 'Week 12 early.', fileName: 'week-12.pdf' } });
    expect(r.slots[1]).toMatchObject({ dueOn: '2026-03-16', state: 'late' });
    const file = await call(analyst, 'GET', `/api/v1/status-reports/${onTime.id}/file`);
    expect([file.statusCode, file.body.startsWith('%PDF')]).toEqual([200, true]);
    const feed = await governanceFeed.exposures!(org.handle.ctx(), '2026-03-20');
    expect(feed.find((e) => e.key === 'governance:status-reports')!.count).toBe(1);
  });
});

describe('performance reviews', () => {
  it('score Q1 2026 from the measured data: SLA 3 of 4, deliverables 0 of 1, actions 1 of 2, reports 0 of 11 → 40.0; shared with the vendor once', async () => {
    // SLA: four P1 tickets in February, resolved in 2 h, 2 h, 2 h and 6 h against a 4-hour target.
    const cal = await aCalendar(org.handle, { name: 'Round the clock' });
    await anSlaPolicy(org.handle, { engagementId: org.engagementId, calendarId: cal.id });
    const h = 3_600_000;
    await someTickets(org.handle, {
      engagementId: org.engagementId,
      tickets: [2, 3, 4, 5].map((d, i) => {
        const at = Date.UTC(2026, 1, d, 9);
        const end = at + (i === 3 ? 6 : 2) * h;
        return { priority: 'P1', openedAt: at, events: [{ at, status: 'New' }, { at: end, status: 'Resolved' }], resolvedAt: end };
      }),
    });
    // Actions of the vendor due in the quarter: one done the day before it was due, one still open past its date.
    const inTime = await anActionItem(org.handle, { engagementId: org.engagementId, title: 'Patch report', ownerSide: 'vendor', dueOn: '2026-03-12' });
    await vendorUpdateAction({ ...org.handle.ctx(org.users.vendor_contact), now: new Date('2026-03-11T10:00:00Z') }, inTime.id, { status: 'done' });
    await anActionItem(org.handle, { engagementId: org.engagementId, title: 'Capacity plan', ownerSide: 'vendor', dueOn: '2026-03-13' });

    expect((await call(analyst, 'POST', '/api/v1/performance-reviews', { engagementId: org.engagementId, period: '2026-Q1' })).statusCode).toBe(403);
    expect((await call(manager, 'POST', '/api/v1/performance-reviews', { engagementId: org.engagementId, period: '2026-Q3' })).json().error.details.issues[0].path).toBe('period');
    const res = await call(manager, 'POST', '/api/v1/performance-reviews', { engagementId: org.engagementId, period: '2026-Q1' });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.criteria.map((c: { key: string; weight: number; value: number | null; detail: string }) => [c.key, c.weight, c.value, c.detail])).toEqual([
      ['sla', 40, 0.75, '3 of 4 tickets within target (75 %)'],
      ['deliverables', 30, 0, '0 of 1 on time'],
      ['actions', 20, 0.5, '1 of 2 done by their due date'],
      ['reports', 10, 0, '0 of 11 on time, 1 late, 10 missing'],
      ['findings', 10, null, 'No finding due in the quarter'],
      ['invoices', 10, null, 'No invoice in the quarter'],
    ]);
    expect(r.score).toBe(40);
    expect((await call(manager, 'POST', '/api/v1/performance-reviews', { engagementId: org.engagementId, period: '2026-Q1' })).statusCode).toBe(409);

    expect((await call(contact, 'GET', '/api/v1/portal/performance-reviews')).json().items).toEqual([]);
    expect((await call(manager, 'POST', `/api/v1/performance-reviews/${r.id}/share`)).json().shared).toBe(true);
    expect((await call(manager, 'POST', `/api/v1/performance-reviews/${r.id}/share`)).statusCode).toBe(409);
    const shared = (await call(contact, 'GET', '/api/v1/portal/performance-reviews')).json().items;
    expect(shared.map((x: { period: string; score: number }) => [x.period, x.score])).toEqual([['2026-Q1', 40]]);
    const trend = (await call(analyst, 'GET', `/api/v1/performance-reviews?engagementId=${org.engagementId}`)).json();
    expect(trend.items).toHaveLength(1);
  });
});

describe('findings closed in time and invoice accuracy', () => {
  it('Q4 2025: findings 3 of 5 closed by their due date, invoices 2 of 4 accurate; weighted 30 and 10 → 57.5, the criteria with nothing to measure left out', async () => {
    const assessmentId = (await anAssessment(org.handle, { vendorId: org.vendor.id, state: 'submitted' })).id;
    const closeOn = async (dueDate: string, status: 'resolved' | 'accepted_risk' | null, on: string) => {
      const f = await aFinding(org.handle, { assessmentId, dueDate, severity: 'high' });
      if (status) await updateFinding({ ...org.handle.ctx(), now: new Date(`${on}T15:00:00Z`) }, f.id, { status });
    };
    await closeOn('2025-11-15', 'resolved', '2025-11-10'); // in time
    await closeOn('2025-11-30', 'resolved', '2025-12-05'); // late
    await closeOn('2025-12-15', 'resolved', '2025-12-15'); // on its due date: in time
    await closeOn('2025-10-20', 'accepted_risk', '2025-10-18'); // accepted as a risk in time
    await closeOn('2025-12-01', null, ''); // still open
    await closeOn('2026-04-10', null, ''); // due next quarter: not judged
    // Invoices of the engagement: approved and paid (their checks cleared), one disputed, one whose totals do not add up; one of January.
    const inv = { vendorId: org.vendor.id, engagementId: org.engagementId };
    await anInvoice(org.handle, { ...inv, invoiceDate: '2025-10-31', state: 'approved' });
    await anInvoice(org.handle, { ...inv, invoiceDate: '2025-11-30', state: 'paid' });
    await anInvoice(org.handle, { ...inv, invoiceDate: '2025-12-31', state: 'disputed' });
    await anInvoice(org.handle, { ...inv, invoiceDate: '2025-12-15', subtotalMinor: 90_000, totalMinor: 90_000 });
    await anInvoice(org.handle, { ...inv, invoiceDate: '2026-01-31', state: 'approved' });

    const res = await call(manager, 'POST', '/api/v1/performance-reviews', { engagementId: org.engagementId, period: '2025-Q4', weights: { findings: 30, invoices: 10 } });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    const by = (k: string) => r.criteria.find((c: { key: string }) => c.key === k);
    expect([by('findings').weight, by('findings').value, by('findings').detail]).toEqual([30, 0.6, '3 of 5 closed by their due date']);
    expect([by('invoices').weight, by('invoices').value, by('invoices').detail]).toEqual([10, 0.5, '2 of 4 passed their checks, 1 disputed, 1 with a failing check']);
    expect(r.criteria.filter((c: { value: number | null }) => c.value !== null).map((c: { key: string }) => c.key)).toEqual(['findings', 'invoices']);
    expect(r.score).toBe(57.5);
  });
});

describe("the client's own side", () => {
  it('Q1 2026: deliverables decided in 3 days on median (worst 12), change requests in 16.5 (worst 30), questions answered in 1 day (worst 6), our side at 3 of 5 meetings and 7 of 11 Tuesdays not held', async () => {
    const eng = (await anEngagement(org.handle, { vendorId: org.vendor.id, name: 'Client side worked case' })).id;
    const owner = (iso: string) => ({ ...org.handle.ctx(), now: new Date(iso) });
    const vendor = (iso: string) => ({ ...org.handle.ctx(org.users.vendor_contact), now: new Date(iso) });
    const hand = (id: string, iso: string) => submitDeliverable(vendor(iso), id, { note: 'Handed in.', fileIds: [] });
    const all = [true, true];
    // Deliverables: 2 days; rejected after 12 days, handed in again and accepted 3 days later; one waiting since 16 March (4 days at noon on the 20th).
    const d1 = await aDeliverable(org.handle, { engagementId: eng, dueDate: '2026-01-31' });
    await hand(d1.id, '2026-01-05T09:00:00Z');
    await acceptDeliverable(owner('2026-01-07T09:00:00Z'), d1.id, { criteriaMet: all });
    const d2 = await aDeliverable(org.handle, { engagementId: eng, dueDate: '2026-02-28' });
    await hand(d2.id, '2026-02-02T09:00:00Z');
    await rejectDeliverable(owner('2026-02-14T09:00:00Z'), d2.id, { reason: 'The runbook misses the failover steps.' });
    await hand(d2.id, '2026-02-16T09:00:00Z');
    await acceptDeliverable(owner('2026-02-19T09:00:00Z'), d2.id, { criteriaMet: all });
    const d3 = await aDeliverable(org.handle, { engagementId: eng, dueDate: '2026-03-31' });
    await hand(d3.id, '2026-03-16T12:00:00Z');
    // Change requests: approved after 3 days, rejected after 30, one waiting 10 days; one of December is outside the quarter.
    const cr = async (iso: string) => (await createChangeRequest(owner(iso), { title: `Change of ${iso.slice(0, 10)}`, reason: 'Asked for.', scope: 'More reports.', currency: 'EUR', oneOffMinor: 100_000, recurringMinor: 0, recurringMonths: 0, scheduleDays: 0, deliverableIds: [], milestoneIds: [], engagementId: eng })).id;
    await approveChangeRequest(owner('2026-01-15T10:00:00Z'), await cr('2026-01-12T10:00:00Z'), {});
    await rejectChangeRequest(owner('2026-03-05T10:00:00Z'), await cr('2026-02-03T10:00:00Z'), { reason: 'Not this year.' });
    await cr('2026-03-10T10:00:00Z');
    await cr('2025-12-20T10:00:00Z');
    // A weekly Tuesday meeting: 11 Tuesdays due by the 20th; 4 held (2 with our side), 2 skipped, 5 with nothing recorded; and one ad hoc meeting with our side.
    const cadenceId = (await aCadence(org.handle, { engagementId: eng, startsOn: '2026-01-06', rrule: 'FREQ=WEEKLY;BYDAY=TU' })).id;
    const both = [{ name: 'Anna Weber', side: 'client' as const }, { name: 'Ravi Kumar', side: 'vendor' as const }];
    const theirs = [{ name: 'Ravi Kumar', side: 'vendor' as const }];
    for (const [occursOn, attendees] of [['2026-01-06', both], ['2026-01-13', theirs], ['2026-01-20', both], ['2026-02-03', theirs]] as const) await aMeeting(org.handle, { engagementId: eng, cadenceId, occursOn, attendees: [...attendees] });
    for (const occursOn of ['2026-01-27', '2026-02-10']) await aMeeting(org.handle, { engagementId: eng, cadenceId, occursOn, status: 'skipped', skipReason: 'Nobody of ours free.' });
    await aMeeting(org.handle, { engagementId: eng, occursOn: '2026-03-12', title: 'Escalation call', attendees: both });

    // The vendor's clarification questions on its questionnaire: answered after 1 day, 6 days and half a day; one asked on 18 March still waiting (2 days);
    // our own question in a thread and an internal note start no wait; one asked in December is outside the quarter.
    const a = await anAssessment(org.handle, { vendorId: org.vendor.id, state: 'in_progress' });
    const [q1, q2, q3] = a.definition.sections.flatMap((s) => s.questions).map((q) => q.id);
    const them = (iso: string, questionId: string | null, body: string) => addVendorReply({ ...org.handle.ctx(a.contact!), now: new Date(iso) }, a.id, { questionId, body });
    const us = (iso: string, questionId: string | null, body: string, visibility: 'vendor' | 'internal' = 'vendor') => addComment(owner(iso), a.id, { questionId, body, visibility });
    await them('2025-12-29T09:00:00Z', q3, 'Does this cover the subcontractors too?');
    await us('2026-01-02T09:00:00Z', q3, 'Yes, all of them.');
    await them('2026-01-08T09:00:00Z', q1, 'Which ISO edition do you mean?');
    await them('2026-01-08T15:00:00Z', q1, 'We hold the 2013 one.');
    await us('2026-01-09T09:00:00Z', q1, 'Either; attach what you hold.');
    await us('2026-02-02T09:00:00Z', q2, 'Please name the data centre.');
    await them('2026-02-03T09:00:00Z', q2, 'Frankfurt. Is the city enough, or do you need the address?');
    await us('2026-02-05T09:00:00Z', q2, 'Should we ask for the address?', 'internal');
    await us('2026-02-09T09:00:00Z', q2, 'The city is enough.');
    await them('2026-03-02T09:00:00Z', null, 'Can we have two more weeks?');
    await us('2026-03-02T21:00:00Z', null, 'Yes, until the 31st.');
    await them('2026-03-18T12:00:00Z', q3, 'Is a SOC 2 Type I enough?');

    const res = await call(analyst, 'GET', `/api/v1/engagements/${eng}/client-side?period=2026-Q1`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.questions).toEqual({ decided: 3, medianDays: 1, worstDays: 6, waiting: 1, longestWaitingDays: 2, words: '3 answered in 1 day on median (worst 6 days); 1 still waiting, the oldest for 2 days' });
    expect(c.deliverables).toEqual({ decided: 3, medianDays: 3, worstDays: 12, waiting: 1, longestWaitingDays: 4, words: '3 decided in 3 days on median (worst 12 days); 1 still waiting, the oldest for 4 days' });
    expect(c.changeRequests).toEqual({ decided: 2, medianDays: 16.5, worstDays: 30, waiting: 1, longestWaitingDays: 10, words: '2 decided in 16.5 days on median (worst 30 days); 1 still waiting, the oldest for 10 days' });
    expect(c.meetings).toEqual({ held: 5, withClient: 3, share: 0.6, due: 11, skipped: 2, missed: 5, words: 'Our side attended 3 of 5 meetings held (60 %); 7 of 11 due by the cadence not held (2 skipped, 5 with nothing recorded)' });

    // A quarter with nothing: not measured, never 0 days or 100 %.
    const empty = (await call(analyst, 'GET', `/api/v1/engagements/${eng}/client-side?period=2025-Q3`)).json();
    expect([empty.deliverables.medianDays, empty.changeRequests.medianDays, empty.questions.medianDays, empty.meetings.share, empty.meetings.due]).toEqual([null, null, null, null, null]);
    expect(empty.questions.words).toBe('Not measured: no question asked by the vendor in the period');
    expect(empty.meetings.words).toBe('Not measured: no meeting held in the period');
    // Internal only, a quarter to come or a malformed one is refused naming the field.
    expect((await call(contact, 'GET', `/api/v1/engagements/${eng}/client-side?period=2026-Q1`)).statusCode).toBe(403);
    expect((await call(analyst, 'GET', `/api/v1/engagements/${eng}/client-side?period=2026-Q3`)).json().error.details.issues[0].path).toBe('period');
    expect((await call(analyst, 'GET', `/api/v1/engagements/${eng}/client-side?period=Q1`)).statusCode).toBe(400);
  });
});

describe('change requests and risks on the agenda', () => {
  it('lists the change requests decided since the last meeting and those awaiting a decision, and the open risks of the engagement or of the vendor as a whole', async () => {
    const eng = (await anEngagement(org.handle, { vendorId: org.vendor.id, name: 'Agenda worked case' })).id;
    const other = (await anEngagement(org.handle, { vendorId: org.vendor.id, name: 'Another engagement' })).id;
    const owner = (iso: string) => ({ ...org.handle.ctx(), now: new Date(iso) });
    const cr = async (iso: string, title: string, raisedBy: 'client' | 'vendor' = 'client') =>
      (raisedBy === 'vendor'
        ? await raiseChangeRequest({ ...org.handle.ctx(org.users.vendor_contact), now: new Date(iso) }, { title, reason: 'Asked for.', scope: 'More.', currency: 'EUR', oneOffMinor: 250_000, recurringMinor: 0, recurringMonths: 0, scheduleDays: 0, deliverableIds: [], engagementId: eng })
        : await createChangeRequest(owner(iso), { title, reason: 'Asked for.', scope: 'More.', currency: 'EUR', oneOffMinor: 100_000, recurringMinor: 0, recurringMonths: 0, scheduleDays: 0, deliverableIds: [], milestoneIds: [], engagementId: eng })
      ).id;
    await aMeeting(org.handle, { engagementId: eng, occursOn: '2026-03-03', attendees: [{ name: 'Anna Weber', side: 'client' }] });
    await approveChangeRequest(owner('2026-02-20T10:00:00Z'), await cr('2026-02-10T10:00:00Z', 'Extra reporting'), {}); // decided before the last meeting: left out
    await approveChangeRequest(owner('2026-03-10T10:00:00Z'), await cr('2026-03-04T10:00:00Z', 'Weekend cover'), {});
    await rejectChangeRequest(owner('2026-03-05T10:00:00Z'), await cr('2026-02-25T10:00:00Z', 'Second data centre'), { reason: 'Not this year.' });
    await cr('2026-01-15T10:00:00Z', 'Old reporting change');
    await cr('2026-03-12T10:00:00Z', 'More licences', 'vendor');
    await aRisk(org.handle, { title: 'Key person on the vendor side', vendorId: org.vendor.id, engagementId: eng, inherentLikelihood: 4, inherentImpact: 5 });
    await aRisk(org.handle, { title: 'Vendor financial stability', vendorId: org.vendor.id, inherentLikelihood: 2, inherentImpact: 3 });
    await aRisk(org.handle, { title: 'Another engagement risk', vendorId: org.vendor.id, engagementId: other });
    await aRisk(org.handle, { title: 'Closed risk', vendorId: org.vendor.id, engagementId: eng, closed: true });
    await aRisk(org.handle, { title: 'Other vendor risk', vendorId: org.otherVendor.id });

    const res = await call(manager, 'GET', `/api/v1/engagements/${eng}/agenda`);
    expect(res.statusCode, res.body).toBe(200);
    const agenda = res.json();
    expect(agenda.since).toBe('2026-03-03');
    const of = (source: string) => agenda.items.filter((i: { source: string }) => i.source === source).map((i: { text: string }) => i.text);
    expect(of('change_request')).toEqual([
      'Awaiting our decision since 2026-01-15 (raised by our side): Old reporting change (€1,000.00)',
      'Rejected on 2026-03-05: Second data centre (€1,000.00)',
      'Approved on 2026-03-10: Weekend cover (€1,000.00)',
      `Awaiting our decision since 2026-03-12 (raised by ${org.vendor.name}): More licences (€2,500.00)`,
    ]);
    expect(of('risk')).toEqual(['Open risk (very high, above appetite): Key person on the vendor side', `Open risk (medium, ${org.vendor.name} as a whole): Vendor financial stability`]);
  });
});
