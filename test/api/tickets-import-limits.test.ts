import { once } from 'node:events';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importTickets, ticketImportEvents } from '../../src/server/modules/tickets/tickets.public.ts';
import { authHeaders } from '../support/factories.ts';
import { ticketImportHarness } from '../support/ticket-imports.ts';

// Issue 9 §3 and §4: a line with no line break, a gzip or workbook that unpacks to far more
// than was sent, a row of a million columns, and a client that hangs up — each stops the
// import early, says which limit and which row, and stores nothing.
const h = ticketImportHarness();
const { newEngagement, stored, upload } = h;

/** gzip of `bytes` repetitions of `fill`, made a megabyte at a time (the test never holds the unpacked file). */
async function gzipOf(prefix: string, bytes: number, fill = 0): Promise<Buffer> {
  const gz = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gz.on('data', (c: Buffer) => out.push(c));
  gz.write(prefix);
  const block = Buffer.alloc(1024 * 1024, fill);
  for (let sent = 0; sent < bytes; sent += block.length) if (!gz.write(block)) await once(gz, 'drain');
  gz.end();
  await once(gz, 'end');
  return Buffer.concat(out);
}

const imports = async (eng: string) => {
  const res = await h.t.app.inject({ method: 'GET', url: `/api/v1/engagements/${eng}/ticket-imports`, headers: authHeaders(h.analyst) });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: unknown[]; ticketCount: number };
};

const ROWS = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `INC${from + i},2026-03-02 10:00\n`).join('');

describe('ticket import: limits enforced while reading', () => {
  it('refuses 256 MB of zeros with no line break, gzipped, as a Jira export: 422 naming line 1, long before the end', async () => {
    const eng = await newEngagement();
    const bomb = await gzipOf('', 256 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await upload(eng, bomb, 'format=jira&fileName=jira.csv.gz');
    expect(res.statusCode, res.body).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('import_rejected');
    expect(error.message).toContain('The row starting at line 1 is longer than 2,000,000 characters');
    expect(error.details.rejected[0]).toMatchObject({ line: 1, field: '(row)' });
    expect(await stored(eng)).toHaveLength(0);
  });

  it('refuses a row longer than the limit even when quoted line breaks spread it over many lines, naming the line it starts on', async () => {
    const eng = await newEngagement();
    // Line 3 opens a quote that never closes; the lines after it are all part of that row.
    const csv = `number,opened_at\nINC1,2026-03-02 10:00\nINC2,"2026-03-02\n${`${'y'.repeat(99)}\n`.repeat(25_000)}`;
    const res = await upload(eng, csv, 'format=servicenow');
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.message).toContain('The row starting at line 3 is longer than');
    expect(res.json().error.details.rejected[0]).toMatchObject({ line: 3 });
  });

  it('refuses an over-long field by its line and column', async () => {
    const eng = await newEngagement();
    const csv = `number,opened_at,short_description\nINC1,2026-03-02 10:00,ok\nINC2,2026-03-02 10:00,"${'z'.repeat(1_200_000)}"\nINC3,2026-03-02 10:00,ok\n`;
    const res = await upload(eng, csv, 'format=servicenow');
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.message).toContain('Line 3: a field is longer than 1,000,000 characters');
    expect(res.json().error.details.rejected[0]).toMatchObject({ line: 3, field: 'short_description' });
    expect(await stored(eng)).toHaveLength(0);
  });

  it('refuses a row of more than 5,000 columns (CSV and XLSX), naming the line', async () => {
    const eng = await newEngagement();
    const wide = `number,opened_at,${Array.from({ length: 5_000 }, (_, i) => `c${i}`).join(',')}\n${ROWS(3)}`;
    const res = await upload(eng, wide, 'format=servicenow');
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.message).toContain('Line 1: the row has 5,002 columns; an import reads at most 5,000');

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tickets');
    ws.addRow(['number', 'opened_at']);
    ws.addRow(['INC1', '2026-03-02 10:00']);
    ws.getCell(3, 6_000).value = 'far right';
    const xlsx = await upload(eng, Buffer.from(await wb.xlsx.writeBuffer()), 'format=servicenow&fileName=t.xlsx');
    expect(xlsx.statusCode, xlsx.body).toBe(422);
    expect(xlsx.json().error.message).toContain('Line 3: the row has 6,000 columns');
    expect(await stored(eng)).toHaveLength(0);
  });

  it('stops unpacking a gzip upload past the configured limit: 413 naming the limit, nothing stored', async () => {
    const eng = await newEngagement();
    const ctx = { ...h.org.handle.ctx(), config: { ...h.t.config, maxUnpackedBytes: 1024 * 1024 } };
    // Valid rows, 2.5 MB unpacked: every row is fine, the file is too large once unpacked.
    const gz = await gzipOf(`number,opened_at\n${ROWS(100_000)}`, 0);
    const err = await importTickets(ctx, Readable.from([gz]), { engagementId: eng, format: 'servicenow', fileName: 'tickets.csv.gz' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'payload_too_large', details: { limitBytes: 1024 * 1024 } });
    expect((err as Error).message).toContain('The gzip file unpacks to more than 1 MB');
    expect(await stored(eng)).toHaveLength(0);
    expect((await imports(eng)).items).toHaveLength(0);
  });

  it('refuses a workbook whose central directory says it unpacks past the limit, before unpacking it', async () => {
    const eng = await newEngagement();
    const ctx = { ...h.org.handle.ctx(), config: { ...h.t.config, maxUnpackedBytes: 1024 * 1024 } };
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tickets');
    ws.addRow(['number', 'opened_at', 'short_description']);
    // Distinct strings: each lands in the shared strings part, which exceljs would hold in memory.
    for (let i = 0; i < 20_000; i++) ws.addRow([`INC${i}`, '2026-03-02 10:00', `Printer on floor ${i} ${'is jammed again '.repeat(5)}`]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings: true } as ExcelJS.XlsxWriteOptions));
    expect(xlsx.length).toBeLessThan(1024 * 1024);
    const err = await importTickets(ctx, Readable.from([xlsx]), { engagementId: eng, format: 'servicenow', fileName: 'tickets.xlsx' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'payload_too_large', details: { limitBytes: 1024 * 1024 } });
    expect((err as Error).message).toMatch(/unpacks to more than 1 MB/);
    expect(await stored(eng)).toHaveLength(0);
    // The same workbook under the default limit imports.
    const ok = await upload(eng, xlsx, 'format=servicenow&fileName=tickets.xlsx');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().rowsRead).toBe(20_000);
  });
});

describe('ticket import: the client goes away', () => {
  it('stops when the caller aborts mid-file: the transaction rolls back, no tickets and no import record', async () => {
    const eng = await newEngagement();
    const gone = new AbortController();
    // An endless export: only the abort can end this import.
    async function* endless() {
      yield Buffer.from(`number,opened_at\n${ROWS(12_000)}`);
      gone.abort(new Error('client went away'));
      for (let i = 1; ; i++) yield Buffer.from(ROWS(1_000, i * 12_000));
    }
    const err = await importTickets(h.org.handle.ctx(), endless(), { engagementId: eng, format: 'servicenow', signal: gone.signal }).catch((e: unknown) => e);
    expect((err as Error).message).toBe('client went away');
    expect(await stored(eng)).toHaveLength(0);
    expect(await imports(eng)).toMatchObject({ items: [], ticketCount: 0 });
  });

  it('over HTTP: a client that hangs up mid-upload leaves no tickets and no import record', async () => {
    const eng = await newEngagement();
    await h.t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = h.t.app.server.address() as AddressInfo;
    const started = once(ticketImportEvents, 'started');
    const settled = once(ticketImportEvents, 'settled');
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const head = Object.entries({ ...authHeaders(h.analyst), 'content-type': 'text/csv', 'content-length': String(50 * 1024 * 1024), host: `127.0.0.1:${port}` })
      .map(([k, v]) => `${k}: ${v}`)
      .join('\r\n');
    socket.write(`POST /api/v1/engagements/${eng}/ticket-imports?format=servicenow HTTP/1.1\r\n${head}\r\n\r\n`);
    socket.write(`number,opened_at\n${ROWS(20_000)}`);
    await started;
    socket.destroy();
    await settled;
    expect(await stored(eng)).toHaveLength(0);
    expect(await imports(eng)).toMatchObject({ items: [], ticketCount: 0 });
  });
});
