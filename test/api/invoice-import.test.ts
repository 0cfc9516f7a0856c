import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContract } from '../../src/server/seed/builders/contracts.ts';
import { aRateCardItem } from '../../src/server/seed/builders/costs.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { call, inApp } from '../support/deliverables.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

// Issue 12 §3: invoices imported from an accounting export through a mapping saved by name; all or nothing; every check runs.
let t: TestApp;
let org: TestOrg;
let manager: Login;
let analyst: Login;
const HEADER = 'Inv No;Inv Date;Supplier;Project;Agreement;Cur;Text;Qty;UoM;Price;Net;VAT';
const mapping = {
  name: 'Finance export',
  columns: { number: 'Inv No', invoiceDate: 'Inv Date', vendor: 'Supplier', engagement: 'Project', contract: 'Agreement', currency: 'Cur', description: 'Text', quantity: 'Qty', unit: 'UoM', unitPrice: 'Price', amount: 'Net', tax: 'VAT' },
};

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
  manager = await loginAs(t.database.db, org.users.manager);
  analyst = await loginAs(t.database.db, org.users.analyst);
  const contract = await aContract(inApp(org, t.config), { vendorId: org.vendor.id, engagementIds: [org.engagementId], title: 'Import SOW', currency: 'EUR' });
  await aRateCardItem(inApp(org, t.config), { contractId: contract.id, name: 'Senior developer', unit: 'day', unitPriceMinor: 65_000 });
  expect((await t.app.inject({ method: 'PUT', url: '/api/v1/invoice-mappings', payload: mapping, headers: authHeaders(manager) })).statusCode).toBe(200);
});
afterAll(() => t.close());

const engagementName = async () => (await call(t, manager, 'GET', `/api/v1/engagements/${org.engagementId}`)).json().name as string;
const csv = (rows: string[]) => Buffer.from([HEADER, ...rows].join('\n'));
function importFile(body: Buffer, query = 'mapping=Finance%20export', login = manager, type = 'text/csv') {
  return t.app.inject({ method: 'POST', url: `/api/v1/invoices/import?${query}&fileName=export.csv`, payload: body, headers: { ...authHeaders(login), 'content-type': type } });
}
const invoiceCount = async () => (await call(t, manager, 'GET', `/api/v1/invoices?engagementId=${org.engagementId}`)).json().total as number;

describe('invoice import', () => {
  it('imports two invoices in one go; the overpriced line fails its check exactly as if entered by hand', async () => {
    const eng = await engagementName();
    const v = org.vendor.name;
    const file = csv([
      `IMP-1;2026-03-31;${v};${eng};Import SOW;EUR;Senior developer;3;days;650.00;1950.00;370.50`,
      `IMP-1;2026-03-31;${v};${eng};Import SOW;EUR;Senior developer;1;days;650.00;650.00;123.50`,
      `IMP-2;2026-04-30;${v};${eng};Import SOW;EUR;Senior developer;2;days;720.00;1440.00;0`,
    ]);
    const dry = await importFile(file, 'mapping=finance%20EXPORT&dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, created: 2, lines: 3 });
    expect(await invoiceCount()).toBe(0);

    const res = await importFile(file);
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out.invoices.map((i: { number: string; totalMinor: number; failingChecks: string[] }) => [i.number, i.totalMinor, i.failingChecks.length])).toEqual([
      ['IMP-1', 309_400, 0],
      ['IMP-2', 144_000, 1],
    ]);
    expect(out.invoices[1].failingChecks[0]).toBe(
      'Price above the rate card: Line 1 ("Senior developer") charges €720.00 per day; the rate card allows €650.00 for "Senior developer" on 30 April 2026: €70.00 too much per unit, €140.00 on this line.',
    );
    expect(await invoiceCount()).toBe(2);
    // Saved set-based, each invoice reads as one entered by hand: its lines, its stored check, its row in the history.
    const stored = (await call(t, manager, 'GET', `/api/v1/invoices/${out.invoices[1].id}`)).json();
    expect(stored).toMatchObject({ number: 'IMP-2', status: 'received', subtotalMinor: 144_000, totalMinor: 144_000 });
    expect(stored.lines.map((l: { quantity: string; amountMinor: number }) => [l.quantity, l.amountMinor])).toEqual([['2', 144_000]]);
    expect(stored.checks.map((c: { key: string }) => c.key)).toEqual(['over_rate:line:1']);
    const history = (await call(t, await loginAs(t.database.db, org.users.auditor), 'GET', `/api/v1/audit-events?objectId=${out.invoices[1].id}`)).json().items;
    expect(history.map((e: { action: string; objectLabel: string }) => [e.action, e.objectLabel])).toEqual([['invoice.create', `Invoice IMP-2 of ${v} (€1,440.00)`]]);
    // Importing the same file again: the duplicate check fires on each (same vendor and number).
    const again = (await importFile(file, 'mapping=Finance%20export&dryRun=true')).json();
    expect(again.invoices.every((i: { failingChecks: string[] }) => i.failingChecks.some((c) => c.startsWith('Possible duplicate')))).toBe(true);
    // Imported for real, a duplicate's stored check names the invoice it repeats, to open beside it.
    const dup = (await importFile(csv([`IMP-2;2026-04-30;${v};${eng};Import SOW;EUR;Senior developer;2;days;720.00;1440.00;0`]))).json();
    const dupChecks: Array<{ key: string; relatedInvoices: unknown }> = (await call(t, manager, 'GET', `/api/v1/invoices/${dup.invoices[0].id}`)).json().checks;
    expect(dupChecks.map((c) => [c.key, c.relatedInvoices])).toEqual([
      ['duplicate:number', [{ id: out.invoices[1].id, number: 'IMP-2' }]],
      ['over_rate:line:1', []],
    ]);
  });

  it('stores descriptions exactly as written, quotes, commas, backslashes and SQL included, in the invoice and in its history', async () => {
    const eng = await engagementName();
    const v = org.vendor.name;
    const tricky = 'Support, "premium" \\N tier; night \\. shift\'); DROP TABLE invoices;--';
    const quoted = `"${tricky.replace(/"/g, '""')}"`;
    const res = await importFile(csv([`IMP-Q;2026-05-31;${v};${eng};Import SOW;EUR;${quoted};1;days;650.00;650.00;0`]));
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().invoices[0].id;
    const stored = (await call(t, manager, 'GET', `/api/v1/invoices/${id}`)).json();
    expect(stored.lines[0].description).toBe(tricky);
    const auditor = await loginAs(t.database.db, org.users.auditor);
    const history = async () => (await call(t, auditor, 'GET', `/api/v1/audit-events?objectId=${id}`)).json().items;
    // The create row names the invoice with its note and line count; the lines are the invoice's.
    expect((await history())[0].after).toMatchObject({ number: 'IMP-Q', lineCount: 1, note: 'Imported from export.csv, row 2.' });
    // An edit that replaces the lines keeps them as they were received in its own row.
    const edited = await call(t, manager, 'PATCH', `/api/v1/invoices/${id}`, { lines: [{ description: 'Support, corrected', quantity: '1', unit: 'day', unitPriceMinor: 65_000, amountMinor: 65_000 }] });
    expect(edited.statusCode, edited.body).toBe(200);
    const [update] = await history();
    expect(update.action).toBe('invoice.update');
    expect(update.before.lines.map((l: { position: number; description: string }) => [l.position, l.description])).toEqual([[1, tricky]]);
    expect(update.after.lines.map((l: { description: string }) => l.description)).toEqual(['Support, corrected']);
  });

  it('refuses a bad file naming row and column, and stores nothing: text in an amount, a decimal comma, a number twice', async () => {
    const before = await invoiceCount();
    const v = org.vendor.name;
    const res = await importFile(
      csv([
        `BAD-1;2026-05-31;${v};;;EUR;Senior developer;1;day;six hundred;600.00;0`,
        `BAD-2;2026-05-31;${v};;;EUR;Senior developer;1;day;650,00;650.00;0`,
        `BAD-3;2026-05-31;${v};;;EUR;Project manager;1,5;day;700.00;1050.00;0`,
        `BAD-4;2026-05-31;${v};;;EUR;Support;1;month;100.00;100.00;0`,
        `BAD-5;2026-05-31;${v};;;EUR;Support;1;month;100.00;100.00;0`,
        `BAD-4;2026-05-31;${v};;;EUR;Support again;1;month;100.00;100.00;0`,
      ]),
    );
    expect(res.statusCode).toBe(422);
    const rejected = res.json().error.details.rejected as Array<{ line: number; field: string; reason: string }>;
    expect(rejected.map((r) => [r.line, r.field])).toEqual([
      [2, 'Price'],
      [3, 'Price'],
      [4, 'Qty'],
      [7, 'Inv No'],
    ]);
    expect(rejected[0].reason).toBe('"six hundred" is not an amount.');
    expect(rejected[1].reason).toContain('decimal comma');
    expect(rejected[2].reason).toBe('"1,5" uses a decimal comma; write 1.5.');
    expect(rejected[3].reason).toContain('appears again after other invoices (first at row 5)');
    expect(res.json().error.message).toContain('nothing imported');
    expect(await invoiceCount()).toBe(before);
  });

  it('refuses values the form would refuse too, naming row and column: a date that does not exist, text longer than a field holds, a NUL character, a total past the largest amount', async () => {
    const before = await invoiceCount();
    const v = org.vendor.name;
    const res = await importFile(
      csv([
        `LIM-1;2026-02-30;${v};;;EUR;Support;1;month;100.00;100.00;0`,
        `LIM-2;2026-05-31;${v};;;EUR;${'Very long description '.repeat(30)};1;month;100.00;100.00;0`,
        `${'N'.repeat(101)};2026-05-31;${v};;;EUR;Support;1;month;100.00;100.00;0`,
        `LIM-4;2026-05-31;${v};;;EUR;Support;1;month;100.00;100.00;0`,
        `LIM-5;2026-05-31;${v};;;EUR;Sup\u0000port;1;month;100.00;100.00;0`,
        // Two lines each under the largest amount, together over it.
        `LIM-6;2026-05-31;${v};;;EUR;Big;1;fixed;90071992547409.00;90071992547409.00;0`,
        `LIM-6;2026-05-31;${v};;;EUR;Big;1;fixed;90071992547409.00;90071992547409.00;0`,
      ]),
    );
    expect(res.statusCode, res.body).toBe(422);
    const rejected = res.json().error.details.rejected as Array<{ line: number; field: string; reason: string }>;
    expect(rejected.map((r) => [r.line, r.field])).toEqual([
      [2, 'Inv Date'],
      [3, 'Text'],
      [4, 'Inv No'],
      [6, 'Text'],
      [7, 'Net'],
    ]);
    expect(rejected[0].reason).toMatch(/2026-02-30/);
    expect(rejected[4].reason).toMatch(/more than an amount can hold/);
    expect(rejected[1].reason).toMatch(/500 characters/);
    expect(rejected[2].reason).toMatch(/100 characters/);
    expect(res.json().error.message).toContain('nothing imported');
    expect(await invoiceCount()).toBe(before);
  });

  it('a mapping that does not fit the file, or an unknown one, is refused before any row is read', async () => {
    const wrong = await importFile(Buffer.from('Number;Date;Vendor\nX;2026-01-01;Y'));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.message).toContain('The mapping does not fit the file');
    expect(wrong.json().error.details.rejected[0]).toMatchObject({ line: 1, field: 'Inv No' });
    expect((await importFile(csv([]), 'mapping=Nope')).statusCode).toBe(400);
    expect((await importFile(csv([]), 'mapping=Finance%20export', analyst)).statusCode).toBe(403);
  });

  it('reads an .xlsx export through the same mapping', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Export');
    ws.addRow(HEADER.split(';'));
    ws.addRow(['XL-1', '2026-06-30', org.vendor.name, await engagementName(), 'Import SOW', 'EUR', 'Senior developer', 1, 'day', 650, 650, 0]);
    const res = await importFile(Buffer.from(await wb.xlsx.writeBuffer()), 'mapping=Finance%20export', manager, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().invoices[0]).toMatchObject({ number: 'XL-1', totalMinor: 65_000, failingChecks: [] });
  });
});

describe('editing a saved mapping', () => {
  const put = (url: string, payload: unknown, login = manager) => t.app.inject({ method: 'PUT', url, payload: payload as object, headers: authHeaders(login) });

  it('changes its columns and name; the import then reads the new columns under the new name, and the history keeps both versions', async () => {
    const created = await put('/api/v1/invoice-mappings', { name: 'Edit me', columns: { ...mapping.columns, tax: null } });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as string;
    const res = await put(`/api/v1/invoice-mappings/${id}`, { name: 'Edited export', columns: { ...mapping.columns, number: 'Invoice', tax: 'VAT' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id, name: 'Edited export', columns: { number: 'Invoice', tax: 'VAT' } });
    const names = (await call(t, manager, 'GET', '/api/v1/invoice-mappings')).json().items.map((m: { name: string }) => m.name);
    expect(names).toContain('Edited export');
    expect(names).not.toContain('Edit me');

    const file = Buffer.from(`${HEADER.replace('Inv No', 'Invoice')}\nED-1;2026-07-31;${org.vendor.name};${await engagementName()};Import SOW;EUR;Senior developer;1;day;650.00;650.00;0`);
    const dry = await importFile(file, 'mapping=Edited%20export&dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().invoices[0]).toMatchObject({ number: 'ED-1', failingChecks: [] });
    expect((await importFile(file, 'mapping=Edit%20me&dryRun=true')).statusCode).toBe(400);

    const audit = (await call(t, await loginAs(t.database.db, org.users.owner), 'GET', `/api/v1/audit-events?objectId=${id}`)).json();
    const update = audit.items.find((e: { action: string }) => e.action === 'invoice_mapping.update');
    expect(update.before.name).toBe('Edit me');
    expect(update.after.name).toBe('Edited export');
  });

  it('refuses a name another mapping has, at the name field; an analyst may not edit; a missing mapping is 404', async () => {
    const other = (await put('/api/v1/invoice-mappings', { name: 'Second export', columns: mapping.columns })).json();
    const clash = await put(`/api/v1/invoice-mappings/${other.id}`, { name: 'FINANCE EXPORT', columns: mapping.columns });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().error.details.issues[0]).toMatchObject({ path: 'name' });
    expect(clash.json().error.message).toContain('Another mapping is already called "Finance export"');
    // Renaming a mapping to its own name in other letters is not a clash.
    expect((await put(`/api/v1/invoice-mappings/${other.id}`, { name: 'SECOND export', columns: mapping.columns })).statusCode).toBe(200);
    expect((await put(`/api/v1/invoice-mappings/${other.id}`, { name: 'Second export', columns: mapping.columns }, analyst)).statusCode).toBe(403);
    expect((await put('/api/v1/invoice-mappings/00000000-0000-4000-8000-000000000000', { name: 'X', columns: mapping.columns })).statusCode).toBe(404);
    const bad = await put(`/api/v1/invoice-mappings/${other.id}`, { name: 'Second export', columns: { ...mapping.columns, amount: '' } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('amount');
  });

  it('deletes one: an import naming it is then refused, invoices it imported stay, and the history keeps what it was', async () => {
    const saved = (await put('/api/v1/invoice-mappings', { name: 'Old finance export', columns: mapping.columns })).json();
    const file = Buffer.from(`${HEADER}\nDEL-1;2026-07-31;${org.vendor.name};${await engagementName()};Import SOW;EUR;Senior developer;1;day;650.00;650.00;0`);
    expect((await importFile(file, 'mapping=Old%20finance%20export')).statusCode).toBe(200);
    const del = (id: string, login = manager) => t.app.inject({ method: 'DELETE', url: `/api/v1/invoice-mappings/${id}`, headers: authHeaders(login) });
    expect((await del(saved.id, analyst)).statusCode).toBe(403);
    expect((await del(saved.id)).json()).toEqual({ ok: true });
    expect((await del(saved.id)).statusCode).toBe(404);
    expect((await call(t, manager, 'GET', '/api/v1/invoice-mappings')).json().items.map((m: { name: string }) => m.name)).not.toContain('Old finance export');
    const refused = await importFile(file, 'mapping=Old%20finance%20export&dryRun=true');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0]).toMatchObject({ path: 'mapping', message: expect.stringContaining('No saved invoice mapping is called "Old finance export"') });
    const invoices = (await call(t, manager, 'GET', `/api/v1/invoices?vendorId=${org.vendor.id}&limit=100`)).json().items.map((i: { number: string }) => i.number);
    expect(invoices).toContain('DEL-1');
    const audit = (await call(t, await loginAs(t.database.db, org.users.owner), 'GET', `/api/v1/audit-events?objectId=${saved.id}`)).json();
    expect(audit.items.find((e: { action: string }) => e.action === 'invoice_mapping.delete').before.name).toBe('Old finance export');
  });
});
