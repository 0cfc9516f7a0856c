import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { authHeaders } from '../support/factories.ts';
import { ticketImportHarness } from '../support/ticket-imports.ts';

// Issue 8 §1: an import never says more than it did, and a refusal names its cause and fix.
const h = ticketImportHarness();
const { newEngagement, stored, upload } = h;

/** 25 day-first rows: 17 with a day above 12 (68 %), 8 that read in either order. */
const dayFirst = ['number,opened_at', ...Array.from({ length: 25 }, (_, i) => `INC${i},${String(i < 17 ? 13 + (i % 15) : 1 + i - 17).padStart(2, '0')}/03/2026 10:00`)].join('\n') + '\n';

describe('ticket import: date orders, refusals, damaged files, cut lists', () => {
  it('detects the date order from the values when the import leaves it out', async () => {
    const eng = await newEngagement();
    // The ServiceNow preset reads year first by default; the values prove day-first.
    const res = await upload(eng, dayFirst, 'format=servicenow');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'succeeded', rowsRead: 25, ticketsCreated: 25, rejectedCount: 0 });
    const inc17 = (await stored(eng)).find((x) => x.externalId === 'INC17')!;
    expect(new Date(inc17.openedAt).toISOString()).toBe('2026-03-01T10:00:00.000Z');
  });

  it('refuses, storing nothing, when most rows fail for one reason, and names the fix', async () => {
    const eng = await newEngagement();
    const res = await upload(eng, dayFirst, 'format=servicenow&dateOrder=mdy');
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err.code).toBe('import_rejected');
    expect(err.message).toContain('17 of 25 rows were rejected; nothing was imported.');
    expect(err.message).toContain('opened_at looks day-first: 68 % of values have a day above 12');
    expect(err.details).toMatchObject({ field: 'opened_at', rejectedCount: 17, rowsRead: 25 });
    expect(await stored(eng)).toHaveLength(0);
  });

  it('reads year-first dates with slashes and fractional seconds', async () => {
    const eng = await newEngagement();
    const res = await upload(eng, 'number,opened_at\nINC1,2012/10/09 14:50:17.000\nINC2,2012/10/09 14:50:17.250\n', 'format=servicenow');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ticketsCreated: 2, rejectedCount: 0 });
    const at = (await stored(eng)).map((x) => new Date(x.openedAt).toISOString()).sort();
    expect(at).toEqual(['2012-10-09T14:50:17.000Z', '2012-10-09T14:50:17.250Z']);
  });

  it('answers a truncated gzip file with its own code and words', async () => {
    const eng = await newEngagement();
    const gz = gzipSync(Buffer.from(dayFirst.repeat(50)));
    const res = await upload(eng, gz.subarray(0, Math.floor(gz.length / 2)), 'format=servicenow');
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'file_damaged', details: { damaged: 'gzip' } });
    expect(res.json().error.message).toContain('gzip file is damaged or cut off');
    expect(await stored(eng)).toHaveLength(0);
  });

  it('says when the rejected-row list is cut and where the full list is', async () => {
    const eng = await newEngagement();
    const good = Array.from({ length: 300 }, (_, i) => `G-${i},2026-03-02 10:00`);
    const bad = Array.from({ length: 250 }, (_, i) => `B-${i},soon`);
    const res = await upload(eng, ['number,opened_at', ...good, ...bad].join('\n') + '\n', 'format=servicenow');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ ticketsCreated: 300, rejectedCount: 250, rejectedComplete: false, rejectedReport: `/api/v1/ticket-imports/${r.id}/rejections.csv` });
    expect(r.rejected).toHaveLength(200);
    const full = await h.t.app.inject({ method: 'GET', url: r.rejectedReport, headers: authHeaders(h.analyst) });
    expect(full.body.split('\n').filter(Boolean)).toHaveLength(251);

    const few = (await upload(eng, 'number,opened_at\nG-1,2026-03-02 10:00\nB-1,soon\nG-2,2026-03-02 11:00\n', 'format=servicenow')).json();
    expect(few).toMatchObject({ rejectedCount: 1, rejectedComplete: true });
  });
});
