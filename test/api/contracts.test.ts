import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCalendar } from '../../src/server/seed/builders/sla.ts';
import { anEngagement } from '../../src/server/seed/builders/core.ts';
import { aContract } from '../../src/server/seed/builders/contracts.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

// Issue 11 §1, §2: contracts with their key dates, parent rules, value, notice and the key-dates view.
let t: TestApp;
let org: TestOrg;
let other: TestOrg;
let owner: Login;
let analyst: Login;

beforeAll(async () => {
  t = await createTestApp();
  // Today is 4 December 2026 for every request of this file.
  t.clock.offsetMs = Date.parse('2026-12-04T10:00:00Z') - Date.now();
  org = await createTestOrg(t.database.db, 'Contracts');
  other = await createTestOrg(t.database.db, 'Elsewhere');
  owner = await loginAs(t.database.db, org.users.owner);
  analyst = await loginAs(t.database.db, org.users.analyst);
});
afterAll(() => t.close());

const post = (login: Login, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: authHeaders(login), payload: payload as object });
const patch = (login: Login, url: string, payload: unknown) => t.app.inject({ method: 'PATCH', url, headers: authHeaders(login), payload: payload as object });
const get = (login: Login, url: string) => t.app.inject({ method: 'GET', url, headers: authHeaders(login) });
const issues = (res: { json(): { error: { details?: { issues?: Array<{ path: string }> } } } }) => res.json().error.details?.issues?.map((i) => i.path) ?? [];

const msa = () => ({
  vendorId: org.vendor.id,
  type: 'master_agreement',
  title: 'Master services agreement',
  reference: `MSA-${Math.random().toString(36).slice(2, 8)}`,
  status: 'active',
  effectiveOn: '2026-04-01',
  initialTermEnd: '2027-03-31',
  renewalKind: 'automatic',
  renewalMonths: 12,
  noticeUnit: 'months',
  noticeCount: 3,
  currency: 'eur',
  totalValueMinor: 12_000_000,
  annualValueMinor: 12_000_000,
  engagementIds: [org.engagementId],
});

describe('contracts', () => {
  it('creates a contract with its key dates computed and in words', async () => {
    const res = await post(owner, '/api/v1/contracts', msa());
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.currency).toBe('EUR');
    expect(c.engagements).toEqual([{ id: org.engagementId, name: expect.any(String) }]);
    expect(c.keyDates).toMatchObject({ state: 'renews-unless-notice', termEnd: '2027-03-31', renewsOn: '2027-04-01', noticeDeadline: '2026-12-31', nextNoticeDeadline: '2026-12-31' });
    // 31 December 2026 is a Thursday; 14 days back is 17 December, a Thursday (Monday to Friday without a calendar).
    expect(c.keyDates.decideBy).toBe('2026-12-17');
    expect(c.keyDates.words).toBe('Renews automatically on 1 April 2027 for 12 months unless notice is given by 31 December 2026.');
    expect((await get(analyst, `/api/v1/contracts/${c.id}`)).json().title).toBe('Master services agreement');
  });

  it('refuses bad input naming the field', async () => {
    const cases: Array<[object, string]> = [
      [{ initialTermEnd: '2027-02-30' }, 'initialTermEnd'],
      [{ currency: 'EURO' }, 'currency'],
      [{ currency: 'XYZ' }, 'currency'],
      [{ currency: null }, 'currency'],
      [{ renewalMonths: null }, 'renewalMonths'],
      [{ initialTermEnd: '2026-01-01' }, 'initialTermEnd'],
      [{ totalValueMinor: 12.5 }, 'totalValueMinor'],
      [{ vendorId: other.vendor.id }, 'vendorId'],
      [{ engagementIds: [(await anEngagement(other.handle)).id] }, 'engagementIds.0'],
      [{ engagementIds: [(await anEngagement(org.handle, { vendorId: org.otherVendor.id })).id] }, 'engagementIds.0'],
      [{ internalOwnerId: other.users.owner.id }, 'internalOwnerId'],
      [{ orgId: other.orgId }, ''],
    ];
    for (const [change, field] of cases) {
      const res = await post(owner, '/api/v1/contracts', { ...msa(), ...change });
      expect(res.statusCode, JSON.stringify(change)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, JSON.stringify(change)).toBeLessThan(500);
      if (field) expect(issues(res), JSON.stringify(change)).toContain(field);
    }
  });

  it('keeps parents to the rules: a statement of work under a master agreement of the same vendor, amendments of anything, no cycles', async () => {
    const master = (await post(owner, '/api/v1/contracts', msa())).json();
    const foreign = await aContract(org.handle, { vendorId: org.otherVendor.id });
    const sow = await post(owner, '/api/v1/contracts', { vendorId: org.vendor.id, type: 'statement_of_work', title: 'SOW 1', parentId: master.id });
    expect(sow.statusCode, sow.body).toBe(201);
    expect(sow.json().parentTitle).toBe('Master services agreement');
    expect(issues(await post(owner, '/api/v1/contracts', { vendorId: org.vendor.id, type: 'statement_of_work', title: 'SOW 2', parentId: foreign.id }))).toContain('parentId');
    expect(issues(await post(owner, '/api/v1/contracts', { vendorId: org.vendor.id, type: 'statement_of_work', title: 'SOW 3', parentId: sow.json().id }))).toContain('parentId');
    expect(issues(await post(owner, '/api/v1/contracts', { vendorId: org.vendor.id, type: 'amendment', title: 'Amendment without parent' }))).toContain('parentId');
    const otherOrgs = await aContract(other.handle, { vendorId: other.vendor.id });
    expect(issues(await post(owner, '/api/v1/contracts', { vendorId: org.vendor.id, type: 'amendment', title: 'A', parentId: otherOrgs.id }))).toContain('parentId');
    const amendment = (await post(owner, '/api/v1/contracts', { vendorId: org.vendor.id, type: 'amendment', title: 'Amendment 1', parentId: sow.json().id })).json();
    const amendment2 = (await post(owner, '/api/v1/contracts', { vendorId: org.vendor.id, type: 'amendment', title: 'Amendment 2', parentId: amendment.id })).json();
    // Amendment 1 may not come to amend its own amendment.
    const cycle = await patch(owner, `/api/v1/contracts/${amendment.id}`, { parentId: amendment2.id });
    expect(cycle.statusCode).toBe(400);
    expect(issues(cycle)).toContain('parentId');
  });

  it('moves through statuses sensibly and keeps an archived contract unchanged', async () => {
    const c = (await post(owner, '/api/v1/contracts', { ...msa(), status: 'draft' })).json();
    expect((await patch(owner, `/api/v1/contracts/${c.id}`, { status: 'signed' })).statusCode).toBe(200);
    expect((await patch(owner, `/api/v1/contracts/${c.id}`, { status: 'terminated' })).statusCode).toBe(200);
    const back = await patch(owner, `/api/v1/contracts/${c.id}`, { status: 'active' });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.message).toBe('A contract that is terminated cannot become active.');
    expect((await post(owner, `/api/v1/contracts/${c.id}/archive`, {})).json().archived).toBe(true);
    expect((await patch(owner, `/api/v1/contracts/${c.id}`, { title: 'x' })).statusCode).toBe(409);
    // A change that breaks a rule across fields names the field.
    const d = (await post(owner, '/api/v1/contracts', msa())).json();
    expect(issues(await patch(owner, `/api/v1/contracts/${d.id}`, { renewalMonths: null }))).toContain('renewalMonths');
  });

  it('lists with filters, search and a total', async () => {
    const v = org.otherVendor.id;
    await aContract(org.handle, { vendorId: v, title: 'Findable zebra order', type: 'order_form', status: 'signed' });
    const res = await get(analyst, `/api/v1/contracts?vendorId=${v}&q=zebra&type=order_form&status=signed`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, items: [{ title: 'Findable zebra order' }] });
    const byEngagement = (await get(analyst, `/api/v1/contracts?engagementId=${org.engagementId}`)).json();
    expect(byEngagement.items.every((c: { engagements: Array<{ id: string }> }) => c.engagements.some((e) => e.id === org.engagementId))).toBe(true);
    expect((await get(await loginAs(t.database.db, other.users.owner), `/api/v1/contracts?vendorId=${v}`)).json().total).toBe(0);
  });

  it('records notice: the contract then ends at the end of the term the notice takes effect for', async () => {
    const c = (await post(owner, '/api/v1/contracts', msa())).json();
    expect(issues(await post(owner, `/api/v1/contracts/${c.id}/notice`, { givenOn: '2026-12-24', method: 'letter', givenBy: 'Olivia' }))).toContain('givenOn');
    expect(issues(await post(owner, `/api/v1/contracts/${c.id}/notice`, { givenOn: '2026-12-01', method: 'pigeon', givenBy: 'Olivia' }))).toContain('method');
    const res = await post(owner, `/api/v1/contracts/${c.id}/notice`, { givenOn: '2026-12-01', method: 'letter', givenBy: 'Olivia Owner', note: 'Registered post' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().keyDates).toMatchObject({ state: 'ending-by-notice', termEnd: '2027-03-31', decideBy: null, words: 'Notice was given on 1 December 2026; ends on 31 March 2027.' });
    expect(res.json().notice).toMatchObject({ kind: 'non_renewal', endsOn: '2027-03-31', method: 'letter', givenBy: 'Olivia Owner' });
    expect((await post(owner, `/api/v1/contracts/${c.id}/notice`, { givenOn: '2026-12-02', method: 'email', givenBy: 'Olivia' })).statusCode).toBe(409);
    const letter = await get(analyst, `/api/v1/contracts/${c.id}/notice-letter`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-disposition']).toContain('attachment');
    expect(letter.body).toContain('we do not wish to renew the master agreement "Master services agreement"');
    expect(letter.body).toContain('on 31 March 2027');
    expect(letter.body).toContain("3 months' notice");
    expect((await get(analyst, `/api/v1/contracts/${c.id}/notice-letter?kind=termination`)).statusCode).toBe(409);
  });

  it('moves decide-by onto the business days of the calendar the organisation chose, minus its lead time', async () => {
    const cal = await aCalendar(org.handle, { week: { 1: [{ from: '09:00', to: '17:00' }], 2: [{ from: '09:00', to: '17:00' }], 3: [{ from: '09:00', to: '17:00' }], 4: [{ from: '09:00', to: '17:00' }], 5: [{ from: '09:00', to: '17:00' }] }, holidays: ['2026-12-31', '2026-12-10'] });
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/contracts/settings', headers: authHeaders(analyst), payload: { leadDays: 20 } })).statusCode).toBe(403);
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/contracts/settings', headers: authHeaders(owner), payload: { leadDays: 20, calendarId: cal.id, reminderOffsets: [30, 7] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ leadDays: 20, reminderOffsets: [30, 7], calendarName: cal.name });
    const c = (await post(owner, '/api/v1/contracts', msa())).json();
    // 31 December is a holiday → 30 December; minus 20 days → 10 December, a holiday → 9 December.
    expect(c.keyDates.decideBy).toBe('2026-12-09');
    const bad = await t.app.inject({ method: 'PUT', url: '/api/v1/contracts/settings', headers: authHeaders(owner), payload: { calendarId: (await aCalendar(other.handle)).id } });
    expect(issues(bad)).toContain('calendarId');
    await t.app.inject({ method: 'PUT', url: '/api/v1/contracts/settings', headers: authHeaders(owner), payload: { leadDays: 14, calendarId: null, reminderOffsets: [90, 60, 30, 7] } });
  });

  it('shows key dates across contracts in a window, with custom dates, sorted, and says when the window is wrong', async () => {
    const c = (await post(owner, '/api/v1/contracts', { ...msa(), title: 'Window contract' })).json();
    const added = await post(owner, `/api/v1/contracts/${c.id}/key-dates`, { title: 'Price review', date: '2027-01-15', note: 'Index clause' });
    expect(added.statusCode, added.body).toBe(201);
    expect(issues(await post(owner, `/api/v1/contracts/${c.id}/key-dates`, { title: 'Bad', date: '2027-13-01' }))).toContain('date');
    const view = (await get(analyst, '/api/v1/contracts/key-dates?from=2026-12-01&to=2027-01-31')).json();
    const mine = view.items.filter((e: { contractId: string }) => e.contractId === c.id);
    expect(mine.map((e: { kind: string; date: string }) => [e.kind, e.date])).toEqual([
      ['decide_by', '2026-12-17'],
      ['notice_deadline', '2026-12-31'],
      ['custom', '2027-01-15'],
    ]);
    expect(mine[0].words).toContain('unless notice is given by 31 December 2026');
    expect(view.truncated).toBe(false);
    const dates = view.items.map((e: { date: string }) => e.date);
    expect([...dates].sort()).toEqual(dates);
    expect(issues(await get(analyst, '/api/v1/contracts/key-dates?from=2027-01-01&to=2026-01-01'))).toContain('to');
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/contracts/${c.id}/key-dates/${added.json().id}`, headers: authHeaders(owner) });
    expect(del.statusCode).toBe(200);
    expect((await get(analyst, `/api/v1/contracts/${c.id}/key-dates`)).json().items).toEqual([]);
  });
});

describe('the contracts feed', () => {
  it('is registered, and tells the dashboard about decide-by dates, passed decisions and annual value per currency', async () => {
    const { FEEDS } = await import('../../src/server/feeds/registry.ts');
    const { contractsFeed } = await import('../../src/server/modules/contracts/contracts.public.ts');
    expect(FEEDS).toContain(contractsFeed);
    const o = await createTestOrg(t.database.db, 'Feed');
    const ctx = { ...o.handle.ctx(), now: new Date('2026-12-04T10:00:00Z') };
    const soon = await aContract(o.handle, { vendorId: o.vendor.id, title: 'Soon', initialTermEnd: '2027-03-31', renewalKind: 'automatic', renewalMonths: 12, noticeUnit: 'months', noticeCount: 3, currency: 'EUR', annualValueMinor: 100_00 });
    // Notice deadline 31 December 2026 → decide by 17 December; already passed by 20 December.
    await aContract(o.handle, { vendorId: o.vendor.id, title: 'Dollars', currency: 'USD', annualValueMinor: 50_00 });
    const due = await contractsFeed.due!(ctx, { from: '2026-12-04', to: '2026-12-31' });
    expect(due.filter((d) => d.href === `/contracts/${soon.id}`).map((d) => [d.kind, d.date, d.overdue])).toEqual([
      ['contract_decide_by', '2026-12-17', false],
      ['contract_notice_deadline', '2026-12-31', false],
    ]);
    const late = { ...ctx, now: new Date('2026-12-20T10:00:00Z') };
    const exposures = await contractsFeed.exposures!(late, '2026-12-20');
    expect(exposures[0]).toMatchObject({ key: 'contracts:decide-by-passed', count: 1, examples: [{ label: `Soon (${o.vendor.name}): notice by 31 December 2026` }] });
    expect((await contractsFeed.due!(late, { from: '2026-12-20', to: '2026-12-27' })).find((d) => d.kind === 'contract_decide_by')?.overdue).toBe(true);
    const money = await contractsFeed.money!(ctx, '2026-12-04');
    expect(money[0].amounts).toEqual(expect.arrayContaining([{ currency: 'EUR', amountMinor: 100_00 }, { currency: 'USD', amountMinor: 50_00 }]));
  });
});

describe('signed documents', () => {
  it('are versioned PDFs or Word documents, checked by content and size, downloaded as attachments', async () => {
    const { PDF } = await import('../support/due-diligence.ts');
    const c = (await post(owner, '/api/v1/contracts', msa())).json();
    const up = (name: string, body: Buffer, type = 'application/pdf') => t.app.inject({ method: 'POST', url: `/api/v1/contracts/${c.id}/documents?fileName=${name}`, headers: { ...authHeaders(owner), 'content-type': type }, payload: body });
    const first = await up('signed.pdf', PDF);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ version: 1, fileName: 'signed.pdf', contentType: 'application/pdf' });
    expect((await up('signed-v2.pdf', PDF)).json().version).toBe(2);
    // A PDF by name that is text by content is refused; so is an image.
    expect((await up('fake.pdf', Buffer.from('not a pdf at all, just text'))).statusCode).toBe(415);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e10000000049454e44ae426082', 'hex');
    const image = await up('scan.png', png, 'image/png');
    expect(image.statusCode).toBe(415);
    expect(image.json().error.message).toContain('PDF or a Word document');
    const list = (await get(analyst, `/api/v1/contracts/${c.id}/documents`)).json();
    expect(list.items.map((d: { version: number }) => d.version)).toEqual([2, 1]);
    const dl = await get(analyst, `/api/v1/contracts/${c.id}/documents/${first.json().id}/download`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toContain('attachment');
    expect(dl.rawPayload.equals(PDF)).toBe(true);
  });
});
