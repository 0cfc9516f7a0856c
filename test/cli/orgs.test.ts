import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, runCli, tempDir } from './helpers.ts';

// `outsight orgs create`: operators create organisations (the first one included, through
// the same set-up service). An owner whose e-mail already signs in becomes a member of the
// new organisation with the password they have; `--as` then needs `--org` to say where to act.

const dir = tempDir('orgs');
const env = { OUTSIGHT_DATA_DIR: path.join(dir, 'data') };
const cli = (args: string[], extra: Record<string, string> = {}) => runCli(args, { ...env, ...extra });

beforeAll(async () => {
  const r = await cli(['users', 'create', '--org-name', 'Acme Corp', '--email', 'owner@acme.test', '--name', 'Olga Owner', '--json'], { OUTSIGHT_PASSWORD: 'owner-password-1' });
  expect(r.code, r.stderr).toBe(0);
  const a = await cli(['users', 'create', '--email', 'cora@consult.test', '--name', 'Cora Consultant', '--role', 'analyst', '--json'], { OUTSIGHT_PASSWORD: 'cora-password-12' });
  expect(a.code, a.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outsight orgs create', () => {
  it('creates organisations with a new owner or one who already signs in elsewhere, and --as picks among them with --org', async () => {
    type Created = { org: { id: string; name: string }; owner: { email: string; name: string; role: string }; ownerIsNew: boolean };

    // A person known in Acme: no password asked, their name carried over.
    const beta = await cli(['orgs', 'create', '--name', 'Beta Ltd', '--owner-email', 'Cora@Consult.test', '--json']);
    expect(beta.code, beta.stderr).toBe(0);
    expect(json<Created>(beta)).toMatchObject({ org: { name: 'Beta Ltd' }, owner: { email: 'cora@consult.test', name: 'Cora Consultant', role: 'owner' }, ownerIsNew: false });

    // A new person needs a password, and there is no terminal to ask on.
    const noPassword = await cli(['orgs', 'create', '--name', 'Gamma GmbH', '--owner-email', 'gus@gamma.test', '--json']);
    expect(noPassword.code).toBe(2);
    expect(json<{ error: { message: string } }>(noPassword).error.message).toMatch(/OUTSIGHT_PASSWORD/);
    const gamma = await cli(['orgs', 'create', '--name', 'Gamma GmbH', '--owner-email', 'gus@gamma.test', '--owner-name', 'Gus Gamma', '--json'], { OUTSIGHT_PASSWORD: 'heron violet gravel spoon' });
    expect(gamma.code, gamma.stderr).toBe(0);
    expect(json<Created>(gamma)).toMatchObject({ org: { name: 'Gamma GmbH' }, owner: { email: 'gus@gamma.test', name: 'Gus Gamma' }, ownerIsNew: true });

    // Cora belongs to two organisations now: --as alone is ambiguous, --org says which.
    const ambiguous = await cli(['vendors', 'list', '--as', 'cora@consult.test', '--json']);
    expect(ambiguous.code).toBe(2);
    expect(json<{ error: { message: string } }>(ambiguous).error.message).toMatch(/several organisations.*--org/);
    const inBeta = await cli(['vendors', 'list', '--as', 'cora@consult.test', '--org', 'beta ltd', '--json']);
    expect(inBeta.code, inBeta.stderr).toBe(0);
    expect(json<{ items: unknown[] }>(inBeta).items).toEqual([]);

    const { openDatabase } = await import('../../src/server/db/client.ts');
    const { loadConfig } = await import('../../src/server/config.ts');
    const { membershipsByEmailForSignIn } = await import('../../src/server/modules/auth/auth.public.ts');
    const database = await openDatabase(loadConfig({ OUTSIGHT_DATA_DIR: env.OUTSIGHT_DATA_DIR }).database);
    try {
      const cora = await membershipsByEmailForSignIn(database.db, 'cora@consult.test');
      expect(cora.map((m) => [m.orgName, m.role]).sort()).toEqual([
        ['Acme Corp', 'analyst'],
        ['Beta Ltd', 'owner'],
      ]);
    } finally {
      await database.close();
    }
  });
});
