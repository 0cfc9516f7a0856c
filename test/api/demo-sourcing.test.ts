import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser, anOrg } from '../../src/server/seed/builders/core.ts';
import { seedDemoSourcing } from '../../src/server/seed/demo-sourcing.ts';
import { getProject, listProjects, projectMatrix, sourcingFeed } from '../../src/server/modules/sourcing/sourcing.public.ts';
import { addDays } from '../../src/domain/civil-date.ts';
import { fiscalYearOf } from '../../src/domain/costs/fiscal.ts';
import { getCostSettings, portfolioBudgets } from '../../src/server/modules/costs/costs.public.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// Issue 16: the demo's sourcing — one project evaluated, a go, a no-go, a pilot running, a check that said no — seeded through the services.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the demo sourcing', () => {
  it('shows an evaluation with three candidates and two evaluators, a go, a no-go, a running pilot and a "do not outsource"', async () => {
    const org = await anOrg({ db: t.database.db, config: t.config });
    const manager = await aUser(org, { role: 'manager', name: 'Maria Manager' });
    const analyst = await aUser(org, { role: 'analyst', name: 'Ana Analyst' });
    const ctx = { ...org.ctx(), config: t.config };
    await seedDemoSourcing(ctx, { manager, analyst });

    const projects = (await listProjects(ctx, { limit: 50 })).items;
    const byName = new Map(projects.map((p) => [p.name, p]));
    expect(Object.fromEntries(projects.map((p) => [p.name, p.status]))).toEqual({
      'Service desk for the Porto plant': 'evaluating',
      'Cloud backup operations': 'decided',
      'Payroll processing': 'evaluating',
      'Plant website hosting': 'pilot',
      'Shop-floor data entry': 'checked',
    });

    const porto = await getProject(ctx, byName.get('Service desk for the Porto plant')!.id);
    expect(porto.candidates).toHaveLength(3);
    expect(porto.weightChanges).toHaveLength(1);
    // The proposals came with their files, readable now that they are opened.
    expect(Object.fromEntries(porto.candidates.map((c) => [c.vendorName, c.proposal!.files.length]))).toEqual({ 'Lusodesk Serviços': 2, 'Atlântico IT Services': 1, 'DeskForce Global': 2 });
    expect(porto.candidates.filter((c) => c.rfi).map((c) => c.rfi!.status)).toEqual(['sent']);
    const m = await projectMatrix(ctx, porto.id);
    expect(m.rows.map((r) => r.missing)).toEqual([[], [], []]);
    expect(m.rows.flatMap((r) => r.cells.filter((c) => c.disagreement)).length).toBeGreaterThan(0);
    expect(new Set(m.rows.flatMap((r) => r.byEvaluator.map((e) => e.evaluator)))).toEqual(new Set(['Maria Manager', 'Ana Analyst']));
    expect(m.robustness).toMatch(/robust/i);
    // Each candidate's effect on concentration, priced at its opened proposal (euros).
    expect(m.rows.map((r) => [r.concentration?.spend?.currency, r.concentration!.services.shareBefore])).toEqual([['EUR', 0], ['EUR', 0], ['EUR', 0]]);
    expect(m.rows.every((r) => r.concentration!.spend!.shareAfter > 0 && r.concentration!.services.shareAfter > 0)).toBe(true);

    const backup = await getProject(ctx, byName.get('Cloud backup operations')!.id);
    const go = backup.pilots[0];
    expect(go.decision).toMatchObject({ decision: 'go', contractId: expect.any(String) });
    expect(go.criteria.map((c) => [c.key, c.met])).toEqual([
      ['sla', true],
      ['deliverables', true],
      ['budget', true],
    ]);
    expect(backup.outcome).toMatchObject({ vendorName: 'Vaultline Backup Services' });

    const payroll = await getProject(ctx, byName.get('Payroll processing')!.id);
    expect(payroll.pilots[0].decision).toMatchObject({ decision: 'no_go' });
    expect(payroll.pilots[0].criteria.filter((c) => c.met === false).map((c) => [c.key, c.by])).toEqual([
      ['sla', '15.0 percentage points short of the target'],
      ['budget', '€2,200.00 over the ceiling'],
    ]);
    // The pilot's engagement has the ceiling as its budget: over it on the Costs page too.
    const billedIn = fiscalYearOf(addDays(ctx.now.toISOString().slice(0, 10), -15), (await getCostSettings(ctx)).fiscalYearStartMonth);
    const pilotBudget = (await portfolioBudgets(ctx, { fiscalYear: billedIn })).rows.find((r) => r.engagementId === payroll.pilots[0].engagementId);
    expect(pilotBudget).toMatchObject({ alert: 'actual_over', words: 'Actual €17,200.00 already exceeds the budget of €15,000.00.' });

    const running = await getProject(ctx, byName.get('Plant website hosting')!.id);
    expect(running.pilots[0].status).toBe('running');
    expect(running.pilots[0].criteria.find((c) => c.key === 'sla')).toMatchObject({ met: true });
    const today = ctx.now.toISOString().slice(0, 10);
    const due = await sourcingFeed.due!(ctx, { from: today, to: new Date(ctx.now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10) });
    expect(due.map((d) => d.kind)).toContain('pilot_decision');

    const entry = await getProject(ctx, byName.get('Shop-floor data entry')!.id);
    expect(entry.check).toMatchObject({ decision: 'do_not_outsource', concerns: 2 });
  });
});
