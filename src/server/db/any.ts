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
