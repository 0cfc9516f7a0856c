import type { Db } from './client.ts';

interface Preparable<P> {
  prepare(name: string): P;
}

/**
 * A statement built once per database handle instead of on every call, for lookups that
 * every request makes (the session, the engagement it names). Building a drizzle select of
 * whole rows costs 120–240 µs of JavaScript per call; under 50 connections that was a
 * quarter of the server's time on the SLA report. On PostgreSQL the statement is also
 * prepared by name on each connection, so it is parsed and planned once per connection.
 * Values go in as `sql.placeholder(...)` and are given to `execute`.
 *
 * Kept per handle: a transaction is its own handle, so a statement run inside one runs on
 * the transaction's connection.
 */
export function preparedQuery<P>(name: string, build: (db: Db) => Preparable<P>): (db: Db) => P {
  const byDb = new WeakMap<Db, P>();
  return (db) => {
    let p = byDb.get(db);
    if (!p) {
      p = build(db).prepare(name);
      byDb.set(db, p);
    }
    return p;
  };
}
