import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.ts';

// Issue 13: `outsight risks export --format csv|json`, direct mode.
const dir = tempDir('risks');
const env = { OUTSIGHT_DATA_DIR: path.join(dir, 'data') };
const cli = (args: string[]) => runCli(args, env);

beforeAll(async () => {
  const r = await runCli(['users', 'create', '--org-name', 'Risk Corp', '--email', 'owner@risks.test', '--name', 'Rita Owner', '--json'], { ...env, OUTSIGHT_PASSWORD: 'owner-password-1' });
  expect(r.code, r.stderr + r.stdout).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outsight risks export', () => {
  it('writes the header of an empty register as CSV, an empty list as JSON, and refuses another format', async () => {
    const csv = await cli(['risks', 'export']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe('title,category,status,vendor,engagement,contract,finding,owner,inherent_likelihood,inherent_impact,inherent_level,residual_likelihood,residual_impact,residual_level,above_appetite,treatment,accepted_by,accepted_until,acceptance_out_of_date,review_on,open_actions,source,signal_active');
    const json = await cli(['risks', 'export', '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([]);
    const bad = await cli(['risks', 'export', '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Expected csv or json');
  });
});
