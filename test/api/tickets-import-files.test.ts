import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importSummary } from '../../src/cli/commands/tickets.ts';
import { authHeaders } from '../support/factories.ts';
import { ticketImportHarness } from '../support/ticket-imports.ts';

// Issue 8 §1: damaged workbooks, cut-off files, every timestamp shape, and a file imported
// with a format that does not fit it — each said in words, with its own code.
const h = ticketImportHarness();
const { newEngagement, stored, upload } = h;

async function workbook(rows: Array<Array<string | number>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tickets');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const openedAt = async (eng: string) => Object.fromEntries((await stored(eng)).map((x) => [x.externalId, new Date(x.openedAt).toISOString()]));

describe('ticket import: damaged workbooks', () => {
  it('answers a cut-off or corrupt .xlsx with file_damaged, naming the file kind and what to do', async () => {
    const eng = await newEngagement();
    const xlsx = await workbook([['number', 'opened_at'], ...Array.from({ length: 200 }, (_, i) => [`INC${i}`, '2026-03-02 10:00'])]);
    const whole = await upload(eng, xlsx, 'format=servicenow&fileName=tickets.xlsx');
    expect(whole.statusCode, whole.body).toBe(200);

    const cut = await upload(eng, xlsx.subarray(0, Math.floor(xlsx.length / 2)), 'format=servicenow&fileName=tickets.xlsx');
    expect(cut.statusCode).toBe(422);
    expect(cut.json().error).toMatchObject({ code: 'file_damaged', details: { damaged: 'xlsx' } });
    expect(cut.json().error.message).toContain('The Excel workbook (.xlsx) is damaged or cut off');
    expect(cut.json().error.message).toContain('save it again, or export the tickets as CSV');

    const corrupt = Buffer.concat([xlsx.subarray(0, 200), Buffer.alloc(600, 7), xlsx.subarray(800)]);
    const bad = await upload(eng, corrupt, 'format=servicenow');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('file_damaged');
  });

  it('refuses a file named .xlsx that is no workbook, an old .xls, and a ZIP without a worksheet', async () => {
    const eng = await newEngagement();
    const renamed = await upload(eng, Buffer.from('this is not a spreadsheet\x00\x01\x02'), 'format=servicenow&fileName=export.xlsx');
    expect(renamed.statusCode).toBe(422);
    expect(renamed.json().error).toMatchObject({ code: 'file_damaged', details: { damaged: 'xlsx' } });
    expect(renamed.json().error.message).toContain('"export.xlsx" is named .xlsx but is not an Excel workbook');

    const xls = await upload(eng, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'format=servicenow&fileName=export.xls');
    expect(xls.json().error).toMatchObject({ code: 'file_damaged', details: { damaged: 'xls' } });
    expect(xls.json().error.message).toContain('old Excel 97–2003 workbook (.xls)');

    // A ZIP of a CSV: local file header, the name, the bytes, no workbook parts.
    const zip = zipOf('tickets.csv', 'number,opened_at\nINC1,2026-03-02 10:00\n');
    const plain = await upload(eng, zip, 'format=servicenow&fileName=tickets.zip');
    expect(plain.statusCode).toBe(422);
    expect(plain.json().error).toMatchObject({ code: 'file_damaged', details: { damaged: 'zip' } });
    expect(plain.json().error.message).toContain('Unzip it');
    expect(await stored(eng)).toHaveLength(0);
  });
});

describe('ticket import: a CSV cut mid-row', () => {
  it('imports the complete rows, rejects the cut one and says the file looks cut off at its line', async () => {
    const eng = await newEngagement();
    const res = await upload(eng, 'number,opened_at,short_description\nINC1,2026-03-02 10:00,Printer\nINC2,2026-03-02 11:00,Mail\nINC3,2026-03-02 1', 'format=servicenow');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ rowsRead: 3, ticketsCreated: 2, rejectedCount: 1, rejected: [{ line: 4, field: '(file)', reason: 'The file looks cut off here: this last row is incomplete' }] });
    expect(r.warnings).toEqual([expect.objectContaining({ kind: 'cut_off', line: 4 })]);
    expect(r.warnings[0].message).toContain('The file looks cut off at line 4 (the last row has 2 of 3 fields and no line break after it)');
    // The CLI's words carry it after the counts (its --json is this result, warnings included).
    expect(importSummary(r, { id: eng, name: 'Desk', vendorName: 'Acme' }, 'cut.csv')).toMatch(/1 row was rejected[\s\S]*\nWarning: The file looks cut off at line 4/);

    // Inside a quoted field at the end of the file.
    const quoted = await upload(eng, 'number,opened_at,short_description\nINC4,2026-03-02 10:00,"Printer, 2nd floor"\nINC5,2026-03-02 11:00,"Mail is', 'format=servicenow');
    expect(quoted.statusCode, quoted.body).toBe(200);
    expect(quoted.json()).toMatchObject({ ticketsCreated: 1, rejectedCount: 1, warnings: [{ kind: 'cut_off', line: 3 }] });
    expect(Object.keys(await openedAt(eng)).sort()).toEqual(['INC1', 'INC2', 'INC4']);

    // The history says it too, and a complete file without a final line break has no warning.
    const list = await h.t.app.inject({ method: 'GET', url: `/api/v1/engagements/${eng}/ticket-imports`, headers: authHeaders(h.analyst) });
    expect(list.json().items.filter((i: { warnings: unknown[] }) => i.warnings.length)).toHaveLength(2);
    const whole = await upload(eng, 'number,opened_at\nINC6,2026-03-02 10:00', 'format=servicenow');
    expect(whole.json()).toMatchObject({ ticketsCreated: 1, rejectedCount: 0, warnings: [] });
  });
});

describe('ticket import: every common timestamp shape', () => {
  it('reads offsets, AM/PM, T or space and fractional seconds in one file', async () => {
    const eng = await newEngagement();
    const csv = ['number,opened_at', 'A,2024-01-01T12:00:00Z', 'B,2024-01-01 14:00:00.5+02:00', 'C,2024/01/01 14:00 +0200', 'D,2024-01-01 12:00:00', 'E,2024-01-01 12:00 PM'].join('\n') + '\n';
    const res = await upload(eng, csv, 'format=servicenow&timeZone=UTC');
    expect(res.statusCode, res.body).toBe(200);
    expect(await openedAt(eng)).toEqual({ A: '2024-01-01T12:00:00.000Z', B: '2024-01-01T12:00:00.500Z', C: '2024-01-01T12:00:00.000Z', D: '2024-01-01T12:00:00.000Z', E: '2024-01-01T12:00:00.000Z' });
  });

  it('reads Excel serial numbers in the file zone and epoch seconds or milliseconds, detected from the column', async () => {
    const eng = await newEngagement();
    const csv = ['number,opened_at,resolved_at', 'X1,45292.5,1704114000', 'X2,45292.75,1704114000000', 'X3,45293,'].join('\n') + '\n';
    const res = await upload(eng, csv, 'format=servicenow&timeZone=Europe/Berlin');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ticketsCreated: 3, rejectedCount: 0 });
    const t = Object.fromEntries((await stored(eng)).map((x) => [x.externalId, x]));
    expect(new Date(t.X1.openedAt).toISOString()).toBe('2024-01-01T11:00:00.000Z'); // 12:00 in Berlin
    expect(new Date(t.X1.resolvedAt!).toISOString()).toBe('2024-01-01T13:00:00.000Z');
    expect(new Date(t.X2.resolvedAt!).toISOString()).toBe('2024-01-01T13:00:00.000Z');

    // An Excel workbook whose date column is formatted as numbers reads the same.
    const eng2 = await newEngagement();
    const xlsx = await workbook([['number', 'opened_at'], ['W1', 45292.5], ['W2', 45293.25]]);
    expect((await upload(eng2, xlsx, 'format=servicenow&timeZone=UTC')).json()).toMatchObject({ ticketsCreated: 2, rejectedCount: 0 });
    expect(await openedAt(eng2)).toEqual({ W1: '2024-01-01T12:00:00.000Z', W2: '2024-01-02T06:00:00.000Z' });
  });

  it('names the real cause of a rejection, never a wrong order when the order was fine', async () => {
    const eng = await newEngagement();
    const csv = ['number,opened_at', ...Array.from({ length: 6 }, (_, i) => `G${i},2024-01-0${i + 1} 10:00`), 'B1,2024-01-01T10:00+15:00', 'B2,2024-02-30 10:00', 'B3,2024-01-01 13:00 PM', 'B4,45292.5'].join('\n') + '\n';
    const res = await upload(eng, csv, 'format=servicenow');
    expect(res.statusCode, res.body).toBe(200);
    const reasons = Object.fromEntries(res.json().rejected.map((r: { line: number; reason: string }) => [r.line, r.reason]));
    expect(reasons).toEqual({
      8: 'The offset is not a valid UTC offset (-14:00 to +14:00)',
      9: 'That day does not exist in that month',
      10: 'With AM/PM the hour must be 1 to 12',
      11: 'A number among dates: numbers are read as Excel serial numbers or epoch times only when most of the column is numbers',
    });

    const serials = await upload(eng, 'number,opened_at\nS1,45292.5\nS2,250000\nS3,45293\n', 'format=servicenow');
    expect(serials.json().rejected).toEqual([{ line: 3, field: 'opened_at', reason: 'Excel serial number out of range (61 to 109575: years 1900 to 2199)', value: '250000' }]);
  });
});

describe('ticket import: a file that looks like another export', () => {
  const eventLog = ['number,incident_state,sys_updated_at,sys_mod_count,opened_at', 'INC1,New,2016-02-29 01:16,0,2016-02-29 01:16', 'INC1,Active,2016-02-29 02:00,1,2016-02-29 01:16', 'INC1,Resolved,2016-02-29 05:00,2,2016-02-29 01:16'].join('\n') + '\n';

  it('says a ServiceNow event log imported as an incident list looks like one, in the result', async () => {
    const eng = await newEngagement();
    const res = await upload(eng, eventLog, 'format=servicenow');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().warnings).toEqual([expect.objectContaining({ kind: 'other_export' })]);
    expect(res.json().warnings[0].message).toContain('This file has `incident_state` and `sys_updated_at` columns: it looks like a ServiceNow event log');
    const right = await upload(eng, eventLog, 'format=servicenow-events');
    expect(right.json().warnings).toEqual([]);
  });

  it('names it in the refusal when the mapping does not fit the file', async () => {
    const eng = await newEngagement();
    const mapping = JSON.stringify({ shape: 'tickets', columns: { externalId: 'number', openedAt: 'Opened' }, timeZone: 'UTC' });
    const res = await upload(eng, eventLog, `format=generic&mapping=${encodeURIComponent(mapping)}`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('import_rejected');
    expect(res.json().error.message).toContain('The file has no column "Opened"');
    expect(res.json().error.message).toContain('it looks like a ServiceNow event log (one row per update)');
    expect(res.json().error.details.hint).toContain('servicenow-events');
  });
});

/** A one-entry ZIP archive (stored, no compression): enough to be a ZIP that is not a workbook. */
function zipOf(name: string, text: string): Buffer {
  const data = Buffer.from(text);
  const fname = Buffer.from(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fname.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fname.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + fname.length, 12);
  end.writeUInt32LE(30 + fname.length + data.length, 16);
  return Buffer.concat([local, fname, data, central, fname, end]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
