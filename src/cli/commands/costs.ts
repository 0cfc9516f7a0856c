import { InvalidArgumentError, type Command } from 'commander';
import { formatMoney } from '../../domain/money.ts';
import type { Spend } from '../../shared/contracts/costs.ts';
import { portfolioSpend } from '../../server/modules/costs/costs.public.ts';
import { withDirect } from '../direct.ts';
import { emit, formatTable } from '../output.ts';
import { commandContext } from '../target.ts';

const year = (v: string) => {
  if (!/^\d{4}$/.test(v)) throw new InvalidArgumentError('Expected a fiscal year such as 2026.');
  return Number(v);
};

export function registerCostCommands(program: Command): void {
  const costs = program.command('costs').description('cost reports');
  costs
    .command('report')
    .description('spend by vendor and month of a fiscal year (approved and paid invoices, net), per currency, never summed across currencies')
    .option('--year <year>', 'the fiscal year (named by the calendar year it starts in); default: the current one', year)
    .action(async (flags: { year?: number }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      const report =
        target.kind === 'remote'
          ? await target.api.json<Spend>('GET', '/api/v1/costs/spend', { query: flags.year ? { fiscalYear: flags.year } : {} })
          : await withDirect(target, async (s) => portfolioSpend(await s.actingCtx(), { fiscalYear: flags.year }));
      emit(out, report, () => {
        if (report.rows.length === 0) return `No approved or paid invoices in ${report.fiscalYearLabel}.`;
        const money = (m: number, c: string) => (m ? formatMoney({ amountMinor: m, currency: c }) : '');
        const cols = [
          { header: 'vendor', value: (r: Spend['rows'][number]) => r.vendorName },
          ...report.months.map((m, i) => ({ header: m.month, value: (r: Spend['rows'][number]) => money(r.monthsMinor[i], r.currency), align: 'right' as const })),
          { header: 'total', value: (r: Spend['rows'][number]) => money(r.totalMinor, r.currency), align: 'right' as const },
        ];
        const totals = report.totals.map((t) => ({ vendorId: '', vendorName: `Total ${t.currency}`, currency: t.currency, monthsMinor: t.monthsMinor, totalMinor: t.totalMinor }));
        return `Spend in ${report.fiscalYearLabel}\n\n${formatTable([...report.rows, ...totals], cols)}`;
      });
    });
}
