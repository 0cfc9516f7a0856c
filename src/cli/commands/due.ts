import type { Command } from 'commander';
import { DueQuery, type DueAhead } from '../../shared/contracts/dashboard.ts';
import { listDueAhead } from '../../server/modules/dashboard/dashboard.public.ts';
import { withDirect } from '../direct.ts';
import { emit, flagError, formatTable } from '../output.ts';
import { commandContext } from '../target.ts';

export function registerDueCommands(program: Command): void {
  program
    .command('due')
    .description('everything overdue or due in the next days, from every module (the dashboard’s list, as far ahead as asked)')
    .option('--days <n>', 'how many days ahead (1–366)', '30')
    .option('--mine', 'only what you own (risks, risk and exit actions, exit steps, meeting actions)')
    .action(async (flags: { days: string; mine?: boolean }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      const parsed = DueQuery.safeParse({ days: flags.days, mine: flags.mine ? 'true' : 'false' });
      if (!parsed.success) throw flagError(parsed.error, { days: '--days' });
      const q = parsed.data;
      const due: DueAhead =
        target.kind === 'remote'
          ? await target.api.json<DueAhead>('GET', '/api/v1/dashboard/due', { query: { days: q.days, mine: String(q.mine) } })
          : await withDirect(target, async (s) => listDueAhead(await s.actingCtx(), q));
      emit(out, due, () => {
        if (due.items.length === 0) return `Nothing ${q.mine ? 'of yours ' : ''}overdue or due by ${due.to}.`;
        const table = formatTable(due.items, [
          { header: 'due', value: (d) => (d.overdue ? `${d.date} overdue` : d.date) },
          { header: 'what', value: (d) => d.title },
          { header: 'detail', value: (d) => d.detail ?? '' },
        ]);
        const notes = [
          due.truncated ? `Showing the first ${due.items.length} of ${due.total}.` : `${due.total} item${due.total === 1 ? '' : 's'} overdue or due by ${due.to}.`,
          ...(due.unavailable.length > 0 ? [`Could not be read just now: ${due.unavailable.join(', ')}.`] : []),
        ];
        return `${table}\n\n${notes.join('\n')}`;
      });
    });
}
