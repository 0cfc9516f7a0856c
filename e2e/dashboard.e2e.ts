import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNTIL, launchBrowser, signIn, WAIT_MS } from './support/browser.ts';
import { DEMO_OWNER, startServer, type RunningServer } from './support/server.ts';

/**
 * The owner's dashboard on the demo data: what is due this week, what exposes the
 * organisation and what it pays for, in words, each line opening its object or list; and a
 * manager (who may not read the audit trail) sees the same answers, not an empty page.
 */

const MANAGER = { email: 'manager@demo.outsight.test', password: 'outsight-demo' };
const VENDOR = 'Kestrel Software Labs';
const QUESTIONNAIRE = `Quarterly check ${Date.now()}`;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** Codes as the server stores them (`sla_policy.save`, `assessment_due`): never shown as such. */
const CODE = /\b[a-z]+_[a-z_]+(\.[a-z_]+)?\b/;

let server: RunningServer;
let browser: Browser;
let owner: Page;

function isoInDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Send a questionnaire due in three days (through the API, as the owner): the demo's own one is already reviewed. */
async function sendQuestionnaire(page: Page): Promise<void> {
  const base = server.baseUrl;
  const me = (await (await page.request.get(`${base}/api/v1/auth/me`)).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  const definition = {
    name: QUESTIONNAIRE,
    sections: [{ id: 's', title: 'Basics', questions: [{ id: 'mfa', type: 'yes_no', text: 'Do you enforce multi-factor authentication?', required: true, weight: 1, topic: 'access_control', severity: 'high' }] }],
  };
  const q = await page.request.post(`${base}/api/v1/questionnaires`, { headers, data: { name: QUESTIONNAIRE, definition } });
  expect(q.status(), await q.text()).toBe(201);
  const templateId = ((await q.json()) as { id: string }).id;
  const vendors = (await (await page.request.get(`${base}/api/v1/vendors?limit=100`)).json()) as { items: { id: string; name: string; contactEmail: string }[] };
  const v = vendors.items.find((x) => x.name === VENDOR)!;
  const sent = await page.request.post(`${base}/api/v1/assessments`, { headers, data: { vendorId: v.id, templateId, dueDate: isoInDays(3), contactEmail: v.contactEmail } });
  expect(sent.status(), await sent.text()).toBe(201);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  owner = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  owner.setDefaultTimeout(WAIT_MS);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the owner's dashboard", () => {
  it('answers the owner: this week, exposed, paying for — in words', async () => {
    await signIn(owner, server.baseUrl, DEMO_OWNER.email, DEMO_OWNER.password);
    await sendQuestionnaire(owner);
    await owner.goto(`${server.baseUrl}/`);
    const week = owner.getByRole('region', { name: 'This week' });
    const exposed = owner.getByRole('region', { name: 'Exposed' });
    await week.waitFor();
    await exposed.waitFor();
    await owner.getByRole('region', { name: 'Paying for' }).waitFor();

    // The questionnaire just sent; the demo's vendors never assessed, in one line naming a few.
    await week.getByRole('link', { name: `Questionnaire due from ${VENDOR}` }).waitFor();
    await week.getByText(QUESTIONNAIRE).waitFor();
    await week.getByRole('link', { name: /^First due-diligence review due: \d+ vendors never assessed$/ }).waitFor();
    await week.getByText(/^[^,]+, [^,]+, [^,]+ and \d+ more$/).waitFor();
    await exposed.getByRole('link', { name: /^Tier-1 and tier-2 vendors never assessed: \d+$/ }).waitFor();
    await exposed.getByRole('link', { name: /^Open high or critical findings: 1$/ }).waitFor();

    const text = await owner.getByRole('main').innerText();
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(CODE);
    expect(text).not.toContain('{');
  });

  it("a due item opens its object's page", async () => {
    await owner.getByRole('region', { name: 'This week' }).getByRole('link', { name: /^First due-diligence review due: \d+ vendors never assessed$/ }).click();
    await owner.waitForURL((url) => url.pathname === '/due-diligence');
    await owner.getByRole('heading', { name: 'Due diligence', level: 1 }).waitFor();

    await owner.goto(`${server.baseUrl}/`);
    await owner.getByRole('region', { name: 'This week' }).getByRole('link', { name: `Questionnaire due from ${VENDOR}` }).click();
    await owner.waitForURL((url) => url.pathname.startsWith('/assessments/'));
    await owner.getByText(QUESTIONNAIRE).first().waitFor();
  });

  it('a count opens the list it counts', async () => {
    await owner.goto(`${server.baseUrl}/`);
    await owner.getByRole('region', { name: 'Exposed' }).getByRole('link', { name: /^Tier-1 and tier-2 vendors never assessed: \d+$/ }).click();
    await owner.waitForURL((url) => url.pathname === '/due-diligence');
  });

  it('everything due opens from the week, and an analyst finds what is theirs on My actions', async () => {
    await owner.goto(`${server.baseUrl}/`);
    await owner.getByRole('region', { name: 'This week' }).getByRole('link', { name: /^(See all \d+, and further ahead|See what is due further ahead)$/ }).click();
    await owner.waitForURL((url) => url.pathname === '/due');
    const all = owner.getByRole('list', { name: 'Everything due' });
    await all.getByRole('link', { name: `Questionnaire due from ${VENDOR}` }).waitFor();
    await owner.getByText('90 days', { exact: true }).click();
    await owner.waitForURL((url) => url.searchParams.get('days') === '90');
    // The switch's input lies over its label: click the input.
    await owner.getByRole('switch', { name: 'Only what I own' }).click();
    await owner.waitForURL((url) => url.searchParams.get('mine') === 'true');
    await expect.poll(() => all.getByRole('link', { name: `Questionnaire due from ${VENDOR}` }).count(), UNTIL).toBe(0);

    const analyst = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    analyst.setDefaultTimeout(WAIT_MS);
    try {
      await signIn(analyst, server.baseUrl, 'analyst@demo.outsight.test', 'outsight-demo');
      await analyst.goto(`${server.baseUrl}/my-actions`);
      const mine = analyst.getByRole('region', { name: 'Also yours: risks and exits' });
      await mine.getByRole('link', { name: 'Exit action for Network and server operations: Get a copy of the switch and firewall configurations every month' }).click();
      await analyst.waitForURL((url) => url.pathname.endsWith('/exit'));
      await analyst.getByRole('heading', { name: /^Actions to close/ }).waitFor();
    } finally {
      await analyst.close();
    }
  });

  it('a manager sees the same dashboard, not an empty page', async () => {
    const manager = await browser.newPage({ viewport: { width: 390, height: 844 } });
    manager.setDefaultTimeout(WAIT_MS);
    try {
      await signIn(manager, server.baseUrl, MANAGER.email, MANAGER.password);
      const week = manager.getByRole('region', { name: 'This week' });
      await week.getByRole('link', { name: /^First due-diligence review due: \d+ vendors never assessed$/ }).waitFor();
      await manager.getByRole('region', { name: 'Exposed' }).getByRole('link', { name: /^Open high or critical findings: 1$/ }).waitFor();
      await expect.poll(() => manager.getByText('Nothing has changed yet').count(), UNTIL).toBe(0);
    } finally {
      await manager.close();
    }
  });
});
