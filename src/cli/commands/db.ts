import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { appliedMigrationCount, MIGRATIONS_DIR } from '../../server/db/client.ts';
import type { Config } from '../../server/config.ts';
import { withDirect } from '../direct.ts';
import { emit } from '../output.ts';
import { commandContext, requireDirect } from '../target.ts';

/** Where the database is, without the password a DATABASE_URL may carry. */
function location(config: Config): string {
  if (config.database.kind === 'pglite') return `embedded database in ${config.database.dataDir}`;
  try {
    const u = new URL(config.database.url);
    if (u.password) u.password = '***';
    return `PostgreSQL at ${u.href}`;
  } catch {
    return 'PostgreSQL from DATABASE_URL';
  }
}

function shippedMigrations(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('database maintenance (direct mode only)');

  db.command('migrate')
    .description('bring the database schema up to date (embedded data directory, or DATABASE_URL)')
    .addHelpText('after', '\nSafe to run any time and from several machines at once. The server and every other\ncommand also migrate on start; this is for deploy scripts that want it as a separate step.')
    .action(async (_flags: unknown, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      requireDirect(target, 'outsight db migrate');
      const result = await withDirect({ migrate: false }, async (s) => {
        const before = await appliedMigrationCount(s.db);
        await s.database.migrate();
        const after = await appliedMigrationCount(s.db);
        return { database: s.database.kind, location: location(s.config), applied: after - before, total: after, shipped: shippedMigrations() };
      });
      const status = result.applied === 0 ? 'up_to_date' : 'migrated';
      emit(out, { status, ...result }, () =>
        result.applied === 0
          ? `The ${result.location} is up to date (${result.total} migrations).`
          : `Applied ${result.applied} migration${result.applied === 1 ? '' : 's'} to the ${result.location}; it is up to date (${result.total}).`,
      );
    });
}
