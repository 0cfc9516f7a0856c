import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, runCli, tempDir } from './helpers.ts';

// Issue 11 §7: `outsight contracts import|export` and `outsight contracts dates --within 90d [--json]`, direct mode.
const dir = tempDir('contracts');
const env = { OUTSIGHT_DATA_DIR: path.join(dir, 'data') };
const cli = (args: string[]) => runCli(args, env);

beforeAll(async () => {
  const r = await runCli(['users', 'create', '--org-name', 'Contracts Corp', '--email', 'owner@contracts.test', '--name', 'Olga Owner', '--json'], { ...env, OUTSIGHT_PASSWORD: 'owner-password-1' });
  expect(r.code, r.stderr + r.stdout).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outsight contracts', () => {
  it('dates --within sets the window from today and says when there is nothing', async () => {
    const r = await cli(['contracts', 'dates', '--within', '30d', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const view = json<{ from: string; to: string; items: unknown[]; truncated: boolean }>(r);
    expect((Date.parse(view.to) - Date.parse(view.from)) / 86_400_000).toBe(30);
    expect(view).toMatchObject({ items: [], truncated: false });
    const human = await cli(['contracts', 'dates']);
    expect(human.stdout).toContain('No key dates between');
  });

  it('refuses a window that is not a number of days', async () => {
    const r = await cli(['contracts', 'dates', '--within', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Expected a number of days');
  });

  it('import checks with --dry-run, imports, and refuses a bad file with exit 1 and nothing imported', async () => {
    const vendors = path.join(dir, 'vendors.csv');
    writeFileSync(vendors, 'name,kind\nNorthwind Hosting,saas\n');
    expect((await cli(['vendors', 'import', vendors])).code).toBe(0);
    const good = path.join(dir, 'contracts.csv');
    writeFileSync(good, 'VENDOR,Title,Type,Effective date,Initial term end,Renewal,Notice period,Total value,Currency,Internal owner\nNorthwind Hosting,Hosting MSA,Master agreement,2026-01-01,2027-12-31,automatic 12 months,90 days,48000,EUR,owner@contracts.test\n');
    const dry = await cli(['contracts', 'import', good, '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(json(dry)).toMatchObject({ created: 1, dryRun: true, contracts: [{ line: 2, vendor: 'Northwind Hosting', title: 'Hosting MSA', id: null }] });
    expect(json<{ count: number }>(await cli(['contracts', 'export', '--json'])).count).toBe(0);

    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'Vendor,Title,Type,Signed date\nNorthwind Hosting,Order 1,order form,2026-01-01\nNobody Inc,Order 2,order form,01.02.2026\n');
    const refused = await cli(['contracts', 'import', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('nothing was imported');
    expect(refused.stderr).toMatch(/3 +Vendor +Nobody Inc +No vendor named "Nobody Inc" in your organisation/);
    expect(refused.stderr).toMatch(/3 +Signed date +01\.02\.2026 +"01\.02\.2026" is not a date as YYYY-MM-DD/);

    const r = await cli(['contracts', 'import', good]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Imported');
    expect(r.stdout).toContain('1 contract created');
    const exported = await cli(['contracts', 'export']);
    expect(exported.stdout).toContain('Northwind Hosting,Hosting MSA,master_agreement,,,draft,,2026-01-01,2027-12-31,automatic,12,days,90,EUR,,48000.00');
  });

  it('export writes the header of the key-dates CSV', async () => {
    const r = await cli(['contracts', 'export']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('vendor,title,type,parent,reference,status,signed_on,effective_on,initial_term_end,renewal,renewal_months,notice_unit,notice_count,currency,annual_value,total_value,engagements,internal_owner,current_term_end,notice_deadline,decide_by,key_dates');
  });
});
