import { writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { VENDOR_KINDS, VENDOR_SORTS, VENDOR_STATUSES, VendorListQuery, type Vendor } from '../../shared/contracts/vendors.ts';
import type { Ctx } from '../../server/context.ts';
import { importVendors, listVendors, vendorsToCsv, type ImportResult } from '../../server/modules/vendors/vendors.public.ts';
import { withDirect } from '../direct.ts';
import { emit, flagError, formatTable } from '../output.ts';
import { commandContext, type RemoteApi } from '../target.ts';
import { readInput } from '../files.ts';

// The API's largest page; the CLI follows cursors, so page size only sets round trips.
// (--page-size is hidden: it exists so tests can make the cursor-following visible.)
const PAGE = 200;

interface FilterFlags {
  search?: string;
  status?: string;
  tier?: string;
  kind?: string;
  tag?: string;
  archived?: string;
  sort?: string;
  pageSize?: number;
}

const FLAG_OF: Record<string, string> = { limit: '--page-size', q: '--search', status: '--status', tier: '--tier', kind: '--kind', tag: '--tag', archived: '--archived', sort: '--sort' };

function addFilters(cmd: Command): Command {
  return cmd
    .option('--search <text>', 'name, legal name or contact name contains this text')
    .option('--status <list>', `comma-separated: ${VENDOR_STATUSES.join(', ')}`)
    .option('--tier <list>', 'comma-separated tiers 1-4 (1 is the most critical)')
    .option('--kind <list>', `comma-separated: ${VENDOR_KINDS.join(', ')}`)
    .option('--tag <list>', 'comma-separated tags (any of them matches)')
    .option('--archived <which>', 'false (default), true or all')
    .option('--sort <key>', `${VENDOR_SORTS.join(', ')} (default name)`)
    .addOption(new Option('--page-size <n>', 'vendors per request').argParser(positiveInt).hideHelp());
}

/** Flags go through the API's own query schema, so direct and remote mode accept the same values. */
function toQuery(flags: FilterFlags): VendorListQuery {
  const parsed = VendorListQuery.safeParse({
    q: flags.search,
    status: flags.status,
    tier: flags.tier,
    kind: flags.kind,
    tag: flags.tag,
    archived: flags.archived,
    sort: flags.sort,
    limit: flags.pageSize ?? PAGE,
  });
  if (!parsed.success) throw flagError(parsed.error, FLAG_OF);
  return parsed.data;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('Expected a whole number of 1 or more.');
  return n;
}

async function allDirect(ctx: Ctx, query: VendorListQuery, max = Infinity): Promise<Vendor[]> {
  const items: Vendor[] = [];
  let cursor: string | undefined;
  do {
    const page = await listVendors(ctx, { ...query, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < max);
  return items.slice(0, max);
}

async function allRemote(api: RemoteApi, query: VendorListQuery, max = Infinity): Promise<Vendor[]> {
  const items: Vendor[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.json<{ items: Vendor[]; nextCursor: string | null }>('GET', '/api/v1/vendors', { query: { ...query, cursor } });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < max);
  return items.slice(0, max);
}

function vendorTable(items: Vendor[]): string {
  if (items.length === 0) return 'No vendors match.';
  const table = formatTable(items, [
    { header: 'name', value: (v) => v.name },
    { header: 'kind', value: (v) => v.kind },
    { header: 'status', value: (v) => v.status },
    { header: 'tier', value: (v) => v.tier, align: 'right' },
    { header: 'country', value: (v) => v.country },
    { header: 'engagements', value: (v) => v.engagementCount, align: 'right' },
  ]);
  return `${table}\n\n${items.length} vendor${items.length === 1 ? '' : 's'}`;
}

export function registerVendorCommands(program: Command): void {
  const vendors = program.command('vendors').description('list, import and export the vendors of the organisation');

  addFilters(vendors.command('list').description('list vendors (all pages) as a table, or as JSON {items} with --json'))
    .option('--limit <n>', 'show at most n vendors', positiveInt)
    .action(async (flags: FilterFlags & { limit?: number }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      const query = toQuery(flags);
      const items =
        target.kind === 'remote'
          ? await allRemote(target.api, query, flags.limit)
          : await withDirect(target, async (s) => {
              const ctx = await s.actingCtx();
              return allDirect(ctx, query, flags.limit);
            });
      emit(out, { items }, () => vendorTable(items));
    });

  addFilters(vendors.command('export').description('export vendors as CSV (the import format), to stdout or --out FILE'))
    .option('-o, --out <file>', 'write the CSV to this file instead of stdout')
    .addHelpText('after', '\nWith --json the CSV is not printed raw: the result is {"count", "file"} with --out, else {"count", "csv"}.')
    .action(async (flags: FilterFlags & { out?: string }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      const query = toQuery(flags);
      const { limit: _limit, cursor: _cursor, ...filters } = query;
      let csv: string;
      if (target.kind === 'remote') {
        csv = await target.api.text('GET', '/api/v1/vendors/export.csv', { query: filters });
      } else {
        csv = await withDirect(target, async (s) => {
          const ctx = await s.actingCtx();
          return vendorsToCsv(await allDirect(ctx, query));
        });
      }
      // Counted from the CSV itself so both modes report the same thing (notes may hold newlines).
      const count = Math.max(0, (parse(csv, { bom: true, relax_column_count: true }) as unknown[]).length - 1);
      if (flags.out) {
        await writeFile(flags.out, csv);
        emit(out, { count, file: flags.out }, () => `Wrote ${count} vendor${count === 1 ? '' : 's'} to ${flags.out}.`);
      } else if (out.json) {
        emit(out, { count, csv }, () => csv);
      } else {
        process.stdout.write(csv);
      }
    });

  vendors
    .command('import')
    .description('import vendors from a CSV file (all or nothing); rows match existing vendors by name')
    .argument('<file>', 'CSV file, or - for stdin')
    .option('--dry-run', 'check the file and count what would change, without storing anything')
    .addHelpText(
      'after',
      '\nColumns: name, kind (required), legal_name, website, country, status, tier, tier_reason, data_access,\n' +
        'contact_name, contact_email, contact_phone, contact_time_zone, tags (";"-separated), notes.\n' +
        'An existing vendor only changes in the columns the file has. If any row is rejected nothing is\n' +
        'stored, every rejected row is listed (line, field, reason) and the exit code is 1.',
    )
    .action(async (file: string, flags: { dryRun?: boolean }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      const dryRun = !!flags.dryRun;
      const buf = await readInput(file);
      const result =
        target.kind === 'remote'
          ? await target.api.json<ImportResult>('POST', '/api/v1/vendors/import', { query: { dryRun }, body: buf, contentType: 'text/csv' })
          : await withDirect(target, async (s) => {
              const ctx = await s.actingCtx();
              return importVendors(ctx, buf, { dryRun });
            });
      emit(out, { ...result, dryRun }, () =>
        dryRun
          ? `Dry run of ${file}: ${result.created} would be created, ${result.updated} updated. Nothing was stored.`
          : `Imported ${file}: ${result.created} created, ${result.updated} updated.`,
      );
    });
}
