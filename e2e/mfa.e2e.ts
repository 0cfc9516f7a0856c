import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNTIL, launchBrowser, signIn, WAIT_MS } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// Two-step sign-in on a phone-sized screen: enrol, sign out, sign in with a code computed
// from the secret the screen showed (as an authenticator app would), then with a recovery
// code, which works only once.

const ANALYST = { email: 'analyst@demo.outsight.test', password: 'outsight-demo' };

let server: RunningServer;
let browser: Browser;
let page: Page;
let secret = '';
let recoveryCodes: string[] = [];

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

/** The code an authenticator app shows; `stepsAhead` gives the next ones (a code works once). */
const codeFor = (stepsAhead = 0) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + stepsAhead * 30_000 });

async function signOut() {
  await page.getByRole('button', { name: /^Account menu for / }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/sign-in'));
}

async function passwordStep() {
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(ANALYST.email);
  await page.getByLabel('Password', { exact: true }).fill(ANALYST.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Two-step sign-in' }).waitFor();
}

describe('two-step sign-in', () => {
  it('is set up from Settings → Security with a scanned code, and shows recovery codes once', async () => {
    await signIn(page, server.baseUrl, ANALYST.email, ANALYST.password);
    await page.goto(`${server.baseUrl}/settings/security`);
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    secret = (await page.getByTestId('secret-value').first().innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByRole('textbox', { name: 'Code from your authenticator app' }).fill(codeFor());
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    const list = page.getByTestId('recovery-codes');
    await list.waitFor();
    await expect.poll(async () => (await list.innerText()).split('\n').filter(Boolean).length, UNTIL).toBe(10);
    recoveryCodes = (await list.innerText()).split('\n').filter(Boolean);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('10 of 10 recovery codes left', { exact: false }).waitFor();
    await signOut();
  });

  it('asks for the code after the password, and signs in with it', async () => {
    await passwordStep();
    await page.getByRole('textbox', { name: 'Authentication code' }).fill('000000' === codeFor(1) ? '111111' : '000000');
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByText('This code is not correct.').waitFor();
    await page.getByRole('textbox', { name: 'Authentication code' }).fill(codeFor(1));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.getByRole('button', { name: /^Account menu for / }).waitFor();
    await signOut();
  });

  it('takes a recovery code once', async () => {
    await passwordStep();
    await page.getByRole('textbox', { name: 'Authentication code' }).fill(recoveryCodes[0]);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${server.baseUrl}/settings/security`);
    await page.getByText('9 of 10 recovery codes left', { exact: false }).waitFor();
    await signOut();

    await passwordStep();
    await page.getByRole('textbox', { name: 'Authentication code' }).fill(recoveryCodes[0]);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByText('This code is not correct.').waitFor();
    await expect.poll(() => new URL(page.url()).pathname, UNTIL).toBe('/sign-in');
  });
});
