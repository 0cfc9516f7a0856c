import { buildApp, type OutsightApp } from '../../src/server/app.ts';
import { loadConfig, type Config } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/client.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openTestDatabase } from './db.ts';
import pino from 'pino';
import { createMailer, type Mailer } from '../../src/server/mail/mailer.ts';

export interface TestApp {
  app: OutsightApp;
  database: Database;
  config: Config;
  /** Shifts the app's clock; tests of timeouts and expiry move it forward. */
  clock: { offsetMs: number };
  mailer: Mailer;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const filesDir = mkdtempSync(path.join(tmpdir(), 'outsight-files-'));
  const config = { ...loadConfig({ OUTSIGHT_DATA_DIR: '/nonexistent', OUTSIGHT_DEMO: '0', OUTSIGHT_FILES_DIR: filesDir }), ...overrides };
  const clock = { offsetMs: 0 };
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log: pino({ level: 'silent' }) });
  const app = await buildApp({ db: database.db, config, now: () => new Date(Date.now() + clock.offsetMs), mailer });
  return {
    app,
    database,
    config,
    clock,
    mailer,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
