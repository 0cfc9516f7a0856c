import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import * as schema from './schema.ts';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';

export type Schema = typeof schema;
/** The query builder over either driver; transactions are also a Db. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export { MIGRATIONS_DIR } from '../paths.ts';
import { MIGRATIONS_DIR } from '../paths.ts';

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs pending migrations; safe to call from several servers at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Only for PGlite: the underlying instance (tests dump and reload it). */
  pglite?: PGlite;
}

export type DatabaseConfig =
  | {
      kind: 'postgres';
      url: string;
      poolSize?: number;
      /** The server ends a statement after this long; the driver gives up waiting a little later (a frozen server answers nothing). */
      statementTimeoutMs?: number;
      /** How long a request waits for a connection (new or from the pool) before it answers 503. */
      connectTimeoutMs?: number;
      /** Where a lost connection is reported; the process never dies of it. */
      onConnectionError?: (err: Error) => void;
    }
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob; lock?: boolean };

// Any fixed number works; all Outsight servers on one database must use the same one.
const MIGRATION_LOCK_KEY = 7_024_311_905;

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    // The PostgreSQL driver is loaded only for a server database: the embedded one never needs it.
    const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres'), import('drizzle-orm/node-postgres/migrator')]);
    const statementTimeout = config.statementTimeoutMs ?? 60_000;
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolSize ?? 10,
      connectionTimeoutMillis: config.connectTimeoutMs ?? 5_000,
      statement_timeout: statementTimeout,
      // A frozen or unreachable server never answers, so the server-side limit never fires:
      // the driver stops waiting a little after it.
      query_timeout: statementTimeout + 5_000,
      keepAlive: true,
    });
    const report = config.onConnectionError ?? (() => {});
    // A dropped idle connection must not crash the process; the pool replaces it.
    pool.on('error', (err) => report(err));
    // Nor may one that is checked out (a transaction, an import's COPY): node-postgres
    // removes the pool's listener while a client is lent, and an 'error' event without a
    // listener kills the process. The query in flight fails on its own (→ 503), and the
    // pool drops the broken client when it is released.
    pool.on('connect', (client) => {
      client.on('error', (err) => report(err));
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      async migrate() {
        // Several app servers may start together: the advisory lock serialises them.
        const client = await pool.connect();
        try {
          await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
          await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }

  let lock: DataDirLock | null = null;
  if (config.dataDir) {
    mkdirSync(path.dirname(path.resolve(config.dataDir)), { recursive: true });
    if (config.lock !== false) lock = acquireDataDirLock(config.dataDir);
  }
  try {
    const client = await PGlite.create({
      dataDir: config.dataDir ?? undefined,
      loadDataDir: config.loadDataDir,
    });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      pglite: client,
      migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_DIR }),
      async close() {
        await client.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

/** Raw SQL for the few queries the builder cannot express; both drivers answer `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Migrations recorded by Drizzle's migrator; 0 on a database that was never migrated. */
export async function appliedMigrationCount(db: Db): Promise<number> {
  const [t] = await queryRows<{ t: string | null }>(db, sql`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`);
  if (!t?.t) return 0;
  const [r] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
  return Number(r?.n ?? 0);
}
