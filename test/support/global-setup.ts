import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { MIGRATIONS_DIR, openDatabase } from '../../src/server/db/client.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string | null;
    pgliteTemplate: string | null;
  }
}

const SERVER = process.env.OUTSIGHT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

function migrationsHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_DIR).sort()) if (f.endsWith('.sql')) h.update(readFileSync(path.join(MIGRATIONS_DIR, f)));
  return h.digest('hex').slice(0, 16);
}

/**
 * PGlite: one migrated data directory per migration set, dumped to a file that every
 * test file loads (initdb costs seconds; loading a dump about one).
 * PostgreSQL: one fresh database for the whole run, dropped at the end.
 */
export default async function setup(project: TestProject) {
  if (process.env.OUTSIGHT_TEST_DB === 'postgres') {
    const name = `outsight_test_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = `${SERVER}/${name}`;
    const database = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
    await database.migrate();
    await database.close();
    project.provide('databaseUrl', url);
    project.provide('pgliteTemplate', null);
    return async () => {
      const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const dir = path.resolve('node_modules/.cache/outsight-test');
  const file = path.join(dir, `pglite-${migrationsHash()}.tgz`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    await database.migrate();
    const dump = await database.pglite!.dumpDataDir('gzip');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
  }
  project.provide('databaseUrl', null);
  project.provide('pgliteTemplate', file);
}
