import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, UNTIL, WAIT_MS } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// Issue 13: an expired certificate raises a risk on the heat map; a new certificate marked valid clears the signal.
const MANAGER = { email: 'manager@demo.outsight.test', password: 'outsight-demo' };
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.setDefaultTimeout(WAIT_MS);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Files an ISO 27001 certificate for Sentinel SOC (a tier 1 vendor with none on file), valid until `validUntil`. */
async function fileCertificate(vendorId: string, title: string, validUntil: string) {
  const me = (await (await page.request.get(`${server.baseUrl}/api/v1/auth/me`)).json()) as { csrfToken: string };
  const query = new URLSearchParams({ fileName: 'iso27001.pdf', type: 'iso27001_certificate', title, validUntil });
  const res = await page.request.post(`${server.baseUrl}/api/v1/vendors/${vendorId}/evidence?${query}`, { headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/pdf' }, data: Buffer.from('%PDF-1.4\n%%EOF\n') });
  expect(res.status(), await res.text()).toBe(201);
}

describe('a signal from an expired certificate', () => {
  it('opens a risk that shows on the heat map, and clears when a new certificate is valid', async () => {
    await signIn(page, server.baseUrl, MANAGER.email, MANAGER.password);
    const vendorId = await page.evaluate(async () => {
      const body = (await (await fetch('/api/v1/vendors?q=Sentinel')).json()) as { items: Array<{ id: string; name: string }> };
      return body.items.find((v) => v.name === 'Sentinel SOC')!.id;
    });
    await fileCertificate(vendorId, 'ISO/IEC 27001 certificate 2023', day(-12));

    await page.goto(`${server.baseUrl}/risks`);
    await page.getByRole('heading', { level: 1, name: 'Risks' }).waitFor();
    await page.getByRole('button', { name: 'Evaluate now' }).click();
    await page.getByText(/^1 new, /).waitFor();

    // Expired (likely) at a tier 1 vendor (major): the residual cell Likely × Major counts it; choosing the cell lists it.
    const cell = page.getByRole('table', { name: 'Residual heat map' }).getByRole('button', { name: /likelihood Likely, impact Major/ });
    await cell.click();
    const row = page.getByRole('link', { name: 'Sentinel SOC: ISO 27001 certificate expired' });
    await row.waitFor();
    await row.click();
    await page.getByRole('heading', { level: 1, name: 'Sentinel SOC: ISO 27001 certificate expired' }).waitFor();
    await page.getByText('Signal active').waitFor();
    await page.getByText(/ISO\/IEC 27001 certificate 2023 expired on .*, and no newer ISO 27001 certificate is on file\./).first().waitFor();

    // The vendor sends the renewed certificate, valid for three years.
    await fileCertificate(vendorId, 'ISO/IEC 27001 certificate 2026', day(1095));
    await page.goto(`${server.baseUrl}/risks`);
    await page.getByRole('button', { name: 'Evaluate now' }).click();
    await page.getByText(/ cleared; /).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Sentinel SOC: ISO 27001 certificate expired' }).waitFor();
    await page.reload();
    await page.getByText('Signal cleared').waitFor();
    await page.getByText('The fact that raised it has cleared; close the risk when you agree.').waitFor();
    // The risk stays open for a person to close.
    await expect.poll(() => page.getByRole('button', { name: 'Close risk' }).count(), UNTIL).toBe(1);
    expect(await page.locator('main').innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
