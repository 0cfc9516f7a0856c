import type { Command } from 'commander';
import type { Review } from '../../shared/contracts/governance.ts';
import type { Ctx } from '../../server/context.ts';
import { listReviews } from '../../server/modules/governance/governance.public.ts';
import { withDirect } from '../direct.ts';
import { emit, formatTable } from '../output.ts';
import { commandContext, type RemoteApi } from '../target.ts';

const PAGE = 200;

async function allDirect(ctx: Ctx): Promise<Review[]> {
  const items: Review[] = [];
  let cursor: string | undefined;
  do {
    const page = await listReviews(ctx, { limit: PAGE, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

async function allRemote(api: RemoteApi): Promise<Review[]> {
  const items: Review[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.json<{ items: Review[]; nextCursor: string | null }>('GET', '/api/v1/performance-reviews', { query: { limit: PAGE, cursor } });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 1000) / 10} %`);
const criterion = (r: Review, key: string) => r.criteria.find((c) => c.key === key)?.value;

/** `outsight reviews export`: every performance review (scorecard), oldest quarter first — a table, or the full reviews with --json. */
export function registerReviewCommands(program: Command): void {
  const reviews = program.command('reviews').description('performance reviews (scorecards) of engagements');
  reviews
    .command('export')
    .description('export every performance review with its criteria and score (a table; the whole reviews with --json)')
    .action(async (_flags: unknown, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      const items = target.kind === 'remote' ? await allRemote(target.api) : await withDirect(target, async (s) => allDirect(await s.actingCtx()));
      emit(out, { count: items.length, items }, () =>
        items.length === 0
          ? 'No performance reviews yet.'
          : formatTable(items, [
              { header: 'quarter', value: (r) => r.period },
              { header: 'vendor', value: (r) => r.vendorName },
              { header: 'engagement', value: (r) => r.engagementName },
              { header: 'score', value: (r) => (r.score === null ? '—' : r.score.toFixed(1)), align: 'right' },
              { header: 'sla', value: (r) => pct(criterion(r, 'sla')), align: 'right' },
              { header: 'deliverables', value: (r) => pct(criterion(r, 'deliverables')), align: 'right' },
              { header: 'actions', value: (r) => pct(criterion(r, 'actions')), align: 'right' },
              { header: 'reports', value: (r) => pct(criterion(r, 'reports')), align: 'right' },
              { header: 'findings', value: (r) => pct(criterion(r, 'findings')), align: 'right' },
              { header: 'invoices', value: (r) => pct(criterion(r, 'invoices')), align: 'right' },
              { header: 'shared', value: (r) => (r.shared ? 'yes' : 'no') },
            ]),
      );
    });
}
