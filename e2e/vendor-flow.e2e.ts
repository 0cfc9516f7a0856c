import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNTIL, choose, launchBrowser, WAIT_MS } from './support/browser.ts';
import { DEMO_OWNER, startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(WAIT_MS);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('an owner manages vendors in the browser', () => {
  const vendorName = `Northwind Managed IT ${Date.now()}`;
  const engagementName = '24/7 service desk';

  it('sends a visitor without a session to sign-in', async () => {
    await page.goto(`${server.baseUrl}/vendors`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('refuses a wrong password with the server message', async () => {
    await page.getByLabel('Email').fill(DEMO_OWNER.email);
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Sign-in failed' }).waitFor();
  });

  it('signs in as the demo owner and comes back to the page asked for', async () => {
    await page.getByLabel('Password', { exact: true }).fill(DEMO_OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/vendors$/);
    await page.getByRole('heading', { name: 'Vendors', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  it('shows validation errors at the field', async () => {
    await page.getByRole('link', { name: 'New vendor' }).click();
    await page.getByRole('heading', { name: 'New vendor', level: 1 }).waitFor();
    await page.getByLabel('Contact email').fill('not-an-email');
    await page.getByRole('button', { name: 'Create vendor' }).click();
    const name = page.getByRole('textbox', { name: 'Name', exact: true });
    await expect.poll(() => name.getAttribute('aria-invalid'), UNTIL).toBe('true');
    await page.getByText('Expected an e-mail address').waitFor();
    await page.getByText('Choose what kind of vendor this is').waitFor();
  });

  it('creates a vendor', async () => {
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(vendorName);
    await page.getByLabel('Contact email').fill('service@northwind.example');
    await choose(page, 'Kind', 'Managed service provider');
    await page.getByRole('button', { name: 'Create vendor' }).click();
    await page.getByRole('heading', { name: vendorName, level: 1 }).waitFor();
    await page.waitForURL((url) => /^\/vendors\/[0-9a-f-]{36}$/.test(url.pathname));
  });

  it('adds an engagement from the vendor page', async () => {
    await page.getByRole('button', { name: 'Add engagement' }).click();
    const dialog = page.getByRole('dialog', { name: 'New engagement' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Engagement name' }).fill(engagementName);
    await choose(page, 'Service type', 'Service desk');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: engagementName }).first().waitFor();
  });

  it('finds the vendor with the list search', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Vendors' }).click();
    await page.getByRole('heading', { name: 'Vendors', level: 1 }).waitFor();
    await page.getByLabel('Search vendors').fill(vendorName);
    await page.waitForURL((url) => url.searchParams.get('q') === vendorName);
    await page.getByRole('status').filter({ hasText: /^1 vendor$/ }).waitFor();
    const link = page.getByRole('link', { name: vendorName });
    await expect.poll(() => link.count(), UNTIL).toBe(1);
    await link.click();
    await page.getByRole('heading', { name: vendorName, level: 1 }).waitFor();
    await page.getByRole('link', { name: engagementName }).first().waitFor();
  });

  it("shows the server's answer at the field", async () => {
    // The e-mail is well-formed, so only the server can refuse it (it is taken).
    await page.goto(`${server.baseUrl}/settings/users`);
    await page.getByRole('button', { name: 'Invite user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a user' });
    const email = dialog.getByRole('textbox', { name: 'Email' });
    await email.fill(DEMO_OWNER.email);
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    await dialog.getByRole('alert').waitFor();
    await expect.poll(() => email.getAttribute('aria-invalid'), UNTIL).toBe('true');
    // The message sits under the input and is announced with it (aria-describedby).
    const errorId = async () => ((await email.getAttribute('aria-describedby')) ?? '').split(' ').find((id) => id.endsWith('-error'));
    await expect.poll(errorId, UNTIL).toBeTruthy();
    await expect.poll(async () => page.locator(`[id="${await errorId()}"]`).textContent(), UNTIL).toBe('Someone in your organisation already has this e-mail.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: /^Account menu for / }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await expect.poll(() => page.evaluate(async () => (await fetch('/api/v1/auth/me')).status), UNTIL).toBe(401);
  });
});
