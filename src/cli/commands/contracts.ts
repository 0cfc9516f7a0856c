import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { addDays, civilDateIn } from '../../domain/civil-date.ts';
import { toDecimalString } from '../../domain/money.ts';
import { CONTRACT_IMPORT_COLUMNS, CONTRACT_TYPE_LABELS, KEY_DATE_KIND_LABELS, type Contract, type ContractImportResult } from '../../shared/contracts/contracts.ts';
import { safeCell } from '../../shared/csv-cell.ts';
import type { Ctx } from '../../server/context.ts';
import { importContracts, keyDatesView, listContracts } from '../../server/modules/contracts/contracts.public.ts';
import { withDirect } from '../direct.ts';
import { emit, formatTable } from '../output.ts';
import { readInput } from '../files.ts';
import { commandContext, type RemoteApi } from '../target.ts';

const PAGE = 200;

async function allDirect(ctx: Ctx): Promise<Contract[]> {
  const items: Contract[] = [];
  let cursor: string | undefined;
  do {
    const page = await listContracts(ctx, { limit: PAGE, cursor, archived: 'false' });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

async function allRemote(api: RemoteApi): Promise<Contract[]> {
  const items: Contract[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.json<{ items: Contract[]; nextCursor: string | null }>('GET', '/api/v1/contracts', { query: { limit: PAGE, cursor, archived: 'false' } });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** The export's columns: the contract's terms and its computed key dates, one row per contract. */
const COLUMNS: Array<[string, (c: Contract) => unknown]> = [
  ['vendor', (c) => c.vendorName],
  ['title', (c) => c.title],
  ['type', (c) => c.type],
  ['parent', (c) => c.parentTitle],
  ['reference', (c) => c.reference],
  ['status', (c) => c.status],
  ['signed_on', (c) => c.signedOn],
  ['effective_on', (c) => c.effectiveOn],
  ['initial_term_end', (c) => c.initialTermEnd],
  ['renewal', (c) => c.renewalKind],
  ['renewal_months', (c) => c.renewalMonths],
  ['notice_unit', (c) => c.noticeUnit],
  ['notice_count', (c) => c.noticeCount],
  ['currency', (c) => c.currency],
  ['annual_value', (c) => (c.currency && c.annualValueMinor !== null ? toDecimalString({ amountMinor: c.annualValueMinor, currency: c.currency }) : null)],
  ['total_value', (c) => (c.currency && c.totalValueMinor !== null ? toDecimalString({ amountMinor: c.totalValueMinor, currency: c.currency }) : null)],
  ['engagements', (c) => c.engagements.map((e) => e.name).join('; ')],
  ['internal_owner', (c) => c.internalOwnerName],
  ['current_term_end', (c) => c.keyDates.termEnd],
  ['notice_deadline', (c) => c.keyDates.nextNoticeDeadline],
  ['decide_by', (c) => c.keyDates.decideBy],
  ['key_dates', (c) => c.keyDates.words],
];

export function contractsToCsv(items: Contract[]): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const line = (cells: unknown[]) => cells.map((v) => quote(safeCell(v))).join(',');
  return [line(COLUMNS.map(([h]) => h)), ...items.map((c) => line(COLUMNS.map(([, f]) => f(c))))].join('\n') + '\n';
}

function days(value: string): number {
  const m = /^(\d{1,4})d?$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError('Expected a number of days, e.g. 90d.');
  return Number(m[1]);
}

export function registerContractCommands(program: Command): void {
  const contracts = program.command('contracts').description('import and export contracts and list their key dates');

  contracts
    .command('import')
    .description('import contracts from a spreadsheet (CSV or .xlsx), all or nothing')
    .argument('<file>', 'CSV or .xlsx file, or - for stdin (CSV)')
    .option('--dry-run', 'check the file and list what would be created, without storing anything')
    .addHelpText(
      'after',
      '\nColumns (headers in any case; Vendor, Title and Type are required):\n' +
        CONTRACT_IMPORT_COLUMNS.map((c) => `  ${c.name.padEnd(36)}${c.help}`).join('\n') +
        '\n\nIf any row is rejected nothing is stored, every problem is listed (line, column, reason)\nand the exit code is 1.',
    )
    .action(async (file: string, flags: { dryRun?: boolean }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      const dryRun = !!flags.dryRun;
      const buf = await readInput(file);
      const fileName = file === '-' ? null : path.basename(file);
      const workbook = !!fileName && /\.xlsx$/i.test(fileName);
      const result =
        target.kind === 'remote'
          ? await target.api.json<ContractImportResult>('POST', '/api/v1/contracts/import', {
              query: { dryRun, ...(fileName ? { fileName } : {}) },
              body: buf,
              contentType: workbook ? 'application/octet-stream' : 'text/csv',
            })
          : await withDirect(target, async (s) => importContracts(await s.actingCtx(), buf, { dryRun, fileName }));
      emit(out, result, () => {
        const table = formatTable(result.contracts, [
          { header: 'line', value: (c) => c.line, align: 'right' },
          { header: 'vendor', value: (c) => c.vendor },
          { header: 'title', value: (c) => c.title },
          { header: 'type', value: (c) => CONTRACT_TYPE_LABELS[c.type] },
        ]);
        const n = `${result.created} contract${result.created === 1 ? '' : 's'}`;
        return dryRun ? `${table}\n\nDry run of ${file}: ${n} would be created. Nothing was stored.` : `${table}\n\nImported ${file}: ${n} created.`;
      });
    });

  contracts
    .command('export')
    .description('export the live contracts with their key dates as CSV, to stdout or --out FILE')
    .option('-o, --out <file>', 'write the CSV to this file instead of stdout')
    .action(async (flags: { out?: string }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      const items = target.kind === 'remote' ? await allRemote(target.api) : await withDirect(target, async (s) => allDirect(await s.actingCtx()));
      const csv = contractsToCsv(items);
      if (flags.out) {
        await writeFile(flags.out, csv);
        emit(out, { count: items.length, file: flags.out }, () => `Wrote ${items.length} contract${items.length === 1 ? '' : 's'} to ${flags.out}.`);
      } else if (out.json) {
        emit(out, { count: items.length, csv }, () => csv);
      } else {
        process.stdout.write(csv);
      }
    });

  contracts
    .command('dates')
    .description('key dates of every contract from today on: decide-by dates, notice deadlines, term ends, renewals, added dates')
    .option('--within <days>', 'how far ahead, e.g. 90d', days, 90)
    .action(async (flags: { within: number }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      type View = Awaited<ReturnType<typeof keyDatesView>>;
      let view: View;
      if (target.kind === 'remote') {
        const from = civilDateIn(new Date(), 'UTC');
        view = await target.api.json<View>('GET', '/api/v1/contracts/key-dates', { query: { from, to: addDays(from, flags.within) } });
      } else {
        view = await withDirect(target, async (s) => {
          const ctx = await s.actingCtx();
          const from = civilDateIn(ctx.now, 'UTC');
          return keyDatesView(ctx, { from, to: addDays(from, flags.within) });
        });
      }
      emit(out, view, () => {
        if (view.items.length === 0) return `No key dates between ${view.from} and ${view.to}.`;
        const table = formatTable(view.items, [
          { header: 'date', value: (e) => e.date },
          { header: 'what', value: (e) => (e.kind === 'custom' ? e.title : KEY_DATE_KIND_LABELS[e.kind]) },
          { header: 'contract', value: (e) => e.contractTitle },
          { header: 'vendor', value: (e) => e.vendorName },
        ]);
        return `${table}\n\n${view.items.length} date${view.items.length === 1 ? '' : 's'} between ${view.from} and ${view.to}${view.truncated ? ' (cut: narrow the window to see all)' : ''}.`;
      });
    });
}
