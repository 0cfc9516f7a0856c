import { randomUUID } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import { FIRST_RESPONSE_RULES } from '../../domain/sla/first-response.ts';
import { TICKET_FORMATS, TicketMapping, type TicketFormat, type TicketImportResult, type TicketRejection } from '../../shared/contracts/tickets.ts';
import { TimeZone } from '../../shared/contracts/vendors.ts';
import type { Ctx } from '../../server/context.ts';
import { findEngagementsByName, getEngagement } from '../../server/modules/engagements/engagements.public.ts';
import { importTickets } from '../../server/modules/tickets/tickets.public.ts';
import { withDirect } from '../direct.ts';
import { count, ImportProgressBar, pollProgress } from './ticket-progress.ts';

export { count };
import { CliError, EXIT, emit, formatTable, usageError, type Out } from '../output.ts';
import { commandContext, responseError, type GlobalOptions, type RemoteApi } from '../target.ts';

// ---------------------------------------------------------------------------------------
// Engagements by id or exact name (shared with the sla commands)
// ---------------------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface EngagementRef {
  id: string;
  name: string;
  vendorName: string;
}

/** 0 matches: not found; several: ambiguous, naming each vendor so the user can pick an id. */
function pickOne(ref: string, matches: EngagementRef[]): EngagementRef {
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) {
    throw new CliError('not_found', `No engagement has the id or name "${ref}".`, { engagement: ref });
  }
  const list = matches.map((m) => `${m.vendorName} (${m.id})`).join(', ');
  throw new CliError('ambiguous', `${matches.length} engagements are named "${ref}", of the vendors ${list}. Give --engagement the id instead.`, {
    engagement: ref,
    matches: matches.map((m) => ({ id: m.id, name: m.name, vendorName: m.vendorName })),
  });
}

/**
 * An id-looking ENG is tried as an id first, then as an exact (case-insensitive) name;
 * both through the engagements' services, so the acting user's policies decide.
 */
export async function engagementDirect(ctx: Ctx, ref: string): Promise<EngagementRef> {
  const wanted = ref.trim();
  if (UUID.test(wanted)) {
    try {
      const e = await getEngagement(ctx, wanted.toLowerCase());
      return { id: e.id, name: e.name, vendorName: e.vendorName };
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'not_found') throw err;
    }
  }
  const rows = await findEngagementsByName(ctx, wanted);
  return pickOne(wanted, rows.map((e) => ({ id: e.id, name: e.name, vendorName: e.vendorName })));
}

export async function engagementRemote(api: RemoteApi, ref: string): Promise<EngagementRef> {
  const wanted = ref.trim();
  if (UUID.test(wanted)) {
    try {
      return await api.json<EngagementRef>('GET', `/api/v1/engagements/${wanted.toLowerCase()}`);
    } catch (err) {
      if (!(err instanceof CliError && err.code === 'not_found')) throw err;
    }
  }
  const matches: EngagementRef[] = [];
  let cursor: string | undefined;
  do {
    // q is a substring match over names (and vendors); keep the exact ones. Archived
    // engagements count too, as in direct mode.
    const page = await api.json<{ items: EngagementRef[]; nextCursor: string | null }>('GET', '/api/v1/engagements', {
      query: { q: wanted, limit: 200, archived: 'all', cursor },
    });
    matches.push(...page.items.filter((e) => e.name.toLowerCase() === wanted.toLowerCase()));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pickOne(wanted, matches);
}

export function describeEngagement(e: EngagementRef): string {
  return `"${e.name}" (${e.vendorName})`;
}

// ---------------------------------------------------------------------------------------
// tickets import
// ---------------------------------------------------------------------------------------

interface ImportFlags {
  engagement: string;
  format: TicketFormat;
  mapping?: string;
  timeZone?: string;
  dateOrder?: TicketMapping['dateOrder'];
  firstResponse?: TicketMapping['firstResponse'];
  strict?: boolean;
}

/** Rejected rows printed inline; the full list is the import's rejection report. */
const SHOWN_REJECTIONS = 20;

/** The file stays on disk and streams; only its size is needed up front (for the bar). */
function openInput(file: string): { source: AsyncIterable<Buffer>; size: number | null; fileName: string | null } {
  if (file === '-') return { source: process.stdin as AsyncIterable<Buffer>, size: null, fileName: null };
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    size = st.size;
  } catch (err) {
    throw new CliError('file_unreadable', `Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, undefined, EXIT.usage);
  }
  return { source: createReadStream(file, { highWaterMark: 256 * 1024 }), size, fileName: path.basename(file) };
}

/**
 * The mapping file (as the web UI exports it) checked with the API's own schema;
 * --time-zone and --date-order override what it says. Issues name the field inside it.
 */
async function readMapping(file: string, flags: ImportFlags): Promise<TicketMapping> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    throw new CliError('file_unreadable', `--mapping: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, undefined, EXIT.usage);
  }
  let value: unknown;
  try {
    value = JSON.parse(raw.replace(/^\ufeff/, ''));
  } catch (err) {
    throw new CliError('validation_failed', `--mapping ${file} is not valid JSON: ${(err as Error).message}`, { issues: [{ path: '(file)', message: 'Not valid JSON' }] }, EXIT.usage);
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    value = { ...value, ...(flags.timeZone ? { timeZone: flags.timeZone } : {}), ...(flags.dateOrder ? { dateOrder: flags.dateOrder } : {}) };
  }
  const parsed = TicketMapping.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.length ? i.path.map(String).join('.') : '(mapping)', message: i.message }));
    const first = issues[0];
    throw new CliError('validation_failed', `--mapping ${file}: ${first.path}: ${first.message}`, { file, issues }, EXIT.usage);
  }
  return parsed.data;
}

function checkFlags(flags: ImportFlags): void {
  if (flags.timeZone !== undefined && !TimeZone.safeParse(flags.timeZone).success) {
    throw usageError(`--time-zone: "${flags.timeZone}" is not a time zone such as Europe/Berlin or UTC.`, { issues: [{ path: '--time-zone', message: 'Unknown time zone' }] });
  }
  if (flags.format === 'generic' && !flags.mapping) throw usageError('--format generic needs --mapping FILE: the JSON mapping of your columns (export it from the web UI).');
  if (flags.format !== 'generic' && flags.mapping) throw usageError(`--mapping only applies to --format generic; ${flags.format} has its own columns.`);
}

function rejectionTable(rows: TicketRejection[]): string {
  return formatTable(rows, [
    { header: 'line', value: (r) => r.line, align: 'right' },
    { header: 'field', value: (r) => r.field },
    { header: 'value', value: (r) => r.value },
    { header: 'reason', value: (r) => r.reason },
  ]).replace(/^/gm, '  ');
}

export function importSummary(r: TicketImportResult & { engagementTickets?: number }, e: EngagementRef, file: string): string {
  const lines = [
    `Imported ${file} into ${describeEngagement(e)}: ${count(r.rowsRead)} rows read; ` +
      `${count(r.ticketsCreated)} tickets created, ${count(r.ticketsUpdated)} updated, ${count(r.ticketsUnchanged)} unchanged.`,
  ];
  if (r.rejectedCount > 0) {
    const shown = r.rejected.slice(0, SHOWN_REJECTIONS);
    lines.push(
      `${count(r.rejectedCount)} row${r.rejectedCount === 1 ? ' was' : 's were'} rejected and ${count(r.rowsRead - r.rejectedCount)} imported (of ${count(r.rowsRead)} read)` +
        (shown.length < r.rejectedCount ? `; the first ${shown.length}:` : ':'),
      rejectionTable(shown),
      `All rejected rows: ${r.rejectedReport} (the import's rejection report in the web UI, import ${r.id}). Add --strict to import nothing when a row is rejected.`,
    );
  } else {
    lines.push('No rows were rejected.');
  }
  // A cut-off file or one that looks like another export: said after the counts, never instead.
  for (const w of r.warnings ?? []) lines.push(`Warning: ${w.message}`);
  if (r.engagementTickets !== undefined) {
    lines.push(`The engagement now holds ${count(r.engagementTickets)} tickets; they are measured against its SLA policy, once it has one (\`outsight sla report\` shows them).`);
  }
  return lines.join('\n');
}

/** In strict mode the import is refused: list only the first rows for people; --json keeps them all. */
function trimRejection(err: unknown, out: Out): unknown {
  const e = err as { code?: unknown; message?: string; details?: Record<string, unknown>; requestId?: string };
  if (out.json || e?.code !== 'import_rejected' || !Array.isArray(e.details?.rejected)) return err;
  const rejected = e.details.rejected as TicketRejection[];
  const total = typeof e.details.rejectedCount === 'number' ? e.details.rejectedCount : rejected.length;
  const shown = rejected.slice(0, SHOWN_REJECTIONS);
  const more = shown.length < total ? ` The first ${shown.length} of ${count(total)}:` : '';
  return new CliError('import_rejected', `${e.message}${more}`, { ...e.details, rejected: shown, rejectedCount: total }, EXIT.failed, e.requestId);
}

// No overall deadline (a big export takes as long as it takes), but a silent server is dead.
const IDLE_TIMEOUT_MS = 300_000;

/**
 * Streams the file as the request body with node:http, so memory stays bounded by the
 * socket's backpressure whatever the file size. (fetch with a streamed body keeps every
 * chunk it sent in Node 20, and Readable.toWeb reads ahead of the socket.)
 */
async function uploadRemote(api: RemoteApi, token: string, engagementId: string, body: AsyncIterable<Buffer>, query: Record<string, string | undefined>): Promise<TicketImportResult> {
  const url = new URL(api.url(`/api/v1/engagements/${engagementId}/ticket-imports`, query));
  const req = (url.protocol === 'https:' ? https : http).request(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, accept: 'application/json', 'content-type': 'application/octet-stream' },
  });
  req.setTimeout(IDLE_TIMEOUT_MS, () => req.destroy(new Error(`no answer for ${IDLE_TIMEOUT_MS / 1000} s`)));
  const response = new Promise<http.IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
  });
  // A server that refuses early (401, 404, 413) answers before reading everything: the
  // answer wins over the broken pipe that follows.
  const upload = pipeline(body, req);
  upload.catch(() => {});
  let res: http.IncomingMessage;
  try {
    res = await response;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new CliError('unavailable', `Cannot send the file to the Outsight server at ${api.baseUrl} (${e.code ?? e.message}).`);
  }
  let raw = '';
  res.setEncoding('utf8');
  for await (const chunk of res) raw += chunk;
  const status = res.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    req.destroy();
    throw responseError(status, raw, api.baseUrl);
  }
  await upload;
  try {
    return JSON.parse(raw) as TicketImportResult;
  } catch {
    throw new CliError('bad_response', `The server at ${api.baseUrl} answered HTTP ${status} with something other than JSON: ${raw.slice(0, 200)}`);
  }
}

export function registerTicketCommands(program: Command): void {
  const tickets = program.command('tickets').description('import ticket exports of an engagement (the data SLAs are measured from)');

  tickets
    .command('import')
    .description('import a ticket export (CSV, XLSX, or either gzipped) into an engagement, streaming the file')
    .argument('<file>', 'the export file, or - for stdin')
    .requiredOption('-e, --engagement <eng>', "the engagement's id or exact name")
    .addOption(new Option('-f, --format <format>', 'the tool the export comes from').choices(TICKET_FORMATS).makeOptionMandatory())
    .option('--mapping <file>', 'for --format generic: the column mapping as JSON (as the web UI exports it)')
    .option('--time-zone <zone>', "the export's time zone for dates without an offset, e.g. Europe/Berlin (default: the format's)")
    .addOption(new Option('--date-order <order>', 'how to read dates like 03/04/2026').choices(['dmy', 'mdy', 'ymd']))
    .addOption(
      new Option('--first-response <rule>', 'event logs: the first response is the first update out of New (working-status, the default), the first assignment, or not measured').choices([
        ...FIRST_RESPONSE_RULES,
      ]),
    )
    .option('--strict', 'import nothing if any row is rejected (exit 1)')
    .addHelpText(
      'after',
      '\nRe-importing the same or an overlapping export creates no duplicates: tickets match by their id.\n' +
        'Rejected rows are listed (line, field, reason; the first 20) and the valid ones are imported,\n' +
        'unless --strict. Exit code 1 when --strict refused the file, 2 for a bad flag or mapping file.\n' +
        'A progress bar shows on stderr when it is a terminal (not with --json).',
    )
    .action(async (file: string, flags: ImportFlags, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      checkFlags(flags);
      const mapping = flags.mapping ? await readMapping(flags.mapping, flags) : undefined;
      const input = openInput(file);
      const shownName = input.fileName ?? 'stdin';
      let engagement: EngagementRef;
      let result: TicketImportResult;
      try {
        if (target.kind === 'remote') {
          // Resolved first: a wrong name or token fails before any byte is sent.
          engagement = await engagementRemote(target.api, flags.engagement);
          const progress = new ImportProgressBar(out, input.size, 'Uploading', 'Importing');
          // The server reads the file while it arrives; it tells where it is under this key.
          const progressKey = randomUUID();
          const stopPolling = !progress.shown ? () => {} : pollProgress(target.api, progressKey, (p) => progress.report({ phase: p.phase, rows: p.rowsRead, rejected: p.rejectedCount }));
          try {
            result = await uploadRemote(target.api, cmd.optsWithGlobals<GlobalOptions>().token!, engagement.id, progress.count(input.source), {
              format: flags.format,
              timeZone: mapping ? undefined : flags.timeZone,
              dateOrder: mapping ? undefined : flags.dateOrder,
              firstResponse: flags.firstResponse,
              strict: flags.strict ? 'true' : 'false',
              fileName: input.fileName ?? undefined,
              mapping: mapping ? JSON.stringify(mapping) : undefined,
              progressKey,
            });
          } finally {
            stopPolling();
            progress.stop();
          }
        } else {
          [engagement, result] = await withDirect(target, async (s) => {
            const ctx = await s.actingCtx();
            const eng = await engagementDirect(ctx, flags.engagement);
            const progress = new ImportProgressBar(out, input.size, 'Reading  ', 'Checking ');
            try {
              const r = await importTickets(ctx, progress.count(input.source), {
                engagementId: eng.id,
                format: flags.format,
                mapping,
                timeZone: flags.timeZone,
                dateOrder: flags.dateOrder,
                firstResponse: flags.firstResponse,
                strict: !!flags.strict,
                fileName: input.fileName,
                onProgress: (p) => progress.report(p),
              });
              return [eng, r] as const;
            } finally {
              progress.stop();
            }
          });
        }
      } catch (err) {
        throw trimRejection(err, out);
      } finally {
        if (input.source instanceof Readable && input.source !== process.stdin) input.source.destroy();
      }
      emit(out, result, () => importSummary(result, engagement, shownName));
    });
}
