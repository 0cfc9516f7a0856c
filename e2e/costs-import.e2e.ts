import { rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNTIL, launchBrowser, signIn, WAIT_MS } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// Issue 12: a manager builds an invoice mapping from the export's own columns in the import dialog and imports it;
// exchange rates entered by hand and imported from the ECB's daily history are the rates the converted figures show.
const MANAGER = { email: 'manager@demo.outsight.test', password: 'outsight-demo' };
const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'invoice-export.csv');
let server: RunningServer;
let browser: Browser;
let page: Page;
const dir = mkdtempSync(path.join(tmpdir(), 'outsight-costs-import-'));

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.setDefaultTimeout(WAIT_MS);
  await signIn(page, server.baseUrl, MANAGER.email, MANAGER.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function pick(scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const engagementId = (name: string) =>
  page.evaluate(async (n) => {
    const res = await fetch(`/api/v1/engagements?q=${encodeURIComponent(n)}`);
    return ((await res.json()) as { items: Array<{ id: string; name: string }> }).items.find((e) => e.name === n)!.id;
  }, name);

describe('an invoice export imported through a mapping built in the dialog', () => {
  it('maps the columns from the file, saves the mapping by name, imports the invoice and lands on it', async () => {
    await page.goto(`${server.baseUrl}/engagements/${await engagementId('Order portal development')}/costs`);
    await page.getByRole('heading', { name: 'Budget and actual' }).waitFor();
    await page.getByRole('button', { name: 'Import invoices' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'New mapping' }).click();
    const editor = dialog.getByRole('region', { name: 'New mapping' });
    await editor.locator('input[type="file"]').setInputFiles(FIXTURE);
    for (const [field, column] of [
      ['Invoice number', 'Invoice no'],
      ['Invoice date', 'Booked on'],
      ['Vendor', 'Supplier'],
      ['Engagement', 'Project'],
      ['Contract', 'Agreement'],
      ['Currency', 'Ccy'],
      ['Line description', 'Text'],
      ['Quantity', 'Qty'],
      ['Unit', 'UoM'],
      ['Unit price', 'Price'],
      ['Line amount', 'Net'],
      ['Line tax', 'VAT'],
    ]) {
      await pick(editor, field, column);
    }
    await editor.getByRole('textbox', { name: 'Mapping name' }).fill('Kestrel CSV');
    await editor.getByRole('button', { name: 'Save mapping' }).click();
    // Saved and picked: the dialog names each field's column.
    await dialog.getByText(/Invoice number ← "Invoice no"/).waitFor();
    await dialog.getByText(/Line tax ← "VAT"/).waitFor();

    await dialog.getByRole('button', { name: 'Edit mapping' }).click();
    await dialog.getByRole('region', { name: 'Edit mapping "Kestrel CSV"' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).first().click();

    await dialog.locator('input[type="file"]').last().setInputFiles(FIXTURE);
    await dialog.getByText('The file is valid').waitFor();
    await dialog.getByText(/KSL-E2E-IMP-1 from Kestrel Software Labs, €1,780.00 — all checks pass/).waitFor();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(/\/invoices\/[0-9a-f-]+$/);
    await page.getByRole('heading', { level: 1, name: 'Invoice KSL-E2E-IMP-1' }).waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('deletes the mapping after a second click, and the dialog no longer offers it', async () => {
    await page.goto(`${server.baseUrl}/engagements/${await engagementId('Order portal development')}/costs`);
    await page.getByRole('button', { name: 'Import invoices' }).click();
    const dialog = page.getByRole('dialog');
    await pick(dialog, 'Mapping', 'Kestrel CSV');
    await dialog.getByRole('button', { name: 'Edit mapping' }).click();
    const editor = dialog.getByRole('region', { name: 'Edit mapping "Kestrel CSV"' });
    await editor.getByRole('button', { name: 'Delete mapping…' }).click();
    await editor.getByRole('button', { name: 'Delete "Kestrel CSV" for good' }).click();
    await editor.waitFor({ state: 'detached' });
    await dialog.getByRole('combobox', { name: 'Mapping', exact: true }).click();
    await expect.poll(() => page.getByRole('option', { name: 'Kestrel CSV', exact: true }).count(), UNTIL).toBe(0);
  });
});

describe('exchange rates', () => {
  it('entered by hand and imported from the ECB daily history are the rates the converted spend shows', async () => {
    const now = new Date();
    const month = (back: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
    const label = (back: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    await page.goto(`${server.baseUrl}/settings/costs`);
    await page.getByRole('heading', { name: 'Exchange rates' }).waitFor();
    const form = page.getByRole('form', { name: 'Enter a rate' });
    await form.getByRole('textbox', { name: 'Currency' }).fill('GBP');
    await form.getByRole('textbox', { name: 'Month' }).fill(month(1));
    await form.getByRole('textbox', { name: '1 EUR =' }).fill('0.8230');
    await form.getByRole('button', { name: 'Save rate' }).click();
    await page.getByRole('table', { name: 'Exchange rates' }).getByText(/0\.8230/).first().waitFor();

    const csv = path.join(dir, 'eurofxref-hist.csv');
    writeFileSync(csv, `Date,USD,GBP,\n${month(2)}-15,1.1000,0.8300,\n${month(2)}-14,1.0900,0.8200,\n`);
    await page.getByRole('button', { name: 'Import ECB rates' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type="file"]').setInputFiles(csv);
    await dialog.getByText('The file is valid').waitFor();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The demo's monthly averages are more than a page: the list says so and loads the rest.
    await page.getByText('Showing the newest 60 exchange rates', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Load more exchange rates' }).click();
    const count = page.getByText(/^\d+ exchange rates$/);
    await count.waitFor();
    const total = Number((await count.innerText()).split(' ')[0]);
    expect(total).toBeGreaterThan(60);
    await expect.poll(() => page.getByRole('table', { name: 'Exchange rates' }).locator('tbody tr').count(), UNTIL).toBe(total);

    // The Atlas field engineer invoices (GBP) of the last two months, converted with those rates.
    await page.goto(`${server.baseUrl}/costs`);
    await page.getByText(`at 1 GBP = 1.215067 EUR, ${label(1)}`).first().waitFor();
    await page.getByText(`at 1 GBP = 1.212121 EUR, ${label(2)}`).first().waitFor();

    // And on the engagement's Costs tab, beside the invoices in pounds.
    await page.goto(`${server.baseUrl}/engagements/${await engagementId('Plant desktop support')}/costs`);
    await page.getByRole('heading', { name: 'Budget and actual' }).waitFor();
    await page.getByText(`at 1 GBP = 1.215067 EUR, ${label(1)}`).first().waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
