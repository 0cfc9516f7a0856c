import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, runCli, tempDir } from './helpers.ts';

// `outsight users reset-mfa --email`: the operator's way back in for someone who lost their
// authenticator. The authenticator is set up through the same service the web uses.

const dir = tempDir('reset-mfa');
const env = { OUTSIGHT_DATA_DIR: path.join(dir, 'data') };
const cli = (args: string[], extra: Record<string, string> = {}) => runCli(args, { ...env, ...extra });

beforeAll(async () => {
  const r = await cli(['users', 'create', '--org-name', 'Acme Corp', '--email', 'owner@acme.test', '--name', 'Olga Owner', '--json'], { OUTSIGHT_PASSWORD: 'owner-password-1' });
  expect(r.code, r.stderr).toBe(0);
  const a = await cli(['users', 'create', '--email', 'ana@acme.test', '--name', 'Ana Analyst', '--role', 'analyst', '--json'], { OUTSIGHT_PASSWORD: 'analyst-password-1' });
  expect(a.code, a.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outsight users reset-mfa', () => {
  it('turns off two-step sign-in for a user of the organisation, as an owner only', async () => {
    const { openDatabase } = await import('../../src/server/db/client.ts');
    const { loadConfig } = await import('../../src/server/config.ts');
    const { anAuthenticator } = await import('../../src/server/seed/builders/security.ts');
    const { mfaStatus, principalByEmailForSignIn } = await import('../../src/server/modules/auth/auth.public.ts');
    type Db = Awaited<ReturnType<typeof openDatabase>>['db'];
    const mfaStatusFor = async (db: Db, email: string) => {
      const p = (await principalByEmailForSignIn(db, email))!;
      return { id: p.userId, orgId: p.orgId, email: p.email, enabled: (await mfaStatus(db, p.orgId, p.userId)).enabled };
    };
    const config = loadConfig({ OUTSIGHT_DATA_DIR: env.OUTSIGHT_DATA_DIR });
    const database = await openDatabase(config.database);
    try {
      const ana = await mfaStatusFor(database.db, 'ana@acme.test');
      await anAuthenticator({ db: database.db, config }, ana);
      expect((await mfaStatusFor(database.db, 'ana@acme.test')).enabled).toBe(true);
    } finally {
      await database.close();
    }

    const byAnalyst = await cli(['users', 'reset-mfa', '--email', 'ana@acme.test', '--as', 'ana@acme.test']);
    expect(byAnalyst.code).toBe(1);
    expect(byAnalyst.stderr).toMatch(/not allowed/);

    const unknown = await cli(['users', 'reset-mfa', '--email', 'nobody@acme.test', '--json']);
    expect(unknown.code).toBe(1);
    expect(json<{ error: { code: string } }>(unknown).error.code).toBe('not_found');

    const bad = await cli(['users', 'reset-mfa', '--email', 'not an address']);
    expect(bad.code).toBe(2);

    const ok = await cli(['users', 'reset-mfa', '--email', 'ANA@acme.test', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(json(ok)).toEqual({ email: 'ana@acme.test', mfaReset: true });

    const again = await openDatabase(config.database);
    try {
      expect((await mfaStatusFor(again.db, 'ana@acme.test')).enabled).toBe(false);
    } finally {
      await again.close();
    }
  });
});
