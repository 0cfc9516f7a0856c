import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { authHeaders, createTestOrg, loginAs, type Login } from '../support/factories.ts';

let t: TestApp;
let manager: Login;

beforeAll(async () => {
  t = await createTestApp();
  manager = await loginAs(t.database.db, (await createTestOrg(t.database.db)).users.manager);
});
afterAll(() => t.close());

const importCsv = (body: string | Buffer, qs = '', login = manager) =>
  t.app.inject({ method: 'POST', url: `/api/v1/vendors/import${qs}`, payload: body, headers: { ...authHeaders(login), 'content-type': 'text/csv' } });
const names = async (login = manager) =>
  (await t.app.inject({ method: 'GET', url: '/api/v1/vendors?limit=200', headers: authHeaders(login) })).json().items.map((v: { name: string }) => v.name);

describe('vendor CSV import', () => {
  it('imports, then re-imports idempotently, updating only the columns present', async () => {
    const m = await loginAs(t.database.db, (await createTestOrg(t.database.db)).users.manager);
    const csv = 'name,kind,tier,tags,country\nCsv One,saas,2,a;b,de\n"Csv, Two",help_desk,3,,\n';
    const first = await importCsv(csv, '', m);
    expect(first.json()).toEqual({ created: 2, updated: 0, rejected: [] });
    const again = await importCsv('name,tier\ncsv one,1\n', '', m);
    expect(again.json()).toEqual({ created: 0, updated: 1, rejected: [] });
    const one = (await t.app.inject({ method: 'GET', url: '/api/v1/vendors?q=Csv%20One', headers: authHeaders(m) })).json().items[0];
    expect(one).toMatchObject({ tier: 1, tags: ['a', 'b'], country: 'DE', kind: 'saas' });
    expect((await names(m)).filter((x: string) => x.startsWith('Csv'))).toEqual(['Csv One', 'Csv, Two']);
  });

  it('reports every rejected row with line, field and reason, and stores nothing of the batch', async () => {
    const before = await names();
    const csv = [
      'name,kind,tier,contact_email',
      'Good Vendor,saas,2,a@b.example',
      'Bad Kind,spaceship,2,',
      '"Multi',
      'line name",saas,7,',
      ',saas,1,not-an-email',
      'Good Vendor,saas,1,',
    ].join('\n');
    const res = await importCsv(csv);
    expect(res.statusCode).toBe(422);
    const { code, details } = res.json().error;
    expect(code).toBe('import_rejected');
    const rows = details.rejected.map((r: { line: number; field: string }) => `${r.line}:${r.field}`);
    expect(rows).toEqual(['3:kind', '4:tier', '6:name', '6:contact_email', '7:name']);
    expect(details.rejected.find((r: { line: number }) => r.line === 7).reason).toMatch(/line 2/);
    expect(await names()).toEqual(before);
  });

  it('dry run validates and counts without storing', async () => {
    const before = await names();
    const res = await importCsv('name,kind\nDry Run Co,saas\n', '?dryRun=true');
    expect(res.json()).toEqual({ created: 1, updated: 0, rejected: [] });
    expect(await names()).toEqual(before);
  });

  it('reads semicolons, a BOM, UTF-16 and Windows-1252', async () => {
    const m = await loginAs(t.database.db, (await createTestOrg(t.database.db)).users.manager);
    expect((await importCsv('\ufeffname;kind\nSemi Müller;saas\n', '', m)).json().created).toBe(1);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name,kind\nUtf Sixteen Ärger,saas\n', 'utf16le')]);
    expect((await importCsv(utf16, '', m)).json().created).toBe(1);
    const cp1252 = Buffer.from('name,kind\nWin Caf\xe9,saas\n', 'latin1');
    expect((await importCsv(cp1252, '', m)).json().created).toBe(1);
    expect(await names(m)).toEqual(expect.arrayContaining(['Semi Müller', 'Utf Sixteen Ärger', 'Win Café']));
  });

  it('refuses an empty file, unknown columns, broken quotes and ragged rows with clear errors', async () => {
    const empty = await importCsv('');
    expect(empty.statusCode).toBe(422);
    const unknown = await importCsv('name,kind,salary\nX,saas,1\n');
    expect(unknown.json().error.details.rejected[0]).toMatchObject({ line: 1, field: 'salary' });
    const broken = await importCsv('name,kind\n"Unclosed,saas\nNext,saas\n');
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error.details.rejected[0].field).toBe('(file)');
    const ragged = await importCsv('name,kind\nRagged,saas,extra\n');
    expect(ragged.json().error.details.rejected[0]).toMatchObject({ line: 2, field: '(row)' });
    const headerOnly = await importCsv('name,kind\n');
    expect(headerOnly.statusCode).toBe(422);
  });

  it('says a workbook or archive is not CSV instead of reading its bytes as columns', async () => {
    const res = await importCsv(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('The file is an Excel workbook (.xlsx) or another ZIP archive, not a text file; nothing was imported. Save or export it as CSV');
  });

  it('refuses a file over 10 MB with 413', async () => {
    const big = 'name,kind,notes\n' + `Big,saas,${'x'.repeat(11 * 1024 * 1024)}\n`;
    const res = await importCsv(big);
    expect(res.statusCode).toBe(413);
  });
});

describe('vendor CSV export', () => {
  it('neutralises spreadsheet formulas and round-trips through import', async () => {
    const o = await createTestOrg(t.database.db);
    const m = await loginAs(t.database.db, o.users.manager);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/vendors',
      headers: authHeaders(m),
      payload: { name: '=HYPERLINK("http://evil.example","click")', kind: 'saas', notes: '+1 line\nsecond, "quoted"', tags: ['@risk'] },
    });
    expect(created.statusCode).toBe(201);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/vendors/export.csv', headers: authHeaders(m) });
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="vendors-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = res.body.split('\n');
    expect(res.body).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(res.body).toContain("'@risk");
    expect(lines.length).toBeGreaterThan(3);
    // Importing the export into the same organisation changes nothing but updates in place.
    const again = await importCsv(res.body, '', m);
    expect(again.json()).toEqual({ created: 0, updated: 3, rejected: [] });
    const v = (await t.app.inject({ method: 'GET', url: `/api/v1/vendors/${created.json().id}`, headers: authHeaders(m) })).json();
    expect(v.name).toBe('=HYPERLINK("http://evil.example","click")');
    expect(v.notes).toBe('+1 line\nsecond, "quoted"');
    expect(v.tags).toEqual(['@risk']);
  });
});

describe('vendor CSV round trip (issue 8 §7)', () => {
  it('returns identical values after export then import, phone numbers and formula-like text included', async () => {
    const o = await createTestOrg(t.database.db);
    const m = await loginAs(t.database.db, o.users.manager);
    const input = { name: 'Telefónica Round Trip', kind: 'saas', contactName: 'Ana', contactPhone: '+34 91 555 0100', notes: '-5 % on renewal; @legal to check\n=SUM is not a formula', tags: ['+eu', 'phone'] };
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/vendors', headers: authHeaders(m), payload: input });
    expect(created.statusCode, created.body).toBe(201);
    const before = (await t.app.inject({ method: 'GET', url: `/api/v1/vendors/${created.json().id}`, headers: authHeaders(m) })).json();
    const exported = await t.app.inject({ method: 'GET', url: '/api/v1/vendors/export.csv', headers: authHeaders(m) });
    expect(exported.body).toContain("'+34 91 555 0100"); // guarded in the file a spreadsheet opens
    const again = await importCsv(exported.body, '', m);
    expect(again.json()).toMatchObject({ created: 0, rejected: [] });
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/vendors/${created.json().id}`, headers: authHeaders(m) })).json();
    expect(after.contactPhone).toBe('+34 91 555 0100');
    const fields = ['name', 'kind', 'contactName', 'contactPhone', 'notes', 'tags', 'tier', 'country', 'website'] as const;
    for (const f of fields) expect(after[f], f).toEqual(before[f]);
  });
});

// Issue 9 §4: a header of a million unknown columns once built a 222 MB refusal.
describe('vendor CSV import: bounded refusals', () => {
  it('refuses a header of a million unknown columns (8 MB) with a small answer, storing nothing', async () => {
    const before = await names();
    const header = `name,${Array.from({ length: 1_000_000 }, (_, i) => `x${i}`).join(',')}`;
    expect(header.length).toBeGreaterThan(7_000_000);
    const res = await importCsv(`${header}\nWide Vendor,saas\n`);
    expect(res.statusCode).toBe(422);
    expect(res.body.length).toBeLessThan(5_000);
    expect(res.json().error.details.rejected).toEqual([{ line: 1, field: '(row)', reason: 'Row longer than 100,000 characters' }]);
    expect(await names()).toEqual(before);
  });

  it('refuses a row of more than 100 columns, however short, naming its line', async () => {
    const empty = await importCsv(`name,kind\nOk Vendor,saas\nWide,saas${','.repeat(1_000_000)}\n`);
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.message).toContain('Line 3 has 1,000,002 columns; a vendor list has at most 100');
    expect(empty.json().error.details.rejected).toEqual([{ line: 3, field: '(row)', reason: 'More than 100 columns' }]);
  });

  it('names the first 20 unknown columns and counts the rest', async () => {
    const res = await importCsv(`name,kind,${Array.from({ length: 50 }, (_, i) => `extra_${i}`).join(',')}\nA Vendor,saas${',x'.repeat(50)}\n`);
    expect(res.statusCode).toBe(422);
    const rejected = res.json().error.details.rejected as Array<{ field: string; reason: string }>;
    expect(rejected).toHaveLength(21);
    expect(rejected.slice(0, 20).map((r) => r.field)).toEqual(Array.from({ length: 20 }, (_, i) => `extra_${i}`));
    expect(rejected[20]).toEqual({ line: 1, field: '(header)', reason: '30 more unknown columns' });
  });
});
