import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/client.ts';

/** The database of one test file: a PGlite loaded from the migrated template, or the run's PostgreSQL database. */
export async function openTestDatabase(): Promise<Database> {
  const url = inject('databaseUrl');
  if (url) return openDatabase({ kind: 'postgres', url, poolSize: 4 });
  const template = inject('pgliteTemplate');
  if (!template) throw new Error('global setup did not run');
  return openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: new Blob([readFileSync(template)]) });
}
