import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveActor } from '../../src/cli/direct.ts';
import { addDays } from '../../src/domain/civil-date.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Ctx } from '../../src/server/context.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { createAction, createAsset } from '../../src/server/modules/exit/exit.public.ts';
import { createEngagement } from '../../src/server/modules/engagements/engagements.public.ts';
import { createVendor } from '../../src/server/modules/vendors/vendors.public.ts';
import { silentLog } from '../../src/server/seed/builders/silent-log.ts';
import { ActionInput, AssetInput } from '../../src/shared/contracts/exit.ts';
import { EngagementInput } from '../../src/shared/contracts/engagements.ts';
import { VendorInput } from '../../src/shared/contracts/vendors.ts';
import { json, runCli, tempDir } from './helpers.ts';

// Issue 14: `outsight exit readiness [--critical] [--json]`, direct mode (the table, remotely, is in remote.test.ts).
const dir = tempDir('exit');
const dataDir = path.join(dir, 'data');
const cli = (args: string[]) => runCli(args, { OUTSIGHT_DATA_DIR: dataDir });

beforeAll(async () => {
  const r = await runCli(['users', 'create', '--org-name', 'Exit Corp', '--email', 'owner@exit.test', '--name', 'Olga Owner', '--json'], { OUTSIGHT_DATA_DIR: dataDir, OUTSIGHT_PASSWORD: 'owner-password-1' });
  expect(r.code, r.stderr + r.stdout).toBe(0);
  // The data through the services, as the owner the CLI made, between CLI runs (the database holds the data-directory lock, so it is closed first).
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const db = database.db;
    const ctx: Ctx = { db, actor: await resolveActor(db, undefined), now: new Date(), log: silentLog, requestId: 'cli-test', config: loadConfig({ OUTSIGHT_DATA_DIR: dataDir, OUTSIGHT_DEMO: '0' }) };
    const vendor = await createVendor(ctx, VendorInput.parse({ name: 'Northwind Hosting', kind: 'cloud_hosting', status: 'active', tier: 1, dataAccess: 'internal' }));
    const engagement = (name: string, criticality: string) => createEngagement(ctx, EngagementInput.parse({ vendorId: vendor.id, name, serviceType: 'cloud_hosting', criticality, status: 'active' }));
    const erp = await engagement('ERP hosting', 'critical');
    await engagement('Print service', 'low');
    const today = ctx.now.toISOString().slice(0, 10);
    await createAsset(ctx, erp.id, AssetInput.parse({ kind: 'domain_dns', name: 'erp.example.com', holder: 'client', clientAdminAccess: true, lastVerifiedOn: today }));
    await createAction(ctx, erp.id, ActionInput.parse({ title: 'Get the DNS registrar login back', dueOn: addDays(today, 5), ownerUserId: ctx.actor.userId }));
  } finally {
    await database.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outsight exit readiness', () => {
  it('lists the critical engagements with their score, weakest factors and the plan they lack, as JSON', async () => {
    const r = await cli(['exit', 'readiness', '--critical', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = json<{ items: Array<{ score: number; belowThreshold: boolean; engagement: { name: string }; planStatus: string | null; weakest: string[] }> }>(r).items;
    // Only the critical one; its one asset is ours and checked today: the assets factor's 20.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ score: 20, belowThreshold: true, planStatus: null, engagement: { name: 'ERP hosting' } });
    expect(rows[0].weakest).toEqual(['Exit plan exists and was reviewed within a year', 'In-house coverage of the skills the service needs']);
  });
});

describe('outsight due', () => {
  it('lists what is due that you own, and names a bad number of days as a usage error', async () => {
    const r = await cli(['due', '--days', '7', '--mine', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const due = json<{ items: Array<{ title: string; overdue: boolean }>; total: number }>(r);
    expect(due.items.map((d) => d.title)).toEqual(['Exit action for ERP hosting: Get the DNS registrar login back']);
    const bad = await cli(['due', '--days', 'soon', '--json']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('--days');
  });
});
