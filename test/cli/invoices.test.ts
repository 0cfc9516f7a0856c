import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, runCli, tempDir } from './helpers.ts';

// Issue 12 §3: `outsight invoices import FILE --mapping FILE [--json]`, direct mode.
const dir = tempDir('invoices');
const env = { OUTSIGHT_DATA_DIR: path.join(dir, 'data') };
const cli = (args: string[]) => runCli(args, env);
const mapping = path.join(dir, 'mapping.json');

beforeAll(async () => {
  const r = await runCli(['users', 'create', '--org-name', 'Invoices Corp', '--email', 'owner@invoices.test', '--name', 'Ivo Owner', '--json'], { ...env, OUTSIGHT_PASSWORD: 'owner-password-1' });
  expect(r.code, r.stderr + r.stdout).toBe(0);
  writeFileSync(path.join(dir, 'vendors.csv'), 'name,kind\nNorthwind Hosting,saas\n');
  expect((await cli(['vendors', 'import', path.join(dir, 'vendors.csv')])).code).toBe(0);
  writeFileSync(mapping, JSON.stringify({ name: 'Ledger', columns: { number: 'Doc', invoiceDate: 'Date', vendor: 'Creditor', currency: 'Ccy', description: 'Text', quantity: 'Qty', unitPrice: 'Price', amount: 'Net' } }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outsight invoices import', () => {
  it('imports with every check run, and refuses a bad file with exit 1, nothing imported, naming row and column', async () => {
    const good = path.join(dir, 'good.csv');
    writeFileSync(good, 'Doc,Date,Creditor,Ccy,Text,Qty,Price,Net\nNH-1,2026-02-28,Northwind Hosting,EUR,Hosting,1,"1,200.00",1200.00\n');
    const r = await cli(['invoices', 'import', good, '--mapping', mapping, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = json<{ created: number; invoices: Array<{ number: string; totalMinor: number; failingChecks: string[] }> }>(r);
    expect(out.created).toBe(1);
    expect(out.invoices[0]).toMatchObject({ number: 'NH-1', totalMinor: 120_000 });
    // No contract named: the line cannot be held to a rate card, and says so.
    expect(out.invoices[0].failingChecks[0]).toContain('Not on the rate card: Line 1 ("Hosting") cannot be compared with a rate card');

    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'Doc,Date,Creditor,Ccy,Text,Qty,Price,Net\nNH-2,2026-03-31,Northwind Hosting,EUR,Hosting,1,EUR twelve,1200.00\n');
    const refused = await cli(['invoices', 'import', bad, '--mapping', mapping]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('nothing imported');
    expect(refused.stderr).toMatch(/2 +Price +EUR twelve +"EUR twelve" is not an amount/);
  });

  it('costs report: spend by vendor and month, per currency (an imported invoice counts once approved)', async () => {
    const empty = await cli(['costs', 'report', '--year', '2026']);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toContain('No approved or paid invoices in FY 2026');
    const r = await cli(['costs', 'report', '--year', '2026', '--json']);
    expect(json<{ fiscalYear: number; rows: unknown[]; totals: unknown[] }>(r)).toMatchObject({ fiscalYear: 2026, rows: [], totals: [] });
    expect((await cli(['costs', 'report', '--year', 'next'])).code).toBe(2);
  });

  it('costs budgets: budget positions of a fiscal year, nothing invented where there is none', async () => {
    const r = await cli(['costs', 'budgets', '--year', '2026']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Budgets in FY 2026 (January – December 2026), through');
    expect(r.stdout).toContain('No budgets and no approved or paid invoices in this fiscal year.');
    const j = json<{ fiscalYear: number; monthsElapsed: number; rows: unknown[]; unbudgeted: unknown[] }>(await cli(['costs', 'budgets', '--year', '2025', '--json']));
    expect(j).toMatchObject({ fiscalYear: 2025, monthsElapsed: 12, rows: [], unbudgeted: [] });
  });
});
