import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/client.ts';
import { anOrg, aVendor, type OrgHandle } from '../../src/server/seed/builders/core.ts';
import { openTestDatabase } from '../support/db.ts';
import { refusal } from '../support/refusal.ts';
import { copyRawLines, deleteRawInvoices, insertRawInvoice, insertRawLines, moveRawLine, rawLinePositions, redescribeRawLine, rekeyRawInvoice } from '../support/invoice-lines-integrity.repo.ts';

// An invoice line is of an invoice of its own organisation, and goes with it. Triggers check
// that once per statement instead of a foreign key per line (migration 0037); they must refuse
// all the key refused: a line of another organisation's invoice or of none, by INSERT, COPY or
// UPDATE, an invoice with lines given another key; and a deleted invoice's lines go with it.
let database: Database;
let mine: OrgHandle;
let theirs: OrgHandle;
let mineVendor: string;
let theirVendor: string;
const run = randomUUID().slice(0, 8); // on PostgreSQL, every file shares one database

const invoice = async (org: 'mine' | 'theirs', n: string) => (org === 'mine' ? insertRawInvoice(database.db, mine.orgId, mineVendor, `${run}-${n}`) : insertRawInvoice(database.db, theirs.orgId, theirVendor, `${run}-${n}`));
const lines = (orgId: string, invoiceId: string, count: number, from = 1) => Array.from({ length: count }, (_, i) => ({ orgId, invoiceId, position: from + i }));

beforeAll(async () => {
  database = await openTestDatabase();
  const config = loadConfig({ OUTSIGHT_DATA_DIR: '/nonexistent' });
  mine = await anOrg({ db: database.db, config, now: () => new Date() }, { name: 'Mine' });
  theirs = await anOrg({ db: database.db, config, now: () => new Date() }, { name: 'Theirs' });
  mineVendor = (await aVendor(mine)).id;
  theirVendor = (await aVendor(theirs)).id;
});
afterAll(() => database?.close());

describe('invoice lines name an invoice of their own organisation (checked per statement)', () => {
  it('takes lines of its own invoices, by INSERT and by COPY', async () => {
    const a = await invoice('mine', 'A');
    const b = await invoice('mine', 'B');
    await insertRawLines(database.db, [...lines(mine.orgId, a, 3), ...lines(mine.orgId, b, 2)]);
    await copyRawLines(database.db, lines(mine.orgId, a, 2, 4));
    expect(await rawLinePositions(database.db, a)).toEqual([1, 2, 3, 4, 5]);
    expect(await rawLinePositions(database.db, b)).toEqual([1, 2]);
  });

  it('refuses a statement with one line of another organisation’s invoice, or of no invoice, and stores none of its lines', async () => {
    const good = await invoice('mine', 'C');
    const foreign = await invoice('theirs', 'D');
    for (const write of [insertRawLines, copyRawLines]) {
      expect(await refusal(write(database.db, [...lines(mine.orgId, good, 4), { orgId: mine.orgId, invoiceId: foreign, position: 1 }]))).toBe('23503');
      expect(await refusal(write(database.db, [...lines(mine.orgId, good, 4), { orgId: mine.orgId, invoiceId: randomUUID(), position: 1 }]))).toBe('23503');
      // The other organisation's id on the line does not make its invoice mine.
      expect(await refusal(write(database.db, [{ orgId: theirs.orgId, invoiceId: good, position: 9 }]))).toBe('23503');
    }
    expect(await rawLinePositions(database.db, good)).toEqual([]);
    expect(await rawLinePositions(database.db, foreign)).toEqual([]);
  });

  it('refuses moving a line to another invoice, even of its own organisation, and lets it be edited in place', async () => {
    const a = await invoice('mine', 'E');
    const b = await invoice('mine', 'F');
    const foreign = await invoice('theirs', 'G');
    await insertRawLines(database.db, lines(mine.orgId, a, 1));
    expect(await refusal(moveRawLine(database.db, { invoiceId: a, position: 1 }, { orgId: mine.orgId, invoiceId: b }))).toBe('23503');
    expect(await refusal(moveRawLine(database.db, { invoiceId: a, position: 1 }, { orgId: theirs.orgId, invoiceId: foreign }))).toBe('23503');
    expect(await refusal(redescribeRawLine(database.db, { invoiceId: a, position: 1 }, 'Work, corrected'))).toBeUndefined();
    expect(await rawLinePositions(database.db, a)).toEqual([1]);
  });

  it('an invoice with lines keeps its key; one without may change it', async () => {
    const withLines = await invoice('mine', 'H');
    const without = await invoice('mine', 'I');
    await insertRawLines(database.db, lines(mine.orgId, withLines, 2));
    expect(await refusal(rekeyRawInvoice(database.db, withLines))).toBe('23503');
    expect(await rekeyRawInvoice(database.db, without)).not.toBe(without);
  });

  it('deleting invoices deletes their lines, and only theirs', async () => {
    const a = await invoice('mine', 'J');
    const b = await invoice('mine', 'K');
    const kept = await invoice('mine', 'L');
    await copyRawLines(database.db, [...lines(mine.orgId, a, 3), ...lines(mine.orgId, b, 2), ...lines(mine.orgId, kept, 2)]);
    await deleteRawInvoices(database.db, [a, b]);
    expect(await rawLinePositions(database.db, a)).toEqual([]);
    expect(await rawLinePositions(database.db, b)).toEqual([]);
    expect(await rawLinePositions(database.db, kept)).toEqual([1, 2]);
  });
});
