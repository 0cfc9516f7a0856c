import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../src/server/db/client.ts';
import { copyInto } from '../../src/server/db/copy.ts';

export interface ReadBack {
  id: string;
  label: string | null;
  at: string | null;
  doc: unknown;
}

/**
 * COPYs binary chunks (each written as one `write`) into a temporary table of a uuid, a
 * text, a timestamptz and a jsonb column, and reads the rows back in the order written:
 * the instant as epoch milliseconds in text, exact.
 */
export async function copyBinaryAndReadBack(database: Database, chunks: Buffer[]): Promise<ReadBack[]> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`CREATE TEMP TABLE copy_binary_probe (n serial, id uuid, label text, at timestamptz, doc jsonb) ON COMMIT DROP`);
    const copy = await copyInto(tx, 'copy_binary_probe', ['id', 'label', 'at', 'doc'], 'binary');
    for (const c of chunks) await copy.write(c);
    await copy.finish();
    return queryRows<ReadBack>(tx, sql`SELECT id::text AS id, label, (extract(epoch FROM at) * 1000)::text AS at, doc FROM copy_binary_probe ORDER BY n`);
  });
}

export interface TypesBack {
  u: string | null;
  b: boolean | null;
  i: number | null;
  f: string | null;
  /** The bigint as text, exact. */
  l: string | null;
  /** The date as YYYY-MM-DD. */
  d: string | null;
}

/** The same for a uuid written from its text, a boolean, an integer, a double, a bigint and a date (as text, exact). */
export async function copyBinaryTypesAndReadBack(database: Database, chunk: Buffer): Promise<TypesBack[]> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`CREATE TEMP TABLE copy_binary_types (n serial, u uuid, b boolean, i integer, f double precision, l bigint, d date) ON COMMIT DROP`);
    const copy = await copyInto(tx, 'copy_binary_types', ['u', 'b', 'i', 'f', 'l', 'd'], 'binary');
    await copy.write(chunk);
    await copy.finish();
    return queryRows<TypesBack>(tx, sql`SELECT u::text AS u, b, i, f::text AS f, l::text AS l, to_char(d, 'YYYY-MM-DD') AS d FROM copy_binary_types ORDER BY n`);
  });
}
