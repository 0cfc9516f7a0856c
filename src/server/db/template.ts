import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CACHE_DIR, MIGRATIONS_DIR } from '../paths.ts';
import { openDatabase } from './client.ts';

/**
 * A migrated, empty embedded database, dumped once per set of migrations. A first start
 * and every test file load it (about a second) instead of running initdb and every
 * migration (five to ten). It lives in node_modules/.cache, so `npm ci` starts afresh.
 */

function migrationsHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_DIR).sort()) if (f.endsWith('.sql')) h.update(f).update(readFileSync(path.join(MIGRATIONS_DIR, f)));
  return h.digest('hex').slice(0, 16);
}

export function templatePath(): string {
  return path.join(CACHE_DIR, `pglite-${migrationsHash()}.tgz`);
}

/** The template's path, building it first if it is missing. */
export async function ensureTemplate(): Promise<string> {
  const file = templatePath();
  if (existsSync(file)) return file;
  mkdirSync(CACHE_DIR, { recursive: true });
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    await database.migrate();
    const dump = await database.pglite!.dumpDataDir('gzip');
    // Written aside and renamed, so a reader in another process never sees half a file.
    const tmp = `${file}.${process.pid}.part`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
  } finally {
    await database.close();
  }
  return file;
}

/** The template as PGlite loads it, if one was built for the current migrations. */
export function existingTemplate(): Blob | undefined {
  const file = templatePath();
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}
