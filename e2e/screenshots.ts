/**
 * Screenshots of the main screens at desktop and phone widths, for reviewing the UI.
 * Not a test: `npx tsx e2e/screenshots.ts http://localhost:3000 /tmp/outsight-shots`
 * against a server started with OUTSIGHT_DEMO=1.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signIn, WAIT_MS } from './support/browser.ts';
import { DEMO_CONTACT, DEMO_OWNER } from './support/server.ts';

const baseUrl = process.argv[2] ?? 'http://localhost:3000';
const outDir = process.argv[3] ?? '/tmp/outsight-shots';
const only = process.argv[4];

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

async function shot(page: Page, name: string, fullPage = true) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(350);
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage });
  console.log(`  ${name}.png`);
}

async function run(browser: Browser, vp: (typeof VIEWPORTS)[number]) {
  const ctx = await browser.newContext({ viewport: { width: vp.width, height: vp.height } });
  const page = await ctx.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.on('console', (m) => {
    if (m.type() === 'error') console.log(`  [console] ${m.text()}`);
  });
  page.on('pageerror', (e) => console.log(`  [pageerror] ${e.message}`));
  const p = (n: string) => `${vp.name}-${n}`;

  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(DEMO_OWNER.email);
  await page.getByLabel('Password', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').waitFor();
  await shot(page, p('sign-in-error'));

  await signIn(page, baseUrl, DEMO_OWNER.email, DEMO_OWNER.password);
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  await shot(page, p('dashboard'));

  if (vp.name === 'phone') {
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await shot(page, p('nav-open'), false);
    await page.getByRole('button', { name: 'Close navigation' }).click();
  }

  await page.goto(`${baseUrl}/vendors`);
  await page.getByRole('heading', { name: 'Vendors', level: 1 }).waitFor();
  await shot(page, p('vendors'));

  const firstVendor = page.locator('main a[href^="/vendors/"]:not([href="/vendors/new"])').filter({ visible: true }).first();
  const href = await firstVendor.getAttribute('href');
  await page.goto(`${baseUrl}${href}`);
  await page.getByRole('tab', { name: 'Overview' }).waitFor();
  await shot(page, p('vendor'));
  await page.getByRole('tab', { name: 'Contracts' }).click();
  await shot(page, p('vendor-contracts'), false);

  await page.goto(`${baseUrl}${href}/assessments`);
  await page.getByRole('heading', { name: 'Inherent risk' }).waitFor();
  await shot(page, p('vendor-assessments'));

  await page.goto(`${baseUrl}/vendors?q=no-such-vendor-anywhere`);
  await page.getByText('No vendors match these filters').waitFor();
  await shot(page, p('vendors-filtered-empty'), false);

  await page.goto(`${baseUrl}/vendors?q=HelpPoint`);
  await page.getByRole('link', { name: 'HelpPoint Service Desk' }).filter({ visible: true }).first().click();
  await page.getByRole('tab', { name: 'SLAs' }).click();
  await page.getByRole('heading', { name: 'Breaches and tickets' }).waitFor();
  await shot(page, p('vendor-slas'));

  await page.goto(`${baseUrl}/sla`);
  await page.getByRole('heading', { name: 'SLAs', level: 1 }).waitFor();
  await shot(page, p('sla-overview'));

  await page.goto(`${baseUrl}/due-diligence`);
  await page.getByRole('heading', { name: 'Due diligence', level: 1 }).waitFor();
  await shot(page, p('due-diligence'));

  await page.goto(`${baseUrl}/due-diligence/questionnaires`);
  await page.getByRole('heading', { name: 'Questionnaires', level: 1 }).waitFor();
  await shot(page, p('questionnaires'));

  await page.goto(`${baseUrl}${href}/edit`);
  await page.getByRole('button', { name: 'Save changes' }).waitFor();
  await shot(page, p('vendor-edit'));

  await page.goto(`${baseUrl}/vendors/new`);
  await page.getByLabel('Contact email').fill('not-an-email');
  await page.getByLabel('Website').fill('ftp://x');
  await page.getByRole('switch', { name: 'The contact has set working hours' }).check();
  await page.getByLabel('Working hours end').fill('08:00');
  await page.getByRole('button', { name: 'Create vendor' }).click();
  await page.getByRole('alert').first().waitFor();
  await shot(page, p('vendor-form-errors'));

  await page.goto(`${baseUrl}/engagements`);
  await page.getByRole('heading', { name: 'Engagements', level: 1 }).waitFor();
  await shot(page, p('engagements'));
  await page.getByRole('button', { name: 'New engagement' }).click();
  await page.getByRole('dialog').waitFor();
  await page.getByRole('button', { name: 'Create engagement' }).click();
  await shot(page, p('engagement-form-errors'), false);
  await page.keyboard.press('Escape');
  const firstEngagement = page.locator('main a[href^="/engagements/"]').filter({ visible: true }).first();
  await page.goto(`${baseUrl}${await firstEngagement.getAttribute('href')}`);
  await page.getByRole('button', { name: 'Edit engagement' }).waitFor();
  await shot(page, p('engagement'));

  await page.goto(`${baseUrl}/audit`);
  await page.getByRole('heading', { name: 'Audit', level: 1 }).waitFor();
  const expand = page.getByRole('button', { name: 'Show changes' }).first();
  if (await expand.count()) await expand.click();
  await shot(page, p('audit'));

  for (const tab of ['organisation', 'users', 'tokens']) {
    await page.goto(`${baseUrl}/settings/${tab}`);
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await shot(page, p(`settings-${tab}`));
  }

  await page.getByRole('button', { name: 'Create token' }).first().click();
  await page.getByLabel('Token name').fill('Nightly ticket import');
  await page.getByRole('dialog').getByRole('button', { name: 'Create token' }).click();
  await page.getByTestId('secret-value').waitFor();
  await shot(page, p('token-created'), false);
  await page.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: /^Account menu for / }).click();
  await shot(page, p('user-menu'), false);
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL(/sign-in/);

  await signIn(page, baseUrl, DEMO_CONTACT.email, DEMO_CONTACT.password);
  await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  await shot(page, p('portal'));
  await page.goto(`${baseUrl}/vendors`);
  await page.getByRole('heading', { name: 'Not available' }).waitFor();
  await shot(page, p('portal-not-available'));
  await ctx.close();
}

mkdirSync(outDir, { recursive: true });
const browser = await launchBrowser();
try {
  for (const vp of VIEWPORTS) {
    if (only && vp.name !== only) continue;
    console.log(vp.name);
    await run(browser, vp);
  }
} finally {
  await browser.close();
}
