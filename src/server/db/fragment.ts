import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';

/**
 * A scalar subquery that one module's repository builds over its own tables, handed through
 * that module's public surface to another module's statement: a reader that depends on
 * several modules' facts (the SLA report's cache key) gets them in one round trip, while
 * each table is still written about only in its owner's repository.
 */
export type Fragment<T> = SQL<T>;

/**
 * A fingerprint of one organisation's rows of a table, as a scalar subquery: the multiset of
 * their row versions (PostgreSQL's `xmin`, the transaction that wrote each row), hashed.
 * Any insert, update or delete in the organisation's rows changes it, on whichever server
 * the change was made; reading it costs one pass over the organisation's rows (by index).
 */
export function rowVersionsSql(table: PgTable, orgIdColumn: AnyPgColumn, orgId: string): Fragment<string> {
  return sql<string>`(SELECT md5(coalesce(string_agg(xmin::text, ',' ORDER BY xmin::text), '')) FROM ${table} WHERE ${orgIdColumn} = ${orgId})`;
}
