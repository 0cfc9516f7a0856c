import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, runCli, tempDir } from './helpers.ts';

// Issue 14: `outsight exit readiness [--critical] [--json]`, direct mode (the table, remotely, is in remote.test.ts).
const dir = tempDir('exit');
const env = { OUTSIGHT_DATA_DIR: path.join(dir, 'data') };
const cli = (args: string[]) => runCli(args, env);

beforeAll(async () => {
  const r = await runCli(['users', 'create', '--org-name', 'Exit Corp', '--email', 'owner@exit.test', '--name', 'Olga Owner', '--json'], { ...env, OUTSIGHT_PASSWORD: 'owner-password-1' });
  expect(r.code, r.stderr + r.stdout).toBe(0);
  const vendors = path.join(dir, 'vendors.csv');
  writeFileSync(vendors, 'name,kind\nNorthwind Hosting,saas\n');
  expect((await cli(['vendors', 'import', vendors])).code).toBe(0);
  const e = await cli(['engagements', 'create', '--vendor', 'Northwind Hosting', '--name', 'ERP hosting', '--service-type', 'cloud_hosting', '--criticality', 'critical']);
  expect(e.code, e.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outsight exit readiness', () => {
  it('lists the running engagements with their score and the plan they lack, as JSON', async () => {
    const r = await cli(['exit', 'readiness', '--critical', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = json<{ items: Array<{ score: number; belowThreshold: boolean; engagement: { name: string }; planStatus: string | null; weakest: string[] }> }>(r).items;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ score: 0, belowThreshold: true, planStatus: null, engagement: { name: 'ERP hosting' } });
    expect(rows[0].weakest[0]).toBe('Assets we control with verified admin access');
  });
});
