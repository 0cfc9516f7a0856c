import { AppError } from './app-error.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id names no object: answer 404 like any id the caller cannot see. */
export function parseId(raw: string, what: string): string {
  if (!UUID.test(raw)) throw AppError.notFound(`The ${what}`);
  return raw.toLowerCase();
}
