import { AppError } from './http/app-error.ts';

/**
 * The one way a service answers a list: keyset pages with an opaque cursor (the sort key
 * of the last row), a next cursor exactly when more rows exist, and a total where the UI
 * shows one. A tampered cursor is a 400, never a database error.
 */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** A cursor that names no row of the list: the user starts again (also for lists paged in memory). */
export const invalidCursor = () => AppError.invalid('cursor', 'The cursor is not valid; start again from the first page.');

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
  throw invalidCursor();
}

/** Fetch limit+1 rows; the extra row only tells whether there is a next page. */
export function pageOf<R, T>(rows: R[], limit: number, map: (r: R) => T, key: (r: R) => readonly unknown[]) {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { items: page.map(map), nextCursor: more ? encodeCursor(key(page[page.length - 1])) : null };
}

export interface PageRequest {
  cursor?: string;
  limit: number;
}

/**
 * One page: decodes the cursor, asks the repository for limit+1 rows after it, presents
 * them. `key` returns the row's sort tuple, in the same order the repository sorts by.
 */
export async function keysetPage<R, T>(
  q: PageRequest,
  spec: { arity: number; key: (r: R) => readonly unknown[] },
  fetch: (after: unknown[] | null, limit: number) => Promise<R[]>,
  map: (r: R) => T,
) {
  const after = decodeCursor(q.cursor, spec.arity);
  return pageOf(await fetch(after, q.limit + 1), q.limit, map, spec.key);
}
