import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, runCli, tempDir } from './helpers.ts';

// A measurement scripted end to end with the CLI alone: organisation, vendor (CSV import),
// engagement, calendar with .ics holidays, SLA policy from a JSON file, tickets, report.
const dir = tempDir('setup');
const dataDir = path.join(dir, 'data');
const cli = (args: string[]) => runCli(args, { OUTSIGHT_DATA_DIR: dataDir });
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
type CliErrorJson = { error: { code: string; message: string; details?: Record<string, unknown> } };

const ICS = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20260101', 'SUMMARY:New Year', 'RRULE:FREQ=YEARLY', 'END:VEVENT', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261225', 'SUMMARY:Christmas', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

beforeAll(async () => {
  const r = await runCli(['users', 'create', '--org-name', 'Scripted Ltd', '--email', 'owner@scripted.test', '--name', 'Sam Owner', '--json'], { OUTSIGHT_DATA_DIR: dataDir, OUTSIGHT_PASSWORD: 'owner-password-1' });
  expect(r.code, r.stderr + r.stdout).toBe(0);
  const vendors = file('vendors.csv', 'name,kind,status,tier,data_access\nAcme IT,help_desk,active,2,internal\n');
  const v = await cli(['vendors', 'import', vendors]);
  expect(v.code, v.stderr + v.stdout).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('setting up a measurement from the CLI (direct mode)', () => {
  it('creates an engagement, a calendar with .ics holidays and an SLA policy, then measures imported tickets', async () => {
    const e = await cli(['engagements', 'create', '--vendor', 'acme it', '--name', 'Service desk', '--service-type', 'service_desk', '--criticality', 'high', '--json']);
    expect(e.code, e.stderr).toBe(0);
    const engagement = json<{ id: string; vendorName: string; criticality: string; status: string }>(e);
    expect(engagement).toMatchObject({ vendorName: 'Acme IT', criticality: 'high', status: 'active' });

    const c = await cli(['calendars', 'create', '--name', 'Desk hours', '--time-zone', 'Europe/Berlin', '--hours', 'mon-fri 08:00-18:00', '--holidays', file('h.ics', ICS), '--from-year', '2026', '--to-year', '2027', '--json']);
    expect(c.code, c.stderr).toBe(0);
    const calendar = json<{ week: Record<string, unknown[]>; holidays: string[] }>(c);
    expect(calendar.holidays).toEqual(['2026-01-01', '2026-12-25', '2027-01-01']);
    expect(Object.keys(calendar.week).sort()).toEqual(['1', '2', '3', '4', '5']);

    const policy = file('policy.json', JSON.stringify({ priorities: { P1: { resolution: { ms: 4 * 3_600_000, clock: 'business' }, monthlyAttainment: 0.95 } }, resolvedStatuses: ['Resolved'], monthlyFeeMinor: 1_000_000, currency: 'GBP', attainmentCredits: [{ shortfallOver: 0, creditPct: 5 }] }));
    const p = await cli(['sla', 'policy', 'set', '-e', 'Service desk', '--file', policy, '--calendar', 'desk hours']);
    expect(p.code, p.stderr).toBe(0);
    expect(p.stdout).toContain('SLA policy version 1 of "Service desk" (Acme IT) saved');

    // show → set round-trips: the printed policy is accepted back as a new version.
    const shown = await cli(['sla', 'policy', 'show', '-e', engagement.id]);
    expect(JSON.parse(shown.stdout)).toMatchObject({ version: 1, currency: 'GBP' });
    const again = await cli(['sla', 'policy', 'set', '-e', engagement.id, '--file', file('shown.json', shown.stdout), '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(json<{ version: number }>(again).version).toBe(2);

    // Monday 2 March 2026, 09:00 Berlin: one P1 resolved within 4 business hours, one after.
    const csv = file('t.csv', ['Ref,Opened,Closed,Prio,State', 'A-1,2026-03-02 09:00,2026-03-02 10:00,P1,Resolved', 'A-2,2026-03-02 09:00,2026-03-03 12:00,P1,Resolved', ''].join('\n'));
    const mapping = file('m.json', JSON.stringify({ shape: 'tickets', columns: { externalId: 'Ref', openedAt: 'Opened', resolvedAt: 'Closed', priority: 'Prio', status: 'State' }, timeZone: 'Europe/Berlin' }));
    const t = await cli(['tickets', 'import', csv, '-e', 'Service desk', '--format', 'generic', '--mapping', mapping]);
    expect(t.code, t.stderr).toBe(0);
    const r = await cli(['sla', 'report', '-e', 'Service desk', '--from', '2026-03', '--to', '2026-03', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const month = json<{ months: Array<{ priorities: Array<{ tickets: number; breached: number }>; creditMinor: number }> }>(r).months[0];
    expect(month.priorities[0]).toMatchObject({ tickets: 2, breached: 1 });
    expect(month.creditMinor).toBe(50_000);
  });

  it('refuses bad input naming the flag or field, and creates nothing half-way', async () => {
    const hours = await cli(['calendars', 'create', '--name', 'X', '--time-zone', 'UTC', '--hours', 'weekdays 9-5']);
    expect(hours.code).toBe(2);
    expect(hours.stderr).toContain('not like "mon-fri 08:00-18:00"');

    // A holiday file with no holiday in range: refused before the calendar exists.
    const empty = await cli(['calendars', 'create', '--name', 'Empty', '--time-zone', 'UTC', '--hours', 'mon-fri 09:00-17:00', '--holidays', file('none.ics', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'), '--json']);
    expect(empty.code).toBe(1);
    expect(json<CliErrorJson>(empty).error.code).toBe('import_rejected');
    const policyWithEmpty = await cli(['sla', 'policy', 'set', '-e', 'Service desk', '--file', file('p2.json', JSON.stringify({ priorities: { P1: {} }, resolvedStatuses: ['Resolved'] })), '--calendar', 'Empty', '--json']);
    expect(json<CliErrorJson>(policyWithEmpty).error).toMatchObject({ code: 'not_found', message: 'No calendar has the id or name "Empty".' });

    const noStatuses = await cli(['sla', 'policy', 'set', '-e', 'Service desk', '--file', file('p3.json', JSON.stringify({ priorities: { P1: {} }, resolvedStatuses: [] })), '--calendar', 'Desk hours', '--json']);
    expect(noStatuses.code).toBe(2);
    expect(JSON.stringify(json<CliErrorJson>(noStatuses).error)).toContain('At least one status resolves a ticket');

    const notJson = await cli(['sla', 'policy', 'set', '-e', 'Service desk', '--file', file('p4.json', '{ nope'), '--json']);
    expect(notJson.code).toBe(2);
    expect(json<CliErrorJson>(notJson).error.code).toBe('invalid_json');

    const noVendor = await cli(['engagements', 'create', '--vendor', 'Nobody', '--name', 'X', '--service-type', 'service_desk', '--json']);
    expect(noVendor.code).toBe(1);
    expect(json<CliErrorJson>(noVendor).error.message).toBe('No vendor has the id or name "Nobody".');
    const badDate = await cli(['engagements', 'create', '--vendor', 'Acme IT', '--name', 'X', '--service-type', 'service_desk', '--start', '2026-13-01', '--json']);
    expect(badDate.code).toBe(2);
    expect(JSON.stringify(json<CliErrorJson>(badDate).error)).toContain('--start');
  });
});
