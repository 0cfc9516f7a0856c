import { createReadStream, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importTickets } from '../../src/server/modules/tickets/tickets.public.ts';
import { authHeaders } from '../support/factories.ts';
import { ticketImportHarness } from '../support/ticket-imports.ts';

const UCI = '../shared/data/uci-incident-event-log/incident_event_log.csv.gz';
const h = ticketImportHarness();
const { newEngagement, stored, upload } = h;

describe('ticket import: the UCI ServiceNow event log', () => {
  it('imports all 24,918 incidents with their status histories, and re-imports idempotently', async () => {
    const eng = await newEngagement();
    const file = readFileSync(UCI);
    const first = await upload(eng, file, 'format=servicenow-events&fileName=incident_event_log.csv.gz');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'succeeded', rowsRead: 141_712, ticketsCreated: 24_918, ticketsUpdated: 0, rejectedCount: 0 });

    // Histories: INC0000045 went New → Resolved → Resolved → Closed (rows ordered by sys_mod_count).
    const all = await stored(eng);
    expect(all).toHaveLength(24_918);
    const inc45 = all.find((x) => x.externalId === 'INC0000045')!;
    expect(inc45.history.map((h) => h[1])).toEqual(['New', 'Resolved', 'Resolved', 'Closed']);
    expect(inc45.priority).toBe('P3');
    expect(new Date(inc45.openedAt).toISOString()).toBe('2016-02-29T01:16:00.000Z');
    const events = all.reduce((n, x) => n + x.history.length, 0);
    expect(events).toBe(141_712);

    const again = await upload(eng, file, 'format=servicenow-events');
    expect(again.json()).toMatchObject({ ticketsCreated: 0, ticketsUpdated: 0, ticketsUnchanged: 24_918 });
    expect(await stored(eng)).toHaveLength(24_918);
  });

  it('merges an overlapping export: new updates are added, nothing is duplicated', async () => {
    const eng = await newEngagement();
    const text = gunzipSync(readFileSync(UCI)).toString('utf8').split('\n');
    const header = text[0];
    const inc45 = text.filter((l) => l.startsWith('INC0000045,'));
    const firstPart = [header, ...inc45.slice(0, 2)].join('\n');
    const overlap = [header, ...inc45.slice(1)].join('\n');
    expect((await upload(eng, firstPart, 'format=servicenow-events')).json()).toMatchObject({ ticketsCreated: 1 });
    expect((await upload(eng, overlap, 'format=servicenow-events')).json()).toMatchObject({ ticketsCreated: 0, ticketsUpdated: 1 });
    const [ticket] = await stored(eng);
    expect(ticket.history.map((h) => h[1])).toEqual(['New', 'Resolved', 'Resolved', 'Closed']);
    expect(ticket.status).toBe('Closed');
  });

  it('streams the file from disk through the service with bounded memory', async () => {
    const eng = await newEngagement();
    const ctx = { db: h.t.database.db, config: h.t.config, log: h.t.app.log, now: new Date(), requestId: null, actor: { userId: h.org.users.analyst.id, orgId: h.org.orgId, role: 'analyst' as const, vendorId: null, email: 'a', name: 'a', via: 'token' as const, sessionId: null, csrfToken: null } };
    const progress: number[] = [];
    const r = await importTickets(ctx, createReadStream(UCI, { highWaterMark: 64 * 1024 }), { engagementId: eng, format: 'servicenow-events', onProgress: (p) => progress.push(p.rows) });
    expect(r.ticketsCreated).toBe(24_918);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });
});

describe('ticket import: formats and bad files', () => {
  const jira = 'Issue key,Summary,Priority,Status,Created,Resolved\nSD-1,Printer down,High,Done,21/Nov/26 4:30 PM,22/Nov/26 9:00 AM\nSD-2,VPN,Highest,In Progress,21/Nov/26 5:00 PM,\n';

  it('reads a Jira export with month-name dates in the export\'s time zone', async () => {
    const eng = await newEngagement();
    const r = await upload(eng, jira, 'format=jira&timeZone=Europe/Berlin');
    expect(r.json()).toMatchObject({ ticketsCreated: 2, rejectedCount: 0 });
    const rows = (await stored(eng)).sort((a, b) => a.externalId.localeCompare(b.externalId));
    expect(rows[0]).toMatchObject({ externalId: 'SD-1', priority: 'P2', title: 'Printer down', openedAt: Date.UTC(2026, 10, 21, 15, 30), resolvedAt: Date.UTC(2026, 10, 22, 8, 0) });
    expect(rows[1].priority).toBe('P1');
  });

  it('records the import at the request\'s time, not the wall clock, refused ones too', async () => {
    const eng = await newEngagement();
    // An hour ahead: far from the wall clock, within the session's idle limit.
    const AHEAD = 3_600_000;
    h.t.clock.offsetMs = AHEAD;
    try {
      const before = Date.now() + AHEAD;
      const r = (await upload(eng, jira, 'format=jira')).json();
      const after = Date.now() + AHEAD;
      expect(r.startedAt).toBe(r.finishedAt);
      expect(Date.parse(r.startedAt)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(r.startedAt)).toBeLessThanOrEqual(after);
      const refused = await upload(eng, 'Key,Created\nA,21/Nov/26 4:30 PM\n', 'format=jira');
      expect(refused.statusCode).toBe(422);
      const list = (await h.t.app.inject({ method: 'GET', url: `/api/v1/engagements/${eng}/ticket-imports`, headers: authHeaders(h.analyst) })).json();
      const failed = list.items.find((i: { id: string }) => i.id === refused.json().error.details.importId);
      expect(failed).toMatchObject({ status: 'failed' });
      expect(Date.parse(failed.startedAt)).toBeGreaterThanOrEqual(before);
    } finally {
      h.t.clock.offsetMs = 0;
    }
  });

  it('reads Zendesk with first reply minutes, and a generic mapping with semicolons, decimal commas and Windows-1252', async () => {
    const eng = await newEngagement();
    const zd = 'Id,Subject,Priority,Status,Created at,Solved at,First reply time in minutes\n101,Laptop,Urgent,solved,2026-03-02 10:00:00,2026-03-02 12:00:00,15\n';
    expect((await upload(eng, zd, 'format=zendesk&timeZone=UTC')).json()).toMatchObject({ ticketsCreated: 1 });
    const mapping = { shape: 'tickets', columns: { externalId: 'Nummer', openedAt: 'Eröffnet', resolvedAt: 'Gelöst', priority: 'Priorität', title: 'Betreff' }, dateOrder: 'dmy', timeZone: 'Europe/Berlin', priorityMap: { Hoch: 'P2' } };
    const csv = Buffer.from('Nummer;Betreff;Priorität;Eröffnet;Gelöst;Kosten\nT-1;Drucker kaputt;Hoch;02.03.2026 10:00;02.03.2026 11:30;12,50\n', 'latin1');
    const r = await upload(eng, csv, `format=generic&mapping=${encodeURIComponent(JSON.stringify(mapping))}`);
    expect(r.json()).toMatchObject({ ticketsCreated: 1, rejectedCount: 0 });
    const t1 = (await stored(eng)).find((x) => x.externalId === 'T-1')!;
    expect(t1).toMatchObject({ title: 'Drucker kaputt', priority: 'P2', openedAt: Date.UTC(2026, 2, 2, 9, 0) });
    const z101 = (await stored(eng)).find((x) => x.externalId === '101')!;
    expect(z101.firstResponseAt).toBe(Date.UTC(2026, 2, 2, 10, 15));
  });

  it('a narrower re-export updates what it maps and keeps the rest', async () => {
    const eng = await newEngagement();
    const mapping = (cols: Record<string, string>) =>
      encodeURIComponent(JSON.stringify({ shape: 'tickets', columns: cols, dateOrder: 'ymd', timeZone: 'UTC' }));
    const full = 'id,opened,prio,resolved\nN-1,2026-01-05 09:00,P1,2026-01-05 12:00\n';
    expect((await upload(eng, full, `format=generic&mapping=${mapping({ externalId: 'id', openedAt: 'opened', priority: 'prio', resolvedAt: 'resolved' })}`)).json()).toMatchObject({ ticketsCreated: 1 });
    const narrow = 'id,opened,prio\nN-1,2026-01-05 09:00,P2\n';
    expect((await upload(eng, narrow, `format=generic&mapping=${mapping({ externalId: 'id', openedAt: 'opened', priority: 'prio' })}`)).json()).toMatchObject({ ticketsUpdated: 1 });
    const [n1] = await stored(eng);
    expect(n1).toMatchObject({ priority: 'P2', resolvedAt: Date.UTC(2026, 0, 5, 12) });
  });

  it('reads UTF-16 with a BOM and UTF-8 with a BOM', async () => {
    const eng = await newEngagement();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(jira.replace(/SD-/g, 'U16-'), 'utf16le')]);
    expect((await upload(eng, utf16, 'format=jira')).json()).toMatchObject({ ticketsCreated: 2 });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(jira.replace(/SD-/g, 'BOM-'))]);
    expect((await upload(eng, bom, 'format=jira')).json()).toMatchObject({ ticketsCreated: 2 });
  });

  it('keeps valid rows and reports each rejected one by line, column and reason; strict mode stores nothing', async () => {
    const eng = await newEngagement();
    const bad = [
      'Issue key,Summary,Priority,Status,Created,Resolved',
      'OK-1,fine,High,Done,21/Nov/26 4:30 PM,',
      'OK-2,"multi',
      'line",High,Done,31/02/26 4:30 PM,',
      ',no id,High,Done,21/Nov/26 4:30 PM,',
      'OK-3,ragged,High',
      'OK-4,fine too,Low,Done,2026-11-21T10:00:00Z,',
    ].join('\n');
    const strict = await upload(eng, bad, 'format=jira&strict=true');
    expect(strict.statusCode).toBe(422);
    // Refused, yet recorded: the rejected rows stay downloadable.
    const refused = await h.t.app.inject({ method: 'GET', url: `/api/v1/ticket-imports/${strict.json().error.details.importId}/rejections.csv`, headers: authHeaders(h.analyst) });
    expect(refused.body.split('\n').filter(Boolean)).toHaveLength(4);
    expect(await stored(eng)).toHaveLength(0);

    const lenient = (await upload(eng, bad, 'format=jira')).json();
    expect(lenient).toMatchObject({ ticketsCreated: 2, rejectedCount: 3 });
    expect(lenient.rejected.map((r: { line: number; field: string }) => `${r.line}:${r.field}`)).toEqual(['3:Created', '5:Issue key', '6:(row)']);
    const csv = await h.t.app.inject({ method: 'GET', url: `/api/v1/ticket-imports/${lenient.id}/rejections.csv`, headers: authHeaders(h.analyst) });
    expect(csv.body.split('\n')[1]).toContain('3,Created,Not a date');
  });

  it('refuses an empty file, a missing column and a 10 MB field, storing nothing', async () => {
    const eng = await newEngagement();
    expect((await upload(eng, '', 'format=jira')).statusCode).toBe(422);
    const noCol = await upload(eng, 'Key,Created\nA,21/Nov/26 4:30 PM\n', 'format=jira');
    expect(noCol.statusCode).toBe(422);
    expect(noCol.json().error.message).toContain('"Issue key"');
    const huge = `Issue key,Summary,Priority,Status,Created,Resolved\nBIG-1,"${'x'.repeat(10 * 1024 * 1024)}",High,Done,21/Nov/26 4:30 PM,\nBIG-2,ok,High,Done,21/Nov/26 4:30 PM,\n`;
    const r = await upload(eng, huge, 'format=jira');
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details.rejected[0]).toMatchObject({ line: 2 });
    const unclosed = await upload(eng, 'Issue key,Summary,Priority,Status,Created,Resolved\nQ-1,"never closed,High,Done,21/Nov/26 4:30 PM,\nQ-2,ok,High,Done,21/Nov/26 4:30 PM,\n', 'format=jira');
    expect(unclosed.statusCode).toBe(422);
    expect(unclosed.json().error.message).toMatch(/quoted field is never closed/);
    expect(await stored(eng)).toHaveLength(0);
  });

  it('refuses a generic import without a valid mapping, naming the field', async () => {
    const eng = await newEngagement();
    const none = await upload(eng, 'a,b\n1,2\n', 'format=generic');
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details.issues[0].path).toBe('mapping');
    const broken = await upload(eng, 'a,b\n1,2\n', `format=generic&mapping=${encodeURIComponent('{"shape":"tickets","columns":{}}')}`);
    expect(broken.statusCode).toBe(400);
  });

  it('reads an .xlsx export', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tickets');
    ws.addRow(['Issue key', 'Summary', 'Priority', 'Status', 'Created', 'Resolved']);
    ws.addRow(['X-1', 'From Excel', 'High', 'Done', new Date(Date.UTC(2026, 4, 4, 8, 0)), new Date(Date.UTC(2026, 4, 4, 10, 0))]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const eng = await newEngagement();
    const r = await upload(eng, buf, 'format=jira&timeZone=Europe/Berlin');
    expect(r.json()).toMatchObject({ ticketsCreated: 1, rejectedCount: 0 });
    const [x] = await stored(eng);
    // The sheet says 08:00 wall-clock; in Berlin (CEST) that is 06:00 UTC.
    expect(x.openedAt).toBe(Date.UTC(2026, 4, 4, 6, 0));
  });
});
