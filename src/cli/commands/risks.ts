import { writeFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { RiskListQuery, type Risk } from '../../shared/contracts/risks.ts';
import { safeCell } from '../../shared/csv-cell.ts';
import type { Ctx } from '../../server/context.ts';
import { listRisks } from '../../server/modules/risks/risks.public.ts';
import { withDirect } from '../direct.ts';
import { emit } from '../output.ts';
import { commandContext, type RemoteApi } from '../target.ts';

const PAGE = 200;

async function allDirect(ctx: Ctx): Promise<Risk[]> {
  const items: Risk[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRisks(ctx, RiskListQuery.parse({ limit: PAGE, cursor }));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

async function allRemote(api: RemoteApi): Promise<Risk[]> {
  const items: Risk[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.json<{ items: Risk[]; nextCursor: string | null }>('GET', '/api/v1/risks', { query: { limit: PAGE, cursor } });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** The export's columns: one row per risk, the scores on the organisation's matrix in its own words. */
const COLUMNS: Array<[string, (r: Risk) => unknown]> = [
  ['title', (r) => r.title],
  ['category', (r) => r.category],
  ['status', (r) => r.status],
  ['vendor', (r) => r.vendor?.name],
  ['engagement', (r) => r.engagement?.name],
  ['contract', (r) => r.contract?.name],
  ['finding', (r) => r.finding?.name],
  ['owner', (r) => r.owner?.name],
  ['inherent_likelihood', (r) => r.inherent.likelihood],
  ['inherent_impact', (r) => r.inherent.impact],
  ['inherent_level', (r) => r.inherent.levelLabel],
  ['residual_likelihood', (r) => r.residual.likelihood],
  ['residual_impact', (r) => r.residual.impact],
  ['residual_level', (r) => r.residual.levelLabel],
  ['above_appetite', (r) => (r.residual.aboveAppetite ? 'yes' : 'no')],
  ['treatment', (r) => r.treatment],
  ['accepted_by', (r) => r.acceptance?.approver?.name],
  ['accepted_until', (r) => r.acceptance?.expiresOn],
  ['acceptance_out_of_date', (r) => (r.acceptance ? (r.acceptance.outOfDate ? 'yes' : 'no') : null)],
  ['review_on', (r) => r.reviewOn],
  ['open_actions', (r) => r.openActions],
  ['source', (r) => r.source],
  ['signal_active', (r) => (r.signalActive === null ? null : r.signalActive ? 'yes' : 'no')],
];

export function risksToCsv(items: Risk[]): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const line = (cells: unknown[]) => cells.map((v) => quote(safeCell(v))).join(',');
  return [line(COLUMNS.map(([h]) => h)), ...items.map((r) => line(COLUMNS.map(([, f]) => f(r))))].join('\n') + '\n';
}

function format(value: string): 'csv' | 'json' {
  if (value !== 'csv' && value !== 'json') throw new InvalidArgumentError('Expected csv or json.');
  return value;
}

export function registerRiskCommands(program: Command): void {
  const risks = program.command('risks').description('export the risk register');
  risks
    .command('export')
    .description('export every risk (open and closed), highest residual level first, as CSV or JSON, to stdout or --out FILE')
    .option('--format <format>', 'csv or json', format, 'csv')
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .action(async (flags: { format: 'csv' | 'json'; out?: string }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      const items = target.kind === 'remote' ? await allRemote(target.api) : await withDirect(target, async (s) => allDirect(await s.actingCtx()));
      const body = flags.format === 'csv' ? risksToCsv(items) : `${JSON.stringify(items, null, 2)}\n`;
      if (flags.out) {
        await writeFile(flags.out, body);
        emit(out, { count: items.length, file: flags.out }, () => `Wrote ${items.length} risk${items.length === 1 ? '' : 's'} to ${flags.out}.`);
      } else {
        process.stdout.write(body);
      }
    });
}
