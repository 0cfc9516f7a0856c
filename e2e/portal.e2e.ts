import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNTIL, launchBrowser, signIn, WAIT_MS } from './support/browser.ts';
import { DEMO_CONTACT, startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  page.setDefaultTimeout(WAIT_MS);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a vendor contact sees only the portal', () => {
  it('lands on the portal after signing in', async () => {
    await signIn(page, server.baseUrl, DEMO_CONTACT.email, DEMO_CONTACT.password);
    await page.waitForURL(/\/portal$/);
    await page.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor();
    // The demo sends HelpPoint a questionnaire; without one the portal says requests will appear here.
    await page.getByText(/^(Requests from .+ will appear here|What .+ asks of you)\./).waitFor();
    await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).count(), UNTIL).toBe(0);
  });

  it('gets "not available" for the vendor list, without the app navigation', async () => {
    await page.goto(`${server.baseUrl}/vendors`);
    await page.getByRole('heading', { level: 1, name: 'Not available' }).waitFor();
    await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).count(), UNTIL).toBe(0);
    await page.getByRole('link', { name: 'Go to your portal' }).waitFor();
  });

  it('is refused by the API as well', async () => {
    const status = await page.evaluate(async () => (await fetch('/api/v1/vendors')).status);
    expect(status).toBe(403);
  });
});

describe('the vendor corrects and withdraws its own change request', () => {
  it('corrects the cost of a proposed one, then withdraws it with a reason', async () => {
    await page.goto(`${server.baseUrl}/portal`);
    const row = page.getByRole('listitem', { name: 'Self-service password reset' });
    await row.getByText('€6,500.00 once').waitFor();
    await row.getByRole('button', { name: 'Correct' }).click();
    const form = page.getByRole('dialog', { name: 'Correct your change request' });
    await form.getByRole('textbox', { name: 'One-off cost' }).fill('5800.00');
    await form.getByRole('button', { name: 'Save the correction' }).click();
    await row.getByText('€5,800.00 once').waitFor();

    await row.getByRole('button', { name: 'Withdraw' }).click();
    const confirm = page.getByRole('dialog', { name: 'Withdraw "Self-service password reset"?' });
    await confirm.getByRole('textbox', { name: 'Why (the client reads this)' }).fill('Your directory team will set it up themselves.');
    await confirm.getByRole('button', { name: 'Withdraw' }).click();
    await row.getByText('You withdrew it: Your directory team will set it up themselves.').waitFor();
    await expect.poll(() => row.getByRole('button', { name: 'Correct' }).count(), UNTIL).toBe(0);
  });
});
