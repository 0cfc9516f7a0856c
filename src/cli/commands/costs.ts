import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { formatMoney } from '../../domain/money.ts';
import type { Spend } from '../../shared/contracts/costs.ts';
import type { RateImportResult } from '../../shared/contracts/exchange-rates.ts';
import { importExchangeRates, portfolioSpend } from '../../server/modules/costs/costs.public.ts';
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
