import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNTIL, WAIT_MS, choose, launchBrowser, signIn } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// Issue 11: the plan is kept in the web UI, not only through the API — on a phone.
const MANAGER = { email: 'manager@demo.outsight.test', password: 'outsight-demo' };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  page.setDefaultTimeout(WAIT_MS);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a manager keeps the plan of an engagement in the web UI', () => {
  it('adds a milestone, a deliverable with two criteria and a payment held by the milestone', async () => {
    await signIn(page, server.baseUrl, MANAGER.email, MANAGER.password);
    const engagementId = await page.evaluate(async () => {
      const res = await fetch('/api/v1/engagements?q=Order%20portal%20maintenance');
      const body = (await res.json()) as { items: Array<{ id: string; name: string }> };
      return body.items.find((e) => e.name === 'Order portal maintenance')!.id;
    });
    await page.goto(`${server.baseUrl}/engagements/${engagementId}/deliverables`);

    // A milestone.
    await page.getByRole('button', { name: 'Add milestone' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Release 2.1');
    await dialog.getByLabel('Due date').fill('2027-06-30');
    await dialog.getByRole('button', { name: 'Add milestone' }).click();
    const milestone = page.getByRole('region', { name: 'Milestone Release 2.1' });
    await milestone.getByText(/due .*2027/).waitFor();

    // A deliverable: the server's field error lands at its field (no due date yet).
    await page.getByRole('button', { name: 'Add deliverable' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Release 2.1 notes');
    await dialog.getByRole('button', { name: 'Add criterion' }).click();
    await dialog.getByRole('textbox', { name: 'Criterion 1' }).fill('Every change listed with its ticket');
    await dialog.getByRole('button', { name: 'Add criterion' }).click();
    await dialog.getByRole('textbox', { name: 'Criterion 2' }).fill('Known issues with workarounds');
    await choose(page, 'Milestone', 'Release 2.1');
    await dialog.getByRole('button', { name: 'Add deliverable' }).click();
    const due = dialog.getByLabel('Due date');
    await expect.poll(() => due.getAttribute('aria-invalid'), UNTIL).toBe('true');
    await due.fill('2027-06-15');
    await dialog.getByRole('button', { name: 'Add deliverable' }).click();
    const card = milestone.getByRole('listitem', { name: 'Release 2.1 notes' });
    await card.getByText('Every change listed with its ticket').waitFor();
    await card.getByText('Known issues with workarounds').waitFor();
    await card.getByText('Planned', { exact: true }).waitFor();

    // A payment tied to the milestone: the amount typed as a decimal.
    await page.getByRole('button', { name: 'Add payment' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'What it pays for' }).fill('Release 2.1 instalment');
    await choose(page, 'Currency', 'EUR');
    await dialog.getByRole('textbox', { name: 'Amount' }).fill('1250.505');
    await dialog.getByLabel('Due date').fill('2027-07-15');
    await choose(page, 'Milestone', 'Release 2.1');
    await dialog.getByText('The payment is held until every deliverable of the milestone is accepted.').waitFor();
    await dialog.getByRole('button', { name: 'Add payment' }).click();
    // Three decimals are refused at the field, in words.
    await dialog.getByText(/has more decimals than EUR has/).waitFor();
    await dialog.getByRole('textbox', { name: 'Amount' }).fill('1250.50');
    await dialog.getByRole('button', { name: 'Add payment' }).click();

    const payment = page.getByRole('listitem', { name: 'Release 2.1 instalment' });
    await payment.getByText('€1,250.50').waitFor();
    await payment.getByText('Blocked', { exact: true }).waitFor();
    await payment.getByText('Blocked until every deliverable of milestone "Release 2.1" is accepted; waiting for "Release 2.1 notes" (planned).').waitFor();

    // Mark paid: the hold is explained; a manager has no override, so no reason field.
    await payment.getByRole('button', { name: 'Mark paid…' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByText('This payment is blocked').waitFor();
    await dialog.getByText('Only an owner or an administrator can pay a blocked payment, with a reason.').waitFor();
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Reason for paying anyway' }).count(), UNTIL).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('dialog').count(), UNTIL).toBe(0);

    // The deliverable moves on; nothing on the page shows an id.
    await card.getByRole('button', { name: 'Mark in progress' }).click();
    await card.getByText('In progress', { exact: true }).waitFor();
    await payment.getByText(/waiting for "Release 2.1 notes" \(in progress\)/).waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(UUID);
  });

  it('renames the milestone and edits the payment, the form filled with what was saved', async () => {
    await page.getByRole('button', { name: 'Edit milestone Release 2.1' }).click();
    let dialog = page.getByRole('dialog');
    const name = dialog.getByRole('textbox', { name: 'Name' });
    await expect.poll(() => name.inputValue(), UNTIL).toBe('Release 2.1');
    await name.fill('Release 2.1 final');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('region', { name: 'Milestone Release 2.1 final' }).waitFor();

    const payment = page.getByRole('listitem', { name: 'Release 2.1 instalment' });
    await payment.getByText(/milestone "Release 2.1 final" is accepted/).waitFor();
    await payment.getByRole('button', { name: 'Edit payment Release 2.1 instalment' }).click();
    dialog = page.getByRole('dialog');
    const amount = dialog.getByRole('textbox', { name: 'Amount' });
    await expect.poll(() => amount.inputValue(), UNTIL).toBe('1250.50');
    // The open dialog fits the phone: nothing wider than the screen.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), UNTIL).toBeLessThanOrEqual(390);
    await amount.fill('1300');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await payment.getByText('€1,300.00').waitFor();
  });
});
