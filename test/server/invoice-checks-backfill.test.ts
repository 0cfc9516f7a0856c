import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/client.ts';
import { aContract } from '../../src/server/seed/builders/contracts.ts';
import { anEngagement, anOrg, aVendor, type OrgHandle } from '../../src/server/seed/builders/core.ts';
import { anInvoice } from '../../src/server/seed/builders/costs.ts';
import { openTestDatabase } from '../support/db.ts';
import { backfilled, storedRelated, type StoredRelated } from '../support/invoice-checks-backfill.repo.ts';

// Migration 0038 gives the checks stored before it the other invoices they name. Its SQL must
// find what the pure checks (src/domain/costs/checks.ts) named when the services saved them:
// a duplicate number (case and spaces aside), the same total on the same date under another
// number, a period billed twice on a contract and, without one, on an engagement; never an
// invoice of another vendor or of another organisation.
let database: Database;
let mine: OrgHandle;
let theirs: OrgHandle;

beforeAll(async () => {
  database = await openTestDatabase();
  const config = loadConfig({ OUTSIGHT_DATA_DIR: '/nonexistent' });
  const world = { db: database.db, config, now: () => new Date() };
  mine = await anOrg(world, { name: 'Mine' });
  theirs = await anOrg(world, { name: 'Theirs' });
});
afterAll(() => database?.close());

const sorted = (rows: StoredRelated[]) => rows.map((r) => ({ ...r, related: r.related ? [...r.related].sort() : null }));

describe('migration 0038: the related invoices of checks stored before it', () => {
  it('are the invoices the checks named when they were saved', async () => {
    const vendor = (await aVendor(mine)).id;
    const otherVendor = (await aVendor(mine)).id;
    const engagement = (await anEngagement(mine, { vendorId: vendor })).id;
    const bare = (await anEngagement(mine, { vendorId: vendor })).id;
    const contract = (await aContract(mine, { vendorId: vendor, engagementIds: [engagement] })).id;
    const on = { vendorId: vendor, engagementId: engagement, contractId: contract };
    // Noise the checks must never name: another vendor's and another organisation's invoice with the same number, date and total.
    await anInvoice(mine, { vendorId: otherVendor, number: 'NW-100', invoiceDate: '2026-02-28' });
    const theirVendor = (await aVendor(theirs)).id;
    await anInvoice(theirs, { vendorId: theirVendor, number: 'NW-100', invoiceDate: '2026-02-28' });

    const first = await anInvoice(mine, { ...on, number: 'NW-100', invoiceDate: '2026-02-28' });
    const again = await anInvoice(mine, { ...on, number: '  nw-100 ', invoiceDate: '2026-02-28' });
    const sameTotal = await anInvoice(mine, { ...on, number: 'NW-101', invoiceDate: '2026-02-28' });
    const april = await anInvoice(mine, { ...on, number: 'NW-200', invoiceDate: '2026-04-30', periodFrom: '2026-04-01', periodTo: '2026-04-30' });
    const overlap = await anInvoice(mine, { ...on, number: 'NW-201', invoiceDate: '2026-05-10', periodFrom: '2026-04-20', periodTo: '2026-05-10' });
    const mayBare = await anInvoice(mine, { vendorId: vendor, engagementId: bare, number: 'NW-300', invoiceDate: '2026-05-31', periodFrom: '2026-05-01', periodTo: '2026-05-31' });
    const overlapBare = await anInvoice(mine, { vendorId: vendor, engagementId: bare, number: 'NW-301', invoiceDate: '2026-06-15', periodFrom: '2026-05-15', periodTo: '2026-06-15' });

    const saved = await storedRelated(database.db, [mine.orgId, theirs.orgId]);
    // What the services stored, check by check (the scenario is what it should be).
    expect(sorted(saved)).toEqual(
      sorted([
        { invoiceId: again.id, key: 'duplicate:number', related: [first.id] },
        { invoiceId: sameTotal.id, key: 'duplicate:amount-date', related: [first.id, again.id] },
        { invoiceId: overlap.id, key: 'period_overlap', related: [april.id] },
        { invoiceId: overlapBare.id, key: 'period_overlap', related: [mayBare.id] },
      ]).sort((a, b) => (a.invoiceId + a.key < b.invoiceId + b.key ? -1 : 1)),
    );
    // The migration's SQL, on the same checks with their related invoices forgotten, finds the same.
    expect(sorted(await backfilled(database.db, [mine.orgId, theirs.orgId]))).toEqual(sorted(saved));
  });
});
