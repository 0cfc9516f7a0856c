import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, lastDayOfMonth } from '../src/domain/civil-date.ts';
import { dayInWords } from '../src/domain/civil-date.ts';
import { UNTIL, choose, launchBrowser, signIn, WAIT_MS } from './support/browser.ts';
import { DEMO_OWNER, startServer, type RunningServer } from './support/server.ts';

// Issue 11: add a contract with its dates and read the notice deadline in words (the clause checklist extends this file).
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  page.setDefaultTimeout(WAIT_MS);
  await signIn(page, server.baseUrl, DEMO_OWNER.email, DEMO_OWNER.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const today = new Date().toISOString().slice(0, 10);
// A term ending on the last day of the month six months on; three months' notice → the last day of the month three months on.
const termEnd = lastDayOfMonth(addMonths(today, 6));
const deadline = lastDayOfMonth(addMonths(today, 3));
const title = `Quanta analytics subscription ${Date.now()}`;

describe('contracts in the browser, on a phone', () => {
  it('adds a contract with its dates and shows the notice deadline in words', async () => {
    await page.goto(`${server.baseUrl}/contracts`);
    await page.getByRole('heading', { name: 'Contracts', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New contract' }).click();
    const dialog = page.getByRole('dialog', { name: 'New contract' });
    await dialog.waitFor();
    await choose(page, 'Vendor', 'Quanta Analytics');
    await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    await choose(page, 'Type', 'Order form');
    await choose(page, 'Status', 'Active');
    await dialog.getByLabel('Initial term ends').fill(termEnd);
    await choose(page, 'Renewal', 'Renews automatically');
    await dialog.getByRole('textbox', { name: 'Renews for (months)' }).fill('12');
    await dialog.getByRole('textbox', { name: 'Notice period' }).fill('3');
    await choose(page, 'Notice period in', 'months');
    await choose(page, 'Currency', 'USD');
    await dialog.getByRole('textbox', { name: 'Value per year' }).fill('18,000.00');
    await dialog.getByRole('button', { name: 'Create contract' }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    const words = page.getByTestId('key-dates-words');
    await expect.poll(() => words.innerText(), UNTIL).toContain(`unless notice is given by ${dayInWords(deadline)}`);
    await page.getByText('$18,000.00 a year').waitFor();
  });

  it("shows it in the key-dates calendar of its deadline's month", async () => {
    await page.goto(`${server.baseUrl}/contracts/key-dates?view=month&month=${deadline.slice(0, 7)}`);
    const list = page.getByRole('list', { name: 'Key dates' });
    await list.waitFor();
    await expect.poll(() => list.innerText(), UNTIL).toContain(title);
    await expect.poll(() => list.innerText(), UNTIL).toContain('NOTICE DEADLINE');
  });
});
