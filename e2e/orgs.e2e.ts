import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchBrowser, signIn, WAIT_MS } from './support/browser.ts';
import { ROOT, startServer, type RunningServer } from './support/server.ts';

// Organisations for real: the operator creates a second organisation from the CLI with the
// demo analyst as its owner (an e-mail that already signs in: no password asked), and the
// analyst switches between the two in the account menu, each showing only its own data.

const ANALYST = { email: 'analyst@demo.outsight.test', password: 'outsight-demo' };
const SECOND = 'Fabrikam Logistics';

let server: RunningServer | null = null;
let browser: Browser;
let page: Page;
let dataRoot = '';

beforeAll(async () => {
  dataRoot = mkdtempSync(path.join(tmpdir(), 'outsight-e2e-orgs-'));
  const env = { OUTSIGHT_DATA_DIR: path.join(dataRoot, 'data') };
  // First start seeds the demo; the CLI works on the data directory while no server holds it.
  const first = await startServer(env);
  await first.stop();
  execFileSync('npx', ['tsx', 'src/cli/main.ts', 'orgs', 'create', '--name', SECOND, '--owner-email', ANALYST.email], {
    cwd: ROOT,
    env: { ...process.env, ...env, OUTSIGHT_DEMO: '0' },
    stdio: 'pipe',
  });
  server = await startServer(env);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(WAIT_MS);
}, 6 * WAIT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataRoot, { recursive: true, force: true });
});

async function openMenu() {
  await page.getByRole('button', { name: /^Account menu for / }).click();
}

describe('organisation switcher', () => {
  it('switches to the other organisation in the account menu, with its role and only its data, and back', async () => {
    await signIn(page, server!.baseUrl, ANALYST.email, ANALYST.password);
    await openMenu();
    await page.getByText('Analyst · Northwind Manufacturing (demo)').waitFor();
    await page.getByText('Switch organisation').waitFor();
    await page.getByRole('menuitem', { name: new RegExp(SECOND) }).click();
    await page.getByText(`You are now working in ${SECOND}.`).waitFor();

    // A new organisation: its owner sees no vendors, none of the demo's.
    await page.goto(`${server!.baseUrl}/vendors`);
    await page.getByText('No vendors yet').waitFor();
    await openMenu();
    await page.getByText(`Owner · ${SECOND}`).waitFor();

    await page.getByRole('menuitem', { name: /Northwind Manufacturing \(demo\)/ }).click();
    await page.getByText('You are now working in Northwind Manufacturing (demo).').waitFor();
    await page.goto(`${server!.baseUrl}/vendors`);
    await page.getByRole('link', { name: 'HelpPoint Service Desk' }).first().waitFor();
  });
});
