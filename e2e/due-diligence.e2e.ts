import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp } from '../test/support/smtp.ts';
import { UNTIL, choose, launchBrowser, signIn, WAIT_MS } from './support/browser.ts';
import { freePort, startServer, type RunningServer } from './support/server.ts';

/**
 * The whole due-diligence loop in the browser: a manager sends an assessment; the vendor
 * contact opens the e-mailed portal link (no password), answers — a question that
 * appears only after "Yes", and an upload — and submits; the manager accepts answers,
 * raises a finding, completes the review and sees the score.
 */

const MANAGER = { email: 'manager@demo.outsight.test', password: 'outsight-demo' };
const VENDOR = 'Kestrel Software Labs';
const QUESTIONNAIRE = `Vendor security check ${Date.now()}`;

/** Five questions; two appear only after a "Yes". Weights add up to 10 when everything shows. */
const DEFINITION = {
  name: QUESTIONNAIRE,
  sections: [
    {
      id: 'security',
      title: 'Security basics',
      questions: [
        { id: 'mfa', type: 'yes_no', text: 'Do you enforce multi-factor authentication for administrators?', required: true, weight: 3, topic: 'access_control', severity: 'high', finding: 'No MFA for administrators' },
        { id: 'mfa_scope', type: 'short_text', text: 'Which systems does MFA cover?', required: true, weight: 1, topic: 'access_control', severity: 'medium', condition: { op: 'equals', question: 'mfa', value: true } },
        { id: 'iso', type: 'yes_no', text: 'Are you certified to ISO 27001?', required: true, weight: 2, topic: 'compliance', severity: 'medium' },
        { id: 'iso_cert', type: 'file', text: 'Upload your ISO 27001 certificate.', required: true, weight: 2, topic: 'compliance', severity: 'medium', condition: { op: 'equals', question: 'iso', value: true } },
        {
          id: 'backup',
          type: 'single_choice',
          text: 'How often do you test restoring backups?',
          required: true,
          weight: 2,
          topic: 'business_continuity',
          severity: 'high',
          choices: [
            { id: 'monthly', label: 'Every month', score: 1 },
            { id: 'yearly', label: 'Once a year', score: 0.5 },
            { id: 'never', label: 'Never', score: 0 },
          ],
        },
      ],
    },
  ],
};

let server: RunningServer;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let browser: Browser;
let manager: Page;
let vendorContext: BrowserContext;
let vendor: Page;
let tmp: string;
let pdfPath: string;
let contactEmail: string;
let portalLink: string;
let assessmentUrl: string;

/** The portal link mailed to `to` for this assessment (the demo data mails the same contacts about its own). */
async function waitForMail(to: string, assessmentId: string, timeoutMs = WAIT_MS): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const mail of smtp.inbox) {
      if (!mail.to.includes(to)) continue;
      const link = /(https?:\/\/[^\s"<>]+\/portal\/link\/pl_[\w-]+\?assessment=([\w-]+))/.exec(mail.text);
      if (link && link[2] === assessmentId) return link[1];
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No portal link for ${assessmentId} was mailed to ${to}; the inbox has ${smtp.inbox.length} message(s).\n${server.output()}`);
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'outsight-dd-e2e-'));
  pdfPath = path.join(tmp, 'iso-27001-certificate.pdf');
  writeFileSync(pdfPath, '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
  smtp = await startSmtp();
  const port = await freePort();
  server = await startServer({ PORT: String(port), OUTSIGHT_PUBLIC_URL: `http://127.0.0.1:${port}`, OUTSIGHT_SMTP_URL: smtp.url });
  browser = await launchBrowser();
  manager = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  manager.setDefaultTimeout(WAIT_MS);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('due diligence from questionnaire to score', () => {
  let vendorId: string;

  it('a manager sets up a questionnaire (through the API) and sends it from the vendor page', async () => {
    await signIn(manager, server.baseUrl, MANAGER.email, MANAGER.password);
    const me = (await (await manager.request.get(`${server.baseUrl}/api/v1/auth/me`)).json()) as { csrfToken: string };
    const created = await manager.request.post(`${server.baseUrl}/api/v1/questionnaires`, { headers: { 'x-csrf-token': me.csrfToken }, data: { name: QUESTIONNAIRE, definition: DEFINITION } });
    expect(created.status()).toBe(201);
    const vendors = (await (await manager.request.get(`${server.baseUrl}/api/v1/vendors?limit=100`)).json()) as { items: { id: string; name: string; contactEmail: string }[] };
    const v = vendors.items.find((x) => x.name === VENDOR)!;
    vendorId = v.id;
    contactEmail = v.contactEmail;

    await manager.goto(`${server.baseUrl}/vendors/${vendorId}/assessments`);
    await manager.getByRole('heading', { name: 'Inherent risk' }).waitFor();
    await manager.getByRole('button', { name: 'Send questionnaire' }).click();
    const dialog = manager.getByRole('dialog', { name: `Send a questionnaire to ${VENDOR}` });
    await dialog.waitFor();
    await choose(manager, 'Questionnaire', `${QUESTIONNAIRE} (v1, 5 questions)`);
    // The contact e-mail is prefilled from the vendor record.
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Vendor contact e-mail' }).inputValue(), UNTIL).toBe(contactEmail);
    await dialog.getByRole('button', { name: 'Send questionnaire' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = manager.getByRole('table', { name: `Assessments of ${VENDOR}` }).getByRole('row').filter({ hasText: QUESTIONNAIRE });
    await row.getByText('Sent', { exact: true }).waitFor();
    assessmentUrl = `${server.baseUrl}${await row.getByRole('link').getAttribute('href')}`;
  });

  it('e-mails the vendor contact a portal link to this server', async () => {
    portalLink = await waitForMail(contactEmail, assessmentUrl.split('/').pop()!);
    expect(portalLink.startsWith(`${server.baseUrl}/portal/link/pl_`)).toBe(true);
  });

  it('the vendor opens the link without a password and lands on the questionnaire', async () => {
    vendorContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    vendor = await vendorContext.newPage();
    vendor.setDefaultTimeout(WAIT_MS);
    await vendor.goto(portalLink);
    await vendor.waitForURL(/\/portal\/assessments\/[0-9a-f-]{36}$/);
    await vendor.getByRole('heading', { level: 1, name: QUESTIONNAIRE }).waitFor();
    await vendor.getByText('0 of 3 answered').waitFor();
  });

  it('shows the follow-up question only after "Yes", and autosaves it', async () => {
    const followUp = vendor.getByRole('textbox', { name: /Which systems does MFA cover\?/ });
    await expect.poll(() => followUp.count(), UNTIL).toBe(0);
    await vendor.getByRole('article', { name: 'Question 1.1' }).getByRole('radio', { name: 'Yes' }).check();
    await followUp.waitFor();
    await followUp.fill('VPN, cloud console and the ticketing system');
    const article = vendor.getByRole('article', { name: 'Question 1.2' });
    await article.getByText('Saved', { exact: true }).waitFor();
    await vendor.getByText('2 of 4 answered').waitFor();
  });

  it('lists what is missing when submitting too early', async () => {
    await vendor.getByRole('button', { name: 'Submit answers' }).click();
    const missing = vendor.getByRole('list', { name: 'What is missing' });
    await missing.getByText(/Are you certified to ISO 27001\?/).waitFor();
    await missing.getByText(/How often do you test restoring backups\?/).waitFor();
  });

  it('uploads the certificate for the question that appears after "Yes"', async () => {
    await vendor.getByRole('article', { name: 'Question 1.3' }).getByRole('radio', { name: 'Yes' }).check();
    const fileQuestion = vendor.getByRole('article', { name: 'Question 1.4' });
    await fileQuestion.waitFor();
    await fileQuestion.locator('input[type="file"]').setInputFiles(pdfPath);
    await fileQuestion.getByRole('textbox', { name: 'Issuer' }).fill('BSI Group');
    await fileQuestion.getByRole('button', { name: 'Upload and attach' }).click();
    await fileQuestion.getByRole('link', { name: 'iso-27001-certificate', exact: true }).waitFor();
    await fileQuestion.getByText('Saved', { exact: true }).waitFor();
  });

  it('submits once everything required is answered', async () => {
    await vendor.getByRole('article', { name: 'Question 1.5' }).getByRole('radio', { name: 'Once a year' }).check();
    await vendor.getByRole('article', { name: 'Question 1.5' }).getByText('Saved', { exact: true }).waitFor();
    await vendor.getByText('5 of 5 answered').waitFor();
    await vendor.getByRole('button', { name: 'Submit answers' }).click();
    await vendor.getByText('Submitted — thank you').waitFor();
    // Read-only now: the answers show as text, no inputs.
    await expect.poll(() => vendor.getByRole('radio').count(), UNTIL).toBe(0);
  });

  it('the link works only once', async () => {
    const other = await browser.newContext();
    const page = await other.newPage();
    await page.goto(portalLink);
    await page.getByRole('heading', { name: 'This link can no longer be used' }).waitFor();

    // The vendor comes back: it asks for a new link there and gets it at its registered address.
    const before = smtp.inbox.length;
    await page.getByRole('textbox', { name: /Your e-mail address/ }).fill(contactEmail);
    await page.getByRole('button', { name: 'E-mail me a new link' }).click();
    await page.getByText('Check your inbox').waitFor();
    await expect.poll(() => smtp.inbox.slice(before).some((m) => m.to.includes(contactEmail) && /new link/.test(m.subject)), UNTIL).toBe(true);
    const mail = smtp.inbox.slice(before).find((m) => m.to.includes(contactEmail) && /new link/.test(m.subject))!;
    const fresh = /(https?:\/\/[^\s"<>]+\/portal\/link\/pl_[\w-]+(\?assessment=[\w-]+)?)/.exec(mail.text)![1];
    await page.goto(fresh);
    await page.waitForURL(/\/portal\/assessments\//);
    await other.close();
  });

  it('the manager accepts answers and raises a finding', async () => {
    await manager.goto(assessmentUrl);
    await manager.getByRole('heading', { level: 1, name: QUESTIONNAIRE }).waitFor();
    await manager.getByText(/^Submitted /).first().waitFor();
    for (const text of [/multi-factor authentication/, /certified to ISO 27001/]) {
      const q = manager.getByRole('article', { name: text });
      await q.getByRole('button', { name: /^Accept/ }).click();
      await q.getByText('Accepted', { exact: true }).first().waitFor();
    }
    // The uploaded certificate is there to download.
    await manager.getByRole('article', { name: /Upload your ISO 27001 certificate/ }).getByRole('link', { name: 'iso-27001-certificate', exact: true }).waitFor();

    const backup = manager.getByRole('article', { name: /restoring backups/ });
    await backup.getByRole('button', { name: /^Raise a finding/ }).click();
    const dialog = manager.getByRole('dialog', { name: 'Raise a finding' });
    await dialog.waitFor();
    const title = dialog.getByRole('textbox', { name: 'Title' });
    await expect.poll(() => title.inputValue(), UNTIL).toBe('How often do you test restoring backups?');
    await title.fill('Backups are restore-tested only once a year');
    await choose(manager, 'Severity', 'High');
    await dialog.getByRole('button', { name: 'Raise finding' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await backup.getByText('Finding raised', { exact: true }).waitFor();
    await manager.getByRole('list', { name: 'Findings of this assessment' }).getByText('Backups are restore-tested only once a year').waitFor();
  });

  it('completing with unreviewed answers asks first; the unflagged ones are accepted in one action', async () => {
    await manager.getByRole('button', { name: 'Complete review' }).click();
    let dialog = manager.getByRole('dialog', { name: 'Complete the review?' });
    await dialog.getByText('2 of 5 answers are not reviewed yet').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await manager.getByRole('button', { name: 'Accept 2 unflagged answers' }).click();
    await manager.getByRole('button', { name: /^Accept \d+ unflagged/ }).waitFor({ state: 'hidden' });

    await manager.getByRole('button', { name: 'Complete review' }).click();
    dialog = manager.getByRole('dialog', { name: 'Complete the review?' });
    // The HIGH finding on the backup answer takes its 1 point away: 8 of 10.
    await dialog.getByText(/score of 80 \/ 100/).waitFor();
    await dialog.getByRole('button', { name: 'Complete review' }).click();
    await manager.getByText(/^Review completed /).waitFor();
    await manager.getByLabel('Overall score 80 of 100').waitFor();
    const computation = manager.getByLabel('Score computation');
    await expect.poll(() => computation.textContent(), UNTIL).toContain('Business continuity: 0 of 2 points = 0');
    await expect.poll(() => computation.textContent(), UNTIL).toContain('Answers with a finding count as 0: backup (high)');
    await expect.poll(() => computation.textContent(), UNTIL).toContain('Overall: 8 of 10 points = 80');

    // The vendor's Assessments tab shows the completed assessment with its score.
    await manager.goto(`${server.baseUrl}/vendors/${vendorId}/assessments`);
    const row = manager.getByRole('table', { name: `Assessments of ${VENDOR}` }).getByRole('row').filter({ hasText: QUESTIONNAIRE });
    await row.getByText('Completed', { exact: true }).waitFor();
    await row.getByLabel('Score 80 of 100').waitFor();
    await vendorContext?.close();
  });
});
