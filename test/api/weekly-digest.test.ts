import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, civilDateIn } from '../../src/domain/civil-date.ts';
import { runWeeklyDigests } from '../../src/server/jobs/digest.ts';
import { createMailer } from '../../src/server/mail/mailer.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { call } from '../support/deliverables.ts';
import { createTestOrg, loginAs, type TestOrg } from '../support/factories.ts';
import { startSmtp } from '../support/smtp.ts';

// Each person's week by e-mail: what the modules name them owner of, read through the dashboard's feeds as that person.
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestApp;
let org: TestOrg;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ smtpUrl: smtp.url, publicUrl: 'https://outsight.example' });
  org = await createTestOrg(t.database.db, 'Digest');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

/** Two app servers: each its own mailer, the same database. */
const server = () => ({ db: t.database.db, mailer: createMailer({ smtpUrl: smtp.url, from: 'outsight@test', log: pino({ level: 'silent' }) }), log: t.app.log, config: t.config, baseUrl: 'https://outsight.example' });

describe('the weekly digest', () => {
  it('mails each person what they own that is due this week, once across two servers, and nobody with nothing due', async () => {
    const manager = await loginAs(t.database.db, org.users.manager);
    const today = civilDateIn(new Date(), 'UTC');
    const add = async (title: string, dueOn: string, ownerUserId: string) => {
      const res = await call(t, manager, 'POST', `/api/v1/engagements/${org.engagementId}/exit/actions`, { title, dueOn, ownerUserId });
      expect(res.statusCode, res.body).toBe(201);
    };
    await add('Copy the runbooks to our wiki', addDays(today, 3), org.users.analyst.id);
    await add('Check the backup restore', addDays(today, -2), org.users.analyst.id);
    await add('Renew the escrow agreement', addDays(today, 30), org.users.analyst.id);

    // The job visits every organisation in the database (on PostgreSQL other test files' too): run it for this one, and read its people's mail.
    const ours = new Set(Object.values(org.users).map((u) => u.email));
    const mails = () => smtp.inbox.filter((m) => m.subject.startsWith('Your week in Outsight') && m.to.some((to) => ours.has(to)));
    const now = new Date();
    await Promise.all([runWeeklyDigests(server(), now, [org.orgId]), runWeeklyDigests(server(), now, [org.orgId])]);
    expect(mails().map((m) => m.to)).toEqual([[org.users.analyst.email]]);
    const [mail] = mails();
    expect(mail.subject).toBe('Your week in Outsight: 2 items, 1 overdue');
    expect(mail.text).toContain('- Overdue: Exit action for');
    expect(mail.text).toContain('Copy the runbooks to our wiki');
    expect(mail.text).not.toContain('Renew the escrow agreement');
    expect(mail.text).toContain(`https://outsight.example/engagements/${org.engagementId}/exit`);

    // Later the same day, so in the same week: already sent.
    await runWeeklyDigests(server(), new Date(`${today}T23:00:00Z`), [org.orgId]);
    expect(mails()).toHaveLength(1);
  });
});
