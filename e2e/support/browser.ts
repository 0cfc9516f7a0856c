import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = process.env.OUTSIGHT_CHROMIUM ?? '/usr/bin/chromium';

/**
 * How long a browser test waits for the page to show something: long, so that a busy
 * machine (a first SLA measurement, a cold database) makes the suite slower, never red: the
 * first measurement of the demo's 1,406 tickets once took over a minute in a loaded CI run.
 */
export const WAIT_MS = 180_000;
/**
 * For `expect.poll`: a value read after a navigation or a click is read again until it
 * matches, up to the same time a locator waits (vitest's own default is 1 s, too short on
 * a busy machine). Never read such a value once.
 */
export const UNTIL = { timeout: WAIT_MS, interval: 100 } as const;

/** Debian's Chromium, never a downloaded one. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Sign in through the real form and wait until the app has left the sign-in page. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Pick an option of a Mantine Select by its label and the option's text. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
