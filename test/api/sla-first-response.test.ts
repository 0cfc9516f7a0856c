import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

// Issue 8 §2: how first response is taken from an event log, "not measured" when the log
// cannot say, and the timeline naming what the response instant was taken from.
let t: TestApp;
let org: TestOrg;
let manager: Login;
const H = 3_600_000;
const ALL_DAY = [{ from: '00:00', to: '24:00' }];

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
  manager = await loginAs(t.database.db, org.users.manager);
});
afterAll(() => t.close());

const api = (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: method as 'GET', url, payload: payload as object, headers: { ...authHeaders(manager), ...headers } });

async function engagementWithPolicy() {
  const eng = (await api('POST', '/api/v1/engagements', { vendorId: org.vendor.id, name: `Desk ${Math.random()}`, serviceType: 'service_desk' })).json().id as string;
  const cal = await api('POST', '/api/v1/calendars', { name: `Always ${Math.random()}`, timeZone: 'UTC', week: { 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY, 7: ALL_DAY } });
  const saved = await api('PUT', `/api/v1/engagements/${eng}/sla-policy`, {
    calendarId: cal.json().id,
    priorities: { P3: { response: { ms: 4 * H, clock: 'calendar' }, resolution: { ms: 24 * H, clock: 'calendar' }, monthlyAttainment: 0.9 } },
    pauseStatuses: ['Awaiting User Info'],
    resolvedStatuses: ['Resolved', 'Closed'],
  });
  expect(saved.statusCode, saved.body).toBe(200);
  return eng;
}

// A ServiceNow event log written here: one row per update, day-first, "?" for missing.
const LOG = [
  'number,incident_state,sys_mod_count,priority,opened_at,sys_updated_at,assigned_to,resolved_at',
  // Opened straight into Active; resolved 16 h later (INC0120304's shape).
  'INC1,Active,0,3 - Moderate,01/03/2016 08:00,01/03/2016 08:00,?,?',
  'INC1,Resolved,1,3 - Moderate,01/03/2016 08:00,02/03/2016 00:00,Resolver 1,02/03/2016 00:00',
  // New, taken on after 5 h (assigned after 2 h): a response breach under the status rule.
  'INC2,New,0,3 - Moderate,01/03/2016 08:00,01/03/2016 08:00,?,?',
  'INC2,New,1,3 - Moderate,01/03/2016 08:00,01/03/2016 10:00,Resolver 2,?',
  'INC2,Active,2,3 - Moderate,01/03/2016 08:00,01/03/2016 13:00,Resolver 2,?',
  'INC2,Resolved,3,3 - Moderate,01/03/2016 08:00,01/03/2016 16:00,Resolver 2,01/03/2016 16:00',
  // New straight to Resolved after 10 h: the log cannot say when it was first answered.
  'INC3,New,0,3 - Moderate,01/03/2016 08:00,01/03/2016 08:00,?,?',
  'INC3,Resolved,1,3 - Moderate,01/03/2016 08:00,01/03/2016 18:00,Resolver 3,01/03/2016 18:00',
].join('\n');

async function importLog(eng: string, qs = '') {
  const res = await api('POST', `/api/v1/engagements/${eng}/ticket-imports?format=servicenow-events${qs}`, `${LOG}\n`, { 'content-type': 'text/csv' });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ ticketsCreated: 3, rejectedCount: 0 });
}

async function ticket(eng: string, externalId: string) {
  const list = await api('GET', `/api/v1/engagements/${eng}/sla/tickets?q=${externalId}`);
  expect(list.statusCode, list.body).toBe(200);
  return list.json().items.find((x: { externalId: string }) => x.externalId === externalId);
}

const timeline = async (id: string) => (await api('GET', `/api/v1/tickets/${id}/timeline`)).json();

describe('first response from an event log', () => {
  it('by default: the first update out of New, "opened already Active", and "not measured" when none comes before resolution', async () => {
    const eng = await engagementWithPolicy();
    await importLog(eng);

    const inc1 = await ticket(eng, 'INC1');
    expect(inc1).toMatchObject({ responseMeasured: true, responseMs: 0, responseBreached: false, breached: false });
    expect((await timeline(inc1.id)).response).toMatchObject({ rule: 'working-status', kind: 'opened-working', status: 'Active', at: '2016-03-01T08:00:00.000Z' });

    const inc2 = await ticket(eng, 'INC2');
    expect(inc2).toMatchObject({ responseMeasured: true, responseMs: 5 * H, responseBreached: true });
    expect((await timeline(inc2.id)).response).toMatchObject({ kind: 'left-opening', status: 'Active', openingStatus: 'New', at: '2016-03-01T13:00:00.000Z' });

    const inc3 = await ticket(eng, 'INC3');
    expect(inc3).toMatchObject({ responseMeasured: false, responseMs: null, responseBreached: false, resolutionBreached: false, breached: false });
    expect((await timeline(inc3.id)).response).toEqual({ rule: 'working-status', kind: 'not-measured', at: null, status: null, openingStatus: 'New', reason: 'no-working-status' });

    const report = (await api('GET', `/api/v1/engagements/${eng}/sla/report?from=2016-03&to=2016-03`)).json();
    expect(report.months[0].priorities[0]).toMatchObject({ priority: 'P3', tickets: 3, breached: 1, responseBreaches: 1, responseNotMeasured: 1 });
  });

  it('the mapping can choose the first assignment instead', async () => {
    const eng = await engagementWithPolicy();
    await importLog(eng, '&firstResponse=assignment');
    const inc2 = await ticket(eng, 'INC2');
    expect(inc2).toMatchObject({ responseMeasured: true, responseMs: 2 * H, responseBreached: false });
    expect((await timeline(inc2.id)).response).toMatchObject({ rule: 'assignment', kind: 'assigned', at: '2016-03-01T10:00:00.000Z' });
    // Assigned only by the resolving update: not measured.
    expect(await ticket(eng, 'INC3')).toMatchObject({ responseMeasured: false });
    expect(await ticket(eng, 'INC1')).toMatchObject({ responseMeasured: false });
  });

  it('a generic mapping saves the rule and its opening statuses, and the import applies them', async () => {
    const mapping = {
      shape: 'events',
      columns: { externalId: 'number', status: 'incident_state', priority: 'priority', openedAt: 'opened_at', eventAt: 'sys_updated_at', sequence: 'sys_mod_count', resolvedAt: 'resolved_at', assignee: 'assigned_to' },
      dateOrder: 'dmy',
      timeZone: 'UTC',
      priorityMap: { '3 - Moderate': 'P3' },
      missingValues: ['?'],
      firstResponse: 'working-status',
      // Active counts as not yet taken on here: INC1 then has no response before resolution.
      openingStatuses: ['New', 'Active'],
    };
    const saved = await api('POST', '/api/v1/ticket-mappings', { name: `Log ${Math.random()}`, mapping });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().mapping).toMatchObject({ firstResponse: 'working-status', openingStatuses: ['New', 'Active'] });

    const eng = await engagementWithPolicy();
    const res = await api('POST', `/api/v1/engagements/${eng}/ticket-imports?format=generic&mapping=${encodeURIComponent(JSON.stringify(mapping))}`, `${LOG}\n`, { 'content-type': 'text/csv' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await ticket(eng, 'INC1')).toMatchObject({ responseMeasured: false });
    expect(await ticket(eng, 'INC2')).toMatchObject({ responseMeasured: false });

    const bad = await api('POST', '/api/v1/ticket-mappings', { name: 'Bad rule', mapping: { ...mapping, firstResponse: 'first-contact' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('firstResponse');
  });
});
