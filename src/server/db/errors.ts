import type { ErrorCode } from '../../shared/errors.ts';
import { AppError } from '../http/app-error.ts';

// PostgreSQL error codes that mean "your input", not "our bug".
const PG_CODES: Record<string, { code: ErrorCode; message: string }> = {
  '23505': { code: 'conflict', message: 'An object with the same name already exists.' },
  '22P02': { code: 'validation_failed', message: 'A value has the wrong format.' },
  '22001': { code: 'validation_failed', message: 'A value is too long.' },
  // A NUL character in text, a date or number the calendar or the column cannot hold:
  // the contracts refuse these first; this is the last line, so they are never a 500.
  '22021': { code: 'validation_failed', message: 'A value contains a character that cannot be stored (such as NUL).' },
  '22P05': { code: 'validation_failed', message: 'A value contains a character that cannot be stored (such as NUL).' },
  '22007': { code: 'validation_failed', message: 'A date or time has the wrong format.' },
  '22008': { code: 'validation_failed', message: 'A date or time is out of range.' },
  '22003': { code: 'validation_failed', message: 'A number is out of range.' },
};

// Constraints that guard a reference named in the input: the field and the words for it.
const REFERENCE_CONSTRAINTS: Record<string, { path: string; message: string }> = {
  users_vendor_same_org_fk: { path: 'vendorId', message: 'A vendor contact needs one of your vendors.' },
  invitations_vendor_same_org_fk: { path: 'vendorId', message: 'A vendor contact needs one of your vendors.' },
};

/**
 * A database refusal that is the caller's input, as the AppError it should be answered
 * with; null for everything else (a bug, or the database gone). Drizzle wraps driver
 * errors, so the SQLSTATE and constraint may sit on the cause.
 */
export function fromDatabaseError(error: unknown): AppError | null {
  const e = error as { code?: unknown; constraint?: unknown; cause?: { code?: unknown; constraint?: unknown } };
  const code = typeof e.code === 'string' ? e.code : typeof e.cause?.code === 'string' ? e.cause.code : undefined;
  const constraint = typeof e.constraint === 'string' ? e.constraint : typeof e.cause?.constraint === 'string' ? e.cause.constraint : undefined;
  if (code === '23503' && constraint && REFERENCE_CONSTRAINTS[constraint]) {
    const { path, message } = REFERENCE_CONSTRAINTS[constraint];
    return AppError.invalid(path, message);
  }
  const known = code ? PG_CODES[code] : undefined;
  return known ? new AppError(known.code, known.message) : null;
}

const UNAVAILABLE_NET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED', 'EAI_AGAIN']);
// Connection exceptions (class 08), the server shutting down or terminating the session
// (57P01–57P03), too many connections (53300), a statement cancelled by statement_timeout (57014).
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300|57014)$/;
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Client was closed and is not queryable|Connection refused/i;

/**
 * Whether an error means the database is gone, unreachable or too slow (not the input and
 * not a bug): the request answers 503 `database_unavailable` and the server stays up.
 * Drizzle wraps driver errors, so the cause chain is read too. `'timeout'` when the
 * database answered too slowly.
 */
export function databaseUnavailable(error: unknown): null | 'gone' | 'timeout' {
  let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 6; depth++, e = e.cause as typeof e) {
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (code === '57014' || /Query read timeout|timeout exceeded when trying to connect/i.test(message)) return 'timeout';
    if (UNAVAILABLE_NET.has(code) || UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_MESSAGE.test(message)) return 'gone';
  }
  return null;
}
