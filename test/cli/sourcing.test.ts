import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveActor } from '../../src/cli/direct.ts';
import type { Ctx } from '../../src/server/context.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { setCriteria } from '../../src/server/modules/sourcing/sourcing.public.ts';
import { aVendor } from '../../src/server/seed/builders/core.ts';
import { handleOf } from '../../src/server/seed/builders/due-diligence.ts';
import { silentLog } from '../../src/server/seed/builders/silent-log.ts';
import { aCandidate, aProposal, aSourcingProject, scoresBy } from '../../src/server/seed/builders/sourcing.ts';
import type { User } from '../../src/shared/contracts/users.ts';
import { json, runCli, tempDir } from './helpers.ts';

// Issue 16 §6: `outsight sourcing export PROJECT [--json]`, direct mode.
const dir = tempDir('sourcing');
const dataDir = path.join(dir, 'data');
const cli = (args: string[]) => runCli(args, { OUTSIGHT_DATA_DIR: dataDir });

beforeAll(async () => {
  const r = await runCli(['users', 'create', '--org-name', 'Sourcing Corp', '--email', 'owner@sourcing.test', '--name', 'Olga Owner', '--json'], { OUTSIGHT_DATA_DIR: dataDir, OUTSIGHT_PASSWORD: 'owner-password-1' });
  expect(r.code, r.stderr + r.stdout).toBe(0);
  // No CLI command makes projects: build one through the services between CLI runs (the database holds the data-directory lock).
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const db = database.db;
    const actor = await resolveActor(db, undefined);
    const ctx: Ctx = { db, actor, now: new Date(), log: silentLog, requestId: 'cli-test', config: loadConfig({ OUTSIGHT_DATA_DIR: dataDir, OUTSIGHT_DEMO: '0' }) };
    const owner = { id: actor.userId, email: actor.email, name: actor.name, role: 'owner', vendorId: null } as User;
    const org = handleOf(ctx, owner);
    const p = await aSourcingProject(org, { name: 'Night operations' });
    await setCriteriaTwo(org, p.id);
    for (const [name, price, expertise] of [['Moonlight Ops', 10_000_00, 3], ['Owl Services', 20_000_00, 5]] as const) {
      const c = await aCandidate(org, { projectId: p.id, vendorId: (await aVendor(org, { name, status: 'prospect' })).id });
      await aProposal(org, c.id, { priceMinor: price });
      await scoresBy(org, owner, { projectId: p.id, candidateId: c.id }, { Expertise: expertise });
    }
  } finally {
    await database.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function setCriteriaTwo(org: ReturnType<typeof handleOf>, projectId: string) {
  await setCriteria(org.ctx(), projectId, { criteria: [{ name: 'Expertise', weight: 50, source: 'evaluators' }, { name: 'Cost', weight: 50, source: 'proposal_price' }] });
}

describe('outsight sourcing export', () => {
  it('prints the project, its matrix and its robustness; --json gives the project and the matrix; --csv the matrix', async () => {
    // Moonlight: 50×3 + 50×5 = 400 → 4.00; Owl: 50×5 + 50×2.5 = 375 → 3.75.
    const human = await cli(['sourcing', 'export', 'night operations']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('Night operations — Evaluating');
    expect(human.stdout).toMatch(/1 +Moonlight Ops +4\.00/);
    expect(human.stdout).toMatch(/2 +Owl Services +3\.75/);
    expect(human.stdout).toMatch(/^(Robust|Not robust)/m);

    const j = json<{ project: { id: string; candidates: unknown[] }; matrix: { rows: Array<{ vendorName: string; total: number }> } }>(await cli(['sourcing', 'export', 'Night operations', '--json']));
    expect(j.project.candidates).toHaveLength(2);
    expect(j.matrix.rows.map((r) => [r.vendorName, r.total])).toEqual([
      ['Moonlight Ops', 4],
      ['Owl Services', 3.75],
    ]);
    const byId = await cli(['sourcing', 'export', j.project.id, '--csv']);
    expect(byId.stdout.split('\n')[1]).toBe('1,Moonlight Ops,3.00,5.00,4.00,,no');
  });

  it('says so, with exit 1, when no project has that name', async () => {
    const r = await cli(['sourcing', 'export', 'Nothing like it']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No sourcing project named or numbered "Nothing like it"');
  });
});
