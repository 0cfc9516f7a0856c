import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { z } from 'zod';
import { SlaReportQuery, SlaTicketQuery, type SlaReport, type SlaTicket } from '../../shared/contracts/sla.ts';
import { SLA_TICKET_COLUMNS, slaTicketCells, slaTicketRecord, type SlaTicketRecord } from '../../shared/sla-ticket-csv.ts';
import { allSlaTickets, slaReport } from '../../server/modules/sla/sla.public.ts';
import { withDirect } from '../direct.ts';
import { CliError, EXIT, emit, flagError, formatTable } from '../output.ts';
import { commandContext, type RemoteApi } from '../target.ts';
import { registerSlaPolicyCommands } from './sla-policy.ts';
import { count, describeEngagement, engagementDirect, engagementRemote, type EngagementRef } from './tickets.ts';

const FILTERS = ['all', 'breached', 'at-risk', 'open', 'problems'] as const;
// The API's largest page for /sla/tickets.
const REMOTE_PAGE = 500;

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('Expected a whole number of 1 or more.');
  return n;
}

// ---------------------------------------------------------------------------------------
// sla report
// ---------------------------------------------------------------------------------------

const pct = (share: number | null | undefined, digits = 1) => (share === null || share === undefined ? null : `${(share * 100).toFixed(digits)} %`);
const money = (minor: number | null) => (minor === null ? null : (minor / 100).toFixed(2));
const yesNo = (met: boolean | null) => (met === null ? null : met ? 'yes' : 'NO');

interface ReportRow {
  month: string;
  priority: string;
  tickets: number | null;
  breached: number | null;
  attainment: string | null;
  target: string | null;
  met: string | null;
  credit: string | null;
  amount: string | null;
}

/** One table, month × priority, and after each month its availability and its total credit. */
export function reportTable(r: SlaReport, e: EngagementRef): string {
  const rows: ReportRow[] = [];
  for (const m of r.months) {
    for (const p of m.priorities) {
      rows.push({ month: m.month, priority: p.priority, tickets: p.tickets, breached: p.breached, attainment: pct(p.attainment), target: pct(p.target), met: yesNo(p.met), credit: pct(p.creditPct / 100), amount: null });
    }
    const a = m.availability;
    if (a) rows.push({ month: m.month, priority: 'availability', tickets: null, breached: null, attainment: pct(a.availability, 3), target: pct(a.target, 3), met: yesNo(a.met), credit: pct(a.creditPct / 100), amount: null });
    const tickets = m.priorities.reduce((s, p) => s + p.tickets, 0);
    const breached = m.priorities.reduce((s, p) => s + p.breached, 0);
    rows.push({ month: m.month, priority: 'month', tickets, breached, attainment: tickets ? pct((tickets - breached) / tickets) : null, target: null, met: null, credit: pct(m.creditPct / 100), amount: money(m.creditMinor) });
  }
  const lines = [`SLA report of ${describeEngagement(e)}, policy version ${r.policyVersion}, months in ${r.timeZone}`, ''];
  lines.push(
    rows.length === 0
      ? 'No months in range.'
      : formatTable(rows, [
          { header: 'month', value: (x) => x.month },
          { header: 'priority', value: (x) => x.priority },
          { header: 'tickets', value: (x) => (x.tickets === null ? null : count(x.tickets)), align: 'right' },
          { header: 'breached', value: (x) => (x.breached === null ? null : count(x.breached)), align: 'right' },
          { header: 'attainment', value: (x) => x.attainment, align: 'right' },
          { header: 'target', value: (x) => x.target, align: 'right' },
          { header: 'met', value: (x) => x.met },
          { header: 'credit', value: (x) => x.credit, align: 'right' },
          { header: 'amount', value: (x) => x.amount, align: 'right' },
        ]),
  );
  lines.push('', `${count(r.ticketCount)} tickets in the engagement; ${count(r.problemCount)} could not be measured.`);
  for (const p of r.problems.slice(0, 10)) lines.push(`  ${p.externalId}: ${p.problem}`);
  if (r.problemCount > 10) lines.push(`  … and ${count(r.problemCount - 10)} more (outsight sla tickets --filter problems)`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------
// sla tickets
// ---------------------------------------------------------------------------------------

type TicketQuery = z.output<typeof SlaTicketQuery>;

async function ticketsDirect(engagement: string, who: { as?: string; org?: string }, q: TicketQuery): Promise<{ e: EngagementRef; items: SlaTicket[] }> {
  return withDirect(who, async (s) => {
    const ctx = await s.actingCtx();
    const e = await engagementDirect(ctx, engagement);
    return { e, items: await allSlaTickets(ctx, e.id, q) };
  });
}

async function ticketsRemote(api: RemoteApi, engagement: string, q: TicketQuery, pageSize: number): Promise<{ e: EngagementRef; items: SlaTicket[] }> {
  const e = await engagementRemote(api, engagement);
  const items: SlaTicket[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.json<{ items: SlaTicket[]; nextCursor: string | null }>('GET', `/api/v1/engagements/${e.id}/sla/tickets`, {
      query: { filter: q.filter, priority: q.priority, month: q.month, limit: pageSize, cursor },
    });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { e, items };
}

/** Writes in slices with backpressure, so a big CSV never sits whole in memory twice. */
async function writeOut(stream: NodeJS.WritableStream, rows: SlaTicketRecord[], format: 'csv' | 'json'): Promise<void> {
  const write = async (text: string) => {
    if (!stream.write(text)) await once(stream as WriteStream, 'drain');
  };
  const SLICE = 2_000;
  if (format === 'csv') {
    await write(stringify([[...SLA_TICKET_COLUMNS]]));
    for (let i = 0; i < rows.length; i += SLICE) await write(stringify(rows.slice(i, i + SLICE).map(slaTicketCells)));
    return;
  }
  if (rows.length === 0) return write('[]\n');
  for (let i = 0; i < rows.length; i += SLICE) {
    const body = rows
      .slice(i, i + SLICE)
      .map((r) => '  ' + JSON.stringify(r))
      .join(',\n');
    await write((i === 0 ? '[\n' : ',\n') + body);
  }
  await write('\n]\n');
}

async function writeFileOut(file: string, rows: SlaTicketRecord[], format: 'csv' | 'json'): Promise<void> {
  const stream = createWriteStream(file);
  const failed = new Promise<never>((_, reject) =>
    stream.once('error', (err: NodeJS.ErrnoException) => reject(new CliError('file_unwritable', `Cannot write ${file}: ${err.code ?? err.message}`, undefined, EXIT.failed))),
  );
  await Promise.race([
    (async () => {
      await writeOut(stream, rows, format);
      stream.end();
      await once(stream, 'finish');
    })(),
    failed,
  ]);
}

export function registerSlaCommands(program: Command): void {
  const sla = program.command('sla').description("an engagement's SLA attainment, breaches and credits, measured from its imported tickets");
  registerSlaPolicyCommands(sla);

  sla
    .command('report')
    .description('per month and priority: tickets, breaches, attainment against target, and the credit owed')
    .requiredOption('-e, --engagement <eng>', "the engagement's id or exact name")
    .option('--from <YYYY-MM>', 'first month (default: 11 months before --to)')
    .option('--to <YYYY-MM>', "last month (default: the month of the latest ticket)")
    // Not --version: the root program owns that flag wherever it appears on the line.
    .option('--policy-version <n>', 'measure under this version of the SLA policy (default: the one in force)', positiveInt)
    .addHelpText('after', '\nWith --json the report is printed as the API returns it (attainment and targets as fractions, credit amounts in minor units).')
    .action(async (flags: { engagement: string; from?: string; to?: string; policyVersion?: number }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      const parsed = SlaReportQuery.safeParse({ from: flags.from, to: flags.to, version: flags.policyVersion });
      if (!parsed.success) throw flagError(parsed.error, { version: '--policy-version' });
      const q = parsed.data;
      let e: EngagementRef;
      let report: SlaReport;
      if (target.kind === 'remote') {
        e = await engagementRemote(target.api, flags.engagement);
        report = await target.api.json<SlaReport>('GET', `/api/v1/engagements/${e.id}/sla/report`, { query: q });
      } else {
        [e, report] = await withDirect(target, async (s) => {
          const ctx = await s.actingCtx();
          const eng = await engagementDirect(ctx, flags.engagement);
          return [eng, await slaReport(ctx, eng.id, q)] as const;
        });
      }
      emit(out, report, () => reportTable(report, e));
    });

  sla
    .command('tickets')
    .description('one row per ticket with its SLA verdict, as CSV (default) or JSON, to stdout or --out FILE')
    .requiredOption('-e, --engagement <eng>', "the engagement's id or exact name")
    .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'))
    .addOption(new Option('--filter <which>', 'which tickets').choices(FILTERS).default('all'))
    .option('--priority <p>', 'only this priority, e.g. P1')
    .option('--month <YYYY-MM>', 'only tickets resolved (or, if open, opened) in this month')
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .addOption(new Option('--page-size <n>', 'tickets per request with --url').argParser(positiveInt).hideHelp())
    .addHelpText(
      'after',
      `\nColumns (the same as the web's CSV download): ${SLA_TICKET_COLUMNS.join(',')}\n` +
        'Times are ISO 8601 (UTC); durations in ms on the policy\'s clock. CSV cells that start with = + - @\n' +
        'are prefixed with \' so spreadsheets do not run them. With --json and --out the result is\n' +
        '{"count", "file"}; with --json and --format csv to stdout it is {"count", "csv"}.',
    )
    .action(async (flags: { engagement: string; format: 'csv' | 'json'; filter: string; priority?: string; month?: string; out?: string; pageSize?: number }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      const parsed = SlaTicketQuery.safeParse({ filter: flags.filter, priority: flags.priority, month: flags.month });
      if (!parsed.success) throw flagError(parsed.error);
      const { items } =
        target.kind === 'remote'
          ? await ticketsRemote(target.api, flags.engagement, parsed.data, flags.pageSize ?? REMOTE_PAGE)
          : await ticketsDirect(flags.engagement, target, parsed.data);
      const rows = items.map(slaTicketRecord);
      if (flags.out) {
        await writeFileOut(flags.out, rows, flags.format);
        emit(out, { count: rows.length, file: flags.out, format: flags.format }, () => `Wrote ${count(rows.length)} ticket${rows.length === 1 ? '' : 's'} to ${flags.out}.`);
      } else if (out.json && flags.format === 'csv') {
        const csv = stringify([[...SLA_TICKET_COLUMNS], ...rows.map(slaTicketCells)]);
        emit(out, { count: rows.length, csv }, () => csv);
      } else {
        // --format json is already one JSON document: the same with or without --json.
        await writeOut(process.stdout, rows, flags.format);
      }
    });
}
