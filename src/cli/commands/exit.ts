import type { Command } from 'commander';
import type { ReadinessRow } from '../../shared/contracts/exit.ts';
import type { Ctx } from '../../server/context.ts';
import { readinessByEngagement } from '../../server/modules/exit/exit.public.ts';
import { withDirect } from '../direct.ts';
import { emit, formatTable } from '../output.ts';
import { commandContext, type RemoteApi } from '../target.ts';

const PAGE = 200;

async function allRemote(api: RemoteApi, critical: boolean): Promise<ReadinessRow[]> {
  const items: ReadinessRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.json<{ items: ReadinessRow[]; nextCursor: string | null }>('GET', '/api/v1/exit/readiness', { query: { limit: PAGE, cursor, ...(critical ? { critical: 'true' } : {}) } });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

const IMPORTANT = new Set(['critical', 'high']);
async function direct(ctx: Ctx, critical: boolean): Promise<ReadinessRow[]> {
  const rows = (await readinessByEngagement(ctx)).sort((a, b) => a.score - b.score || a.engagement.id.localeCompare(b.engagement.id));
  return critical ? rows.filter((r) => IMPORTANT.has(r.engagement.criticality)) : rows;
}

const PLAN_WORDS = { draft: 'ready', running: 'exit in progress', done: 'exit completed' } as const;

export function registerExitCommands(program: Command): void {
  const exit = program.command('exit').description('exit readiness: could we leave each vendor?');
  exit
    .command('readiness')
    .description('exit readiness (0–100) of the running engagements, weakest first')
    .option('--critical', 'only critical and high engagements')
    .action(async (flags: { critical?: boolean }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      const critical = !!flags.critical;
      const items = target.kind === 'remote' ? await allRemote(target.api, critical) : await withDirect(target, async (s) => direct(await s.actingCtx(), critical));
      emit(out, { items }, () => {
        if (items.length === 0) return 'No running engagements.';
        const below = items.filter((r) => r.belowThreshold).length;
        const table = formatTable(items, [
          { header: 'score', value: (r) => r.score, align: 'right' },
          { header: 'vendor', value: (r) => r.vendor.name },
          { header: 'engagement', value: (r) => r.engagement.name },
          { header: 'criticality', value: (r) => r.engagement.criticality },
          { header: 'plan', value: (r) => (r.planStatus ? PLAN_WORDS[r.planStatus] : 'none') },
          { header: 'last drill', value: (r) => r.lastDrillOn },
          { header: 'weakest', value: (r) => r.weakest.join('; ') },
        ]);
        return `${table}\n\n${below} of ${items.length} engagement${items.length === 1 ? '' : 's'} below the readiness threshold.`;
      });
    });
}
