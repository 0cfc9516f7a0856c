import { describe, expect, it } from 'vitest';
import { authHeaders, loginAs } from '../support/factories.ts';
import { ticketImportHarness } from '../support/ticket-imports.ts';

// Issue 8 §2: tickets imported before the engagement has an SLA policy are not invisible —
// the import says how many the engagement now holds, and the import history counts them.
const h = ticketImportHarness();
const H = 3_600_000;

const CSV = ['number,priority,state,opened_at,resolved_at', 'INC1,1 - Critical,Resolved,2026-03-02 10:00,2026-03-02 12:00', 'INC2,3 - Moderate,Resolved,2026-03-03 10:00,2026-03-05 10:00', 'INC3,4 - Low,New,2026-03-04 10:00,'].join('\n') + '\n';

describe('tickets imported before an SLA policy exists', () => {
  it('are counted by the import and the import history, and measured once a policy is set', async () => {
    const eng = await h.newEngagement();
    const get = (url: string) => h.t.app.inject({ method: 'GET', url, headers: authHeaders(h.analyst) });

    const res = await h.upload(eng, CSV, 'format=servicenow&fileName=march.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'succeeded', ticketsCreated: 3, engagementTickets: 3 });

    // No policy: nothing measures them yet, but the history says they are there.
    expect((await get(`/api/v1/engagements/${eng}/sla/report`)).statusCode).toBe(404);
    const history = await get(`/api/v1/engagements/${eng}/ticket-imports`);
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json()).toMatchObject({ ticketCount: 3, items: [{ fileName: 'march.csv', ticketsCreated: 3 }] });

    // A second, overlapping file: the count is the engagement's tickets, not the rows of one file.
    const again = await h.upload(eng, CSV.replace('INC3,4 - Low,New,2026-03-04 10:00,', 'INC4,4 - Low,New,2026-03-04 10:00,'), 'format=servicenow');
    expect(again.json()).toMatchObject({ ticketsCreated: 1, engagementTickets: 4 });
    expect((await get(`/api/v1/engagements/${eng}/ticket-imports`)).json().ticketCount).toBe(4);

    // Set a policy: the report includes every ticket imported before it.
    const headers = authHeaders(await loginAs(h.t.database.db, h.org.users.manager));
    const cal = await h.t.app.inject({ method: 'POST', url: '/api/v1/calendars', headers, payload: { name: `24/7 ${Math.random()}`, timeZone: 'UTC', week: {} } });
    const put = await h.t.app.inject({
      method: 'PUT',
      url: `/api/v1/engagements/${eng}/sla-policy`,
      headers,
      payload: { calendarId: cal.json().id, priorities: { P1: { resolution: { ms: 4 * H, clock: 'calendar' } }, P3: { resolution: { ms: 72 * H, clock: 'calendar' } }, P4: { resolution: { ms: 120 * H, clock: 'calendar' } } }, pauseStatuses: [], resolvedStatuses: ['Resolved'] },
    });
    expect(put.statusCode, put.body).toBe(200);
    const report = await get(`/api/v1/engagements/${eng}/sla/report?from=2026-03&to=2026-03`);
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().ticketCount).toBe(4);
  });
});
