import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { MINI_TEMPLATE } from '../support/due-diligence.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';
import { startSmtp } from '../support/smtp.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let org: TestOrg;
let manager: Login;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ smtpUrl: smtp.url, publicUrl: 'https://outsight.example' });
  org = await createTestOrg(t.database.db);
  manager = await loginAs(t.database.db, org.users.manager);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const api = (method: string, url: string, payload?: unknown) => t.app.inject({ method: method as 'GET', url, payload: payload as object, headers: authHeaders(manager) });

/** A Mini questionnaire answered "mfa: yes, everyone; notes" by the vendor and submitted. */
async function submitted(email: string): Promise<string> {
  const tpl = await api('POST', '/api/v1/questionnaires', { name: 'Mini', definition: MINI_TEMPLATE });
  const sent = await api('POST', '/api/v1/assessments', { vendorId: org.vendor.id, templateId: tpl.json().id, dueDate: '2030-06-30', contactEmail: email });
  expect(sent.statusCode).toBe(201);
  const id = sent.json().id as string;
  const session = await t.app.inject({ method: 'POST', url: `/api/v1/portal/links/${smtp.linkFor(email)}/session` });
  const headers = { cookie: `outsight_session=${session.cookies.find((c) => c.name === 'outsight_session')!.value}`, 'x-csrf-token': session.json().me.csrfToken as string };
  for (const [q, value] of [['mfa', true], ['mfa_scope', 'all'], ['notes', 'All good.']] as const) {
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/portal/assessments/${id}/answers/${q}`, payload: { value }, headers })).statusCode).toBe(200);
  }
  expect((await t.app.inject({ method: 'POST', url: `/api/v1/portal/assessments/${id}/submit`, headers })).statusCode).toBe(200);
  return id;
}

const reviewStatuses = async (id: string) => Object.fromEntries((await api('GET', `/api/v1/assessments/${id}`)).json().answers.map((a: { questionId: string; reviewStatus: string }) => [a.questionId, a.reviewStatus]));

describe('reviews that add up', () => {
  it('a HIGH finding on an answer takes its points away, and the computation says so', async () => {
    const id = await submitted('finding-score@vendor.example');
    expect((await api('GET', `/api/v1/assessments/${id}`)).json().score.overall).toBe(100);
    const raised = await api('POST', `/api/v1/assessments/${id}/findings`, { questionId: 'mfa', title: 'MFA is not enforced for contractors', severity: 'high' });
    expect(raised.statusCode).toBe(201);
    const { score } = (await api('GET', `/api/v1/assessments/${id}`)).json();
    // mfa (2 points) now earns 0; mfa_scope "everyone" keeps its 1 point: 1 of 3.
    const access = score.topics.find((x: { topic: string }) => x.topic === 'access_control');
    expect(access).toMatchObject({ earned: 1, possible: 3, score: 33.3 });
    expect(access.questions.find((q: { id: string }) => q.id === 'mfa')).toMatchObject({ status: 'finding', contribution: 0 });
    expect(score.overall).toBe(33.3);
    expect(score.computation).toContain('Answers with a finding count as 0: mfa (high)');

    // A finding on the assessment as a whole has no answer to take points from: the computation says why nothing moved.
    await api('POST', `/api/v1/assessments/${id}/findings`, { title: 'No named security officer', severity: 'medium' });
    const after = (await api('GET', `/api/v1/assessments/${id}`)).json().score;
    expect(after.overall).toBe(33.3);
    expect(after.computation).toContain('1 finding not tied to an answer does not change the score');

    // The frozen score is the same arithmetic.
    const done = await api('POST', `/api/v1/assessments/${id}/complete`, { confirmUnreviewed: true });
    expect(done.statusCode).toBe(200);
    expect(done.json().overallScore).toBe(33.3);
  });

  it('an answer marked "finding" in review counts 0 too', async () => {
    const id = await submitted('marked@vendor.example');
    expect((await api('PUT', `/api/v1/assessments/${id}/answers/mfa_scope/review`, { status: 'finding' })).statusCode).toBe(200);
    const { score } = (await api('GET', `/api/v1/assessments/${id}`)).json();
    expect(score.overall).toBe(66.7);
    expect(score.computation).toContain('Answers with a finding count as 0: mfa_scope (marked finding)');
  });

  it('completing with unreviewed answers asks for confirmation first', async () => {
    const id = await submitted('unreviewed@vendor.example');
    await api('PUT', `/api/v1/assessments/${id}/answers/mfa/review`, { status: 'accepted' });
    const refused = await api('POST', `/api/v1/assessments/${id}/complete`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/^2 of 3 answers are not reviewed yet/);
    expect((await api('GET', `/api/v1/assessments/${id}`)).json().status).toBe('submitted');
    expect((await api('POST', `/api/v1/assessments/${id}/complete`, { confirmUnreviewed: false })).statusCode).toBe(409);
    const confirmed = await api('POST', `/api/v1/assessments/${id}/complete`, { confirmUnreviewed: true });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().status).toBe('completed');
  });

  it('accepts every unflagged answer in one action, leaving findings and clarifications alone', async () => {
    const id = await submitted('accept-all@vendor.example');
    await api('POST', `/api/v1/assessments/${id}/findings`, { questionId: 'mfa', title: 'MFA gaps', severity: 'high' });
    await api('PUT', `/api/v1/assessments/${id}/answers/mfa_scope/review`, { status: 'clarification' });
    const res = await api('POST', `/api/v1/assessments/${id}/answers/accept-unflagged`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ accepted: 1 });
    expect(await reviewStatuses(id)).toEqual({ mfa: 'finding', mfa_scope: 'clarification', notes: 'accepted' });
    // Nothing left unreviewed: completing needs no confirmation.
    expect((await api('POST', `/api/v1/assessments/${id}/complete`)).statusCode).toBe(200);
    // A completed review takes no more verdicts.
    expect((await api('POST', `/api/v1/assessments/${id}/answers/accept-unflagged`)).statusCode).toBe(409);
  });
});
