import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, runCli, tempDir } from './helpers.ts';

// Issue 14: `outsight exit readiness [--critical] [--json]`, direct mode.
const dir = tempDir('exit');
const env = { OUTSIGHT_DATA_DIR: path.join(dir, 'data') };
const cli = (args: string[]) => runCli(args, env);

beforeAll(async () => {
  const r = await runCli(['users', 'create', '--org-name', 'Exit Corp', '--email', 'owner@exit.test', '--name', 'Olga Owner', '--json'], { ...env, OUTSIGHT_PASSWORD: 'owner-password-1' });
  expect(r.code, r.stderr + r.stdout).toBe(0);
  const vendors = path.join(dir, 'vendors.csv');
  writeFileSync(vendors, 'name,kind\nNorthwind Hosting,saas\n');
  expect((await cli(['vendors', 'import', vendors])).code).toBe(0);
  for (const [name, criticality] of [['ERP hosting', 'critical'], ['Print service', 'low']]) {
    const e = await cli(['engagements', 'create', '--vendor', 'Northwind Hosting', '--name', name, '--service-type', 'cloud_hosting', '--criticality', criticality]);
    expect(e.code, e.stderr).toBe(0);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outsight exit readiness', () => {
  it('lists every running engagement with its score, or only the critical ones, as JSON or a table', async () => {
    const all = await cli(['exit', 'readiness', '--json']);
    expect(all.code, all.stderr).toBe(0);
    const rows = json<{ items: Array<{ score: number; belowThreshold: boolean; engagement: { name: string }; planStatus: string | null }> }>(all).items;
    expect(rows.map((r) => r.engagement.name).sort()).toEqual(['ERP hosting', 'Print service']);
    expect(rows.every((r) => r.score === 0 && r.belowThreshold && r.planStatus === null)).toBe(true);
    // Only the critical one, as a table.
    const human = await cli(['exit', 'readiness', '--critical']);
    expect(human.stdout).toMatch(/SCORE +VENDOR +ENGAGEMENT/);
    expect(human.stdout).toContain('ERP hosting');
    expect(human.stdout).not.toContain('Print service');
    expect(human.stdout).toContain('1 of 1 engagement below the readiness threshold.');
  });
});
