import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_HOLIDAYS, parseIcsHolidays } from '../../src/domain/sla/ics.ts';
import { aCalendar } from '../../src/server/seed/builders/sla.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { authHeaders, createTestOrg, loginAs, type TestOrg } from '../support/factories.ts';

// Issue 9, item 2: a holiday import is bounded before it expands, for every role.
let t: TestApp;
let org: TestOrg;
beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db, 'Holidays');
});
afterAll(() => t.close());

/** `n` yearly events, one a day from 1 January 2000, as a public-holiday feed writes them. */
function yearlyFeed(n: number): string {
  const events = Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(2000, 0, 1 + (i % 365)));
    const ymd = d.toISOString().slice(0, 10).replace(/-/g, '');
    return `BEGIN:VEVENT\r\nUID:h${i}@example\r\nDTSTART;VALUE=DATE:${ymd}\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Holiday ${i}\r\nEND:VEVENT`;
  });
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//holidays//EN\r\n${events.join('\r\n')}\r\nEND:VCALENDAR\r\n`;
}

const importFeed = async (ics: string, query: string) => {
  const cal = await aCalendar(org.handle, { name: `Cal ${Math.random().toString(36).slice(2, 8)}` });
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/calendars/${cal.id}/holidays/import?${query}`,
    payload: ics,
    headers: { ...authHeaders(await loginAs(t.database.db, org.users.manager)), 'content-type': 'text/calendar' },
  });
  return { res, cal };
};

describe('holiday import bounds', () => {
  it('refuses 20 yearly events over 1900–2199 (6,000 dates) with a 422 naming the limit, storing nothing', async () => {
    const { res, cal } = await importFeed(yearlyFeed(20), 'fromYear=1900&toYear=2199');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(422);
    expect(res.json().error.code).toBe('import_rejected');
    expect(res.json().error.message).toContain('5,000');
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/calendars/${cal.id}`, headers: authHeaders(await loginAs(t.database.db, org.users.manager)) });
    expect(after.json().holidays).toEqual([]);
  });

  it('refuses 700 yearly events over 300 years before expanding them', async () => {
    const ics = yearlyFeed(700);
    expect(() => parseIcsHolidays(ics, { fromYear: 1900, toYear: 2199 })).toThrow(/more than 5,000 holidays/);
    const { res } = await importFeed(ics, 'fromYear=1900&toYear=2199');
    expect(res.statusCode).toBe(422);
  });

  it('still imports a feed that fits, and never stores more than the limit in one calendar', async () => {
    const { res } = await importFeed(yearlyFeed(20), 'fromYear=2020&toYear=2030');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json().added).toBe(220);
    expect(res.json().calendar.holidays.length).toBeLessThanOrEqual(MAX_HOLIDAYS);
  });
});
