import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, civilDateIn } from '../../src/domain/civil-date.ts';
import { vendorOnTimeRate } from '../../src/server/modules/deliverables/deliverables.public.ts';
import { anEngagement, anOrg, aUser, aVendor } from '../../src/server/seed/builders/core.ts';
import { aDeliverable, aMilestone } from '../../src/server/seed/builders/deliverables.ts';
import { SMALL_PDF } from '../../src/server/seed/builders/due-diligence.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { call, inApp, upload } from '../support/deliverables.ts';
import { createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

// Issue 11 §4 and §6: deliverables with acceptance criteria, grace days, the review and the vendor's side in the portal.
let t: TestApp;
let org: TestOrg;
let owner: Login;
let manager: Login;
let analyst: Login;
let contact: Login;
let otherContact: Login;
const today = () => civilDateIn(new Date(), 'UTC');

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
  owner = await loginAs(t.database.db, org.users.owner);
  manager = await loginAs(t.database.db, org.users.manager);
  analyst = await loginAs(t.database.db, org.users.analyst);
  contact = await loginAs(t.database.db, org.users.vendor_contact);
  const other = await aUser(org.handle, { role: 'vendor_contact', vendorId: org.otherVendor.id });
  otherContact = await loginAs(t.database.db, { ...other, orgId: org.orgId });
});
afterAll(() => t.close());

const h = () => inApp(org, t.config);

describe('a deliverable from plan to acceptance', () => {
  it('the vendor submits in the portal with a file, the reviewer rejects with a reason, the vendor resubmits and it is accepted with every criterion ticked', async () => {
    const created = await call(t, manager, 'POST', '/api/v1/deliverables', {
      engagementId: org.engagementId,
      title: 'Monthly service report – November',
      criteria: ['Covers every ticket of the month', 'Lists SLA breaches with causes'],
      dueDate: addDays(today(), 10),
      graceDays: 3,
      internalNote: 'Check the breach list against our own numbers.',
    });
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json();
    expect(d).toMatchObject({ status: 'planned', graceDays: 3, criteria: [{ text: 'Covers every ticket of the month', met: null }, { text: 'Lists SLA breaches with causes', met: null }] });
    expect(d.lateness.words).toContain('3 days of grace');

    // The vendor sees it in the portal: criteria, due date, no internal note.
    const list = await call(t, contact, 'GET', '/api/v1/portal/deliverables');
    expect(list.statusCode).toBe(200);
    const mine = list.json().items.find((x: { id: string }) => x.id === d.id);
    expect(mine).toMatchObject({ title: 'Monthly service report – November', canSubmit: true });
    expect(list.body).not.toContain('Check the breach list');
    expect(mine).not.toHaveProperty('internalNote');

    const file = await upload(t, contact, d.id, SMALL_PDF, 'november.pdf');
    expect(file.statusCode, file.body).toBe(201);
    expect(file.json()).toMatchObject({ fileName: 'november.pdf', contentType: 'application/pdf', submitted: false });
    const submitted = await call(t, contact, 'POST', `/api/v1/portal/deliverables/${d.id}/submit`, { note: 'Report attached.', fileIds: [file.json().id] });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', canSubmit: false, submissions: [{ round: 1, note: 'Report attached.', files: [{ fileName: 'november.pdf', submitted: true }] }] });

    const rejected = await call(t, manager, 'POST', `/api/v1/deliverables/${d.id}/reject`, { reason: 'The SLA breaches have no causes.', criteriaMet: [true, false] });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectionReason: 'The SLA breaches have no causes.', criteria: [{ met: true }, { met: false }] });

    const seen = await call(t, contact, 'GET', `/api/v1/portal/deliverables/${d.id}`);
    expect(seen.json()).toMatchObject({ status: 'rejected', rejectionReason: 'The SLA breaches have no causes.', canSubmit: true, submissions: [{ decision: 'rejected', decisionReason: 'The SLA breaches have no causes.' }] });

    const again = await call(t, contact, 'POST', `/api/v1/portal/deliverables/${d.id}/submit`, { note: 'Causes added for each breach.' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().submissions.map((s: { round: number }) => s.round)).toEqual([1, 2]);

    const accepted = await call(t, owner, 'POST', `/api/v1/deliverables/${d.id}/accept`, { criteriaMet: [true, true] });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', acceptedOn: today(), decidedByName: org.users.owner.name, rejectionReason: null, lateness: { late: false } });
    expect(accepted.json().submissions[1]).toMatchObject({ decision: 'accepted', decidedByName: org.users.owner.name });

    // The file downloads for the reviewer and for the vendor, as an attachment.
    const fileId = accepted.json().submissions[0].files[0].id;
    const dl = await call(t, analyst, 'GET', `/api/v1/deliverable-files/${fileId}/download`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toContain('attachment');
    expect((await call(t, contact, 'GET', `/api/v1/portal/deliverable-files/${fileId}/download`)).statusCode).toBe(200);
    expect((await call(t, otherContact, 'GET', `/api/v1/portal/deliverable-files/${fileId}/download`)).statusCode).toBe(404);

    // The audit trail tells the story in words.
    const audit = await call(t, owner, 'GET', `/api/v1/audit-events?objectId=${d.id}`);
    const labels = audit.json().items.map((e: { actionLabel: string }) => e.actionLabel);
    expect(labels).toEqual(expect.arrayContaining(['created deliverable', 'submitted deliverable', 'rejected deliverable', 'resubmitted deliverable', 'accepted deliverable']));
  });

  it("a vendor contact never sees another vendor's deliverables, nor payments, nor the internal side", async () => {
    const theirs = await aDeliverable(h(), { engagementId: (await anEngagement(org.handle, { vendorId: org.otherVendor.id })).id, title: 'Other vendor report' });
    expect((await call(t, contact, 'GET', `/api/v1/portal/deliverables/${theirs.id}`)).statusCode).toBe(404);
    expect((await call(t, contact, 'POST', `/api/v1/portal/deliverables/${theirs.id}/submit`, { note: 'x' })).statusCode).toBe(404);
    expect((await upload(t, contact, theirs.id, SMALL_PDF)).statusCode).toBe(404);
    const list = await call(t, contact, 'GET', '/api/v1/portal/deliverables');
    expect(list.body).not.toContain(theirs.id);
    expect((await call(t, contact, 'GET', '/api/v1/payments')).statusCode).toBe(403);
    expect((await call(t, contact, 'GET', `/api/v1/deliverables/${theirs.id}`)).statusCode).toBe(403);
  });
});

describe('state rules, in words', () => {
  it('only a submitted deliverable is decided; an accepted one is settled; the vendor cannot submit what waits for review', async () => {
    const planned = await aDeliverable(h(), { engagementId: org.engagementId });
    const early = await call(t, owner, 'POST', `/api/v1/deliverables/${planned.id}/accept`, { criteriaMet: [true, true] });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('The deliverable is still planned; only a submitted deliverable can be accepted.');

    const waiting = await aDeliverable(h(), { engagementId: org.engagementId, state: 'submitted', contact: org.users.vendor_contact });
    const twice = await call(t, contact, 'POST', `/api/v1/portal/deliverables/${waiting.id}/submit`, { note: 'again' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('waits for review');
    expect((await upload(t, contact, waiting.id, SMALL_PDF)).statusCode).toBe(409);

    const accepted = await aDeliverable(h(), { engagementId: org.engagementId, state: 'accepted', contact: org.users.vendor_contact });
    const edit = await call(t, manager, 'PATCH', `/api/v1/deliverables/${accepted.id}`, { title: 'Renamed' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe('An accepted deliverable is settled; it can no longer be edited.');
    expect((await call(t, manager, 'POST', `/api/v1/deliverables/${accepted.id}/reject`, { reason: 'late thoughts' })).statusCode).toBe(409);
    expect((await call(t, manager, 'POST', `/api/v1/deliverables/${accepted.id}/status`, { status: 'planned' })).statusCode).toBe(409);
  });

  it('accepting needs every criterion ticked and met; otherwise it says to reject with a reason', async () => {
    const d = await aDeliverable(h(), { engagementId: org.engagementId, state: 'submitted', contact: org.users.vendor_contact, criteria: ['Runs', 'Documented', 'Tested'] });
    const short = await call(t, owner, 'POST', `/api/v1/deliverables/${d.id}/accept`, { criteriaMet: [true, true] });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.issues[0]).toMatchObject({ path: 'criteriaMet', message: 'Tick each of the 3 acceptance criteria (2 given).' });
    const unmet = await call(t, owner, 'POST', `/api/v1/deliverables/${d.id}/accept`, { criteriaMet: [true, false, true] });
    expect(unmet.statusCode).toBe(400);
    expect(unmet.json().error.details.issues[0].message).toContain('"Documented"');
    expect((await call(t, owner, 'GET', `/api/v1/deliverables/${d.id}`)).json().status).toBe('submitted');
    const noReason = await call(t, owner, 'POST', `/api/v1/deliverables/${d.id}/reject`, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json().error.details.issues)).toContain('reason');
  });

  it('uploads are checked by their content and size, like evidence', async () => {
    const d = await aDeliverable(h(), { engagementId: org.engagementId });
    const exe = await upload(t, contact, d.id, Buffer.from('MZ\x90\x00 not a document at all'), 'report.pdf');
    expect(exe.statusCode).toBe(415);
    const empty = await upload(t, contact, d.id, Buffer.alloc(0), 'empty.pdf');
    expect(empty.statusCode).toBe(400);
    const small = await createTestApp({ maxUploadBytes: 16 });
    try {
      const so = await createTestOrg(small.database.db);
      const sd = await aDeliverable(inApp(so, small.config), { engagementId: so.engagementId });
      const big = await upload(small, await loginAs(small.database.db, so.users.vendor_contact), sd.id, SMALL_PDF);
      expect(big.statusCode).toBe(413);
    } finally {
      await small.close();
    }
    const missingFile = await call(t, contact, 'POST', `/api/v1/portal/deliverables/${d.id}/submit`, { fileIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(missingFile.statusCode).toBe(400);
    expect(missingFile.json().error.details.issues[0].path).toBe('fileIds');
    const nothing = await call(t, contact, 'POST', `/api/v1/portal/deliverables/${d.id}/submit`, {});
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().error.details.issues[0].path).toBe('note');
  });
});

describe('lateness with grace and the on-time rate', () => {
  it('a deliverable is late only once due date plus grace has passed without acceptance, said in words', async () => {
    const due = addDays(today(), -10);
    const inGrace = await aDeliverable(h(), { engagementId: org.engagementId, dueDate: due, graceDays: 15 });
    expect(inGrace.lateness).toMatchObject({ late: false, daysLate: 0, deadline: addDays(due, 15) });
    expect(inGrace.lateness.words).toMatch(/^Past its due date .*within the grace/);
    const late = await aDeliverable(h(), { engagementId: org.engagementId, dueDate: due, graceDays: 4 });
    expect(late.lateness).toMatchObject({ late: true, daysLate: 6 });
    expect(late.lateness.words).toMatch(/^6 days late: due .* with 4 days of grace/);
    const acceptedLate = await aDeliverable(h(), { engagementId: org.engagementId, dueDate: due, graceDays: 2, state: 'accepted', contact: org.users.vendor_contact });
    expect(acceptedLate.lateness).toMatchObject({ late: true, daysLate: 8 });
    expect(acceptedLate.lateness.words).toMatch(/^Accepted 8 days late/);

    const lateOnly = await call(t, analyst, 'GET', `/api/v1/deliverables?engagementId=${org.engagementId}&late=true&limit=200`);
    const ids = lateOnly.json().items.map((x: { id: string }) => x.id);
    expect(ids).toContain(late.id);
    expect(ids).toContain(acceptedLate.id);
    expect(ids).not.toContain(inGrace.id);
  });

  it('per quarter and per month of the deadline: accepted in time, accepted late, open and late; open and in time is not judged', async () => {
    let clock = new Date('2026-02-10T09:00:00Z');
    const o = await anOrg({ db: t.database.db, config: t.config, now: () => clock });
    const vendor = await aVendor(o, { name: 'Clocked vendor' });
    const eng = await anEngagement(o, { vendorId: vendor.id });
    const contactUser = await aUser(o, { role: 'vendor_contact', vendorId: vendor.id });
    // Q1: one accepted on time (due 2026-02-15), one accepted late (due 2026-01-20, grace 5 → deadline 01-25, accepted 02-10).
    await aDeliverable(o, { engagementId: eng.id, dueDate: '2026-02-15', state: 'accepted', contact: contactUser });
    await aDeliverable(o, { engagementId: eng.id, dueDate: '2026-01-20', graceDays: 5, state: 'accepted', contact: contactUser });
    clock = new Date('2026-05-20T09:00:00Z');
    // Q2: one open past its deadline (late), one accepted on time; one open still in time (not judged).
    await aDeliverable(o, { engagementId: eng.id, dueDate: '2026-05-01', state: 'rejected', contact: contactUser });
    await aDeliverable(o, { engagementId: eng.id, dueDate: '2026-05-25', state: 'accepted', contact: contactUser });
    await aDeliverable(o, { engagementId: eng.id, dueDate: '2026-06-30' });

    const r = await vendorOnTimeRate(o.ctx(), vendor.id, 'quarter');
    expect(r.overall).toEqual({ onTime: 2, late: 2, rate: 0.5 });
    expect(r.open).toBe(1);
    expect(r.periods).toEqual([
      { period: '2026-Q1', label: 'Q1 2026', onTime: 1, late: 1, rate: 0.5 },
      { period: '2026-Q2', label: 'Q2 2026', onTime: 1, late: 1, rate: 0.5 },
    ]);
    const m = await vendorOnTimeRate(o.ctx(), vendor.id, 'month');
    expect(m.periods.map((p) => [p.label, p.onTime, p.late])).toEqual([
      ['January 2026', 0, 1],
      ['February 2026', 1, 0],
      ['May 2026', 1, 1],
    ]);
    // Nothing judged is "not measured", never 100 %.
    const fresh = await aVendor(o);
    expect((await vendorOnTimeRate(o.ctx(), fresh.id, 'quarter')).overall.rate).toBeNull();
  });

  it('the on-time rate route answers per quarter for the vendor page', async () => {
    const res = await call(t, analyst, 'GET', `/api/v1/vendors/${org.vendor.id}/on-time-rate?by=month`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ vendorId: org.vendor.id, by: 'month' });
    expect((await call(t, analyst, 'GET', `/api/v1/vendors/${org.vendor.id}/on-time-rate?by=week`)).statusCode).toBe(400);
  });
});

describe('milestones', () => {
  it('group deliverables in order and count what is accepted', async () => {
    const eng = await anEngagement(org.handle, { vendorId: org.vendor.id });
    const second = await call(t, manager, 'POST', '/api/v1/milestones', { engagementId: eng.id, name: 'Go-live', position: 2 });
    const first = await call(t, manager, 'POST', '/api/v1/milestones', { engagementId: eng.id, name: 'Design', position: 1, dueDate: '2026-03-31' });
    expect(first.statusCode, first.body).toBe(201);
    await aDeliverable(h(), { engagementId: eng.id, milestoneId: first.json().id, state: 'accepted', contact: org.users.vendor_contact });
    await aDeliverable(h(), { engagementId: eng.id, milestoneId: first.json().id });
    const list = await call(t, analyst, 'GET', `/api/v1/milestones?engagementId=${eng.id}`);
    expect(list.json().items.map((m: { name: string; deliverableCount: number; acceptedCount: number }) => [m.name, m.deliverableCount, m.acceptedCount])).toEqual([
      ['Design', 2, 1],
      ['Go-live', 0, 0],
    ]);
    const renamed = await call(t, manager, 'PATCH', `/api/v1/milestones/${second.json().id}`, { name: 'Go-live and hand-over' });
    expect(renamed.json().name).toBe('Go-live and hand-over');
    // A milestone of another engagement is an invalid field, not a 404.
    const elsewhere = await aMilestone(h(), { engagementId: org.engagementId });
    const wrong = await call(t, manager, 'POST', '/api/v1/deliverables', { engagementId: eng.id, milestoneId: elsewhere.id, title: 'X', dueDate: '2026-04-01' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0]).toMatchObject({ path: 'milestoneId', message: 'The milestone belongs to another engagement.' });
  });
});

describe('bad input on every deliverable write route', () => {
  it('names the field: wrong types, floats, unknown keys, foreign ids', async () => {
    const foreign = await createTestOrg(t.database.db, 'Foreign');
    const foreignMilestone = await aMilestone(inApp(foreign, t.config), { engagementId: foreign.engagementId });
    const d = await aDeliverable(h(), { engagementId: org.engagementId, state: 'submitted', contact: org.users.vendor_contact });
    const m = await aMilestone(h(), { engagementId: org.engagementId });
    const cases: Array<[string, 'POST' | 'PATCH', string, object, string]> = [
      ['foreign engagement', 'POST', '/api/v1/deliverables', { engagementId: foreign.engagementId, title: 'X', dueDate: '2026-04-01' }, 'engagementId'],
      ['foreign milestone', 'POST', '/api/v1/deliverables', { engagementId: org.engagementId, milestoneId: foreignMilestone.id, title: 'X', dueDate: '2026-04-01' }, 'milestoneId'],
      ['float grace days', 'POST', '/api/v1/deliverables', { engagementId: org.engagementId, title: 'X', dueDate: '2026-04-01', graceDays: 2.5 }, 'graceDays'],
      ['bad date', 'POST', '/api/v1/deliverables', { engagementId: org.engagementId, title: 'X', dueDate: '01/04/2026' }, 'dueDate'],
      ['empty criterion', 'POST', '/api/v1/deliverables', { engagementId: org.engagementId, title: 'X', dueDate: '2026-04-01', criteria: [''] }, 'criteria.0'],
      ['unknown key', 'POST', '/api/v1/deliverables', { engagementId: org.engagementId, title: 'X', dueDate: '2026-04-01', status: 'accepted' }, 'status'],
      ['patch title', 'PATCH', `/api/v1/deliverables/${d.id}`, { title: 42 }, 'title'],
      ['patch foreign milestone', 'PATCH', `/api/v1/deliverables/${d.id}`, { milestoneId: foreignMilestone.id }, 'milestoneId'],
      ['status submitted by the client', 'POST', `/api/v1/deliverables/${d.id}/status`, { status: 'accepted' }, 'status'],
      ['ticks not booleans', 'POST', `/api/v1/deliverables/${d.id}/accept`, { criteriaMet: ['yes', 'yes'] }, 'criteriaMet.0'],
      ['reason missing', 'POST', `/api/v1/deliverables/${d.id}/reject`, {}, 'reason'],
      ['milestone foreign engagement', 'POST', '/api/v1/milestones', { engagementId: foreign.engagementId, name: 'M' }, 'engagementId'],
      ['milestone name empty', 'POST', '/api/v1/milestones', { engagementId: org.engagementId, name: '' }, 'name'],
      ['milestone patch position float', 'PATCH', `/api/v1/milestones/${m.id}`, { position: 1.5 }, 'position'],
    ];
    for (const [label, method, url, body, field] of cases) {
      const res = await call(t, owner, method, url, body);
      expect(res.statusCode, `${label}: ${res.body}`).toBe(400);
      expect(JSON.stringify(res.json().error.details.issues), label).toContain(field);
    }
    const portal: Array<[string, object, string]> = [
      ['file id not a uuid', { fileIds: ['x'] }, 'fileIds.0'],
      ['note too long', { note: 'x'.repeat(6000) }, 'note'],
      ['unknown key', { status: 'accepted' }, 'status'],
    ];
    const open = await aDeliverable(h(), { engagementId: org.engagementId });
    for (const [label, body, field] of portal) {
      const res = await call(t, contact, 'POST', `/api/v1/portal/deliverables/${open.id}/submit`, body);
      expect(res.statusCode, `${label}: ${res.body}`).toBe(400);
      expect(JSON.stringify(res.json().error.details.issues), label).toContain(field);
    }
  });
});
