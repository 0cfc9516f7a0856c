import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_CODES } from '../../src/domain/costs/checks.ts';
import { costsFeed, engagementCosts, portfolioBudgets, portfolioSpend, engagementScopeCreep, getInvoice, listChangeRequests, listInvoiceDocuments, listInvoices } from '../../src/server/modules/costs/costs.public.ts';
import { anEngagement, anOrg, aVendor } from '../../src/server/seed/builders/core.ts';
import { seedDemoContracts } from '../../src/server/seed/demo-contracts.ts';
import { seedDemoCosts } from '../../src/server/seed/demo-costs.ts';
import { DEMO_ENGAGEMENTS, DEMO_VENDORS } from '../../src/server/seed/demo-data.ts';
import { seedDemoDeliverables } from '../../src/server/seed/demo-deliverables.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// Issue 12: the demo's budgets, rate cards and invoices show every check and the budget view,
// seeded through the services into a new organisation with the demo's vendors and engagements.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the demo costs', () => {
  it('show every invoice check, a clean approved invoice, a disputed one, and pounds apart from a budget in euros', async () => {
    const org = await anOrg({ db: t.database.db, config: t.config });
    const vendorIds = new Map<string, string>();
    for (const v of DEMO_VENDORS) vendorIds.set(v.name, (await aVendor(org, v)).id);
    const engagementIds = new Map<string, string>();
    for (const { vendor, ...e } of DEMO_ENGAGEMENTS) engagementIds.set(e.name, (await anEngagement(org, { ...e, vendorId: vendorIds.get(vendor) })).id);
    const ctx = { ...org.ctx(), config: t.config };
    const contractIds = await seedDemoContracts(ctx, vendorIds, engagementIds);
    const milestoneIds = await seedDemoDeliverables(ctx, contractIds, engagementIds);
    await seedDemoCosts(ctx, contractIds, engagementIds, milestoneIds);

    const all = await listInvoices(ctx, { limit: 200 });
    const details = await Promise.all(all.items.map((i) => getInvoice(ctx, i.id)));
    const seen = new Set(details.flatMap((d) => d.checks.map((c) => c.code)));
    expect([...seen].sort()).toEqual([...CHECK_CODES].sort());
    const statuses = details.map((d) => d.status);
    for (const s of ['received', 'checked', 'approved', 'paid', 'disputed']) expect(statuses, s).toContain(s);
    expect(details.some((d) => d.status === 'approved' && d.checkCount === 0)).toBe(true);
    // Lines billing an approved change request pass; one on no rate card and no change fails.
    const billed = details.flatMap((d) => d.lines.filter((l) => l.changeRequestTitle).map((l) => ({ d, l })));
    expect(billed.map((b) => b.l.changeRequestTitle).sort()).toEqual(['Monitor the 20 new plant servers', 'Weekend go-live rehearsal']);
    for (const { d, l } of billed) expect(d.checks.filter((c) => c.linePosition === l.position)).toEqual([]);
    expect(details.flatMap((d) => d.checks).some((c) => c.code === 'no_rate' && c.words.startsWith('Line 4 ("Firewall rule review")'))).toBe(true);
    // The vendors' PDFs: four invoices have theirs, named by their number; the paper copy sent by post has none.
    const withPdf = (await Promise.all(details.map(async (d) => ({ d, docs: (await listInvoiceDocuments(ctx, d.id)).items })))).filter((x) => x.docs.length);
    expect(withPdf).toHaveLength(4);
    for (const { d, docs } of withPdf) expect(docs.map((x) => x.fileName)).toEqual([`${d.number}.pdf`]);
    expect(details.find((d) => d.note === 'Paper copy received by post.')).toBeDefined();
    expect(withPdf.some(({ d }) => d.note === 'Paper copy received by post.')).toBe(false);

    // One invoice came through the finance export's saved mapping, its architect days above the rate card.
    const imported = details.find((d) => d.note?.startsWith('Imported from sap-invoices-export.csv'))!;
    expect(imported.checks.map((c) => c.words)).toEqual([expect.stringContaining('Line 1 ("Solution architect") charges €900.00 per day; the rate card allows €850.00')]);

    // Change requests in every state, two raised by vendors in the portal; approving amended budgets and contract values.
    const changes = (await listChangeRequests(ctx, { limit: 200 })).items;
    expect([...new Set(changes.map((c) => c.status))].sort()).toEqual(['approved', 'implemented', 'proposed', 'rejected', 'under_review']);
    expect(changes.filter((c) => c.raisedBy === 'vendor').length).toBeGreaterThanOrEqual(2);
    expect(changes.find((c) => c.title === 'Loyalty points in the order portal')!.amendments.join(' ')).toContain('The value of contract "Kestrel order portal statement of work" went from €240,000.00 to €269,400.00');
    const creep = await engagementScopeCreep(ctx, engagementIds.get('Order portal development')!);
    expect(creep.currencies.find((c) => c.currency === 'EUR')).toMatchObject({ originalMinor: 24_000_000, approvedMinor: 3_054_000, shareWords: '12.73 %' });
    // Brightline: 20 servers added (€5,000.00 once, €1,500.00 a month for 24 months), the retired print servers taken out (−€400.00 a month for 14): net €35,400.00.
    const ops = await engagementScopeCreep(ctx, engagementIds.get('Network and server operations')!);
    expect(ops.currencies.find((c) => c.currency === 'EUR')!.approvedMinor).toBe(3_540_000);

    const atlas = await engagementCosts(ctx, engagementIds.get('Plant desktop support')!);
    const lastYear = await engagementCosts(ctx, engagementIds.get('Plant desktop support')!, atlas.fiscalYear - 1);
    const gbp = [...atlas.total.notConverted, ...lastYear.total.notConverted].filter((m) => m.currency === 'GBP');
    expect(gbp.length).toBeGreaterThan(0);
    expect(atlas.total.budget).toEqual([{ currency: 'EUR', amountMinor: 4_800_000 }]);

    const due = await costsFeed.due!(ctx, { from: '2000-01-01', to: '2100-01-01' });
    expect(due.map((d) => d.title).join('\n')).toContain('Invoice to review from Kestrel Software Labs');
    const exposures = await costsFeed.exposures!(ctx, '2026-01-01');
    // The on-call retainer's run rate ends the fiscal year over its budget (unless the year has just begun).
    const onCall = await engagementCosts(ctx, engagementIds.get('Out-of-hours on-call')!);
    expect(onCall.forecast[0]).toMatchObject({ currency: 'EUR', budgetMinor: 1_000_000 });
    if (onCall.forecast[0].monthsElapsed < 11) expect(onCall.forecast[0].alert).toBe('forecast_over');
    expect(exposures.find((e) => e.key === 'invoices:disputed')!.count).toBe(1);
    // Across the portfolio: the same forecast on the on-call row, and Atlas's pounds listed as spend no euro budget holds.
    const positions = await portfolioBudgets(ctx, {});
    expect(positions.rows.find((r) => r.engagementName === 'Out-of-hours on-call')).toMatchObject({ forecastMinor: onCall.forecast[0].forecastMinor, words: onCall.forecast[0].words });
    if (atlas.total.notConverted.length) expect(positions.unbudgeted).toContainEqual(expect.objectContaining({ engagementName: 'Plant desktop support', currency: 'GBP' }));

    // Exchange rates: Atlas's pounds are converted into euros with the rate of each past month, the rate shown.
    const spend = await portfolioSpend(ctx, {});
    const pounds = spend.converted.rows.find((r) => r.currency === 'GBP');
    const past = pounds?.months.filter((m) => m?.rate) ?? [];
    if (pounds) expect(past.every((m) => /^€[\d,.]+ at 1 GBP = \d\.\d{6} EUR, \w+ \d{4}$/.test(m!.words))).toBe(true);
    expect(atlas.converted.every((c) => c.to.words.length > 0)).toBe(true);
  });
});
