import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { buildApp, type OutsightApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase, type Database } from '../../src/server/db/client.ts';
import pino from 'pino';
import { createMailer } from '../../src/server/mail/mailer.ts';

// First-run setup needs a database without any organisation, so this file always gets
// its own embedded database, whichever server the rest of the suite runs on.
let database: Database;
let app: OutsightApp;

beforeAll(async () => {
  const template = inject('pgliteTemplate');
  database = template
    ? await openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: new Blob([readFileSync(template)]) })
    : await openDatabase({ kind: 'pglite', dataDir: null });
  if (!template) await database.migrate();
  const config = loadConfig({ OUTSIGHT_DEMO: '0' });
  app = await buildApp({ db: database.db, config, now: () => new Date(), mailer: createMailer({ smtpUrl: null, from: config.mailFrom, log: pino({ level: 'silent' }) }) });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('first visit on an empty installation', () => {
  it('creates the first organisation and its owner, signs them in, and only once', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/setup/status' })).json()).toEqual({ needsSetup: true });
    const bad = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: { orgName: '', name: 'Olga', email: 'nope', password: 'short' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['email', 'orgName', 'password']);
    const payload = { orgName: 'Acme', name: 'Olga Owner', email: 'olga@acme.test', password: 'a long password' };
    const [first, second] = await Promise.all([
      app.inject({ method: 'POST', url: '/api/v1/setup', payload }),
      app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...payload, email: 'mallory@acme.test' } }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const winner = first.statusCode === 200 ? first : second;
    expect(winner.json().user.role).toBe('owner');
    expect((await app.inject({ method: 'GET', url: '/api/v1/setup/status' })).json()).toEqual({ needsSetup: false });
  });
});
