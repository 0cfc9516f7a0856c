import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNTIL, launchBrowser, signIn, WAIT_MS } from './support/browser.ts';
import { DEMO_OWNER, startServer, type RunningServer } from './support/server.ts';

// Issue 11 §7: a contract register comes in from a spreadsheet; a bad row is named and nothing is stored.
// And the organisation's contract settings (lead time, reminders, calendar) have a page in Settings.
let server: RunningServer;
let browser: Browser;
let page: Page;
const dir = mkdtempSync(path.join(tmpdir(), 'outsight-contracts-import-'));

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(WAIT_MS);
  await signIn(page, server.baseUrl, DEMO_OWNER.email, DEMO_OWNER.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const tag = Date.now().toString(36);
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('contracts import in the browser', () => {
  it('names a rejected row, then imports a good file and lists its contracts', async () => {
    await page.goto(`${server.baseUrl}/contracts`);
    await page.getByRole('heading', { name: 'Contracts', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import contracts from a spreadsheet' });
    await dialog.waitFor();
    await dialog.getByRole('link', { name: 'Download a template (CSV)' }).waitFor();

    const bad = file('bad.csv', `Vendor,Title,Type,Effective date\nQuanta Analytics,Dashboards order ${tag},Order form,2026-01-01\nNobody Ltd,Ghost ${tag},NDA,1 Jan 2026\n`);
    await dialog.locator('input[type="file"]').setInputFiles(bad);
    await dialog.getByRole('alert').filter({ hasText: 'Nothing was imported' }).waitFor();
    const table = dialog.getByRole('table', { name: 'Rejected rows' });
    await table.getByRole('cell', { name: 'No vendor named "Nobody Ltd" in your organisation' }).waitFor();
    await table.getByRole('cell', { name: '"1 Jan 2026" is not a date as YYYY-MM-DD (for example 2026-03-31)' }).waitFor();
    await expect.poll(() => table.locator('tbody tr').first().innerText(), UNTIL).toMatch(/^3\s+Vendor/);
    expect(await dialog.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);

    const good = file(
      'good.csv',
      `Vendor,Title,Type,Status,Parent,Effective date,Initial term end,Renewal,Notice period,Annual value,Currency,Engagements\n` +
        `Quanta Analytics,Dashboards MSA ${tag},Master agreement,Active,,2026-01-01,2027-12-31,automatic 12 months,60 days,"18,000.00",USD,Sales dashboards\n` +
        `Quanta Analytics,Dashboards order ${tag},Order form,Active,Dashboards MSA ${tag},2026-01-01,,,,,,\n`,
    );
    await dialog.locator('input[type="file"]').setInputFiles(good);
    await dialog.getByRole('status').filter({ hasText: 'The file is valid' }).waitFor();
    await expect.poll(() => dialog.getByRole('status').filter({ hasText: 'The file is valid' }).innerText(), UNTIL).toContain('create 2 contracts');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('2 contracts created.').waitFor();

    await page.getByRole('searchbox', { name: 'Search contracts' }).or(page.getByRole('textbox', { name: 'Search contracts' })).fill(tag);
    await page.getByRole('link', { name: `Dashboards MSA ${tag}` }).first().waitFor();
    await page.getByRole('link', { name: `Dashboards order ${tag}` }).first().waitFor();
  });

  it('the vendors import still uses the same dialog: checks, then imports', async () => {
    await page.goto(`${server.baseUrl}/vendors`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import vendors from CSV' });
    await dialog.locator('input[type="file"]').setInputFiles(file('vendors.csv', `name,kind\nImported vendor ${tag},saas\n`));
    await expect.poll(() => dialog.getByRole('status').filter({ hasText: 'The file is valid' }).innerText(), UNTIL).toContain('create 1 and update 0 vendors');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await page.getByText('1 created, 0 updated.').waitFor();
  });

  it('shows and saves the contract settings in plain words', async () => {
    await page.goto(`${server.baseUrl}/settings/contracts`);
    await page.getByRole('tab', { name: 'Contracts', selected: true }).waitFor();
    const lead = page.getByRole('textbox', { name: 'Decide this many days before the notice deadline' });
    await expect.poll(() => lead.inputValue(), UNTIL).toMatch(/^\d+ days$/);
    await page.getByText(/Reminders go out 90 days, 60 days, 30 days, 7 days before the decide-by date/).waitFor();
    await lead.fill('21');
    const reminders = page.getByRole('combobox', { name: 'Send reminders this many days before the decide-by date' });
    await reminders.fill('120');
    await reminders.press('Enter');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Contract settings saved').waitFor();

    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: 'Decide this many days before the notice deadline' }).inputValue(), UNTIL).toBe('21 days');
    await page.getByText(/Reminders go out 120 days, 90 days, 60 days, 30 days, 7 days before/).waitFor();
  });
});
