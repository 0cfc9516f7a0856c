import type { z } from 'zod';
import type { SlaTicket, SlaTicketQuery } from '../../../shared/contracts/sla.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { requireEngagement } from '../engagements/engagements.public.ts';
import type { HeldVerdicts } from './held-verdicts.ts';
import { measurementPolicy } from './sla.policy.ts';
import { presentVerdict } from './sla.presenter.ts';
import { freshVerdicts } from './sla.verdicts.ts';
import * as repo from './verdicts.repo.ts';

type TicketQuery = z.output<typeof SlaTicketQuery>;
type TicketFilter = Omit<TicketQuery, 'cursor' | 'limit'>;

/**
 * The engagement's verdicts, up to date: stored (null), or held in memory while they are
 * being stored (write-behind, `sla.verdicts.ts`). Not found when it has no SLA policy.
 */
async function readyVerdicts(ctx: Ctx, engagementId: string): Promise<HeldVerdicts | null> {
  measurementPolicy.check(ctx.actor, 'read');
  await requireEngagement(ctx, 'read', engagementId);
  const fresh = await freshVerdicts(ctx, [engagementId]);
  if (!fresh.measuring.has(engagementId)) throw AppError.notFound('The SLA policy of this engagement');
  return fresh.held.get(engagementId) ?? null;
}

const page = (ctx: Ctx, engagementId: string, held: HeldVerdicts | null, q: TicketFilter & { cursor?: string; limit: number }) =>
  keysetPage(
    q,
    repo.VERDICT_SORT,
    async (after, limit) => (held ? held.page(q, after, limit) : repo.listVerdicts(ctx.db, ctx.actor.orgId, engagementId, q, after, limit)),
    presentVerdict,
  );

/**
 * Tickets with their SLA verdicts under the policy in force, filtered, newest first,
 * keyset-paged on (opened, id) in the database; `total` counts every match.
 */
export async function slaTickets(ctx: Ctx, engagementId: string, q: TicketQuery) {
  const held = await readyVerdicts(ctx, engagementId);
  const result = await page(ctx, engagementId, held, q);
  return { ...result, total: held ? held.count(q) : await repo.countVerdicts(ctx.db, ctx.actor.orgId, engagementId, q) };
}

/** Every matching ticket, page after page (exports: the CSV download, `outsight sla tickets`). */
export async function allSlaTickets(ctx: Ctx, engagementId: string, q: TicketFilter): Promise<SlaTicket[]> {
  const held = await readyVerdicts(ctx, engagementId);
  const all: SlaTicket[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(ctx, engagementId, held, { ...q, cursor, limit: 5_000 });
    all.push(...p.items);
    cursor = p.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
