import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNTIL, launchBrowser, signIn, WAIT_MS } from './support/browser.ts';
import { DEMO_OWNER, startServer, type RunningServer } from './support/server.ts';

// Issue 8 §1: the import dialog says a file looks cut off, and that a damaged workbook is damaged.
let server: RunningServer;
let browser: Browser;
let page: Page;
let dir: string;

const ENGAGEMENT = '24/7 service desk';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(WAIT_MS);
  dir = mkdtempSync(path.join(tmpdir(), 'outsight-import-e2e-'));
  // No line break at the end, and the last row stops after two of three fields.
  writeFileSync(path.join(dir, 'cut-export.csv'), 'number,opened_at,short_description\nE2E-1,2026-03-02 10:00,Printer\nE2E-2,2026-03-02 1');
  writeFileSync(path.join(dir, 'broken.xlsx'), 'not a workbook at all');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function importFile(dialog: Locator, file: string): Promise<void> {
  await dialog.locator('input[type="file"]').setInputFiles(path.join(dir, file));
  const format = dialog.getByRole('combobox', { name: 'Format', exact: true });
  await format.click();
  await page.getByRole('option', { name: 'ServiceNow incident list', exact: true }).click();
  await expect.poll(() => format.inputValue(), UNTIL).toBe('ServiceNow incident list');
  await dialog.getByRole('button', { name: 'Import tickets' }).click();
}

describe('the ticket import dialog never misleads', () => {
  it('says a CSV looks cut off, with its line, after importing the complete rows; and names a damaged workbook', async () => {
    await signIn(page, server.baseUrl, DEMO_OWNER.email, DEMO_OWNER.password);
    await page.goto(`${server.baseUrl}/vendors?q=HelpPoint`);
    await page.getByRole('link', { name: 'HelpPoint Service Desk' }).filter({ visible: true }).first().click();
    await page.getByRole('heading', { name: 'HelpPoint Service Desk', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'SLAs' }).click();
    await page.getByRole('group', { name: 'Engagement' }).getByText(ENGAGEMENT, { exact: true }).click();
    await expect.poll(() => page.getByRole('radio', { name: ENGAGEMENT }).isChecked(), UNTIL).toBe(true);
    // The demo's weekly export (Excel serial dates, cut inside its last row) is marked in the history.
    const history = page.getByRole('table', { name: 'Recent imports' });
    await expect.poll(() => history.innerText(), UNTIL).toMatch(/helppoint-weekly-excel\.csv\s*Cut off\s*ServiceNow incident list\s*7\s*6\b/i);

    await page.getByRole('button', { name: 'Import tickets' }).click();
    const dialog = page.getByRole('dialog', { name: `Import tickets · ${ENGAGEMENT}` });
    await dialog.waitFor();
    await importFile(dialog, 'cut-export.csv');
    await dialog.getByText('Tickets imported; 1 row rejected').waitFor();
    const warning = dialog.getByRole('alert').filter({ hasText: 'The file looks cut off' });
    await expect.poll(() => warning.innerText(), UNTIL).toContain('The file looks cut off at line 3');
    await expect.poll(() => dialog.getByRole('table', { name: 'Rejected rows' }).innerText(), UNTIL).toContain('The file looks cut off here');

    await dialog.getByRole('button', { name: 'Import another file' }).click();
    await importFile(dialog, 'broken.xlsx');
    const refused = dialog.getByRole('alert').filter({ hasText: 'The file is damaged; nothing was imported' });
    await expect.poll(() => refused.innerText(), UNTIL).toContain('"broken.xlsx" is named .xlsx but is not an Excel workbook');
    expect(await dialog.innerText()).not.toMatch(/file_damaged|internal/);
  });
});
