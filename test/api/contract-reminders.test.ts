import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminders } from '../../src/server/jobs/reminders.ts';
import { createMailer } from '../../src/server/mail/mailer.ts';
import { aContract, aNotice } from '../../src/server/seed/builders/contracts.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestOrg, type TestOrg } from '../support/factories.ts';
import { startSmtp } from '../support/smtp.ts';

// Issue 11 §2: e-mail reminders at the organisation's offsets before the decide-by date, each sent once even with several servers.
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestApp;
let org: TestOrg;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ smtpUrl: smtp.url, publicUrl: 'https://outsight.example' });
  org = await createTestOrg(t.database.db, 'Reminders');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

/** Two app servers: each its own mailer (its own SMTP connection), the same database. */
const server = () => ({ db: t.database.db, mailer: createMailer({ smtpUrl: smtp.url, from: 'outsight@test', log: pino({ level: 'silent' }) }), log: t.app.log, baseUrl: 'https://outsight.example' });
const at = (day: string) => new Date(`${day}T08:00:00Z`);
const renewing = { initialTermEnd: '2027-03-31', renewalKind: 'automatic' as const, renewalMonths: 12, noticeUnit: 'months' as const, noticeCount: 3, status: 'active' as const };

describe('contract reminders', () => {
  it('go to the internal owner 90, 60, 30 and 7 days before the decide-by date and once after it, each once across two servers', async () => {
    // Notice deadline 31 December 2026; decide by 17 December (14 days back, Monday to Friday).
    const c = await aContract(org.handle, { ...renewing, vendorId: org.vendor.id, title: 'Reminded agreement', internalOwnerId: org.users.manager.id });
    const [a, b] = [server(), server()];
    const mails = () => smtp.inbox.filter((m) => m.subject.startsWith('Reminded agreement'));
    const both = (day: string) => Promise.all([runReminders(a, at(day)), runReminders(b, at(day))]);

    await both('2026-09-01');
    expect(mails()).toHaveLength(0);
    for (const day of ['2026-09-18', '2026-09-20', '2026-10-18', '2026-10-19', '2026-11-17', '2026-12-10', '2026-12-11', '2026-12-18', '2026-12-30']) await both(day);
    // The next year's decision is more than 90 days away once this year's notice deadline has passed.
    await both('2027-01-02');
    expect(mails().map((m) => m.to)).toEqual(Array(5).fill([org.users.manager.email]));
    expect(mails().map((m) => m.subject)).toEqual([
      'Reminded agreement (' + org.vendor.name + '): decide by 17 December 2026',
      'Reminded agreement (' + org.vendor.name + '): decide by 17 December 2026',
      'Reminded agreement (' + org.vendor.name + '): decide by 17 December 2026',
      'Reminded agreement (' + org.vendor.name + '): decide by 17 December 2026',
      'Reminded agreement (' + org.vendor.name + '): the decide-by date has passed; notice is due by 31 December 2026',
    ]);
    expect(mails()[0].text).toContain('unless notice is given by 31 December 2026');
    expect(mails()[0].text).toContain(`https://outsight.example/contracts/${c.id}`);
  });

  it("without an internal owner go to the organisation's owners and admins; none once notice is given", async () => {
    await aContract(org.handle, { ...renewing, vendorId: org.otherVendor.id, title: 'Ownerless agreement' });
    const given = await aContract(org.handle, { ...renewing, vendorId: org.vendor.id, title: 'Noticed agreement', internalOwnerId: org.users.manager.id });
    await aNotice(org.handle, given.id, { givenOn: new Date().toISOString().slice(0, 10) });
    await Promise.all([runReminders(server(), at('2026-12-10')), runReminders(server(), at('2026-12-10'))]);
    const ownerless = smtp.inbox.filter((m) => m.subject.startsWith('Ownerless agreement'));
    expect(ownerless.map((m) => m.to[0]).sort()).toEqual([org.users.admin.email, org.users.owner.email].sort());
    expect(smtp.inbox.filter((m) => m.subject.startsWith('Noticed agreement'))).toHaveLength(0);
  });
});
