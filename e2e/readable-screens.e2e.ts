import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNTIL, launchBrowser, signIn, WAIT_MS } from './support/browser.ts';
import { DEMO_OWNER, startServer, type RunningServer } from './support/server.ts';

/**
 * Screens that say what is true and address people properly: an engagement measured against
 * an SLA policy links to its report (not "Coming next: SLA policies…"), one without a policy
 * offers to set one; a vendor contact created from the address jane@… is never called "jane".
 */

const MEASURED = { vendor: 'HelpPoint Service Desk', engagement: '24/7 service desk' };
const UNMEASURED = { vendor: 'HelpPoint Service Desk', engagement: 'Onboarding and offboarding' };
const JANE = `jane.${Date.now()}@kestrel.example`;
const JANE_LOCAL = JANE.split('@')[0];

let server: RunningServer;
let browser: Browser;
let page: Page;

interface EngagementRow {
  id: string;
  vendorId: string;
  vendorName: string;
  name: string;
}

async function engagement(which: { vendor: string; engagement: string }): Promise<EngagementRow> {
  const list = (await (await page.request.get(`${server.baseUrl}/api/v1/engagements?limit=100`)).json()) as { items: EngagementRow[] };
  const e = list.items.find((x) => x.vendorName === which.vendor && x.name === which.engagement);
  if (!e) throw new Error(`The demo has no engagement ${which.engagement} of ${which.vendor}`);
  return e;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(WAIT_MS);
  await signIn(page, server.baseUrl, DEMO_OWNER.email, DEMO_OWNER.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the engagement page and its SLA', () => {
  it('links a measured engagement to its SLA report, with that engagement selected', async () => {
    const e = await engagement(MEASURED);
    await page.goto(`${server.baseUrl}/engagements/${e.id}`);
    const card = page.getByRole('region', { name: 'SLA' });
    await card.getByText(/Measured against SLA policy version \d+/).waitFor();
    await expect.poll(() => page.getByText('Coming next').count(), UNTIL).toBe(0);
    await card.getByRole('link', { name: 'Open the SLA report' }).click();
    await page.waitForURL((url) => url.pathname === `/vendors/${e.vendorId}/slas` && url.searchParams.get('engagement') === e.id);
    await page.getByRole('heading', { name: 'Breaches and tickets' }).waitFor();
  });

  it('offers to set a policy on an engagement without one', async () => {
    const e = await engagement(UNMEASURED);
    await page.goto(`${server.baseUrl}/engagements/${e.id}`);
    const card = page.getByRole('region', { name: 'SLA' });
    await card.getByText('No SLA policy yet', { exact: false }).waitFor();
    await card.getByRole('link', { name: 'Set an SLA policy' }).click();
    await page.waitForURL((url) => url.pathname === `/vendors/${e.vendorId}/slas` && url.searchParams.get('engagement') === e.id);
  });
});

describe('a vendor contact created from an address', () => {
  it('is listed as a vendor contact with the address, never by the address’s local part', async () => {
    // Sending a questionnaire to a new address creates the contact, named after nothing but the address.
    const base = server.baseUrl;
    const me = (await (await page.request.get(`${base}/api/v1/auth/me`)).json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': me.csrfToken };
    const definition = { name: `Contact check ${Date.now()}`, sections: [{ id: 's', title: 'Basics', questions: [{ id: 'q', type: 'yes_no', text: 'Do you encrypt backups?', required: true, weight: 1, topic: 'encryption', severity: 'high' }] }] };
    const q = await page.request.post(`${base}/api/v1/questionnaires`, { headers, data: { name: definition.name, definition } });
    expect(q.status(), await q.text()).toBe(201);
    const vendors = (await (await page.request.get(`${base}/api/v1/vendors?limit=100`)).json()) as { items: { id: string; name: string }[] };
    const kestrel = vendors.items.find((v) => v.name === 'Kestrel Software Labs')!;
    const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const sent = await page.request.post(`${base}/api/v1/assessments`, { headers, data: { vendorId: kestrel.id, templateId: ((await q.json()) as { id: string }).id, dueDate: due, contactEmail: JANE } });
    expect(sent.status(), await sent.text()).toBe(201);

    await page.goto(`${base}/settings/users`);
    const row = page.getByRole('row').filter({ hasText: JANE });
    await row.waitFor();
    await row.getByText('Vendor contact', { exact: true }).waitFor();
    await expect.poll(() => row.getByText(JANE_LOCAL, { exact: true }).count(), UNTIL).toBe(0);
  });
});
