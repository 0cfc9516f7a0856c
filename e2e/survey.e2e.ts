import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp } from '../test/support/smtp.ts';
import { UNTIL, launchBrowser, signIn, WAIT_MS } from './support/browser.ts';
import { freePort, startServer, type RunningServer } from './support/server.ts';

// Issue 15 §5: a manager sends a review's stakeholder survey from the Governance tab; the colleague
// answers through the e-mailed single-use link (real SMTP server, no sign-in); the manager reads
// the averages and the comment on the tab; the link refuses a second use.
const MANAGER = { email: 'manager@demo.outsight.test', password: 'outsight-demo' };
const COLLEAGUE = 'analyst@demo.outsight.test';
let server: RunningServer;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let browser: Browser;
let manager: Page;
let colleague: Page;

async function surveyLinkFor(to: string): Promise<string> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    for (const mail of smtp.inbox) {
      const link = mail.to.includes(to) ? /(https?:\/\/[^\s"<>]+\/survey\/sv_[\w-]+)/.exec(mail.text) : null;
      if (link) return link[1];
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No survey link was mailed to ${to}; the inbox has ${smtp.inbox.length} message(s).\n${server.output()}`);
}

beforeAll(async () => {
  smtp = await startSmtp();
  const port = await freePort();
  server = await startServer({ PORT: String(port), OUTSIGHT_PUBLIC_URL: `http://127.0.0.1:${port}`, OUTSIGHT_SMTP_URL: smtp.url });
  browser = await launchBrowser();
  manager = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  colleague = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  manager.setDefaultTimeout(WAIT_MS);
  colleague.setDefaultTimeout(WAIT_MS);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

describe('the stakeholder survey of a performance review', () => {
  it('is sent from the Governance tab, answered once through the mailed link, and read back on the tab', async () => {
    await signIn(manager, server.baseUrl, MANAGER.email, MANAGER.password);
    const engagementId = await manager.evaluate(async () => {
      const res = await fetch('/api/v1/engagements?q=24%2F7%20service%20desk');
      const body = (await res.json()) as { items: Array<{ id: string; name: string }> };
      return body.items.find((e) => e.name === '24/7 service desk')!.id;
    });
    await manager.goto(`${server.baseUrl}/engagements/${engagementId}/governance`);
    const panel = manager.getByRole('region', { name: 'Stakeholder survey' });
    // The demo's latest review: four asked, three answered.
    await panel.getByText('3 of 4 answered.').waitFor();

    // The quarter before has no survey yet: send it to one colleague.
    // Its options run oldest first.
    await panel.getByRole('combobox', { name: 'Review' }).click();
    await manager.getByRole('option').first().click();
    await panel.getByText('Nobody has been asked yet.').waitFor();
    await panel.getByRole('button', { name: 'Send survey' }).click();
    const dialog = manager.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'People to ask' }).click();
    await manager.getByRole('option', { name: 'Ana Analyst' }).click();
    // Close the list of people (it covers the buttons) by clicking beside it.
    await dialog.getByText(/^Each person gets four questions/).click();
    await dialog.getByRole('button', { name: 'Send survey' }).click();
    await expect.poll(() => manager.getByRole('dialog').count(), UNTIL).toBe(0);
    await panel.getByText('0 of 1 answered.').waitFor();

    // The colleague answers through the link, without signing in.
    const link = await surveyLinkFor(COLLEAGUE);
    await colleague.goto(link);
    await colleague.getByRole('heading', { name: /How is HelpPoint Service Desk doing\?/ }).waitFor();
    for (const [label, rating] of [['Quality of work', '4'], ['Communication', '3'], ['Expertise', '5'], ['Proactiveness', '2']] as const) {
      const group = colleague.getByRole('radiogroup', { name: label });
      await group.getByText(rating, { exact: true }).click();
      await expect.poll(() => group.getByRole('radio', { name: rating, exact: true }).isChecked(), UNTIL).toBe(true);
    }
    await colleague.getByRole('textbox', { name: 'Proactiveness: comment' }).fill('They wait for us to find the problems.');
    await colleague.getByRole('button', { name: 'Send my answers' }).click();
    await colleague.getByRole('heading', { name: 'Thank you' }).waitFor();

    // The manager reads it back: the count, each average, the comment (not whose it is).
    await manager.reload();
    await panel.getByRole('combobox', { name: 'Review' }).click();
    await manager.getByRole('option').first().click();
    await panel.getByText('1 of 1 answered.').waitFor();
    await panel.getByRole('region', { name: 'Expertise' }).getByText('5.0 of 5').waitFor();
    await panel.getByRole('region', { name: 'Proactiveness' }).getByText('2.0 of 5').waitFor();
    await panel.getByText('“They wait for us to find the problems.”').waitFor();
    expect(await manager.locator('main').innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|sv_/);

    // The link took one set of answers.
    await colleague.goto(link);
    await colleague.getByRole('heading', { name: 'This survey link cannot be used' }).waitFor();
  });
});
