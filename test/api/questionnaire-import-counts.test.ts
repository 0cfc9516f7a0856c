import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeImport } from '../../src/cli/commands/questionnaires.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { authHeaders, createTestOrg, loginAs, type Login } from '../support/factories.ts';

// Issue 8 §1: "46 questions" for a VSAQ file of 30 questions and 16 tips must say so.
let t: TestApp;
let manager: Login;
beforeAll(async () => {
  t = await createTestApp();
  manager = await loginAs(t.database.db, (await createTestOrg(t.database.db)).users.manager);
});
afterAll(() => t.close());

/** Three questions; two warning tips ask the vendor to explain (answer boxes), one only marks an answer bad. */
const VSAQ = JSON.stringify({
  questionnaire: [
    {
      type: 'block',
      text: 'Small VSAQ',
      items: [
        { type: 'yesno', id: 'fw', text: 'Do you run a firewall?' },
        { type: 'tip', id: 'fw_tip', warn: 'yes', severity: 'high', name: 'No firewall', cond: 'fw/no', why: 'Explain your compensating controls.' },
        { type: 'yesno', id: 'mfa', text: 'Do admins use MFA?' },
        { type: 'tip', id: 'mfa_tip', warn: 'yes', name: 'No MFA', cond: 'mfa/no', why: 'Why not?' },
        { type: 'line', id: 'contact', text: 'Security contact' },
        { type: 'yesno', id: 'pentest', text: 'Yearly penetration test?' },
        { type: 'tip', id: 'pt_tip', warn: 'yes', name: 'No pentest', cond: 'pentest/no' },
      ],
    },
  ],
});

describe('questionnaire import counts that explain themselves', () => {
  it('splits the question count into the file\'s questions and tips turned into answer boxes, in the API, JSON and words', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/questionnaires/import?format=vsaq', payload: VSAQ, headers: { ...authHeaders(manager), 'content-type': 'text/plain' } });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ questions: 6, fromQuestions: 4, fromTips: 2 });
    expect(describeImport(r)).toContain('6 questions: 4 questions and 2 tips turned into answer boxes;');
    expect(describeImport({ ...r, questions: 46, fromQuestions: 30, fromTips: 16 })).toContain('46 questions: 30 questions and 16 tips turned into answer boxes');

    // An Outsight export of that questionnaire keeps the split when imported back.
    const exported = await t.app.inject({ method: 'GET', url: `/api/v1/questionnaires/${r.templateId}/export`, headers: authHeaders(manager) });
    expect(exported.statusCode).toBe(200);
    const back = await t.app.inject({ method: 'POST', url: '/api/v1/questionnaires/import?format=outsight', payload: exported.body, headers: { ...authHeaders(manager), 'content-type': 'text/plain' } });
    expect(back.json()).toMatchObject({ questions: 6, fromQuestions: 4, fromTips: 2 });
    expect(describeImport({ ...r, questions: 4, fromQuestions: 4, fromTips: 0 })).toContain(': 4 questions; ');
  });
});
