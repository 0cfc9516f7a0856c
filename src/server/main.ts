import pino from 'pino';
import { buildApp } from './app.ts';
import { verdictWritesSettled } from './modules/sla/sla.public.ts';
import { Cron } from 'croner';
import { createMailer } from './mail/mailer.ts';
import { runWeeklyDigests } from './jobs/digest.ts';
import { runExitReadinessCheck } from './jobs/exit-readiness.ts';
import { evaluateAfterChanges } from './jobs/risk-signals-after-change.ts';
import { runRiskSignals } from './jobs/risk-signals.ts';
import { runReminders } from './jobs/reminders.ts';
import { loadConfig } from './config.ts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type DatabaseConfig } from './db/client.ts';
import { existingTemplate } from './db/template.ts';
import { DataDirLockedError } from './db/lock.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoIfEmpty } from './seed/demo.ts';
import { needsSetup } from './modules/setup/setup.public.ts';
import { pruneSignInRecords } from './modules/auth/auth.public.ts';

/**
 * A new embedded database starts from the migrated template `npm ci` prepared
 * (src/server/db/template.ts) instead of running initdb: the first start is seconds faster.
 */
function withTemplate(db: DatabaseConfig): DatabaseConfig {
  if (db.kind !== 'pglite' || !db.dataDir || existsSync(path.join(db.dataDir, 'PG_VERSION'))) return db;
  const loadDataDir = existingTemplate();
  return loadDataDir ? { ...db, loadDataDir } : db;
}

/** config → database → migrate → demo → listen; SIGINT/SIGTERM close in reverse order. */
async function main() {
  const config = loadConfig();
  const dbLog = pino({ level: config.logLevel }).child({ component: 'database' });
  const dbConfig: DatabaseConfig =
    config.database.kind === 'postgres' ? { ...config.database, onConnectionError: (err) => dbLog.warn({ err: err.message }, 'database connection lost; requests answer 503 until it is back') } : config.database;
  const database = await openDatabase(withTemplate(dbConfig)).catch((err) => {
    if (err instanceof DataDirLockedError) {
      console.error(`outsight: ${err.message}`);
      process.exit(3);
    }
    throw err;
  });
  await database.migrate();

  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log: pino({ level: config.logLevel }) });
  const app = await buildApp(
    { db: database.db, config, now: () => new Date(), mailer },
    {
      serveWeb: true,
      logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    },
  );

  // Reminders run every ten minutes; claims in the database keep several servers from doubling them.
  // The same tick drops sign-in records too old to throttle anything.
  const baseUrl = config.publicUrl;
  const jobLog = app.log.child({ job: 'reminders' });
  const reminders = config.jobs
    ? new Cron('*/10 * * * *', { protect: true, catch: (err) => jobLog.error({ err }, 'reminder run failed') }, async () => {
        const r = await runReminders({ db: database.db, mailer, log: jobLog, baseUrl }, new Date());
        if (r.sent || r.failed) jobLog.info(r, 'reminders');
        await pruneSignInRecords(database.db, new Date());
      })
    : null;

  // Risk signals are evaluated every hour; the writes take the organisation's lock, so several servers write each change once.
  const riskLog = app.log.child({ job: 'risk-signals' });
  const riskSignals = config.jobs
    ? new Cron('17 * * * *', { protect: true, catch: (err) => riskLog.error({ err }, 'risk signal run failed') }, async () => {
        const r = await runRiskSignals({ db: database.db, log: riskLog, config }, new Date());
        if (r.raised || r.cleared) riskLog.info(r, 'risk signals');
      })
    : null;
  // And soon after a relevant change (started once the demo is seeded: the seed evaluates at its end, and
  // evaluating its half-built facts would open risks for facts that clear a moment later).
  let riskAfterChanges: ReturnType<typeof evaluateAfterChanges> | null = null;

  // Exit readiness moves with no exit change (a clause review, a drill's credit fading): a daily point of history.
  const exitLog = app.log.child({ job: 'exit-readiness' });
  const exitCheck = config.jobs
    ? new Cron('41 3 * * *', { protect: true, catch: (err) => exitLog.error({ err }, 'exit readiness check failed') }, async () => {
        const r = await runExitReadinessCheck({ db: database.db, log: exitLog, config }, new Date());
        if (r.recorded) exitLog.info(r, 'exit readiness history');
      })
    : null;

  // Each person's week: what they own that is due, e-mailed on the first weekday run of the week that has any.
  const digestLog = app.log.child({ job: 'weekly-digest' });
  const digests = config.jobs
    ? new Cron('0 7 * * 1-5', { protect: true, catch: (err) => digestLog.error({ err }, 'weekly digest failed') }, async () => {
        const r = await runWeeklyDigests({ db: database.db, log: digestLog, config, mailer, baseUrl }, new Date());
        if (r.sent || r.failed) digestLog.info(r, 'weekly digests');
      })
    : null;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // Stop accepting, let in-flight requests finish, then close the database cleanly
    // so PGlite flushes everything to disk.
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    try {
      reminders?.stop();
      riskSignals?.stop();
      exitCheck?.stop();
      digests?.stop();
      riskAfterChanges?.stop();
      await app.close();
      // SLA verdicts being stored behind an answer; one not done by the deadline rolls back and is measured again.
      await verdictWritesSettled();
      await database.close();
      clearTimeout(force);
      process.exit(0);
    } catch (err) {
      console.error(err);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  if (config.demo && (await seedDemoIfEmpty(database.db, config, app.log, mailer))) app.log.info('demo organisation created');
  // Changes within a few seconds coalesce into one evaluation per organisation.
  if (config.jobs && !closing) riskAfterChanges = evaluateAfterChanges({ db: database.db, log: riskLog, config });
  await app.listen({ port: config.port, host: config.host });

  const url = `http://localhost:${config.port}`;
  const where = config.database.kind === 'pglite' ? `embedded database in ${config.database.dataDir}` : 'PostgreSQL server from DATABASE_URL';
  console.log(`\nOutsight is running at ${url}  (${where})`);
  if (await needsSetup(database.db)) {
    console.log(`No organisation yet: open ${url} to create the first organisation and its owner.`);
  } else if (config.demo) {
    console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
    for (const l of DEMO_LOGINS) console.log(`  ${l.role.padEnd(15)} ${l.email}`);
  }
  console.log(`API reference: ${url}/api/v1/docs\n`);
  if (config.publicUrlDerived && config.database.kind === 'postgres') {
    console.warn(`OUTSIGHT_PUBLIC_URL is not set: links in e-mails point at ${config.publicUrl}. Set it to the address people use.`);
  }
}

main().catch((err) => {
  console.error('outsight: failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
