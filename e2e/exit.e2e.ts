import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNTIL, choose, launchBrowser, signIn, WAIT_MS } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// Issue 14: a manager builds the exit plan of Nimbus's customer portal hosting from the template,
// records a drill whose data export was not possible, sees readiness fall and the gap become an action.
const MANAGER = { email: 'manager@demo.outsight.test', password: 'outsight-demo' };
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.setDefaultTimeout(WAIT_MS);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The score the readiness badge shows. */
async function score(): Promise<number> {
  const label = await page.getByLabel(/^Exit readiness \d+ out of 100/).getAttribute('aria-label');
  return Number(/(\d+) out of 100/.exec(label ?? '')![1]);
}

describe('exit readiness in the browser', () => {
  it('builds a plan from the template, records a drill with a failed step, and shows readiness fall and the gap as an action', async () => {
    await signIn(page, server.baseUrl, MANAGER.email, MANAGER.password);
    const engagementId = await page.evaluate(async () => {
      const res = await fetch('/api/v1/engagements?q=Customer%20portal%20hosting');
      const body = (await res.json()) as { items: Array<{ id: string; name: string }> };
      return body.items.find((e) => e.name === 'Customer portal hosting')!.id;
    });
    await page.goto(`${server.baseUrl}/engagements/${engagementId}/exit`);
    await page.getByRole('heading', { name: 'Exit readiness' }).waitFor();
    const before = await score();

    // Build the plan from the built-in template: ten steps, from notice to the final invoice.
    await page.getByRole('button', { name: 'Build exit plan from template' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Build plan' }).click();
    const steps = page.getByRole('table', { name: 'Exit steps' });
    await steps.getByText('Give notice', { exact: true }).waitFor();
    await steps.getByText('Settle the final invoice and credits', { exact: true }).waitFor();
    await expect.poll(score, UNTIL).toBeGreaterThan(before);
    const planned = await score();

    // A drill: notice given, but the data export was not possible.
    await page.getByRole('button', { name: 'Record drill' }).click();
    const drill = page.getByRole('dialog');
    await drill.getByRole('textbox', { name: 'Scenario' }).fill('Nimbus shuts the portal tenant');
    await choose(page, 'Result: Give notice', 'Done');
    await choose(page, 'Result: Export the data in the agreed format, and verify it', 'Not possible');
    await drill.getByRole('textbox', { name: 'Note: Export the data in the agreed format, and verify it' }).fill('No export of the session store');
    await drill.getByRole('button', { name: 'Record drill' }).click();
    await page.getByText('Nimbus shuts the portal tenant', { exact: false }).first().waitFor();

    // Readiness falls (the earlier drill's successful export no longer counts), and the gap is an action to close.
    await expect.poll(score, UNTIL).toBeLessThan(planned);
    await page.getByText('Close the gap in "Export the data in the agreed format, and verify it"').waitFor();
    await page.getByText(/No export of the session store/).first().waitFor();
    await page.getByText(/Drill recorded: Nimbus shuts the portal tenant/).waitFor();

    // The gap gets an owner and a date, then is closed.
    const gap = 'Close the gap in "Export the data in the agreed format, and verify it"';
    await page.getByRole('button', { name: `Edit: ${gap}` }).click();
    const edit = page.getByRole('dialog');
    await choose(page, 'Owner', 'Ana Analyst');
    await edit.getByLabel('Due').fill('2027-01-29');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: gap });
    await row.getByText('Ana Analyst').waitFor();
    await row.getByRole('button', { name: `Close: ${gap}` }).click();
    await row.getByRole('button', { name: `Open again: ${gap}` }).waitFor();

    // An asset's details are corrected in place.
    await page.getByRole('button', { name: 'Edit Customer portal tenant' }).click();
    const asset = page.getByRole('dialog');
    await asset.getByRole('textbox', { name: 'Where it lives' }).fill('Nimbus console, tenant northwind-web-2');
    await asset.getByRole('button', { name: 'Save' }).click();
    await asset.waitFor({ state: 'detached' });
    await page.getByRole('table', { name: 'Assets' }).getByText('Nimbus console, tenant northwind-web-2').waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
