import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { call } from '../support/deliverables.ts';
import { createTestOrg, loginAs, type TestOrg } from '../support/factories.ts';
import { startSmtp } from '../support/smtp.ts';

// The rated criteria of a scorecard: a survey e-mailed to internal people through a real SMTP server, one single-use link each.
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestApp;
let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ smtpUrl: smtp.url, publicUrl: 'https://outsight.example' });
  org = await createTestOrg(t.database.db, 'Survey');
  other = await createTestOrg(t.database.db, 'Elsewhere');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const tokenFor = (to: string) => {
  const mail = [...smtp.inbox].reverse().find((m) => m.to.includes(to));
  const m = mail && /https:\/\/outsight\.example\/survey\/(sv_[\w-]+)/.exec(mail.text);
  if (!m) throw new Error(`no survey link mailed to ${to}`);
  return m[1];
};
const open = (token: string) => t.app.inject({ method: 'GET', url: `/api/v1/review-surveys/by-token/${token}` });
const answer = (token: string, r: [number, number, number, number], comment?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/review-surveys/by-token/${token}`,
    payload: { quality: { rating: r[0], comment }, communication: { rating: r[1] }, expertise: { rating: r[2] }, proactiveness: { rating: r[3] } },
  });

describe('the stakeholder survey of a performance review', () => {
  it('mails each person a link that works once, shows only the survey, and turns the answers into weighted rated criteria', async () => {
    const manager = await loginAs(t.database.db, org.users.manager);
    const created = await call(t, manager, 'POST', '/api/v1/performance-reviews', { engagementId: org.engagementId, period: '2025-Q4' });
    expect(created.statusCode, created.body).toBe(201);
    const reviewId = created.json().id as string;
    const url = `/api/v1/performance-reviews/${reviewId}/survey`;

    // Only internal people of the organisation: a vendor contact or someone of another organisation is refused by field.
    const contact = await call(t, manager, 'POST', url, { userIds: [org.users.analyst.id, org.users.vendor_contact.id] });
    expect(contact.statusCode).toBe(400);
    expect(contact.json().error.details.issues[0].path).toBe('userIds[1]');
    expect((await call(t, manager, 'POST', url, { userIds: [other.users.analyst.id] })).statusCode).toBe(400);
    expect(smtp.inbox.filter((m) => /review/.test(m.subject))).toHaveLength(0);

    const sent = await call(t, manager, 'POST', url, { userIds: [org.users.analyst.id, org.users.auditor.id, org.users.admin.id] });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().links).toBeUndefined(); // with SMTP the links go only to the inboxes
    const mails = smtp.inbox.filter((m) => /Four questions for the 2025-Q4 review/.test(m.subject));
    expect(mails.map((m) => m.to[0]).sort()).toEqual([org.users.admin.email, org.users.analyst.email, org.users.auditor.email].sort());
    // Before any answer the rated criteria are there, weighted, and not measured.
    const before = (await call(t, manager, 'GET', `/api/v1/performance-reviews?engagementId=${org.engagementId}`)).json().items[0];
    expect(before.criteria.find((c: { key: string }) => c.key === 'quality')).toMatchObject({ weight: 10, value: null, detail: 'Not measured: no answer yet (3 asked)' });
    expect(before.score).toBeNull();

    const analystToken = tokenFor(org.users.analyst.email);
    const form = await open(analystToken);
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ personName: org.users.analyst.name, period: '2025-Q4', engagementName: before.engagementName, vendorName: before.vendorName });
    expect(Object.keys(form.json()).sort()).toEqual(['engagementName', 'expiresAt', 'period', 'personName', 'questions', 'vendorName']);
    expect((await answer(analystToken, [6, 4, 3, 2])).json().error.details.issues[0].path).toBe('quality.rating');
    expect((await answer(analystToken, [5, 4, 3, 2], 'Clean code, few defects')).statusCode).toBe(200);
    // Used once: opening or answering again is refused.
    expect((await open(analystToken)).statusCode).toBe(410);
    expect((await answer(analystToken, [1, 1, 1, 1])).statusCode).toBe(410);

    // Another person's link shows the survey, not the first one's answers.
    const auditorToken = tokenFor(org.users.auditor.email);
    const second = await open(auditorToken);
    expect(second.statusCode).toBe(200);
    expect(second.body).not.toContain('Clean code');
    expect(second.json().personName).toBe(org.users.auditor.name);
    expect((await answer(auditorToken, [3, 4, 5, 2], 'Slow to raise problems')).statusCode).toBe(200);

    // quality (5+3)/2 = 4 → 0.75, communication 4 → 0.75, expertise 4 → 0.75, proactiveness 2 → 0.25:
    // nothing measured in the quarter, so the four rated criteria (10 each) make the score: 62.5.
    const after = (await call(t, manager, 'GET', `/api/v1/performance-reviews?engagementId=${org.engagementId}`)).json().items[0];
    expect(after.criteria.filter((c: { key: string }) => ['quality', 'communication', 'expertise', 'proactiveness'].includes(c.key)).map((c: { value: number }) => c.value)).toEqual([0.75, 0.75, 0.75, 0.25]);
    expect(after.criteria.find((c: { key: string }) => c.key === 'quality').detail).toBe('Average 4 of 5 from 2 answers');
    expect(after.criteria.find((c: { key: string }) => c.key === 'sla').value).toBeNull();
    expect(after.score).toBe(62.5);

    const survey = (await call(t, manager, 'GET', url)).json();
    expect(survey.recipients.map((r: { answered: boolean }) => r.answered).filter(Boolean)).toHaveLength(2);
    expect(survey.criteria[0]).toMatchObject({ key: 'quality', average: 4, answers: 2, comments: ['Clean code, few defects', 'Slow to raise problems'] });

    // Shared with the vendor: its contact reads the averages on the scorecard, never the answers or comments.
    expect((await call(t, manager, 'POST', `/api/v1/performance-reviews/${reviewId}/share`)).statusCode).toBe(200);
    const vendor = await loginAs(t.database.db, org.users.vendor_contact);
    const portal = await call(t, vendor, 'GET', '/api/v1/portal/performance-reviews');
    expect(portal.json().items[0].score).toBe(62.5);
    expect(portal.body).not.toContain('Clean code');
    expect(portal.body).not.toContain('Slow to raise');
    expect((await call(t, vendor, 'GET', url)).statusCode).toBe(403);
    // Another organisation's manager does not find the review's survey.
    expect((await call(t, await loginAs(t.database.db, other.users.manager), 'GET', url)).statusCode).toBe(404);

    // Someone who answered is not asked again; a link past its date is refused.
    expect((await call(t, manager, 'POST', url, { userIds: [org.users.analyst.id] })).json().error.details.issues[0].path).toBe('userIds[0]');
    const adminToken = tokenFor(org.users.admin.email);
    t.clock.offsetMs = 15 * 86_400_000; // the links work 14 days
    const expired = await open(adminToken);
    t.clock.offsetMs = 0;
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.message).toMatch(/expired/);
    expect((await open('sv_not-a-real-token')).statusCode).toBe(404);
  });
});
