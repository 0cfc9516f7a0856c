import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNTIL, choose, launchBrowser, signIn, WAIT_MS } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// Issue 12: a manager enters Kestrel's invoice with a day rate above the rate card, reads the check beside the line, and disputes it.
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

describe('an invoice above the rate card', () => {
  it('is entered on the engagement, fails its check in words beside its line, is disputed with a reason, and corrected', async () => {
    await signIn(page, server.baseUrl, MANAGER.email, MANAGER.password);
    const engagementId = await page.evaluate(async () => {
      const res = await fetch('/api/v1/engagements?q=Order%20portal%20development');
      const body = (await res.json()) as { items: Array<{ id: string; name: string }> };
      return body.items.find((e) => e.name === 'Order portal development')!.id;
    });
    await page.goto(`${server.baseUrl}/engagements/${engagementId}/costs`);
    await page.getByRole('heading', { name: 'Budget and actual' }).waitFor();
    await page.getByText(/Order portal build: €/).waitFor();
    // The chart in one sentence: the budget summed to the last month begun (the table's months),
    // and the forecast line ending where the forecast in words does (none in the year's last month).
    const chart = page.getByRole('figure', { name: 'Budget and actual in EUR' });
    const sentence = /^By (\w+ \d{4}), €[\d,.]+ spent of (€[\d,.]+) budgeted (?:so far; at this run rate the year ends at (€[\d,.]+) against (€[\d,.]+)|for the whole year)\.$/;
    const summary = chart.getByText(sentence);
    await summary.waitFor();
    const [, lastMonth, budgetSoFar, endsAt, yearBudget] = (await summary.innerText()).match(sentence)!;
    const cents = (text: string) => (text.trim() === '—' ? 0 : Number(text.replace(/[€,.]/g, '')));
    const rows = await page.getByRole('table', { name: 'Budget and actual' }).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const upTo = rows.findIndex((r) => r[0] === lastMonth);
    expect(upTo).toBeGreaterThanOrEqual(0);
    expect(cents(budgetSoFar)).toBe(rows.slice(0, upTo + 1).reduce((sum, r) => sum + cents(r[1]), 0));
    if (endsAt) {
      expect(cents(yearBudget)).toBe(rows.reduce((sum, r) => sum + cents(r[1]), 0));
      expect(await page.getByText(/^At the run rate of \d+ months?, the year ends at/).innerText()).toContain(`the year ends at ${endsAt} against a budget of ${yearBudget}`);
    }
    // The demo's disputed milestone invoice is listed with the others.
    await page.getByRole('link', { name: /^Invoice KSL-\d{6}-077$/ }).waitFor();

    await page.getByRole('button', { name: 'Enter invoice' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Invoice number' }).fill('KSL-E2E-101');
    await dialog.getByLabel('Invoice date').fill('2026-11-30');
    await choose(page, 'Contract', 'Kestrel order portal statement of work');
    const line = dialog.getByRole('group', { name: 'Line 1' });
    await line.getByRole('textbox', { name: 'Quantity' }).fill('3');
    await line.getByRole('textbox', { name: 'Unit price' }).fill('720.00');
    await line.getByRole('combobox', { name: 'Description' }).fill('Senior developer');
    await dialog.getByRole('button', { name: 'Enter invoice' }).click();

    // The review page: the line, and beside it the check in words.
    await page.waitForURL(/\/invoices\/[0-9a-f-]+$/);
    await page.getByRole('heading', { level: 1, name: 'Invoice KSL-E2E-101' }).waitFor();
    const check = page.getByRole('listitem', { name: 'Price above the rate card' });
    await check.getByText('Line 1 ("Senior developer") charges €720.00 per day; the rate card allows €650.00 for "Senior developer" on 30 November 2026: €70.00 too much per unit, €210.00 on this line.').waitFor();
    await page.getByText('1 check failing', { exact: true }).waitFor();
    // The vendor's PDF, attached beside the lines and listed with who attached it.
    await page.getByText('No PDF of invoice KSL-E2E-101 yet. Attach the one the vendor sent, to read beside the lines.').waitFor();
    const pdf = path.join(mkdtempSync(path.join(tmpdir(), 'outsight-e2e-invoice-')), 'KSL-E2E-101.pdf');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    await page.locator('input[type="file"][accept="application/pdf,.pdf"]').setInputFiles(pdf);
    const attached = page.getByRole('list', { name: "The vendor's PDF" }).getByRole('link', { name: 'KSL-E2E-101.pdf' });
    await attached.waitFor();
    expect(await attached.getAttribute('href')).toMatch(/^\/api\/v1\/invoices\/[0-9a-f-]+\/documents\/[0-9a-f-]+\/download$/);
    // Approving waits for it: mark checked, and Approve stays disabled.
    await page.getByRole('button', { name: 'Mark checked' }).click();
    // A manager may not override: the page says who can.
    await page.getByText(/^Approval waits for the failing check: an owner or admin can override each with a reason; or dispute the invoice\.$/).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Approve' }).isDisabled(), UNTIL).toBe(true);

    await page.getByRole('button', { name: 'Dispute…' }).click();
    const dispute = page.getByRole('dialog');
    await dispute.getByRole('textbox', { name: 'Why it is disputed' }).fill('Senior developer billed at €720.00 a day; the rate card says €650.00. Send a corrected invoice.');
    await dispute.getByRole('button', { name: 'Dispute invoice' }).click();
    await page.getByText('Disputed with the vendor').waitFor();
    await page.getByText(/^Senior developer billed at €720.00 a day; the rate card says €650.00/).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Dispute…' }).count(), UNTIL).toBe(0);
    // No raw ids on the page.
    expect(await page.locator('main').innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    // The vendor's corrected copy: the day at the card's €650.00; the amount and totals follow the lines.
    await page.getByRole('button', { name: 'Correct…' }).click();
    const fix = page.getByRole('dialog', { name: /^Correct invoice KSL-E2E-101/ });
    const fixLine = fix.getByRole('group', { name: 'Line 1' });
    expect(await fixLine.getByRole('textbox', { name: 'Unit price' }).inputValue()).toBe('720.00');
    await fixLine.getByRole('textbox', { name: 'Unit price' }).fill('650.00');
    await fix.getByRole('button', { name: 'Save invoice' }).click();
    await page.getByText('All checks pass', { exact: true }).waitFor();
    await page.getByText('Net €1,950.00', { exact: false }).waitFor();
    await page.getByText('Received', { exact: true }).first().waitFor();
  });
});

describe('a possible duplicate', () => {
  it('links to the invoice it repeats', async () => {
    // The demo's second HelpPoint invoice for November, received while the first was approved.
    const ids = await page.evaluate(async () => {
      const res = await fetch('/api/v1/invoices?limit=100');
      const items = ((await res.json()) as { items: Array<{ id: string; number: string; status: string }> }).items.filter((i) => i.number === 'HP-202611');
      return { repeat: items.find((i) => i.status === 'received')!.id, first: items.find((i) => i.status === 'approved')!.id };
    });
    await page.goto(`${server.baseUrl}/invoices/${ids.repeat}`);
    const check = page.getByRole('listitem', { name: 'Possible duplicate' });
    await check.getByText(/^This vendor's invoice number HP-202611 was already entered/).waitFor();
    await check.getByRole('link', { name: 'Open invoice HP-202611' }).click();
    await page.waitForURL(`${server.baseUrl}/invoices/${ids.first}`);
    await page.getByRole('heading', { level: 1, name: 'Invoice HP-202611' }).waitFor();
    await page.getByText('Approved', { exact: true }).first().waitFor();
  });
});

describe('budgets across the portfolio', () => {
  it('are held against their actual on the Costs page, those over first, with the forecast the engagement shows', async () => {
    await page.goto(`${server.baseUrl}/costs`);
    const table = page.getByRole('table', { name: 'Budget against actual' });
    await table.locator('tbody tr').first().waitFor();
    const rows = (await table.locator('tbody tr').allInnerTexts()).filter((r) => !r.startsWith('Total in'));
    const flagged = rows.filter((r) => /Over budget|Forecast over/i.test(r)).length;
    // The demo's on-call engagement bills past its budget's pace; the sentence counts the badges.
    expect(flagged).toBeGreaterThan(0);
    await page.getByText(`${flagged} of ${rows.length} budgets ${flagged === 1 ? 'needs' : 'need'} attention:`, { exact: false }).waitFor();
    expect(rows.slice(flagged).some((r) => /Over budget|Forecast over/i.test(r))).toBe(false);
    // Below, the invoices waiting for review across the vendors; the disputed ones a click away.
    const invoices = page.getByRole('table', { name: 'Invoices' });
    await invoices.locator('tbody tr').first().waitFor();
    expect(new Set((await invoices.locator('tbody tr td:nth-child(6)').allInnerTexts()).map((x) => x.trim().toLowerCase()))).toEqual(new Set(['received', 'checked']));
    await page.locator('label').filter({ hasText: /^Disputed$/ }).click();
    await invoices.getByRole('link', { name: /^KSL-\d{6}-077$/ }).waitFor();
    await page.getByRole('table', { name: 'Change requests' }).getByRole('link', { name: 'Guest checkout without an account' }).waitFor();
    // The row's forecast in words is the one on the engagement's own Costs tab.
    const row = table.locator('tbody tr', { hasText: 'Out-of-hours on-call' });
    const words = await row.getByText(/^(At the run rate of|Actual €)/).innerText();
    await row.getByRole('link', { name: 'Out-of-hours on-call' }).click();
    await page.waitForURL(/\/engagements\/[0-9a-f-]+\/costs$/);
    await page.getByRole('heading', { name: 'Budget and actual' }).waitFor();
    await page.getByText(words, { exact: true }).waitFor();

    // The retainer's budget edited to €20,000.00: the forecast is held against the new amount.
    await page.getByRole('button', { name: 'Edit budget On-call retainer' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit budget "On-call retainer"' });
    await expect.poll(() => edit.getByRole('textbox', { name: 'Amount for the year' }).inputValue(), UNTIL).toBe('10000.00');
    await edit.getByRole('textbox', { name: 'Amount for the year' }).fill('20,000.00');
    await edit.getByRole('button', { name: 'Save budget' }).click();
    // The budget chip (not the notification, which says the same without the tag and phasing).
    await page.getByText(/^On-call retainer: €20,000\.00 · /).waitFor();
    await page.getByText(/^At the run rate of \d+ months?, the year ends at €[\d,.]+ against a budget of €20,000\.00\.$/).waitFor();
  });
});

describe('a change request raised by the vendor', () => {
  it('is read on the engagement, approved, and its budget and contract amendments are shown', async () => {
    const engagementId = await page.evaluate(async () => {
      const res = await fetch('/api/v1/engagements?q=Order%20portal%20development');
      return ((await res.json()) as { items: Array<{ id: string; name: string }> }).items.find((e) => e.name === 'Order portal development')!.id;
    });
    await page.goto(`${server.baseUrl}/engagements/${engagementId}/costs`);
    await page.getByRole('heading', { name: 'Scope creep' }).waitFor();
    await page.getByText('Scope creep: 12.73 %').waitFor();
    await page.getByRole('link', { name: 'Guest checkout without an account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Guest checkout without an account' }).waitFor();
    await page.getByText(/^Vendor · Arjun Mehta \(Kestrel\) · /).waitFor();
    // Corrected before the decision: the vendor's estimate of the delay, 15 days, was short.
    await page.getByRole('button', { name: 'Edit…' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit change request "Guest checkout without an account"' });
    expect(await edit.getByRole('textbox', { name: 'One-off cost' }).inputValue()).toBe('18000.00');
    await edit.getByRole('textbox', { name: 'Schedule impact (days)' }).fill('20');
    await edit.getByRole('button', { name: 'Save change request' }).click();
    await page.getByText('20 days later', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Approve…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Approve change' }).click();
    await page.getByText(/^Added €18,000.00 to the budget "Order portal build"/).waitFor();
    await page.getByText('The value of contract "Kestrel order portal statement of work" went from €270,540.00 to €288,540.00.', { exact: true }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Approve…' }).count(), UNTIL).toBe(0);
    expect(await page.locator('main').innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});

describe('an imported invoice above the rate card', () => {
  it('is imported from the finance export, its check read on the review page, and disputed', async () => {
    const engagementId = await page.evaluate(async () => {
      const res = await fetch('/api/v1/engagements?q=Order%20portal%20development');
      return ((await res.json()) as { items: Array<{ id: string; name: string }> }).items.find((e) => e.name === 'Order portal development')!.id;
    });
    await page.goto(`${server.baseUrl}/engagements/${engagementId}/costs`);
    await page.getByRole('button', { name: 'Import invoices' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import invoices from an accounting export' });
    await dialog.getByText('Invoice number ← "Document"', { exact: false }).waitFor();
    const head = 'KSL-E2E-IMP;2026-11-30;Kestrel Software Labs;Order portal development;Kestrel order portal statement of work;EUR;;';
    const csv = [
      'Document;Posting date;Vendor name;Cost object;Agreement;Currency;Service from;Service to;Item text;Quantity;Unit;Unit price;Net amount;Tax amount',
      `${head};Senior developer;4;day;700.00;2800.00;0.00`,
    ].join('\n');
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'sap-export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await dialog.getByRole('status').filter({ hasText: 'The file is valid' }).waitFor();
    await expect.poll(() => dialog.getByRole('status').filter({ hasText: 'The file is valid' }).innerText(), UNTIL).toContain('1 check failing: Price above the rate card');
    await dialog.getByRole('button', { name: 'Import' }).click();

    // One invoice imported: its review page opens, the check beside its line.
    await page.waitForURL(/\/invoices\/[0-9a-f-]+$/);
    await page.getByRole('heading', { level: 1, name: 'Invoice KSL-E2E-IMP' }).waitFor();
    await page
      .getByRole('listitem', { name: 'Price above the rate card' })
      .getByText('Line 1 ("Senior developer") charges €700.00 per day; the rate card allows €650.00 for "Senior developer" on 30 November 2026: €50.00 too much per unit, €200.00 on this line.')
      .waitFor();
    await page.getByRole('button', { name: 'Dispute…' }).click();
    const dispute = page.getByRole('dialog');
    await dispute.getByRole('textbox', { name: 'Why it is disputed' }).fill('€700.00 a day is above the €650.00 on the rate card.');
    await dispute.getByRole('button', { name: 'Dispute invoice' }).click();
    await page.getByText('Disputed with the vendor').waitFor();
  });
});

describe('a rate card item', () => {
  it('is edited to end its validity when the rate changes', async () => {
    const contractId = await page.evaluate(async () => {
      const res = await fetch('/api/v1/contracts?q=Kestrel%20order%20portal');
      return ((await res.json()) as { items: Array<{ id: string; title: string }> }).items.find((c) => c.title === 'Kestrel order portal statement of work')!.id;
    });
    await page.goto(`${server.baseUrl}/contracts/${contractId}/rate-card`);
    await page.getByRole('button', { name: 'Edit QA engineer' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit "QA engineer"' });
    expect(await edit.getByRole('textbox', { name: 'Price' }).inputValue()).toBe('480.00');
    await edit.getByLabel('Valid to').fill('2027-03-31');
    await edit.getByRole('button', { name: 'Save item' }).click();
    await page.getByRole('row', { name: /QA engineer .* – Mar 31, 2027/ }).waitFor();
  });
});

describe('a waived service credit', () => {
  it('is taken back, owed again, and waived anew with a reason', async () => {
    await page.goto(`${server.baseUrl}/costs`);
    await page.getByRole('heading', { name: 'Service credits' }).waitFor();
    await page.getByText(/^Owed:/).waitFor();
    // The demo waived the service desk's oldest month owed, this year or the last.
    const takeBack = page.getByRole('button', { name: /^Take back the waiver of (\w+ \d{4}) for 24\/7 service desk$/ });
    if ((await takeBack.count()) === 0) {
      const year = await page.getByRole('combobox', { name: 'Year', exact: true }).inputValue();
      await choose(page, 'Year', String(Number(year) - 1));
    }
    const month = (await takeBack.getAttribute('aria-label'))!.match(/of (\w+ \d{4}) for/)![1];
    await takeBack.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Take back the waiver' }).click();
    const waive = page.getByRole('button', { name: `Waive the credit of ${month} for 24/7 service desk` });
    await waive.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill('Our firewall change caused the outage; confirmed with the vendor.');
    await dialog.getByRole('button', { name: /^Waive/ }).click();
    await page.getByText(/: Our firewall change caused the outage; confirmed with the vendor\./).waitFor();
  });
});

describe('an invoice on no engagement', () => {
  it('names its engagement as it is corrected', async () => {
    const invoiceId = await page.evaluate(async () => {
      const vendors = (await (await fetch('/api/v1/vendors?q=Kestrel')).json()) as { items: Array<{ id: string; name: string }> };
      const vendorId = vendors.items.find((v) => v.name === 'Kestrel Software Labs')!.id;
      const line = { description: 'QA engineer', quantity: '2', unit: 'day', unitPriceMinor: 48_000, amountMinor: 96_000, taxMinor: 0 };
      const { csrfToken } = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const res = await fetch('/api/v1/invoices', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify({ vendorId, number: 'KSL-E2E-NOENG', invoiceDate: '2026-11-30', currency: 'EUR', lines: [line], subtotalMinor: 96_000, taxMinor: 0, totalMinor: 96_000 }) });
      return ((await res.json()) as { id: string }).id;
    });
    await page.goto(`${server.baseUrl}/invoices/${invoiceId}`);
    await page.getByRole('heading', { level: 1, name: 'Invoice KSL-E2E-NOENG' }).waitFor();
    await page.getByRole('button', { name: 'Correct…' }).click();
    await choose(page, 'Engagement', 'Order portal development');
    await choose(page, 'Contract', 'Kestrel order portal statement of work');
    await page.getByRole('dialog').getByRole('button', { name: 'Save invoice' }).click();
    await page.getByText('Kestrel Software Labs · Order portal development · Kestrel order portal statement of work', { exact: true }).waitFor();
  });
});
