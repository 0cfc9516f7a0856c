import { sql, type SQL } from 'drizzle-orm';

/**
 * Keyset pagination for repositories: a list is sorted by a tuple of columns ending in a
 * unique one (the id), and the next page starts strictly after the previous page's last
 * tuple. Never OFFSET: a page deep in a large table costs the same as the first.
 */
export interface KeyColumn {
  expr: SQL;
  /** How a cursor value is read back: timestamps travel as text to keep microseconds. */
  cast: 'text' | 'uuid' | 'timestamptz' | 'date' | 'int' | 'bigint';
}

export interface KeysetSort {
  cols: readonly KeyColumn[];
  desc: boolean;
}

export const key = (expr: SQL, cast: KeyColumn['cast']): KeyColumn => ({ expr, cast });

/** `(a, b, id) > (…)` (or `<` when descending) for the rows after the cursor; undefined on the first page. */
export function afterCursor(sort: KeysetSort, after: readonly unknown[] | null): SQL | undefined {
  if (!after) return undefined;
  const cols = sql.join(
    sort.cols.map((c) => c.expr),
    sql`, `,
  );
  const vals = sql.join(
    after.map((v, i) => sql`${v}::${sql.raw(sort.cols[i].cast)}`),
    sql`, `,
  );
  return sort.desc ? sql`(${cols}) < (${vals})` : sql`(${cols}) > (${vals})`;
}

export function keysetOrder(sort: KeysetSort): SQL[] {
  return sort.cols.map((c) => (sort.desc ? sql`${c.expr} DESC` : sql`${c.expr} ASC`));
}
