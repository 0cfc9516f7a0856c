import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anEngagement, aVendor } from '../../src/server/seed/builders/core.ts';
import { CONTRACT_IMPORT_TEMPLATE } from '../../src/shared/contracts/contracts.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

// Issue 11 §7: contracts come in from a spreadsheet in one step, all or nothing, every error named by row and column.
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Fixture {
  org: TestOrg;
  manager: Login;
  vendorName: string;
  engagementName: string;
}

async function fixture(): Promise<Fixture> {
  const org = await createTestOrg(t.database.db, 'Import');
  const manager = await loginAs(t.database.db, org.users.manager);
  const engagement = (await t.app.inject({ method: 'GET', url: `/api/v1/engagements/${org.engagementId}`, headers: authHeaders(manager) })).json();
  return { org, manager, vendorName: org.vendor.name, engagementName: engagement.name };
}

const importFile = (login: Login, body: string | Buffer, qs = '', contentType = 'text/csv') =>
  t.app.inject({ method: 'POST', url: `/api/v1/contracts/import${qs}`, payload: body, headers: { ...authHeaders(login), 'content-type': contentType } });
const contracts = async (login: Login) =>
  (await t.app.inject({ method: 'GET', url: '/api/v1/contracts?limit=200', headers: authHeaders(login) })).json().items as Array<Record<string, unknown> & { title: string }>;
const HEADER = 'Vendor,Title,Type,Status,Parent,Signed date,Effective date,Initial term end,Renewal,Notice period,Termination for convenience notice,Total value,Annual value,Currency,Internal owner,Engagements';
type Rejection = { line: number; field: string; reason: string };
const rejections = (res: { json(): { error: { details: { rejected: Rejection[] } } } }) => res.json().error.details.rejected;

describe('contracts import', () => {
  it('imports contracts with their dates, values in minor units, parent, owner and engagements, and writes audit rows', async () => {
    const f = await fixture();
    const owner = f.org.users.owner;
    const csv = [
      HEADER,
      // The child comes first: its parent is further down the file.
      `${f.vendorName},SOW 1,statement of work,active,Main MSA,2026-01-10,2026-02-01,2026-12-31,none,30 days,,"1,250.50",,eur,${owner.name},${f.engagementName}`,
      `${f.vendorName.toUpperCase()},Main MSA,Master agreement,Signed,,2025-12-01,2026-01-01,2027-03-31,automatic 12 months,3 months,60 days,120000,40000.5,EUR,${owner.email.toUpperCase()},`,
      `${f.org.otherVendor.name},Yen order,order_form,,,,,,,,,1500000,,JPY,,`,
    ].join('\n');
    const res = await importFile(f.manager, csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 3, dryRun: false, rejected: [] });
    expect(res.json().contracts.map((c: { line: number; title: string }) => [c.line, c.title])).toEqual([
      [2, 'SOW 1'],
      [3, 'Main MSA'],
      [4, 'Yen order'],
    ]);
    const all = await contracts(f.manager);
    const byTitle = new Map(all.map((c) => [c.title, c]));
    const msa = byTitle.get('Main MSA')!;
    expect(msa).toMatchObject({
      type: 'master_agreement',
      status: 'signed',
      vendorId: f.org.vendor.id,
      signedOn: '2025-12-01',
      effectiveOn: '2026-01-01',
      initialTermEnd: '2027-03-31',
      renewalKind: 'automatic',
      renewalMonths: 12,
      noticeUnit: 'months',
      noticeCount: 3,
      convenienceTermination: true,
      convenienceNoticeUnit: 'days',
      convenienceNoticeCount: 60,
      currency: 'EUR',
      totalValueMinor: 12_000_000,
      annualValueMinor: 4_000_050,
      internalOwnerId: owner.id,
    });
    expect(byTitle.get('SOW 1')).toMatchObject({ parentId: msa.id, totalValueMinor: 125_050, internalOwnerId: owner.id, engagements: [{ id: f.org.engagementId, name: f.engagementName }], convenienceTermination: false });
    // The yen has no minor unit: 1,500,000 yen is 1,500,000 minor units.
    expect(byTitle.get('Yen order')).toMatchObject({ vendorId: f.org.otherVendor.id, status: 'draft', currency: 'JPY', totalValueMinor: 1_500_000 });
    const audit = (await t.app.inject({ method: 'GET', url: '/api/v1/audit-events?action=contract.create&limit=50', headers: authHeaders(await loginAs(t.database.db, owner)) })).json();
    expect(audit.items.map((e: { objectId: string }) => e.objectId).sort()).toEqual(all.map((c) => c.id).sort());
  });

  it('names the row and column of every problem, and stores nothing when any row fails', async () => {
    const f = await fixture();
    const other = await aVendor(f.org.handle, { name: `Second ${Date.now()}` });
    const otherEngagement = await anEngagement(f.org.handle, { vendorId: other.id, name: 'Not yours' });
    const stored = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contracts',
      headers: authHeaders(f.manager),
      payload: { vendorId: f.org.vendor.id, type: 'nda', title: 'Existing NDA', status: 'signed' },
    });
    expect(stored.statusCode, stored.body).toBe(201);
    const before = (await contracts(f.manager)).length;
    const v = f.vendorName;
    const csv = [
      HEADER,
      `${v},Good row,nda,,,,,,,,,,,,,`,
      `No Such Vendor Ltd,Orphan,nda,,,,,,,,,,,,,`,
      `${v},Bad date,nda,,,31/01/2026,,,,,,,,,,`,
      `${v},Impossible date,nda,,,2026-02-30,,,,,,,,,,`,
      `${v},Too precise,nda,,,,,,,,,12.345,,EUR,,`,
      `${v},No currency,nda,,,,,,,,,100,,,,`,
      `${v},Existing NDA,nda,,,,,,,,,,,,,`,
      `${v},Good row,nda,,,,,,,,,,,,,`,
      `${v},Who owns it,nda,,,,,,,,,,,,nobody@nowhere.example,`,
      `${v},Wrong engagement,statement_of_work,,,,,,,,,,,,,${otherEngagement.name}`,
      `${v},Odd type,spaceship,,,,,,,,,,,,,`,
      `${v},Orphan SOW,statement of work,,Missing MSA,,,,,,,,,,,`,
      `${v},Bad renewal,nda,,,,,2027-01-01,sometimes,,,,,,,`,
      `${v},Bad notice,nda,,,,,,,a fortnight,,,,,,`,
      `${v},Renews without end,nda,,,,,,automatic,,,,,,,`,
      `${v},Lonely amendment,amendment,,,,,,,,,,,,,`,
      `${v},Odd money,nda,,,,,,,,,100,,EURO,,`,
    ].join('\n');
    const res = await importFile(f.manager, csv);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.message).toContain('nothing was imported');
    const r = rejections(res);
    const at = (line: number) => r.filter((x) => x.line === line).map((x) => `${x.field}: ${x.reason}`);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(['Vendor: No vendor named "No Such Vendor Ltd" in your organisation']);
    expect(at(4)).toEqual(['Signed date: "31/01/2026" is not a date as YYYY-MM-DD (for example 2026-03-31)']);
    expect(at(5)).toEqual(['Signed date: "2026-02-30" is not a day of the calendar']);
    expect(at(6)).toEqual(['Total value: "12.345" has more decimals than EUR has (2).']);
    expect(at(7)).toEqual(['Currency: A value needs its currency']);
    expect(at(8)[0]).toMatch(/^Title: .* already has a contract titled "Existing NDA"/);
    expect(at(9)).toEqual(['Title: Same vendor and title as row 2']);
    expect(at(10)).toEqual(['Internal owner: No active user of your organisation is named or has the e-mail "nobody@nowhere.example"']);
    expect(at(11)).toEqual([`Engagements: "${v}" has no engagement named "Not yours"`]);
    expect(at(12)[0]).toMatch(/^Type: "spaceship" is not a contract type/);
    expect(at(13)).toEqual([`Parent: "${v}" has no contract titled "Missing MSA", stored or in this file`]);
    expect(at(14)[0]).toMatch(/^Renewal: "sometimes" is not a renewal/);
    expect(at(15)[0]).toMatch(/^Notice period: "a fortnight" is not a period/);
    expect(at(16)).toEqual(['Renewal: Say for how many months the contract renews', 'Initial term end: A contract that renews needs the end of its initial term']);
    expect(at(17)).toEqual(['Parent: Name the contract this amendment amends']);
    expect(at(18)).toEqual(['Currency: Expected an ISO 4217 currency code such as EUR or USD']);
    // All or nothing: the good row is not stored either.
    expect((await contracts(f.manager)).length).toBe(before);
  });

  it('refuses unknown and missing columns before reading rows', async () => {
    const f = await fixture();
    const res = await importFile(f.manager, 'Vendor,Titel,Type\nX,Y,nda\n');
    expect(res.statusCode).toBe(422);
    expect(rejections(res).map((x) => [x.line, x.field, x.reason.slice(0, 15)])).toEqual([
      [1, 'Titel', 'Unknown column;'],
      [1, 'Title', 'Required column'],
    ]);
  });

  it('a dry run says what would be created and stores nothing', async () => {
    const f = await fixture();
    const res = await importFile(f.manager, `${HEADER}\n${f.vendorName},Dry one,nda,,,,,,,,,,,,,\n`, '?dryRun=true');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 1, dryRun: true, rejected: [], contracts: [{ line: 2, vendor: f.vendorName, title: 'Dry one', type: 'nda', id: null }] });
    expect(await contracts(f.manager)).toEqual([]);
  });

  it("does not find another organisation's vendor by its name", async () => {
    const f = await fixture();
    const elsewhere = await fixture();
    const res = await importFile(f.manager, `${HEADER}\n${elsewhere.vendorName},Theirs,nda,,,,,,,,,,,,,\n`);
    expect(res.statusCode).toBe(422);
    expect(rejections(res)).toEqual([{ line: 2, field: 'Vendor', reason: `No vendor named "${elsewhere.vendorName}" in your organisation`, value: elsewhere.vendorName }]);
    expect(await contracts(elsewhere.manager)).toEqual([]);
  });

  it('stores formula-looking text as text', async () => {
    const f = await fixture();
    const title = '=HYPERLINK("http://evil.example","click")';
    const csv = `Vendor,Title,Type,Notes\n${f.vendorName},"${title.replace(/"/g, '""')}",nda,"+1 call @home"\n${f.vendorName},'=1+2,nda,-3\n`;
    const res = await importFile(f.manager, csv);
    expect(res.statusCode, res.body).toBe(200);
    const all = await contracts(f.manager);
    expect(all.map((c) => c.title).sort()).toEqual(['=1+2', title].sort());
    expect(all.find((c) => c.title === title)!.notes).toBe('+1 call @home');
  });

  it('reads an .xlsx workbook, its date cells as dates', async () => {
    const f = await fixture();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Contracts');
    ws.addRow(['Vendor', 'Title', 'Type', 'Effective date', 'Total value', 'Currency']);
    ws.addRow([f.vendorName, 'From Excel', 'Order form', new Date(Date.UTC(2026, 5, 30)), 2500.75, 'USD']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await importFile(f.manager, buf, '?fileName=contracts.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.statusCode, res.body).toBe(200);
    expect((await contracts(f.manager))[0]).toMatchObject({ title: 'From Excel', type: 'order_form', effectiveOn: '2026-06-30', totalValueMinor: 250_075, currency: 'USD' });
  });

  it('accepts the template it offers (once its example names exist)', async () => {
    const f = await fixture();
    const res = await importFile(f.manager, CONTRACT_IMPORT_TEMPLATE, '?dryRun=true');
    expect(res.statusCode).toBe(422);
    // Only the names (vendor, owner) are unknown in a new organisation: the shapes of the example row all pass.
    expect(new Set(rejections(res).map((r) => r.field))).toEqual(new Set(['Vendor', 'Internal owner']));
  });

  it('refuses a file over 10 MB with 413 and an analyst with 403', async () => {
    const f = await fixture();
    const big = `Vendor,Title,Type,Notes\n${f.vendorName},Big,nda,${'x'.repeat(11 * 1024 * 1024)}\n`;
    expect((await importFile(f.manager, big)).statusCode).toBe(413);
    const analyst = await loginAs(t.database.db, f.org.users.analyst);
    expect((await importFile(analyst, `${HEADER}\n${f.vendorName},A,nda,,,,,,,,,,,,,\n`)).statusCode).toBe(403);
  });

  it('cuts a long list of problems and says so', async () => {
    const f = await fixture();
    const rows = Array.from({ length: 600 }, (_, i) => `Nobody ${i},T${i},nda`);
    const res = await importFile(f.manager, `Vendor,Title,Type\n${rows.join('\n')}\n`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('The first 500 of 600 are listed.');
    expect(res.json().error.details.rejectedCount).toBe(600);
    expect(rejections(res)).toHaveLength(500);
  });
});
