import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, runCli, tempDir } from './helpers.ts';

// Issue 11 §7: `outsight contracts dates --within 90d [--json]` and `outsight contracts export`, direct mode.
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

  it('export writes the header of the key-dates CSV', async () => {
    const r = await cli(['contracts', 'export']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('vendor,title,type,parent,reference,status,signed_on,effective_on,initial_term_end,renewal,renewal_months,notice_unit,notice_count,currency,annual_value,total_value,engagements,internal_owner,current_term_end,notice_deadline,decide_by,key_dates');
  });
});
