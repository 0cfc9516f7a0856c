import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { Email } from '../shared/contracts/auth.ts';
import { loadConfig, type Config } from '../server/config.ts';
import type { Actor, Ctx } from '../server/context.ts';
import { openDatabase, type Database, type Db } from '../server/db/client.ts';
import { fromDatabaseError } from '../server/db/errors.ts';
import { DataDirLockedError } from '../server/db/lock.ts';
import { actorOf, membershipsByEmailForSignIn, type Principal } from '../server/modules/auth/auth.public.ts';
import { oldestOrgIds } from '../server/modules/org/org.public.ts';
import { verdictWritesSettled } from '../server/modules/sla/sla.public.ts';
import { firstActiveOwner } from '../server/modules/users/users.public.ts';
import { CliError, EXIT, usageError } from './output.ts';

/** An open database plus what a command needs to act on it. */
export interface DirectSession {
  db: Db;
  config: Config;
  database: Database;
  now: Date;
  /** Groups this run's audit rows, like a request id does for the API. */
  requestId: string;
  /** The service context of the acting user (`--as`, or the only organisation's first owner). */
  actingCtx(): Promise<Ctx>;
}

/**
 * Services log through a pino-style logger. The CLI's output is its results, so the
 * logger is silent unless OUTSIGHT_DEBUG=1 (then stderr); pino itself is not a direct
 * dependency, so a small object of the same shape is enough.
 */
export function cliLogger(): FastifyBaseLogger {
  const debug = process.env.OUTSIGHT_DEBUG === '1';
  const at =
    (level: string) =>
    (...args: unknown[]) => {
      if (debug) console.error(`[${level}]`, ...args);
    };
  const log: Record<string, unknown> = {
    level: debug ? 'debug' : 'silent',
    fatal: at('fatal'),
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    trace: at('trace'),
    silent: () => {},
  };
  log.child = () => log;
  return log as unknown as FastifyBaseLogger;
}

function openConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    throw new CliError('bad_config', (err as Error).message, undefined, EXIT.usage);
  }
}

async function open(config: Config): Promise<Database> {
  try {
    return await openDatabase(config.database);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      // A running server owns the embedded database; a second opener could lose its rows.
      throw new CliError(
        'data_dir_locked',
        `${err.message}\nTo work with the running server instead, add --url <its address> --token <API token> (or set OUTSIGHT_URL and OUTSIGHT_TOKEN).`,
        { lockPath: err.lockPath, pid: err.pid },
        EXIT.locked,
      );
    }
    const where = config.database.kind === 'postgres' ? 'the PostgreSQL server from DATABASE_URL' : `the data directory ${config.database.dataDir}`;
    throw new CliError('unavailable', `Cannot open ${where}: ${(err as Error).message}`);
  }
}

/**
 * Opens the database like the server does (same config, same data-directory lock),
 * brings the schema up to date unless told not to, runs `fn`, and always closes: closing
 * flushes PGlite to disk and releases the lock for the server.
 */
export async function withDirect<T>(opts: { as?: string; org?: string; migrate?: boolean }, fn: (s: DirectSession) => Promise<T>): Promise<T> {
  const config = openConfig();
  const database = await open(config);
  // Ctrl-C must not leave the lock behind or cut PGlite off mid-write.
  const onSignal = () => {
    void database.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let acting: Actor | null = null;
  try {
    if (opts.migrate !== false) await database.migrate();
    const now = new Date();
    const requestId = `cli-${randomUUID()}`;
    const session: DirectSession = {
      db: database.db,
      config,
      database,
      now,
      requestId,
      async actingCtx() {
        acting = await resolveActor(database.db, opts.as, opts.org);
        return { db: database.db, actor: acting, now, log: cliLogger(), requestId, config };
      },
    };
    return await fn(session);
  } catch (err) {
    throw refusal(err, acting);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // SLA verdicts stored behind an answer (an engagement of OUTSIGHT_SLA_WRITE_BEHIND_FROM
    // tickets or more) finish before the database closes, so the next command reads them.
    await verdictWritesSettled();
    await database.close();
  }
}

/**
 * Direct mode answers like the API: a database refusal that is the caller's input (a
 * vendor of another organisation) becomes its field error, and a policy's "forbidden"
 * says who was refused, so the person can pick another user with --as.
 */
function refusal(err: unknown, actor: Actor | null): unknown {
  const e = fromDatabaseError(err) ?? err;
  if (actor && e instanceof Error && (e as { code?: unknown }).code === 'forbidden' && !(e instanceof CliError)) {
    return new CliError('forbidden', `${actor.email} (${actor.role}): ${e.message} Pick another user with --as.`);
  }
  return e;
}

/**
 * The user a direct command acts as. `via: 'token'` makes the audit trail say the change
 * did not come from a browser session.
 */
export async function resolveActor(db: Db, as: string | undefined, org?: string): Promise<Actor> {
  let user: Principal | null;
  if (org !== undefined && !as) throw usageError('--org picks one of the organisations of the person named with --as <e-mail>.');
  if (as) {
    const email = Email.safeParse(as);
    if (!email.success) throw usageError(`--as: "${as}" is not an e-mail address.`);
    // A person may belong to several organisations: --org (a name or an id) says in which one they act.
    const all = await membershipsByEmailForSignIn(db, email.data);
    if (all.length === 0) throw new CliError('not_found', `No user has the e-mail ${email.data}.`);
    const wanted = org === undefined ? all : all.filter((m) => m.orgId === org || m.orgName.toLowerCase() === org.trim().toLowerCase());
    if (wanted.length === 0) throw new CliError('not_found', `${email.data} is not a member of an organisation called "${org}". Theirs: ${all.map((m) => `"${m.orgName}"`).join(', ')}.`);
    const active = wanted.filter((m) => !m.disabled);
    if (active.length > 1) throw usageError(`${email.data} belongs to several organisations (${active.map((m) => `"${m.orgName}"`).join(', ')}): say which with --org <name>.`);
    user = active[0] ?? wanted[0];
  } else {
    const orgIds = await oldestOrgIds(db, 2);
    if (orgIds.length === 0) {
      throw new CliError('not_found', 'There is no organisation yet. Create it with: outsight users create --org-name <name> --email <e-mail> --name <name>');
    }
    if (orgIds.length > 1) throw usageError('This database holds several organisations: say who acts with --as <e-mail>.');
    const owner = await firstActiveOwner(db, orgIds[0]);
    if (!owner) throw new CliError('not_found', 'The organisation has no active owner: say who acts with --as <e-mail>.');
    user = { userId: owner.id, orgId: orgIds[0], role: owner.role, vendorId: owner.vendorId, email: owner.email, name: owner.name, disabled: owner.disabled };
  }
  if (user.disabled) throw new CliError('forbidden', `The user ${user.email} is disabled.`);
  return actorOf(user, 'token');
}
