import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { formatMoney } from '../../domain/money.ts';
import type { BudgetPositions, Spend } from '../../shared/contracts/costs.ts';
import type { RateImportResult } from '../../shared/contracts/exchange-rates.ts';
import { importExchangeRates, portfolioBudgets, portfolioSpend } from '../../server/modules/costs/costs.public.ts';
import { withDirect } from '../direct.ts';
import { readInput } from '../files.ts';
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
        return `Spend in ${report.fiscalYearLabel}\n\n${formatTable([...report.rows, ...totals], cols)}\n\n${convertedText(report)}`;
      });
    });

  costs
    .command('budgets')
    .description("every engagement's budget of a fiscal year against its actual and run-rate forecast, per currency, those over first; and the spend no budget holds")
    .option('--year <year>', 'the fiscal year (named by the calendar year it starts in); default: the current one', year)
    .action(async (flags: { year?: number }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      const report =
        target.kind === 'remote'
          ? await target.api.json<BudgetPositions>('GET', '/api/v1/costs/budget-positions', { query: flags.year ? { fiscalYear: flags.year } : {} })
          : await withDirect(target, async (s) => portfolioBudgets(await s.actingCtx(), { fiscalYear: flags.year }));
      emit(out, report, () => budgetsText(report));
    });

  const rates = costs.command('rates').description('exchange rates per currency and month (1 EUR = x)');
  rates
    .command('import <file>')
    .description("import the ECB's reference rates from CSV: the daily history eurofxref-hist.csv (each month the average of its daily rates) or the data portal's SDMX CSV of EXR.M.<CUR>.EUR.SP00.A (monthly averages as published); all or nothing")
    .option('--dry-run', 'read and check the file, store nothing')
    .action(async (file: string, flags: { dryRun?: boolean }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      const buf = await readInput(file);
      const fileName = file === '-' ? null : path.basename(file);
      const dryRun = !!flags.dryRun;
      const result =
        target.kind === 'remote'
          ? await target.api.json<RateImportResult>('POST', '/api/v1/exchange-rates/import', { query: { dryRun, ...(fileName ? { fileName } : {}) }, body: buf, contentType: 'text/csv' })
          : await withDirect(target, async (s) => importExchangeRates(await s.actingCtx(), buf, { dryRun, fileName }));
      emit(out, result, () => {
        const span = result.firstMonth === result.lastMonth ? result.firstMonth : `${result.firstMonth} to ${result.lastMonth}`;
        const head = `${result.formatLabel}: ${result.rates} rate${result.rates === 1 ? '' : 's'} (${result.currencies.join(', ')}; ${span}).`;
        const what = dryRun ? 'Dry run: nothing was stored.' : `Imported${result.replaced ? `, replacing ${result.replaced} kept before` : ''}.`;
        return `${head}\n${result.rule}\n${result.sample.map((x) => `  ${x}`).join('\n')}\n${what}`;
      });
    });
}

/** The spend in the base currency, each converted month with the rate used; missing rates named. */
function convertedText(report: Spend): string {
  const c = report.converted;
  const base = (m: number | null) => (m === null ? 'not converted' : formatMoney({ amountMinor: m, currency: c.baseCurrency }));
  const lines = [`In ${c.baseCurrency} at the rate of each invoice month: ${base(c.totalMinor)}`];
  for (const r of c.rates) lines.push(`  ${r.monthLabel}: ${r.rate}${r.via ? ` (through the euro: ${r.via})` : ''}`);
  for (const m of c.missing) lines.push(`  ${m}`);
  return lines.join('\n');
}

/** Budget positions as a table, the spend no budget holds below it, then how to read them. */
function budgetsText(report: BudgetPositions): string {
  const head = `Budgets in ${report.fiscalYearLabel}, ${report.throughLabel ? `through ${report.throughLabel}` : 'not begun yet'}`;
  if (report.rows.length === 0 && report.unbudgeted.length === 0) return `${head}\n\nNo budgets and no approved or paid invoices in this fiscal year.`;
  const m = (amountMinor: number, currency: string) => formatMoney({ amountMinor, currency });
  const standing = { actual_over: 'over budget', forecast_over: 'forecast over' } as const;
  type R = BudgetPositions['rows'][number];
  const rows = formatTable(report.rows, [
    { header: 'engagement', value: (r: R) => r.engagementName },
    { header: 'vendor', value: (r: R) => r.vendorName },
    { header: 'budget', value: (r: R) => m(r.budgetMinor, r.currency), align: 'right' as const },
    { header: 'to date', value: (r: R) => m(r.budgetToDateMinor, r.currency), align: 'right' as const },
    { header: 'actual', value: (r: R) => m(r.actualMinor, r.currency), align: 'right' as const },
    { header: 'forecast', value: (r: R) => (report.monthsElapsed ? m(r.forecastMinor, r.currency) : '-'), align: 'right' as const },
    { header: 'standing', value: (r: R) => (r.alert ? standing[r.alert] : 'within budget') },
  ]);
  const totals = report.totals.map((t) => `Total in ${t.currency}: budget ${m(t.budgetMinor, t.currency)}, to date ${m(t.budgetToDateMinor, t.currency)}, actual ${m(t.actualMinor, t.currency)}, forecast ${m(t.forecastMinor, t.currency)}`);
  const loose = report.unbudgeted.map((u) => `  ${u.vendorName}, ${u.engagementName ?? 'no engagement'}: ${m(u.actualMinor, u.currency)}`);
  return [head, '', report.rows.length ? rows : 'No budgets in this fiscal year.', ...totals, ...(loose.length ? ['', 'Spend no budget holds:', ...loose] : []), '', ...report.notes].join('\n');
}
