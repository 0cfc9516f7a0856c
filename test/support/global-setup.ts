import { execFileSync } from 'node:child_process';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/client.ts';
import { ensureTemplate } from '../../src/server/db/template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string | null;
    pgliteTemplate: string | null;
  }
}

const SERVER = process.env.OUTSIGHT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

/**
 * PGlite: the migrated template of src/server/db/template.ts (also what a first start
 * loads), which every test file loads (initdb costs seconds; loading a dump about one).
 * PostgreSQL: one fresh database for the whole run, dropped at the end.
 */
export default async function setup(project: TestProject) {
  // The CLI tests run the real bin, which runs its bundle while it is fresh (bin/outsight.mjs);
  // the process tests start the server's bundle, as `npm start` does.
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
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
  project.provide('databaseUrl', null);
  project.provide('pgliteTemplate', await ensureTemplate());
}
