import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveActor } from '../../src/cli/direct.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Ctx } from '../../src/server/context.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { createEngagement } from '../../src/server/modules/engagements/engagements.public.ts';
import { createReview } from '../../src/server/modules/governance/governance.public.ts';
import { createVendor } from '../../src/server/modules/vendors/vendors.public.ts';
import { silentLog } from '../../src/server/seed/builders/silent-log.ts';
import { EngagementInput } from '../../src/shared/contracts/engagements.ts';
import { VendorInput } from '../../src/shared/contracts/vendors.ts';
import { json, runCli, tempDir } from './helpers.ts';

// Issue 15 §7: `outsight reviews export [--json]`, direct mode.
const dir = tempDir('reviews');
const dataDir = path.join(dir, 'data');
const cli = (args: string[]) => runCli(args, { OUTSIGHT_DATA_DIR: dataDir });

beforeAll(async () => {
  const r = await runCli(['users', 'create', '--org-name', 'Reviews Corp', '--email', 'owner@reviews.test', '--name', 'Rita Owner', '--json'], { OUTSIGHT_DATA_DIR: dataDir, OUTSIGHT_PASSWORD: 'owner-password-1' });
  expect(r.code, r.stderr + r.stdout).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outsight reviews export', () => {
  it('lists a scored quarter as a table and as JSON', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const db = database.db;
      const ctx: Ctx = { db, actor: await resolveActor(db, undefined), now: new Date(), log: silentLog, requestId: 'cli-test', config: loadConfig({ OUTSIGHT_DATA_DIR: dataDir, OUTSIGHT_DEMO: '0' }) };
      const vendor = await createVendor(ctx, VendorInput.parse({ name: 'HelpPoint Service Desk', kind: 'help_desk', status: 'active', tier: 2, dataAccess: 'internal' }));
      const eng = await createEngagement(ctx, EngagementInput.parse({ vendorId: vendor.id, name: 'Global Service Desk', serviceType: 'service_desk', criticality: 'high', status: 'active' }));
      await createReview(ctx, { engagementId: eng.id, period: '2026-Q1' });
    } finally {
      await database.close();
    }
    const human = await cli(['reviews', 'export']);
    expect(human.code, human.stderr).toBe(0);
    // Nothing measured for a bare engagement: every criterion and the score show as a dash, never 0 or 100 %.
    expect(human.stdout).toMatch(/2026-Q1 +HelpPoint Service Desk +Global Service Desk +— +— +— +— +— +— +— +no/);
    const out = json<{ count: number; items: Array<{ period: string; score: number | null; criteria: Array<{ key: string }> }> }>(await cli(['reviews', 'export', '--json']));
    expect(out.count).toBe(1);
    expect(out.items[0]).toMatchObject({ period: '2026-Q1', score: null });
    expect(out.items[0].criteria.map((c) => c.key)).toEqual(['sla', 'deliverables', 'actions', 'reports', 'findings', 'invoices']);
  });
});
