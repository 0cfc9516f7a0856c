import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * `column = ANY($1::uuid[])`: the ids travel as one array parameter. `inArray` sends one
 * parameter per id, so a portfolio-wide read (50,000 engagements) built and bound 50,000
 * placeholders per statement, and the protocol's 65,535-parameter limit would refuse a
 * larger one outright. PostgreSQL hashes a long array for the lookup either way.
 */
export function anyUuid(column: AnyColumn | SQL, ids: readonly string[]): SQL {
  return sql`${column} = ANY(${sql.param([...ids])}::uuid[])`;
}

/**
 * Above this many ids a read takes the organisation's rows and keeps the ones asked for in
 * JavaScript: PostgreSQL spends about 90 ms parsing and hashing 50,000 uuids per statement,
 * while the organisation's rows of a table come back in a few milliseconds.
 */
export const WHOLE_ORGANISATION_ABOVE = 2_000;

/**
 * The ids of a read as a filter (`where`, undefined for a whole-organisation read) and the
 * JavaScript check that keeps only the rows asked for (`keep`), so the result is the same
 * either way.
 */
export function idScope(column: AnyColumn | SQL, ids: readonly string[]) {
  if (ids.length <= WHOLE_ORGANISATION_ABOVE) return { where: anyUuid(column, ids) as SQL | undefined, keep: <T>(rows: T[], _idOf: (r: T) => string) => rows };
  const wanted = new Set(ids);
  return { where: undefined, keep: <T>(rows: T[], idOf: (r: T) => string) => rows.filter((r) => wanted.has(idOf(r))) };
}
