import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNTIL, choose, launchBrowser, signIn, WAIT_MS } from './support/browser.ts';
import { DEMO_CONTACT, startServer, type RunningServer } from './support/server.ts';

// Issue 15: a manager holds the weekly operations meeting from its pre-filled agenda and gives the vendor an action; the vendor's contact marks it done in the portal.
const MANAGER = { email: 'manager@demo.outsight.test', password: 'outsight-demo' };
const ACTION = 'Send the updated on-call rota for December';
let server: RunningServer;
let browser: Browser;
let manager: Page;
let vendor: Page;
let engagementId: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  manager = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  vendor = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  manager.setDefaultTimeout(WAIT_MS);
  vendor.setDefaultTimeout(WAIT_MS);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a meeting held from its agenda, and the vendor’s action done in the portal', () => {
  it('the manager holds the weekly operations meeting: the agenda comes filled in, minutes and an action for the vendor are saved', async () => {
    await signIn(manager, server.baseUrl, MANAGER.email, MANAGER.password);
    engagementId = await manager.evaluate(async () => {
      const res = await fetch('/api/v1/engagements?q=24%2F7%20service%20desk');
      const body = (await res.json()) as { items: Array<{ id: string; name: string }> };
      return body.items.find((e) => e.name === '24/7 service desk')!.id;
    });
    await manager.goto(`${server.baseUrl}/engagements/${engagementId}/governance`);
    await manager.getByRole('heading', { name: 'Contacts and escalation' }).waitFor();
    await manager.getByRole('cell', { name: 'Aoife Walsh, operations director' }).waitFor();

    await manager.getByRole('listitem', { name: 'Weekly operations' }).getByRole('button', { name: 'Hold meeting' }).click();
    const dialog = manager.getByRole('dialog');
    // Pre-filled from what happened since the last meeting: the vendor's overdue action is on it.
    await dialog.getByText(/^Overdue action \(Ciaran Byrne \(HelpPoint\), due .*\): Send the night-shift staffing plan$/).waitFor();
    // …and the change requests still awaiting our decision, with their amount.
    await dialog.getByText(/^Awaiting our decision since \d{4}-\d{2}-\d{2} \(raised by HelpPoint Service Desk\): Self-service password reset \(€6,500\.00\)$/).waitFor();
    await dialog.getByRole('textbox', { name: 'Attendees on our side' }).fill('Maria Manager');
    await dialog.getByRole('textbox', { name: 'Attendees from HelpPoint Service Desk' }).fill('Ciaran Byrne');
    await dialog.getByRole('textbox', { name: 'Minutes' }).fill('Internal: the rota gap over Christmas worries us.');
    await dialog.getByRole('textbox', { name: 'Decisions' }).fill('Christmas cover is agreed by 15 December');
    await dialog.getByRole('button', { name: 'Add action' }).click();
    await dialog.getByRole('textbox', { name: 'Action 1' }).fill(ACTION);
    await choose(manager, 'Owner', 'Ciaran Byrne (HelpPoint) (contact@demo.outsight.test)');
    await dialog.getByRole('button', { name: 'Save minutes' }).click();
    await expect.poll(() => manager.getByRole('dialog').count(), UNTIL).toBe(0);

    await manager.getByText('Decisions: Christmas cover is agreed by 15 December').waitFor();
    await manager.getByRole('listitem', { name: ACTION }).waitFor();
    expect(await manager.locator('main').innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('the vendor’s contact sees the action in the portal, never the minutes, and marks it done; the manager sees it done', async () => {
    await signIn(vendor, server.baseUrl, DEMO_CONTACT.email, DEMO_CONTACT.password);
    await vendor.waitForURL(/\/portal$/);
    const item = vendor.getByRole('listitem', { name: ACTION });
    await item.waitFor();
    expect(await vendor.locator('body').innerText()).not.toContain('the rota gap over Christmas');
    await item.getByRole('textbox').fill('Rota sent by e-mail to Maria.');
    await item.getByRole('button', { name: `Mark done: ${ACTION}` }).click();
    await item.getByText('Done', { exact: true }).waitFor();

    await manager.reload();
    // The engagement's list shows open items first; the done one is under "All".
    await choose(manager, 'Which actions', 'All');
    const done = manager.getByRole('listitem', { name: ACTION });
    await done.getByText("Vendor's note: Rota sent by e-mail to Maria.").waitFor();
    await done.getByText('Done', { exact: true }).waitFor();
  });

  it('the vendor hands in its missing weekly status report in the portal; the manager sees it as late', async () => {
    await vendor.goto(`${server.baseUrl}/portal`);
    const reports = vendor.getByRole('table', { name: 'Status reports of 24/7 service desk' });
    const missing = reports.getByRole('row').filter({ hasText: 'Missing' });
    await missing.getByRole('button', { name: 'Hand in' }).click();
    await missing.getByRole('textbox').fill('All priorities within target; the VPN rollout added 60 tickets.');
    await missing.getByRole('button', { name: 'Hand in report' }).click();
    await reports.getByText('All priorities within target; the VPN rollout added 60 tickets.').waitFor();
    await expect.poll(() => reports.getByText('Missing', { exact: true }).count(), UNTIL).toBe(0);

    await manager.goto(`${server.baseUrl}/engagements/${engagementId}/governance`);
    const row = manager.getByRole('table', { name: 'Status reports of 24/7 service desk' }).getByRole('row').filter({ hasText: 'the VPN rollout added 60 tickets' });
    await row.getByText('Late', { exact: true }).waitFor();
  });

  it('beside the scorecard, the manager sees our own side of the last quarter in words', async () => {
    await manager.goto(`${server.baseUrl}/engagements/${engagementId}/governance`);
    const ours = manager.getByRole('region', { name: /^Our side, Q\d \d{4}$/ });
    await ours.getByText('4 decided in 5.6 days on median (worst 14.1 days)').waitFor();
    await ours.getByText('2 decided in 14.5 days on median (worst 23 days)').waitFor();
    await ours.getByText('4 answered in 4.1 days on median (worst 7 days)').waitFor();
    await ours.getByText(/^Our side attended \d+ of \d+ meetings held/).waitFor();
  });
});
