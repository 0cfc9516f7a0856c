import type { SQL } from 'drizzle-orm';

/**
 * A scalar subquery that one module's repository builds over its own tables, handed through
 * that module's public surface to another module's statement: a reader that depends on
 * several modules' facts (the SLA report's cache key) gets them in one round trip, while
 * each table is still written about only in its owner's repository.
 */
export type Fragment<T> = SQL<T>;
