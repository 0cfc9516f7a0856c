import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNTIL, launchBrowser, signIn, WAIT_MS } from './support/browser.ts';
import { DEMO_CONTACT, startServer, type RunningServer } from './support/server.ts';

// Issue 11: a vendor contact submits a deliverable in the portal and the reviewer accepts it.
const MANAGER = { email: 'manager@demo.outsight.test', password: 'outsight-demo' };
let server: RunningServer;
let browser: Browser;
let vendor: Page;
let reviewer: Page;
let pdfPath: string;
let title: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const tmp = mkdtempSync(path.join(tmpdir(), 'outsight-e2e-deliverables-'));
  pdfPath = path.join(tmp, 'service-report.pdf');
  writeFileSync(pdfPath, '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
  vendor = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  reviewer = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  vendor.setDefaultTimeout(WAIT_MS);
  reviewer.setDefaultTimeout(WAIT_MS);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a deliverable handed in through the portal and accepted', () => {
  it('the vendor contact sees its deliverable with its criteria and hands it in with a note and a file', async () => {
    await signIn(vendor, server.baseUrl, DEMO_CONTACT.email, DEMO_CONTACT.password);
    await vendor.waitForURL(/\/portal$/);
    const handIn = vendor.getByRole('link', { name: /^Hand in: Monthly service report – / });
    await handIn.waitFor();
    title = ((await handIn.getAttribute('aria-label')) ?? '').replace(/^Hand in: /, '');
    await handIn.click();
    await vendor.getByRole('heading', { level: 1, name: title }).waitFor();
    await vendor.getByRole('heading', { name: 'Acceptance criteria' }).waitFor();
    await vendor.getByText('SLA attainment per priority, each breach explained').waitFor();
    // Nothing of the client's side: its internal note never reaches the portal.
    await expect.poll(() => vendor.getByText(/Compare the SLA numbers/).count(), UNTIL).toBe(0);

    await vendor.getByRole('textbox', { name: 'Note' }).fill('November report attached; two P2 breaches explained on page 3.');
    await vendor.locator('input[type="file"]').setInputFiles(pdfPath);
    await vendor.getByRole('list', { name: 'Files to hand in' }).getByText('service-report.pdf').waitFor();
    await vendor.getByRole('button', { name: 'Submit deliverable' }).click();
    await vendor.getByText('Submitted, waiting for review').first().waitFor();
    await vendor.getByRole('heading', { name: 'What you handed in' }).waitFor();
    await vendor.getByRole('link', { name: 'service-report.pdf' }).waitFor();
    await expect.poll(() => vendor.getByRole('button', { name: 'Submit deliverable' }).count(), UNTIL).toBe(0);
  });

  it('the reviewer ticks every acceptance criterion on the engagement and accepts it', async () => {
    await signIn(reviewer, server.baseUrl, MANAGER.email, MANAGER.password);
    const engagementId = await reviewer.evaluate(async () => {
      const res = await fetch('/api/v1/engagements?q=24%2F7%20service%20desk');
      const body = (await res.json()) as { items: Array<{ id: string; name: string }> };
      return body.items.find((e) => e.name === '24/7 service desk')!.id;
    });
    await reviewer.goto(`${server.baseUrl}/engagements/${engagementId}/deliverables`);
    const card = reviewer.getByRole('listitem', { name: title });
    await card.getByText('Submitted, waiting for review').waitFor();
    await card.getByRole('link', { name: 'service-report.pdf' }).waitFor();
    await card.getByRole('button', { name: 'Accept…' }).click();
    const dialog = reviewer.getByRole('dialog');
    const accept = dialog.getByRole('button', { name: 'Accept deliverable' });
    await expect.poll(() => accept.isDisabled(), UNTIL).toBe(true);
    // One tick per acceptance criterion (the three of the monthly report).
    const boxes = dialog.getByRole('checkbox');
    await expect.poll(() => boxes.count(), UNTIL).toBe(3);
    await dialog.getByText('SLA attainment per priority, each breach explained').waitFor();
    for (let i = 0; i < 3; i++) {
      await boxes.nth(i).click();
      await expect.poll(() => boxes.nth(i).isChecked(), UNTIL).toBe(true);
    }
    await expect.poll(() => accept.isDisabled(), UNTIL).toBe(false);
    await accept.click();
    await card.getByText(/^Accepted on time, on /).waitFor();
    await card.getByText(/^Accepted by Maria Manager, /).waitFor();

    // The vendor sees the acceptance in its portal.
    await vendor.reload();
    await vendor.getByText('Accepted', { exact: true }).first().waitFor();
  });
});
