import { evaluatePilot, type PilotCriterionResult, type PilotFacts } from '../../../domain/sourcing/pilot.ts';
import type { Ctx } from '../../context.ts';
import { listInvoices } from '../costs/costs.public.ts';
import { listDeliverables } from '../deliverables/deliverables.public.ts';
import { slaReport } from '../sla/sla.public.ts';
import { buildMatrix } from './matrix.ts';
import * as repo from './sourcing.repo.ts';

const PAGE = 200;
const errorWords = (e: unknown) => (e instanceof Error ? e.message : 'could not be measured');

/**
 * A pilot's success criteria measured from the data: the SLA by the same engine as
 * production SLAs (the SLA report of the pilot engagement over the pilot's months, every
 * priority), the pilot engagement's deliverables and their acceptance dates, its approved
 * and paid invoices (net, in the pilot's currency), and the candidate's weighted total.
 */
export async function measurePilot(ctx: Ctx, p: repo.PilotRow): Promise<PilotCriterionResult[]> {
  const facts: PilotFacts = {};
  if (p.slaTargetPct !== null) {
    if (!p.engagementId) facts.sla = { targetPct: p.slaTargetPct, tickets: 0, breached: 0, problem: 'The pilot has no engagement to measure' };
    else {
      try {
        const report = await slaReport(ctx, p.engagementId, { from: p.startsOn.slice(0, 7), to: p.endsOn.slice(0, 7) });
        let tickets = 0;
        let breached = 0;
        for (const m of report.months)
          for (const pr of m.priorities) {
            tickets += pr.tickets;
            breached += pr.breached;
          }
        facts.sla = { targetPct: p.slaTargetPct, tickets, breached };
      } catch (e) {
        facts.sla = { targetPct: p.slaTargetPct, tickets: 0, breached: 0, problem: `Not measured: ${errorWords(e)}` };
      }
    }
  }
  if (p.deliverablesDueBy && p.engagementId) {
    const page = await listDeliverables(ctx, { engagementId: p.engagementId, limit: PAGE });
    facts.deliverables = { dueBy: p.deliverablesDueBy, items: page.items.map((d) => ({ name: d.title, acceptedOn: d.acceptedOn })) };
  }
  if (p.budgetCeilingMinor !== null) {
    let spent = 0;
    if (p.engagementId) {
      let cursor: string | undefined;
      do {
        const page = await listInvoices(ctx, { engagementId: p.engagementId, status: ['approved', 'paid'], limit: PAGE, cursor });
        for (const inv of page.items) if (inv.currency === p.currency) spent += inv.subtotalMinor;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
    facts.budget = { ceilingMinor: p.budgetCeilingMinor, spentMinor: spent, currency: p.currency };
  }
  if (p.scorecardThreshold !== null) {
    const project = await repo.findProject(ctx.db, ctx.actor.orgId, p.projectId);
    const m = project ? await buildMatrix(ctx, project) : null;
    const row = m?.rows.find((r) => r.candidateId === p.candidateId);
    facts.scorecard = { threshold: p.scorecardThreshold, total: row ? row.total : null };
  }
  return evaluatePilot(facts);
}
