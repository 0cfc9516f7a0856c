import type { ZodError } from 'zod';

/**
 * Exit codes are part of the CLI's contract, so scripts can branch on them:
 * 0 done · 1 refused or failed (rejected import, not found, forbidden, server error)
 * · 2 usage error (bad flag or argument) · 3 the embedded data directory is in use.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, locked: 3 } as const;

/**
 * An error the CLI reports as-is: the same `{ code, message, details }` shape as the
 * API's errors, so `--json` output looks alike in direct and remote mode.
 */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly exitCode: number = EXIT.failed,
    readonly requestId?: string,
  ) {
    super(message);
  }
}

export function usageError(message: string, details?: Record<string, unknown>): CliError {
  return new CliError('usage', message, details, EXIT.usage);
}

/** Flag values are checked with the API's own zod schemas; issues name the flag, not the field. */
export function flagError(error: ZodError, flagOf: Record<string, string> = {}): CliError {
  const issues = error.issues.map((i) => {
    const field = String(i.path[0] ?? '');
    return { path: flagOf[field] ?? (field ? `--${field}` : '(input)'), message: i.message };
  });
  const first = issues[0];
  return new CliError('validation_failed', first ? `${first.path}: ${first.message}` : 'Invalid input.', { issues }, EXIT.usage);
}

/** How a command prints its result: one JSON document, or text for people. */
export interface Out {
  json: boolean;
}

export function emit(out: Out, data: unknown, human: () => string): void {
  const text = out.json ? JSON.stringify(data, null, 2) : human();
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  align?: 'left' | 'right';
}

/** Aligned plain-text columns: easy to read, and still `grep`/`awk` friendly. */
export function formatTable<T>(rows: T[], columns: Column<T>[]): string {
  const cells = rows.map((r) => columns.map((c) => oneLine(c.value(r))));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i].length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i].align === 'right' ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header.toUpperCase())), ...cells.map(line)].join('\n');
}

function oneLine(v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return '-';
  return String(v).replace(/\s*\n\s*/g, ' ');
}

interface ErrorShape {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  requestId?: string;
  exitCode: number;
}

/** Errors from services (AppError), the API (CliError) or anything else, in one shape. */
function toShape(err: unknown): ErrorShape {
  if (err instanceof CliError) {
    return { code: err.code, message: err.message, details: err.details, requestId: err.requestId, exitCode: err.exitCode };
  }
  // AppError from the services: duck-typed, so this file needs nothing from the server.
  if (err instanceof Error && typeof (err as { code?: unknown }).code === 'string' && 'details' in err) {
    const e = err as Error & { code: string; details?: Record<string, unknown> };
    return { code: e.code, message: e.message, details: e.details, exitCode: EXIT.failed };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message, exitCode: EXIT.failed };
}

interface Rejected {
  line: number;
  field: string;
  reason: string;
  value?: string;
}

/**
 * Prints an error and returns the exit code. With --json the error is the one JSON
 * document on stdout (scripts read one stream); otherwise it goes to stderr. A stack
 * trace only with OUTSIGHT_DEBUG=1: users need the message, not our internals.
 */
export function reportError(err: unknown, out: Out): number {
  const e = toShape(err);
  if (process.env.OUTSIGHT_DEBUG === '1' && err instanceof Error && err.stack) process.stderr.write(err.stack + '\n');
  if (out.json) {
    const error: Record<string, unknown> = { code: e.code, message: e.message };
    if (e.details !== undefined) error.details = e.details;
    if (e.requestId) error.requestId = e.requestId;
    process.stdout.write(JSON.stringify({ error }, null, 2) + '\n');
    return e.exitCode;
  }
  const lines = [`outsight: ${e.message}`];
  const rejected = e.details?.rejected as Rejected[] | undefined;
  if (Array.isArray(rejected) && rejected.length > 0) {
    lines.push(
      formatTable(rejected, [
        { header: 'line', value: (r) => r.line, align: 'right' },
        { header: 'field', value: (r) => r.field },
        { header: 'value', value: (r) => r.value },
        { header: 'reason', value: (r) => r.reason }, // last: the long column pads nothing after it
      ]).replace(/^/gm, '  '),
    );
  }
  const issues = e.details?.issues as Array<{ path: string; message: string }> | undefined;
  if (Array.isArray(issues) && issues.length > 1) {
    for (const i of issues) lines.push(`  ${i.path}: ${i.message}`);
  }
  if (e.requestId) lines.push(`  (request id ${e.requestId})`);
  process.stderr.write(lines.join('\n') + '\n');
  return e.exitCode;
}
