import { AppError } from './app-error.ts';

/**
 * Keyset pagination cursors: the sort key of the last row, opaque to clients.
 * A tampered cursor is a 400, never a database error.
 */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity && values.every((v) => ['string', 'number'].includes(typeof v))) {
      return values;
    }
  } catch {
    /* fall through */
  }
  throw AppError.invalid('cursor', 'The cursor is not valid; start again from the first page.');
}

/** Fetch limit+1 rows; the extra row only tells whether there is a next page. */
export function pageOf<R, T>(rows: R[], limit: number, map: (r: R) => T, key: (r: R) => unknown[]) {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { items: page.map(map), nextCursor: more ? encodeCursor(key(page[page.length - 1])) : null };
}
